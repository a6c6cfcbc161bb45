"""Property tests (hypothesis) for the input formats the CLI reads: screen files (CSV, JSON lines, Parquet),
pair files and settings. Any input either reads correctly or raises a ClearanceError naming the problem;
never another exception. The CI profile (tests/conftest.py, CI=true) runs FUZZ_EXAMPLES seeded examples
each (the same every run).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.errors import ConfigError, DataError
from clearance.settings import Settings
from clearance.workflows.batch_input import read_rows
from clearance.workflows.batch_output import safe_cell
from clearance.workflows.screening import row_query

CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# CI: 2,000 seeded examples per property (JSONL 1,000, Parquet 100; about 3 minutes on 2 shared cores); a deeper run:
# CI=true CLEARANCE_FUZZ_EXAMPLES=10000 pytest tests/cli/test_fuzz_formats.py (about 15 minutes there).
FUZZ_EXAMPLES = int(os.environ.get("CLEARANCE_FUZZ_EXAMPLES", 2_000 if CI else 300))
WORK = Path(tempfile.mkdtemp(prefix="clearance-fuzz-"))

# ---- strategies ----------------------------------------------------------------------------------------

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)  # any Unicode scalar, no surrogates
cell = st.one_of(text, st.sampled_from(["", "Huawei Technologies Co., Ltd.", "=1+1", "a,b", 'say "hi"', "x\ry",
                                        "x\r\ny", "\ufeffname", "\x00"]))
column = st.one_of(st.sampled_from(["name", "country", "schema", "id", "address", "ref", ""]), text)
header = st.lists(column, min_size=1, max_size=6)


@st.composite
def csv_table(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A header with a unique `name` column and rows of exactly its width."""
    cols = list(dict.fromkeys(["name", *draw(header)]))
    draw(st.randoms()).shuffle(cols)
    rows = draw(st.lists(st.lists(cell, min_size=len(cols), max_size=len(cols)), max_size=8))
    return cols, rows


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(text, children, max_size=3),
    max_leaves=5,
)
json_record = st.dictionaries(st.sampled_from(["name", "country", "schema", "id", "ref"]) | text, json_value,
                              max_size=5)
raw_bytes = st.binary(max_size=400)


def _write(name: str, data: bytes) -> str:
    path = WORK / name
    path.write_bytes(data)
    return str(path)


def _csv_bytes(cols: list[str], rows: list[list[str]], newline: str) -> bytes:
    buf = io.StringIO(newline="")
    # Python's writer leaves a field with a bare CR unquoted when the line ends in LF: quote all then
    breaks = any("\r" in c or "\n" in c for r in [cols, *rows] for c in r)
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
@given(table=csv_table(), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_csv_round_trip(table: tuple[list[str], list[list[str]]], newline: str) -> None:
    """What a CSV writer writes (any Unicode, quotes, commas, CR/LF inside, any line ending) reads back exactly."""
    cols, rows = table
    path = _write("t.csv", _csv_bytes(cols, rows, newline))
    got = _read_all(path)
    if newline == "\r" and any("\n" in c or "\r" in c for r in rows for c in r):
        return  # a lone-CR file with line breaks inside fields is ambiguous; any clean outcome will do
    assert not isinstance(got, DataError), got
    assert got == [dict(zip(cols, r, strict=True)) for r in rows]
    for row in got:
        row_query(row)  # never raises


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=raw_bytes, suffix=st.sampled_from([".csv", ".jsonl", ".parquet"]))
def test_any_bytes_read_or_refused(data: bytes, suffix: str) -> None:
    got = _read_all(_write("any" + suffix, data))
    if not isinstance(got, DataError):
        for row in got:
            assert isinstance(row, dict)
            row_query(row)


@settings(max_examples=max(100, FUZZ_EXAMPLES // 2))  # generating nested JSON is the slow part
@given(records=st.lists(json_record | json_value, max_size=6), junk=st.sampled_from(["", "\n", "{", "\ufeff"]))
def test_jsonl_records(records: list[Any], junk: str) -> None:
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


@settings(max_examples=max(50, FUZZ_EXAMPLES // 20))  # each example writes a real Parquet file
@given(names=st.lists(st.one_of(text, st.none()), min_size=1, max_size=5), as_int=st.booleans())
def test_parquet_names(names: list[str | None], as_int: bool) -> None:
    path = WORK / "t.parquet"
    values: list[Any] = list(range(len(names))) if as_int else names
    pl.DataFrame({"name": values, "ref": list(range(len(names)))}).write_parquet(path)
    got = _read_all(str(path))
    assert not isinstance(got, DataError), got
    assert [r["name"] for r in got] == values
    for row in got:
        _, problem = row_query(row)
        if as_int:
            assert problem is not None and "not text" in problem


# ---- pair files -------------------------------------------------------------------------------------------


@settings(max_examples=FUZZ_EXAMPLES)
@given(cols=header, rows=st.lists(st.lists(cell, max_size=5), max_size=5))
def test_pair_files(cols: list[str], rows: list[list[str]]) -> None:
    got = _read_all(_write("pairs.csv", _csv_bytes(cols, rows, "\n")), ("name1", "name2"))
    if not isinstance(got, DataError):
        assert "name1" in cols and "name2" in cols and len(set(cols)) == len(cols)


# ---- settings and CSV output cells ---------------------------------------------------------------------


@settings(max_examples=FUZZ_EXAMPLES)
@given(field=st.sampled_from(["CLEARANCE_MAX_AGE_OVERRIDES", "CLEARANCE_UPDATE_URLS", "CLEARANCE_MAX_AGE_DAYS",
                              "CLEARANCE_HTTP_TIMEOUT", "CLEARANCE_SNAPSHOT", "CLEARANCE_MAX_DOWNLOAD_MB"]),
       value=st.one_of(text, json_value.map(json.dumps)))
def test_settings_values(field: str, value: str) -> None:
    from clearance.settings import get_settings

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
@given(value=st.one_of(text, st.integers(), st.floats(allow_nan=False), st.none()))
def test_csv_cells_never_start_a_formula(value: Any) -> None:
    cell_value = safe_cell(value)
    if isinstance(value, str):
        assert not cell_value.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert cell_value in (value, "'" + value)
    else:
        assert cell_value == value


@pytest.fixture(autouse=True, scope="module")
def _cleanup() -> Any:
    yield
    for p in WORK.iterdir():
        p.unlink()
