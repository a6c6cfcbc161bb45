"""Reading order and scenario files (YAML, JSON, JSON lines; ``-`` for standard input) into validated orders.

Everything a user can get wrong about a file is a :class:`DataError` naming the file and line: a missing or
unreadable file, an empty one, a file that is not UTF-8 (UTF-16, Latin-1...), NUL bytes, a file over
:data:`MAX_FILE_BYTES`, invalid YAML or JSON, duplicate keys (refused in JSON as in YAML), JSON ``NaN`` or
``Infinity``, numbers too long to be amounts, nesting deeper than the parsers go. Numbers are never
expanded before the order model has bounded them: a JSON or YAML number longer than
:data:`~clearance.model.order_input.MAX_NUMBER_CHARS` characters is passed on as its text, which the model
refuses.

In a JSON-lines batch each line stands alone: a bad line gives that line an error (under its own id
when the line has one) and the batch goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import yaml

from clearance.errors import DataError
from clearance.model.determination import Request
from clearance.model.order_input import MAX_NUMBER_CHARS, rejoin_flow_commas, validate_order, validate_scenario_file
from clearance.rules.strict_yaml import _make_loader, load_text
from clearance.workflows.order_requests import to_request

MAX_FILE_BYTES = 32 * 1024 * 1024  # an order or scenario file
MAX_LINE_BYTES = 1024 * 1024  # one line of a JSON-lines batch
STDIN = "-"
TOO_LONG = b"\x00(line too long)"  # stands for a skipped line; compared by identity

_BOMS = {b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}


# ---- bytes → text ------------------------------------------------------------------------------------------


def _open(path: str) -> IO[bytes]:
    if path == STDIN:
        return sys.stdin.buffer
    try:
        return open(path, "rb")  # closed by the caller
    except FileNotFoundError:
        raise DataError("file not found", file=path) from None
    except IsADirectoryError:
        raise DataError("is a folder, not a file", file=path) from None
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path) from None


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """The bytes of a file (``-``: standard input), refused when larger than ``limit`` (MAX_FILE_BYTES)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    fh = _open(path)
    try:
        data = fh.read(limit + 1)
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path) from None
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()
    if len(data) > limit:
        raise DataError(f"file too large (more than {limit:,} bytes)", file=path)
    return data


def decode(data: bytes, file: str, first_line: int = 1) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is allowed), or a DataError naming the line of the first bad byte."""
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise DataError(f"the file is {name} text: save it as UTF-8", file=file, line=first_line)
    nul = data.find(b"\x00")
    if nul >= 0:
        hint = " (UTF-16 text? save it as UTF-8)" if data.count(b"\x00") * 4 >= len(data) else ""
        raise DataError(f"NUL byte in the text{hint}", file=file, line=first_line + data.count(b"\n", 0, nul))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        raise DataError(f"not UTF-8 text (byte 0x{data[exc.start]:02x}): save the file as UTF-8", file=file,
                        line=line) from None


# ---- text → data -------------------------------------------------------------------------------------------


def _int_or_text(text: str) -> int | str:
    return int(text) if len(text) <= MAX_NUMBER_CHARS else text  # the model refuses the long text


def _decimal_or_text(text: str) -> Decimal | str:
    return Decimal(text) if len(text) <= MAX_NUMBER_CHARS else text


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # rare: find the repeated key
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


def _second_key_line(text: str, key: str) -> int | None:
    """The line where ``key`` is written a second time (a hint: the same key of another object may come first)."""
    quoted = json.dumps(key)
    first = text.find(quoted)
    second = text.find(quoted, first + 1) if first >= 0 else -1
    return text.count("\n", 0, second) + 1 if second >= 0 else None


_DECODER = json.JSONDecoder(object_pairs_hook=_unique, parse_int=_int_or_text, parse_float=_decimal_or_text,
                            parse_constant=_no_constant)


def parse_json(text: str, file: str, line: int | None = None) -> Any:
    """JSON with duplicate keys refused, numbers kept exact (Decimal) and bounded, NaN/Infinity refused."""
    base = line or 1
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"not JSON: {exc.msg}", file=file, line=base + exc.lineno - 1) from None
    except _Duplicate as exc:
        where = line if line is not None else _second_key_line(text, exc.key)
        raise DataError(f"duplicate key {exc.key!r} (JSON objects must not repeat a key)", file=file, line=where,
                        field=exc.key) from None
    except ValueError as exc:
        raise DataError(f"not JSON: {exc}", file=file, line=line) from None
    except RecursionError:
        raise DataError("not an order: nested too deeply", file=file, line=line) from None


def _yaml_loader(file: str) -> type[yaml.SafeLoader]:
    base = _make_loader(file)

    class OrderLoader(base):  # type: ignore[valid-type,misc]
        def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
            if len(str(node.value)) > MAX_NUMBER_CHARS:
                return str(node.value)  # the model refuses it; int() would take quadratic time or raise
            return super().construct_yaml_int(node)

    OrderLoader.add_constructor("tag:yaml.org,2002:int", OrderLoader.construct_yaml_int)
    return OrderLoader


def parse_yaml(text: str, file: str) -> Any:
    """Strict YAML (duplicate keys refused, key lines remembered) with bounded integers."""
    return load_text(text, file, _yaml_loader(file))


def is_json(path: str, text: str) -> bool:
    """JSON by the file name; on standard input, when the text starts like a JSON object or array."""
    if path == STDIN:
        return text.lstrip()[:1] in ("{", "[")
    return Path(path).suffix.lower() == ".json"


def read_document(path: str) -> tuple[Any, bool]:
    """The parsed content of a YAML or JSON file and whether it was YAML."""
    if Path(path).suffix.lower() in (".jsonl", ".ndjson"):
        raise DataError("a JSON-lines file holds many orders: use --orders", file=path)
    text = decode(read_bytes(path), path)
    if not text.strip():
        raise DataError("the file is empty", file=path)
    if is_json(path, text):
        return parse_json(text, path), False
    data = parse_yaml(text, path)
    if data is None:
        raise DataError("the file holds no document", file=path)
    return data, True


# ---- orders ------------------------------------------------------------------------------------------------


def read_order(path: str | Path, default_id: str | None = None) -> tuple[Request, list[str]]:
    """The Request of a one-order YAML or JSON file and the notes on what was read from its free text."""
    name = str(path)
    data, from_yaml = read_document(name)
    return _request(data, name, getattr(data, "line", None) or 1, from_yaml,
                    default_id if default_id is not None else Path(name).stem)


def _request(data: Any, file: str, line: int | None, from_yaml: bool, default_id: str) -> tuple[Request, list[str]]:
    """Validate parsed data as an order (re-joining YAML flow commas first) and build its Request."""
    data, rejoined = rejoin_flow_commas(data) if from_yaml else (data, [])
    return to_request(validate_order(data, file=file, line=line), default_id, rejoined)


@dataclass(frozen=True, slots=True)
class Scenario:
    request: Request
    notes: list[str]
    raw: dict[str, Any]  # the scenario as written (expected answers and all)


def read_scenarios(path: str | Path) -> Iterator[tuple[Request, list[str], dict[str, Any]]]:
    """(request, notes, raw scenario) for each scenario of a file in the ear-scenarios.yaml schema.

    Every scenario is validated before the first is yielded: a bad scenario stops the file with a DataError
    naming its line and field, before any answer is printed."""
    return iter([(s.request, s.notes, s.raw) for s in load_scenarios(path)])


def load_scenarios(path: str | Path) -> list[Scenario]:
    name = str(path)
    data, from_yaml = read_document(name)
    out: list[Scenario] = []
    for i, raw in enumerate(validate_scenario_file(data, file=name), 1):
        req, notes = _request(raw, name, getattr(raw, "line", None) or getattr(data, "line", None), from_yaml, f"#{i}")
        out.append(Scenario(req, notes, dict(raw)))
    return out


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line of a JSON-lines batch: a request, or the error that line gave (under the line's own id)."""

    line: int
    id: str
    request: Request | None = None
    notes: tuple[str, ...] = ()
    error: DataError | None = None


def read_order_lines(path: str) -> Generator[tuple[int, bytes], None, None]:
    """(line number, bytes) of each non-blank line of a JSON-lines file (``-``: standard input). A line
    longer than :data:`MAX_LINE_BYTES` is skipped unread and given as :data:`TOO_LONG` (an error for that line)."""
    fh = _open(path)
    try:
        first = True
        n = 0
        while True:
            chunk = fh.readline(MAX_LINE_BYTES + 1)
            if n == 0 and not chunk:
                raise DataError("the file holds no orders", file=path)
            if not chunk:
                return
            n += 1
            if first:
                first = False
                for bom, enc in _BOMS.items():
                    if chunk.startswith(bom):
                        raise DataError(f"the file is {enc} text: save it as UTF-8", file=path, line=1)
            if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
                while (rest := fh.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield n, TOO_LONG
                continue
            if chunk.strip():
                yield n, chunk
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path) from None
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _line_id(data: Any, n: int) -> str:
    if isinstance(data, dict):
        oid = data.get("id")
        if isinstance(oid, str | int) and not isinstance(oid, bool) and 0 < len(str(oid)) <= 500:
            return str(oid)
    return f"line {n}"


def parse_order_line(n: int, chunk: bytes | str, file: str) -> OrderLine:
    """One line of a batch as an OrderLine (never raises)."""
    data: Any = None
    if isinstance(chunk, str):
        chunk = chunk.encode("utf-8", "surrogatepass")
    try:
        if chunk is TOO_LONG:
            raise DataError(f"line too long (more than {MAX_LINE_BYTES:,} bytes)", file=file, line=n)
        data = parse_json(decode(chunk, file, n), file, n)
        order = validate_order(data, file=file, line=n)
        req, notes = to_request(order, f"line {n}")
    except DataError as exc:
        if exc.line is None:
            exc.line = n
        return OrderLine(n, _line_id(data, n), error=exc)
    except Exception as exc:  # a defect of ours must not stop the batch: the line fails closed
        error = DataError(f"could not read the order ({type(exc).__name__}: {exc})", file=file, line=n)
        return OrderLine(n, _line_id(data, n), error=error)
    return OrderLine(n, req.id, req, tuple(notes))


def read_orders(path: str) -> Iterator[OrderLine]:
    """Each non-blank line of a JSON-lines order file, parsed and validated on its own."""
    for n, chunk in read_order_lines(path):
        yield parse_order_line(n, chunk, path)
