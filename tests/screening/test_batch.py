"""Batch screening with worker processes: same rows, same order, same results as in one process."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.errors import DataError
from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.workflows import screening as wf


@pytest.fixture(scope="module")
def el_index(el_entities: list[Entity]) -> ScreeningIndex:
    return build_index(el_entities)


@pytest.fixture(scope="module")
def order_rows(el_entities: list[Entity]) -> list[dict[str, str]]:
    """Real Entity List names as an order file has them: repeated parties, unlisted ones and bad rows."""
    rng = random.Random(2)
    listed = [n.value for e in rng.sample(el_entities, 60) for n in e.names[:2]]
    parties = [*listed, "Acme Widgets GmbH", "Nobody Special Ltd", "Huawei", "华为技术有限公司", "CORP"]
    rows = []
    for i in range(700):
        rows.append({"name": rng.choice(parties), "country": rng.choice(["", "", "CN", "China", "RU"]),
                     "order_ref": f"SO-{i}"})
    rows[3]["name"] = ""  # empty name
    rows[10]["country"] = "Atlantis"  # unknown country
    rows[20]["schema"] = "Starship"  # unknown schema
    rows[30]["name"] = "x" * 10_000
    return rows


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many chunks and tasks, so that parties dispatched by an earlier chunk are reused while in flight."""
    monkeypatch.setattr(wf, "CHUNK_ROWS", 37)
    monkeypatch.setattr(wf, "TASK_QUERIES", 5)
    monkeypatch.setattr(wf, "AHEAD_CHUNKS", 3)


def test_workers_give_the_same_rows_in_the_same_order(
    el_index: ScreeningIndex, order_rows: list[dict[str, str]], small_chunks: None
) -> None:
    one = list(wf.screen_rows(order_rows, el_index))
    two = list(wf.screen_rows(order_rows, el_index, workers=2))
    assert len(two) == len(order_rows)
    assert [r["row"] for r in two] == list(range(len(order_rows)))
    assert [r["input"]["order_ref"] for r in two] == [r["order_ref"] for r in order_rows]
    assert two == one
    bad = {r["row"]: r for r in two if r["decision"] == "CANNOT_CLEAR"}
    assert {3, 10, 20} <= set(bad)
    assert "empty name" in bad[3]["reasons"][0] and "Atlantis" in bad[10]["reasons"][0]
    assert "Starship" in bad[20]["reasons"][0]
    assert any(r["decision"] == "HIT" for r in two) and any(r["decision"] == "CLEAR" for r in two)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_screen_file_streams_the_same_output(
    el_index: ScreeningIndex, order_rows: list[dict[str, str]], small_chunks: None, tmp_path: Path, suffix: str
) -> None:
    seen: list[int] = []
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    assert wf.screen_file(order_rows, str(one), el_index, workers=1) == len(order_rows)
    assert wf.screen_file(order_rows, str(two), el_index, workers=2, progress=seen.append) == len(order_rows)
    assert one.read_bytes() == two.read_bytes()
    assert seen == sorted(seen) and seen[-1] == 600
    if suffix == ".jsonl":
        lines = one.read_text(encoding="utf-8").splitlines()
        expected = [json.dumps(r, ensure_ascii=False, default=str) for r in wf.screen_rows(order_rows, el_index)]
        assert lines == expected  # the streamed lines are exactly the objects screen_rows gives
    else:
        out = list(csv.DictReader(one.open(encoding="utf-8")))
        assert [r["input_order_ref"] for r in out] == [r["order_ref"] for r in order_rows]


def test_default_workers_is_at_least_one() -> None:
    assert wf.default_workers() >= 1


def test_input_is_streamed_not_held(tmp_path: Path, el_index: ScreeningIndex) -> None:
    """Rows are read as they are screened: the first results come before a bad last line is even read."""
    src = tmp_path / "orders.csv"
    src.write_text("name,ref\n" + "".join(f"Acme Widgets {i},{i}\n" for i in range(5000)) + "a,b,c\n",
                   encoding="utf-8")
    rows = wf.read_rows(str(src))
    results = wf.screen_rows(rows, el_index)
    first = [next(results) for _ in range(10)]
    assert [r["input"]["ref"] for r in first] == [str(i) for i in range(10)]
    with pytest.raises(DataError, match="3 cells but the header has 2") as err:
        list(results)
    assert err.value.line == 5002
    rows.close()


def test_an_interrupted_file_batch_leaves_no_output(tmp_path: Path, el_index: ScreeningIndex,
                                                    order_rows: list[dict[str, str]]) -> None:
    out = tmp_path / "out.jsonl"

    def rows() -> Iterator[dict[str, str]]:
        yield from order_rows[:300]
        raise DataError("the input broke off", file="orders.csv", line=301)

    for workers in (1, 2):
        with pytest.raises(DataError, match="broke off"):
            wf.screen_file(rows(), str(out), el_index, workers=workers)
        assert list(tmp_path.iterdir()) == [], "no partial output, no temporary file"


def test_csv_and_parquet_outputs_stream_with_every_input_column(tmp_path: Path, el_index: ScreeningIndex,
                                                                  order_rows: list[dict[str, str]]) -> None:
    import polars as pl

    varied = [*order_rows[:50], {"name": "Late Column Ltd", "late": "=1+1"}]
    n_csv = wf.screen_file(varied, str(tmp_path / "o.csv"), el_index)
    n_pq = wf.screen_file(varied, str(tmp_path / "o.parquet"), el_index)
    assert n_csv == n_pq == 51
    with open(tmp_path / "o.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["input_order_ref"] for r in rows[:50]] == [r["order_ref"] for r in order_rows[:50]]
    assert rows[50]["input_late"] == "'=1+1" and rows[0]["input_late"] == ""
    df = pl.read_parquet(tmp_path / "o.parquet")
    assert df["row"].to_list() == list(range(51)) and df["input_late"].to_list()[-1] == "=1+1"
    assert df.schema["best_score"] == pl.Float64 and df.schema["hit_count"] == pl.Int64
