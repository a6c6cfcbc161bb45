"""Cutting inputs into partitions and reading them back: every row once, in order, bad rows named."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clearance.errors import ConfigError, DataError
from clearance.model.entity import Entity
from clearance.workflows.batch.partitions import plan, read_partition
from clearance.workflows.batch_input import read_rows
from tests.batch.conftest import transactions, write_csv


def _all(path: Path, rows: int) -> list[tuple[int, dict[str, object] | None, str | None]]:
    out = []
    the_plan = plan(str(path), rows)
    for part in the_plan.partitions:
        out.extend(read_partition(part))
    return out


@pytest.mark.parametrize("rows", [1, 7, 100, 10_000])
def test_csv_partitions_give_every_row_once_in_order(el_entities: list[Entity], tmp_path: Path, rows: int) -> None:
    path = write_csv(tmp_path / "tx.csv", transactions(el_entities, 1_000, 50))
    got = _all(path, rows)
    expected = list(read_rows(str(path)))  # the single-process reader
    assert [r for _, r, _ in got] == expected
    assert all(p is None for _, _, p in got)
    the_plan = plan(str(path), rows)
    assert len(the_plan.partitions) == -(-1_000 // rows)
    assert the_plan.records == 1_000


def test_a_quoted_line_break_is_never_cut_and_lines_are_physical(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('name,country\n"Two\nLines Co",CN\nPlain Ltd,RU\n"Three\nLine\nCorp",\nLast,\n', encoding="utf-8")
    the_plan = plan(str(path), 1)
    assert [p.first_line for p in the_plan.partitions] == [2, 4, 5, 8]
    got = _all(path, 1)
    assert [(line, r["name"] if r else None) for line, r, _ in got] == [
        (2, "Two\nLines Co"), (4, "Plain Ltd"), (5, "Three\nLine\nCorp"), (8, "Last")]


def test_bad_csv_rows_are_named_and_later_rows_kept(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"name,country\nGood One,CN\nToo,Many,Cells\n\"Bad\"quote,CN\nLatin \xe9 Ltd,FR\n"
                     b"\"Unclosed,CN\nAfter Unclosed,RU\nLast Ltd,DE\n")
    got = _all(path, 3)
    lines = {line: (row, problem) for line, row, problem in got}
    assert lines[2][0] == {"name": "Good One", "country": "CN"}
    assert "partition 0" in str(lines[3][1]) and "line 3" in str(lines[3][1]) and "3 cells" in str(lines[3][1])
    assert "malformed CSV" in str(lines[4][1])
    assert "not UTF-8" in str(lines[5][1]) and "line 5" in str(lines[5][1])
    assert "malformed CSV" in str(lines[6][1])
    # the unclosed quote does not swallow the rows after it
    assert lines[7][0] == {"name": "After Unclosed", "country": "RU"}
    assert lines[8][0] == {"name": "Last Ltd", "country": "DE"}


def test_jsonl_partitions_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "tx.jsonl"
    lines = [json.dumps({"name": f"Party {i}", "n": i}) for i in range(20)]
    lines[5] = "{not json"
    lines[9] = "[1, 2]"
    lines[12] = ""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = _all(path, 4)
    assert [line for line, _, _ in got] == [n for n in range(1, 21) if n != 13]
    bad = {line: problem for line, row, problem in got if row is None}
    assert set(bad) == {6, 10}
    assert "input partition 1" in str(bad[6]) and "line 6" in str(bad[6])
    assert [r["n"] for _, r, _ in got if r is not None] == [i for i in range(20) if i not in (5, 9, 12)]


def test_parquet_partitions_by_rows(tmp_path: Path) -> None:
    path = tmp_path / "tx.parquet"
    table = pa.table({"name": [f"Party {i}" for i in range(1000)], "country": ["CN"] * 1000})
    pq.write_table(table, path, row_group_size=128)
    got = _all(path, 300)
    assert [line for line, _, _ in got] == list(range(1, 1001))
    assert [r["name"] for _, r, _ in got if r] == [f"Party {i}" for i in range(1000)]
    assert len(plan(str(path), 300).partitions) == 4


def test_files_that_cannot_be_cut_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="standard input"):
        plan("-")
    with pytest.raises(DataError, match="file not found"):
        plan(str(tmp_path / "missing.csv"))
    (tmp_path / "noname.csv").write_text("party,country\nA,CN\n", encoding="utf-8")
    with pytest.raises(DataError, match="no 'name' column"):
        plan(str(tmp_path / "noname.csv"))
    (tmp_path / "x.parquet").write_bytes(b"not parquet")
    with pytest.raises(DataError, match="cannot read parquet"):
        plan(str(tmp_path / "x.parquet"))
