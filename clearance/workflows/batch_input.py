"""Batch input files read as streams: CSV, JSON lines or Parquet, from a path or ``-`` (stdin).

Rows are read one at a time, so memory does not grow with the file. Everything that would make a row
silently wrong is refused with a DataError naming the file, line and field: no header, a header without
``name`` or with a column twice, a row with more cells than the header, a field over the CSV limit,
text that is not UTF-8 or not valid Unicode (a lone surrogate), a JSON key given twice.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clearance.errors import DataError

MAX_LINE_BYTES = 1 << 24  # one line of a CSV or JSON-lines file (a party is a few hundred bytes)
PARQUET_BATCH = 4096  # rows read from Parquet at a time
_SNIFF = 1 << 16


def input_format(path: str, head: bytes = b"") -> str:
    """``csv``, ``jsonl`` or ``parquet``: by extension, or for stdin by the first bytes."""
    lower = path.lower()
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if path == "-":
        if head.startswith(b"PAR1"):
            return "parquet"
        if head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"["):
            return "jsonl"
    return "csv"


class Rows:
    """A single-use stream of input rows (dicts) with the columns known up front (None for JSON lines)."""

    def __init__(self, path: str, fmt: str, columns: tuple[str, ...] | None, rows: Iterator[dict[str, Any]]) -> None:
        self.path = path
        self.format = fmt
        self.columns = columns
        self._rows = rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._rows

    def close(self) -> None:
        close = getattr(self._rows, "close", None)
        if close is not None:
            close()


def read_rows(path: str, required: tuple[str, ...] = ("name",)) -> Rows:
    """Open a batch input file (``-`` = stdin) and check its header; rows are read as they are iterated.

    ``required``: the columns a CSV or Parquet header must have (a JSON-lines record without one of them
    gets None for it, which the caller treats as missing).
    """
    try:
        stream = _stdin_bytes() if path == "-" else None
        head = stream.peek(_SNIFF)[:_SNIFF] if stream is not None else b""
        fmt = input_format(path, head)
        gen = {"csv": _csv_rows, "jsonl": _jsonl_rows, "parquet": _parquet_rows}[fmt](path, stream, required)
        columns: tuple[str, ...] | None = next(gen)
    except DataError:
        raise
    except OSError as exc:
        raise DataError(_os_reason(exc), file=path) from exc
    return Rows(path, fmt, columns, _guarded(gen, path))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, IsADirectoryError):
        return "is a folder; give a file"
    return f"cannot read: {exc.strerror or exc}"


def _guarded(gen: Iterator[Any], path: str) -> Iterator[dict[str, Any]]:
    try:
        yield from gen
    except DataError:
        raise
    except OSError as exc:
        raise DataError(_os_reason(exc), file=path) from exc


def _stdin_bytes() -> io.BufferedReader:
    buf = sys.stdin.buffer
    if isinstance(buf, io.BufferedReader):
        return buf
    return io.BufferedReader(buf)  # type: ignore[arg-type]  # test runners give a BytesIO


def _binary(path: str, stream: io.BufferedReader | None) -> io.BufferedReader:
    return stream if stream is not None else open(path, "rb")


class _Lines:
    """Decoded lines of a binary stream with exact line numbers: a bad byte is reported on its own line.

    Lines end at LF; each line is decoded on its own (UTF-8, a BOM on the first line dropped) and may be at
    most MAX_LINE_BYTES long.
    """

    def __init__(self, fh: io.BufferedReader, path: str) -> None:
        self.fh = fh
        self.path = path
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        first = True
        while True:
            raw = self.fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            if len(raw) > MAX_LINE_BYTES:
                raise DataError(f"line longer than {MAX_LINE_BYTES:,} bytes", file=self.path, line=self.number + 1)
            if first:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
                first = False
            self.number += 1
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DataError("not UTF-8 text (save the file as UTF-8)", file=self.path, line=self.number) from exc


def check_header(header: list[str], path: str, required: tuple[str, ...] = ("name",)) -> tuple[str, ...]:
    """The columns of a header; refuses a header without a ``required`` column or with a column twice."""
    seen: set[str] = set()
    for col in header:
        if col in seen:
            raise DataError(f"column {col!r} appears twice in the header; which one to screen is ambiguous",
                            file=path, line=1, field=col)
        seen.add(col)
    for col in required:
        if col not in seen:
            first = ",".join(header)[:80]
            raise DataError(f"no {col!r} column in the first line ({first!r}); the first line must be a header "
                            f"naming the columns, e.g. {','.join(required) if len(required) > 1 else 'name,country'}",
                            file=path, line=1, field=col)
    return tuple(header)


def _csv_rows(path: str, stream: io.BufferedReader | None, required: tuple[str, ...]) -> Iterator[Any]:
    fh = _binary(path, stream)
    # newline="": the csv module sees CR, LF and CRLF line ends as written, also inside quoted fields
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)
    try:
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise _csv_error(exc, path, 1, stream is None) from exc
        if header is None:
            raise DataError("empty file: the first line must be a header naming the columns, e.g. name,country",
                            file=path, line=1)
        columns = check_header(header, path, required)
        yield columns
        width = len(columns)
        while True:
            try:
                cells = next(reader, None)
            except (csv.Error, UnicodeDecodeError) as exc:
                line = reader.line_num + 1 if isinstance(exc, UnicodeDecodeError) else max(reader.line_num, 1)
                raise _csv_error(exc, path, line, stream is None) from exc
            if cells is None:
                return
            if not cells:
                continue  # a blank line
            if len(cells) > width:
                raise DataError(f"{len(cells)} cells but the header has {width} columns (a comma too many, or an "
                                "unquoted comma in a name?)", file=path, line=reader.line_num)
            row: dict[str, Any] = dict(zip(columns, cells, strict=False))
            for col in columns[len(cells):]:
                row[col] = None
            yield row
    finally:
        text.detach()
        if stream is None:
            fh.close()


def _bad_utf8_line(path: str) -> int | None:
    """The line of the first byte of ``path`` that is not UTF-8 (line ends: CRLF, LF or CR)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    prev_cr = False
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return line + _breaks(chunk[: max(exc.start, 0)], prev_cr)
            line += _breaks(chunk, prev_cr)
            prev_cr = chunk.endswith(b"\r")
    return None


def _breaks(data: bytes, prev_cr: bool) -> int:
    n = len(_LINE_BREAK.findall(data))
    return n - 1 if prev_cr and data.startswith(b"\n") else n


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _csv_error(exc: Exception, path: str, line: int, rescan: bool) -> DataError:
    if isinstance(exc, UnicodeDecodeError):
        found = _bad_utf8_line(path) if rescan else None
        return DataError("not UTF-8 text (save the file as UTF-8)", file=path, line=found or line)
    text = str(exc)
    if "field larger than field limit" in text:
        return DataError(f"a field is longer than {csv.field_size_limit():,} characters (an unclosed quote?)",
                         file=path, line=line)
    return DataError(f"malformed CSV: {text}", file=path, line=line)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def parse_json_line(text: str, path: str, line: int) -> dict[str, Any]:
    """One JSON-lines record: an object, no key twice, only valid Unicode text."""
    try:
        obj = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as exc:
        raise DataError(f"key {exc.key!r} appears twice in the object", file=path, line=line, field=exc.key) from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"not JSON: {exc.msg}", file=path, line=line) from exc
    except RecursionError as exc:
        raise DataError("JSON nested too deeply", file=path, line=line) from exc
    if not isinstance(obj, dict):
        raise DataError("each line must be a JSON object such as {\"name\": \"...\"}", file=path, line=line)
    if "\\u" in text or "\\U" in text:
        try:
            json.dumps(obj, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DataError("contains a lone surrogate escape (\\ud800-\\udfff): not valid Unicode text",
                            file=path, line=line) from exc
    return obj


def _jsonl_rows(path: str, stream: io.BufferedReader | None, required: tuple[str, ...]) -> Iterator[Any]:
    fh = _binary(path, stream)
    lines = _Lines(fh, path)
    try:
        yield None
        for text in lines:
            if text.strip():
                yield parse_json_line(text, path, lines.number)
    finally:
        if stream is None:
            fh.close()


def _parquet_rows(path: str, stream: io.BufferedReader | None, required: tuple[str, ...]) -> Iterator[Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source: Any = io.BytesIO(stream.read()) if stream is not None else Path(path)
    try:
        pf = pq.ParquetFile(source)
        names = [f.name for f in pf.schema_arrow]
    except OSError:
        raise
    except (pa.ArrowException, ValueError) as exc:
        raise DataError(f"cannot read parquet file: {exc}", file=path) from exc
    row_number = 0
    try:
        columns = check_header(names, path, required)
        yield columns
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH):
            for row in batch.to_pylist():
                row_number += 1
                yield row
    except (pa.ArrowException, ValueError) as exc:
        raise DataError(f"cannot read parquet file: {exc}", file=path, line=row_number + 1) from exc
    finally:
        pf.close()
