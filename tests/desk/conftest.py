"""Desk fixtures: every desk test runs once on SQLite and once on PostgreSQL (CLEARANCE_TEST_PG_URL), each on
an empty database (a fresh schema on PostgreSQL, dropped afterwards), as the store tests do."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CLI, Ran, cli  # noqa: F401 - shared by the tests here
from tests.store.conftest import store_url  # noqa: F401 - an empty SQLite or PostgreSQL store per test

LIST_FILES = ("entity_list_2025-11-08.csv", "dpl_2023-11-30.txt", "meu_from_csl_subset_2023-11-30.csv",
              "uvl_from_csl_subset_2023-11-30.csv")


@pytest.fixture(scope="session")
def sqlite_lists_template(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A SQLite store with the real lists loaded (and its screening index cache), made once per session."""
    from clearance.settings import Settings
    from clearance.store import Store
    from clearance.workflows.lists import load_paths

    path = tmp_path_factory.mktemp("desk-template") / "db" / "desk.db"
    settings = Settings(db=str(path), snapshot=False, max_age_days=100000)
    with Store.open(settings.db_url) as st:
        assert all(o.ok for o in load_paths(st, [data_dir / "us_bis" / f for f in LIST_FILES], settings=settings))
    return path


@pytest.fixture
def desk_settings(store_url: str,  # noqa: F811 - the fixture imported above
                  data_dir: Path, sqlite_lists_template: Path,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Settings of a store holding the real Entity List (2025-11-08), Denied Persons, MEU and Unverified lists;
    lists' age accepted (the orders are dated in the past), no first-use snapshot. SQLite stores are copies of
    one template (with its screening index cache); PostgreSQL schemas are loaded afresh."""
    from clearance.settings import Settings, get_settings
    from clearance.store import Store
    from clearance.workflows.lists import load_paths

    monkeypatch.setenv("CLEARANCE_DB", store_url)
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")
    monkeypatch.setenv("CLEARANCE_SNAPSHOT", "false")
    monkeypatch.setenv("CLEARANCE_ACTOR", "desk-test")
    get_settings.cache_clear()
    settings = Settings(db=store_url, snapshot=False, max_age_days=100000)
    if store_url.startswith("sqlite:///"):
        target = Path(store_url.removeprefix("sqlite:///"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sqlite_lists_template, target)
        cache = sqlite_lists_template.parent / "screening-cache"
        if cache.is_dir():
            shutil.copytree(cache, target.parent / "screening-cache")
    else:
        with Store.open(store_url) as st:
            outcomes = load_paths(st, [data_dir / "us_bis" / f for f in LIST_FILES], settings=settings)
            assert all(o.ok for o in outcomes)
    yield settings
    if store_url.startswith("sqlite:///"):
        built = Path(store_url.removeprefix("sqlite:///")).parent / "screening-cache"
        cache = sqlite_lists_template.parent / "screening-cache"
        if built.is_dir() and not cache.is_dir():
            shutil.copytree(built, cache)  # later tests start from the built index
    get_settings.cache_clear()


