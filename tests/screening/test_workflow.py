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


def test_cached_index_is_found_without_sqlalchemy_and_never_stale(tmp_path: Path, data_dir: Path) -> None:
    """A screen command whose index is cached reads the list versions with sqlite3 (store.lite): the same versions
    as the store gives, the same cached file, and None (the store path) whenever anything differs."""
    import subprocess
    import sys

    from clearance.sources.aliases import AliasRow
    from clearance.store import aliases as stored
    from clearance.store import lite
    from clearance.store.revision import head_revision
    from clearance.workflows.lists import load_active
    from clearance.workflows.screening import open_cached_index

    db = tmp_path / "s.db"
    settings = Settings(db=str(db), snapshot=False, max_age_days=5000)
    day = dt.date(2025, 12, 1)
    with Store.open(settings.db_url) as store:
        assert all(o.ok for o in load_paths(store, [data_dir / "us_bis" / "dpl_2023-11-30.txt"]))
        assert open_cached_index(["dpl"], settings=settings, today=day) is None  # nothing cached yet
        built = open_index(["dpl"], settings=settings, today=day)  # no store given: builds and caches
        state = lite.read_state(db, head_revision())
        assert state is not None
        assert list(state.versions) == store.versions() and state.active == store.active()
        quick = open_cached_index(["dpl"], settings=settings, today=day)
        assert quick is not None and len(quick) == len(built) and quick.versions == built.versions
        assert open_cached_index(None, settings=settings, today=day) is not None  # every loaded list: dpl only
        assert open_cached_index(["el"], settings=settings, today=day) is None  # not loaded: the store path says so

        # a user alias changes the index: the cached one is no longer found
        key = load_active(["dpl"], store=store, settings=settings).entities[0].entry_id
        stored.replace_table(store, "mine", [AliasRow("dpl", key, "Zyxw Trading", "Latin", "test")])
        assert open_cached_index(["dpl"], settings=settings, today=day) is None
        open_index(["dpl"], settings=settings, today=day)
        assert open_cached_index(["dpl"], settings=settings, today=day) is not None

        # a new active list: the index of every list is not cached; the one of dpl alone still is
        assert all(o.ok for o in load_paths(store, [data_dir / "us_bis" / "entity_list_2025-11-08.csv"]))
        assert open_cached_index(None, settings=settings, today=day) is None
        assert open_cached_index(["dpl"], settings=settings, today=day) is not None

    probe = ("import sys, datetime as dt; from clearance.settings import Settings; "
             "from clearance.workflows.screening import open_cached_index; "
             f"s = Settings(db={str(db)!r}, snapshot=False, max_age_days=5000); "
             "assert open_cached_index(['dpl'], settings=s, today=dt.date(2025, 12, 1)) is not None; "
             "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
