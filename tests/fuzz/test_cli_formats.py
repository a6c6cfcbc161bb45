"""Fuzzing the input formats the CLI reads: screen files (CSV, JSON lines, Parquet), pair files, settings,
and the CSV cells it writes. Any input either reads correctly or raises a ClearanceError naming the
problem (DataError naming the file; ConfigError naming the setting); never another exception.

Every property draws one ``st.binary()`` and builds its input from those bytes (tests/fuzz/kit.py), so
that each runs FUZZ_EXAMPLES seeded examples in CI (10,000) within the time budget.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.errors import ConfigError, DataError
from clearance.settings import Settings, get_settings
from clearance.workflows.batch_input import read_rows
from clearance.workflows.batch_output import safe_cell
from clearance.workflows.screening import row_query
from tests.fuzz.kit import FUZZ_EXAMPLES, TOKENS, Choices, mutate, program, scratch

WORK = scratch("clearance-fuzz-cli-")

# ---- building inputs from fuzzer bytes ---------------------------------------------------------------

# characters that matter to CSV, JSON and names; ANY picks a code point from the whole of Unicode
CHARS = ("a", "Z", "0", " ", ",", ";", '"', "'", "\r", "\n", "\t", "\x00", "\ufeff", "=", "+", "-", "@", "é", "華",
         "Ж", "ع", "\u200b", "\u202e", "\U0001f600", "\\", "{", "}", "[", "]", ":")  # fmt: skip
ANY = len(CHARS)
CELLS = ("", "Huawei Technologies Co., Ltd.", "=1+1", "a,b", 'say "hi"', "x\ry", "x\r\ny", "\ufeffname", "\x00",
         "name", "country")  # fmt: skip
COLUMNS = ("name", "country", "schema", "id", "address", "ref", "", "name1", "name2")


def text(c: Choices, max_len: int = 12) -> str:
    """Up to ``max_len`` characters; any Unicode scalar value but a surrogate."""
    out = []
    for _ in range(c.below(max_len + 1)):
        k = c.below(ANY + 1)
        if k < ANY:
            out.append(CHARS[k])
        else:
            cp = (c.byte() << 16 | c.byte() << 8 | c.byte()) % 0x110000
            out.append(chr(cp) if not 0xD800 <= cp <= 0xDFFF else "?")
    return "".join(out)


def cell(c: Choices) -> str:
    return c.pick(CELLS) if c.chance(3) else text(c)


def column(c: Choices) -> str:
    return c.pick(COLUMNS) if c.chance(2) else text(c, 6)


def json_value(c: Choices, depth: int = 0) -> Any:
    kind = c.below(8 if depth < 3 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return c.chance(2)
    if kind == 2:
        return c.below(1 << 16) - (1 << 15) if c.chance(2) else (c.byte() << 56) - (1 << 62)
    if kind == 3:
        return (c.below(1 << 16) - (1 << 15)) / (1 + c.byte())
    if kind == 4:
        return text(c)
    if kind in (5, 6):
        return [json_value(c, depth + 1) for _ in range(c.below(4))]
    return {text(c, 6) if c.chance(2) else c.pick(COLUMNS): json_value(c, depth + 1) for _ in range(c.below(4))}


def _write(name: str, data: bytes) -> str:
    path = WORK / name
    path.write_bytes(data)
    return str(path)


def _csv_bytes(cols: list[str], rows: list[list[str]], newline: str) -> bytes:
    buf = io.StringIO(newline="")
    # Python's writer leaves a field with a bare CR unquoted when the line ends in LF: quote all then
    breaks = any("\r" in x or "\n" in x for r in [cols, *rows] for x in r)
    writer = csv.writer(buf, lineterminator=newline, quoting=csv.QUOTE_ALL if breaks else csv.QUOTE_MINIMAL)
    writer.writerow(cols)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _read_all(path: str, required: tuple[str, ...] = ("name",)) -> list[dict[str, Any]] | DataError:
    try:
        rows = read_rows(path, required)
        try:
            return list(rows)
        finally:
            rows.close()
    except DataError as exc:
        assert str(exc) and (exc.file == path)
        return exc


# ---- screen files ----------------------------------------------------------------------------------------


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_csv_round_trip(data: bytes) -> None:
    """What a CSV writer writes (any Unicode, quotes, commas, CR/LF inside, any line ending) reads back exactly."""
    c = Choices(data)
    newline = c.pick(("\n", "\r\n", "\r"))
    cols = list(dict.fromkeys(["name", *(column(c) for _ in range(c.below(6)))]))
    cols.insert(c.below(len(cols)), cols.pop(0))  # `name` anywhere
    if cols[0].startswith("\ufeff"):
        cols[0] = "x" + cols[0]  # a file starting with U+FEFF starts with a byte-order mark: read as one
    rows = [[cell(c) for _ in cols] for _ in range(c.below(7))]
    got = _read_all(_write("t.csv", _csv_bytes(cols, rows, newline)))
    if newline == "\r" and any("\n" in x or "\r" in x for r in rows for x in r):
        return  # a lone-CR file with line breaks inside fields is ambiguous; any clean outcome will do
    assert not isinstance(got, DataError), got
    assert got == [dict(zip(cols, r, strict=True)) for r in rows]
    for row in got:
        row_query(row)  # never raises


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=st.binary(max_size=400))
def test_any_bytes_read_or_refused(data: bytes) -> None:
    """Any bytes under a .csv, .jsonl or .parquet name: read, or refused naming the file."""
    suffix = (".csv", ".jsonl", ".parquet")[data[0] % 3 if data else 0]
    got = _read_all(_write("any" + suffix, data[1:]))
    if not isinstance(got, DataError):
        for row in got:
            assert isinstance(row, dict)
            row_query(row)


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_jsonl_records(data: bytes) -> None:
    """JSON lines of any JSON values: objects are the rows, in order; anything else is refused by line."""
    c = Choices(data)
    junk = c.pick(("", "", "", "\n", "{", "\ufeff"))
    records = [
        {c.pick(COLUMNS) if c.chance(2) else text(c, 6): json_value(c, 1) for _ in range(c.below(5))}
        if c.below(4) else json_value(c)
        for _ in range(c.below(6))
    ]
    body = "".join(json.dumps(r) + "\n" for r in records)
    got = _read_all(_write("t.jsonl", (junk + body).encode("utf-8")))
    if isinstance(got, DataError):
        assert junk == "{" or any(not isinstance(r, dict) for r in records)
        return
    assert got == [r for r in records if isinstance(r, dict)]
    for row in got:
        _, problem = row_query(row)
        name = row.get("name")
        if name is not None and not isinstance(name, str):
            assert problem is not None and "not text" in problem


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_parquet_names(data: bytes) -> None:
    """A Parquet `name` column of text (with nulls) or of integers reads back; integers are "not text"."""
    c = Choices(data)
    as_int = c.chance(3)
    n = 1 + c.below(5)
    names: list[Any] = list(range(n)) if as_int else [None if c.chance(5) else text(c) for _ in range(n)]
    path = WORK / "t.parquet"
    pq.write_table(pa.table({"name": names, "ref": list(range(n))}), path)
    got = _read_all(str(path))
    assert not isinstance(got, DataError), got
    assert [r["name"] for r in got] == names
    for row in got:
        _, problem = row_query(row)
        if as_int:
            assert problem is not None and "not text" in problem


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_parquet_bytes_damaged(data: bytes) -> None:
    """A real Parquet file damaged byte by byte: read, or refused naming the file."""
    c = Choices(data)
    got = _read_all(_write("damaged.parquet", mutate(PARQUET_SEED, c)))
    if not isinstance(got, DataError):
        for row in got:
            row_query(row)


_buf = io.BytesIO()
pq.write_table(pa.table({"name": ["Huawei Technologies Co., Ltd.", None, "Ростех"], "country": ["CN", "", "RU"]}),
               _buf)
PARQUET_SEED = _buf.getvalue()


# ---- pair files -------------------------------------------------------------------------------------------


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_pair_files(data: bytes) -> None:
    """`compare --pairs`: read only with both name1 and name2 columns, each once."""
    c = Choices(data)
    cols = [column(c) for _ in range(1 + c.below(5))]
    rows = [[cell(c) for _ in range(c.below(6))] for _ in range(c.below(5))]
    got = _read_all(_write("pairs.csv", _csv_bytes(cols, rows, "\n")), ("name1", "name2"))
    if not isinstance(got, DataError):
        assert "name1" in cols and "name2" in cols and len(set(cols)) == len(cols)


# ---- settings and CSV output cells ---------------------------------------------------------------------

SETTINGS_FIELDS = ("CLEARANCE_MAX_AGE_OVERRIDES", "CLEARANCE_UPDATE_URLS", "CLEARANCE_MAX_AGE_DAYS",
                   "CLEARANCE_HTTP_TIMEOUT", "CLEARANCE_SNAPSHOT", "CLEARANCE_MAX_DOWNLOAD_MB",
                   "CLEARANCE_MAX_SHRINK_PERCENT", "CLEARANCE_MAX_SHRINK_OVERRIDES", "CLEARANCE_UPDATE_DEADLINE")


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_settings_values(data: bytes) -> None:
    """Any value of a setting: read, or ConfigError naming the variable."""
    c = Choices(data)
    field = c.pick(SETTINGS_FIELDS)
    value = json.dumps(json_value(c)) if c.chance(2) else text(c, 20)
    if "\x00" in value:
        return  # an environment variable cannot hold NUL
    old = os.environ.get(field)
    os.environ[field] = value
    get_settings.cache_clear()
    try:
        s = get_settings()
        assert isinstance(s, Settings)
    except ConfigError as exc:
        assert field in str(exc)
    finally:
        if old is None:
            os.environ.pop(field, None)
        else:
            os.environ[field] = old
        get_settings.cache_clear()


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_csv_cells_never_start_a_formula(data: bytes) -> None:
    c = Choices(data)
    kind = c.below(4)
    value: Any = (text(c) if c.chance(2) else c.pick(TOKENS).decode("utf-8", "replace")) if kind < 2 else (
        json_value(c) if kind == 2 else None)
    if isinstance(value, (list, dict, bool)):
        value = str(value)
    cell_value = safe_cell(value)
    if isinstance(value, str):
        assert not cell_value.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert cell_value in (value, "'" + value)
    else:
        assert cell_value == value


@pytest.fixture(autouse=True, scope="module")
def _cleanup() -> Any:
    yield
    shutil.rmtree(WORK, ignore_errors=True)
