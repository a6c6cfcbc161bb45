"""Batch screening with worker processes: same rows, same order, same results as in one process."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest

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
