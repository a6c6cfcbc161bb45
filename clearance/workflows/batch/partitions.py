"""Cutting a batch input into partitions that workers read on their own, and reading one partition.

A CSV or JSON-lines file is cut at record boundaries into byte ranges of about ``partition_rows`` records,
by one pass over its bytes (numpy, 8 MiB at a time, memory independent of the file). A CSV record ends at a
line feed outside quotes (the count of ``"`` before it is even: RFC 4180 doubles quotes inside a field), so a
quoted name holding a line break is never cut. A Parquet file is cut into row ranges. Each partition knows the
physical line (CSV, JSON lines) or row number (Parquet) it starts at, so a bad row is named by partition and
line.

Reading a partition never stops at a bad row: a row that cannot be read (malformed CSV, more cells than the
header, bytes that are not UTF-8, a JSON line that is not an object) comes out as a problem naming the
partition, file and line, which the task turns into a CANNOT_CLEAR row. After a malformed CSV record spanning
several lines (an unclosed quote), reading starts again at the line after its first, so no later row is
swallowed by it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from clearance.errors import ConfigError, DataError
from clearance.workflows.batch_input import check_header, input_format, parse_json_line

BLOCK_BYTES = 8 << 20
DEFAULT_PARTITION_ROWS = 50_000
_LF, _QUOTE = 10, 34


@dataclass(frozen=True, slots=True)
class Partition:
    """One piece of an input file: bytes [start, end) of a CSV/JSON-lines file, rows [start, end) of Parquet."""

    number: int
    path: str
    format: str  # csv, jsonl, parquet
    start: int
    end: int
    first_line: int  # the physical line (CSV, JSON lines) or 1-based row (Parquet) the partition starts at
    records: int  # records in the range (CSV and JSON lines: blank lines included)
    columns: tuple[str, ...] | None  # the CSV or Parquet header; None for JSON lines

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"

    def where(self, line: int) -> str:
        unit = "row" if self.format == "parquet" else "line"
        return f"input partition {self.number} ({self.path}, {unit} {line})"


@dataclass(frozen=True, slots=True)
class Plan:
    path: str
    format: str
    columns: tuple[str, ...] | None
    partitions: tuple[Partition, ...]

    @property
    def records(self) -> int:
        return sum(p.records for p in self.partitions)


def plan(path: str, partition_rows: int = DEFAULT_PARTITION_ROWS, required: tuple[str, ...] = ("name",)) -> Plan:
    """The partitions of ``path`` (CSV, JSON lines or Parquet, by extension). Refuses a file it cannot cut:
    stdin, a missing file, a header without a ``required`` column, a file that is not Parquet."""
    if path == "-":
        raise ConfigError("batch commands read a file (partitions are read by many workers); for standard input "
                          "use `clearance screen --file -`")
    if partition_rows < 1:
        raise ConfigError("--partition-rows must be at least 1")
    p = Path(path)
    if not p.is_file():
        raise DataError("file not found" if not p.exists() else "is a folder; give a file", file=path)
    fmt = input_format(path)
    if fmt == "parquet":
        return _plan_parquet(path, partition_rows, required)
    return _plan_lines(path, fmt, partition_rows, required)


def _plan_lines(path: str, fmt: str, partition_rows: int, required: tuple[str, ...]) -> Plan:
    size = Path(path).stat().st_size
    is_csv = fmt == "csv"
    # cut points: (byte offset of the next record, its physical line, records before it)
    cuts: list[tuple[int, int, int]] = []
    header_end: tuple[int, int] | None = None
    parity = 0  # quotes seen so far, mod 2
    lines = 0  # line feeds seen so far
    records = 0  # record boundaries seen so far
    with open(path, "rb") as fh:
        offset = 0
        while block := fh.read(BLOCK_BYTES):
            arr = np.frombuffer(block, dtype=np.uint8)
            lf = np.flatnonzero(arr == _LF)
            if is_csv:
                quotes = np.cumsum(arr == _QUOTE, dtype=np.int64)
                odd = (quotes[lf] + parity) & 1
                bounds = np.flatnonzero(odd == 0)  # positions in ``lf`` of the record boundaries
                parity = int(quotes[-1] + parity) & 1
            else:
                bounds = np.arange(len(lf))
            # the record number of each boundary in the file (a CSV's header is record 0)
            ranks = np.arange(len(bounds), dtype=np.int64) + records
            if header_end is None and is_csv and len(bounds):
                header_end = (offset + int(lf[bounds[0]]) + 1, lines + int(bounds[0]) + 2)
            # data records before the cut: a CSV's header is not one
            before_cut = ranks if is_csv else ranks + 1
            wanted = (before_cut % partition_rows == 0) & (before_cut > 0)
            for b, d in zip(bounds[wanted].tolist(), before_cut[wanted].tolist(), strict=True):
                cuts.append((offset + int(lf[b]) + 1, lines + b + 2, d))
            records += len(bounds)
            lines += len(lf)
            offset += len(block)
    columns: tuple[str, ...] | None = None
    start, first_line, before = 0, 1, 0
    if is_csv:
        head_bytes, start, first_line = _csv_header_bytes(path, header_end, size)
        columns = _csv_header(head_bytes, path, required)
    total = records - (1 if is_csv and header_end is not None else 0)
    if size and not _ends_with_lf(path):
        total += 1  # a last record without a line feed
    parts: list[Partition] = []
    bounds_list = [(c, line, r) for c, line, r in cuts if c < size]
    for cut, line, done in [*bounds_list, (size, lines + 1, total)]:
        if cut <= start:
            continue
        parts.append(Partition(len(parts), path, fmt, start, cut, first_line, done - before, columns))
        start, first_line, before = cut, line, done
    if not parts:  # a CSV with a header and no row, or an empty JSON-lines file: one empty partition
        parts.append(Partition(0, path, fmt, start, size, first_line, 0, columns))
    return Plan(path, fmt, columns, tuple(parts))


def _ends_with_lf(path: str) -> bool:
    with open(path, "rb") as fh:
        fh.seek(-1, io.SEEK_END)
        return fh.read(1) == b"\n"


def _csv_header_bytes(path: str, header_end: tuple[int, int] | None, size: int) -> tuple[bytes, int, int]:
    """The header's bytes, where the data starts and its line."""
    with open(path, "rb") as fh:
        if header_end is None:  # no line feed outside quotes: the whole file is the header (or CR line ends)
            return fh.read(), size, 2
        return fh.read(header_end[0]), header_end[0], header_end[1]


def _csv_header(head: bytes, path: str, required: tuple[str, ...]) -> tuple[str, ...]:
    if not head.strip():
        raise DataError("empty file: the first line must be a header naming the columns, e.g. name,country",
                        file=path, line=1)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError("not UTF-8 text (save the file as UTF-8)", file=path, line=1) from exc
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise DataError(f"malformed CSV header: {exc}", file=path, line=1) from exc
    if len(rows) != 1:
        raise DataError("the header does not end with a line feed (a file with CR-only line ends?); save the file "
                        "with LF or CRLF line ends", file=path, line=1)
    return check_header(rows[0], path, required)


def _plan_parquet(path: str, partition_rows: int, required: tuple[str, ...]) -> Plan:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with pq.ParquetFile(path) as pf:
            names = [f.name for f in pf.schema_arrow]
            total = pf.metadata.num_rows
    except (pa.ArrowException, ValueError) as exc:
        raise DataError(f"cannot read parquet file: {exc}", file=path) from exc
    columns = check_header(names, path, required)
    parts = [Partition(i, path, "parquet", start, min(start + partition_rows, total), start + 1,
                       min(start + partition_rows, total) - start, columns)
             for i, start in enumerate(range(0, total, partition_rows))]
    return Plan(path, "parquet", columns, tuple(parts or [Partition(0, path, "parquet", 0, 0, 1, 0, columns)]))


# ---- reading one partition ---------------------------------------------------------------------------------

Read = tuple[int, dict[str, Any] | None, str | None]  # (line or row, the row, or why it cannot be read)


def read_partition(part: Partition) -> Iterator[Read]:
    """(line, row, None) for each row of ``part``, or (line, None, problem) for a row that cannot be read."""
    if part.format == "parquet":
        yield from _parquet(part)
        return
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.end - part.start)
    if part.format == "jsonl":
        yield from _jsonl(part, data)
    else:
        yield from _csv(part, data)


def _jsonl(part: Partition, data: bytes) -> Iterator[Read]:
    for k, raw in enumerate(data.split(b"\n")):
        line = part.first_line + k
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            if raw.strip():
                yield line, None, f"{part.where(line)}: not UTF-8 text"
            continue
        if not text.strip():
            continue
        try:
            yield line, parse_json_line(text, part.path, line), None
        except DataError as exc:
            yield line, None, f"{part.where(line)}: {exc.reason if hasattr(exc, 'reason') else exc}"


def _csv(part: Partition, data: bytes) -> Iterator[Read]:
    assert part.columns is not None
    columns = part.columns
    width = len(columns)
    lines = data.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    lines = _rejoin_cr(lines)
    at = 0  # the next line to parse
    while at < len(lines):
        feed = iter(lines[at:])
        reader = csv.reader(feed, strict=True)
        restart: int | None = None
        while True:
            first = at + reader.line_num  # the line this record starts on (0-based within the partition)
            try:
                cells = next(reader)
            except StopIteration:
                at = len(lines)
                break
            except csv.Error as exc:
                line = part.first_line + first
                yield line, None, f"{part.where(line)}: malformed CSV ({exc})"
                if at + reader.line_num - first > 1:  # it swallowed later lines: read again from the next one
                    restart = first + 1
                    break
                continue
            line = part.first_line + first
            if not cells:
                continue
            if len(cells) > width:
                yield line, None, (f"{part.where(line)}: {len(cells)} cells but the header has {width} columns (a "
                                   "comma too many, or an unquoted comma in a name?)")
                continue
            if any(_surrogate(c) for c in cells):
                yield line, None, f"{part.where(line)}: not UTF-8 text (save the file as UTF-8)"
                continue
            row: dict[str, Any] = dict(zip(columns, cells, strict=False))
            for col in columns[len(cells):]:
                row[col] = None
            yield line, row, None
        if restart is not None:
            at = restart


def _rejoin_cr(lines: list[str]) -> list[str]:
    """``splitlines`` also splits at a lone CR, U+2028 and others; the csv module and the plan count LF only."""
    out: list[str] = []
    buf = ""
    for piece in lines:
        buf += piece
        if buf.endswith("\n"):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def _surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parquet(part: Partition) -> Iterator[Read]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = 0
    try:
        with pq.ParquetFile(part.path) as pf:
            groups: list[int] = []
            at = 0
            for g in range(pf.metadata.num_row_groups):  # only the row groups holding the partition's rows
                n = pf.metadata.row_group(g).num_rows
                if at + n > part.start and at < part.end:
                    if not groups:
                        row = at
                    groups.append(g)
                at += n
            for batch in pf.iter_batches(batch_size=4096, row_groups=groups):
                n = batch.num_rows
                if row + n <= part.start:
                    row += n
                    continue
                lo, hi = max(part.start - row, 0), min(part.end - row, n)
                for k, values in enumerate(batch.slice(lo, hi - lo).to_pylist()):
                    yield row + lo + k + 1, values, None
                row += n
                if row >= part.end:
                    return
    except (pa.ArrowException, ValueError, OSError) as exc:
        line = max(row, part.start) + 1
        # every row of the partition not read yet comes out as a problem: none is lost
        for r in range(line, part.end + 1):
            yield r, None, f"{part.where(r)}: cannot read parquet rows ({exc})"


def read_lines(part: Partition) -> Iterator[tuple[int, bytes]]:
    """(line, bytes) of each non-blank line of a JSON-lines partition, unparsed (orders parse their own)."""
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.end - part.start)
    for k, raw in enumerate(data.split(b"\n")):
        if raw.strip():
            yield part.first_line + k, raw + b"\n"
