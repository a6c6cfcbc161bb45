"""open_index(): the index of the active list versions from the store, cached on disk, with staleness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.lists import load_paths
from clearance.workflows.screening import open_index, read_rows, screen_rows


def test_open_index_builds_caches_and_carries_list_ages(tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "s.db"
    settings = Settings(db=str(db), snapshot=False, max_age_days=30)
    store = Store.open(settings.db_url)
    try:
        outcomes = load_paths(store, [data_dir / "us_bis" / "entity_list_2025-11-08.csv"])
        assert all(o.ok for o in outcomes)
        index = open_index(["el"], store=store, settings=settings, today=dt.date(2025, 11, 20))
        cached = list((tmp_path / "screening-cache").glob("index-*.pkl"))
        assert len(cached) == 1
        again = open_index(["el"], store=store, settings=settings, today=dt.date(2026, 6, 1))
    finally:
        store.close()
    assert len(again) == len(index) == 3421
    q = Query("Huawei Technologies Co., Ltd.")
    fresh = screen(q, index, today=dt.date(2025, 11, 20))
    assert fresh.decision is Decision.HIT
    stale = screen(q, again, today=dt.date(2026, 6, 1))  # loaded from the cache, ages re-evaluated
    assert stale.decision is Decision.CANNOT_CLEAR and "maximum age is 30 days" in stale.reasons[0]


def test_screen_rows_never_drops_a_row(tmp_path: Path, el_entities: list) -> None:  # type: ignore[type-arg]
    from clearance.screening.index import build_index

    index = build_index(el_entities)
    src = tmp_path / "in.jsonl"
    src.write_text('{"name": "Huawei Device Co Ltd", "schema": "company"}\n\n{"name": null}\n'
                   '{"name": "Hikvision", "schema": "Starship"}\n', encoding="utf-8")
    rows = read_rows(str(src))
    out = list(screen_rows(rows, index))
    assert [r["row"] for r in out] == [0, 1, 2]
    assert [r["decision"] for r in out] == ["HIT", "CANNOT_CLEAR", "CANNOT_CLEAR"]
    assert "Starship" in out[2]["reasons"][0]
