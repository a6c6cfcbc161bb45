"""Running the real console entry point (`clearance.cli.main.main`, the error boundary included) in-process."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.lists import load_paths
from tests.conftest import CLI, Ran, cli  # noqa: F401 - shared by the tests here


@pytest.fixture(scope="session")
def el_db_template(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A SQLite store with the real Entity List (2025-11-08) loaded, made once per session."""
    path = tmp_path_factory.mktemp("el-template") / "el.db"
    settings = Settings(db=str(path), snapshot=False)
    store = Store.open(settings.db_url)
    try:
        outcomes = load_paths(store, [data_dir / "us_bis" / "entity_list_2025-11-08.csv"])
        assert all(o.ok for o in outcomes)
    finally:
        store.close()
    return path


@pytest.fixture
def el_db(el_db_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the Entity List store, configured as CLEARANCE_DB, lists' age accepted."""
    path = tmp_path / "db" / "el.db"
    path.parent.mkdir()
    shutil.copy(el_db_template, path)
    cache = el_db_template.parent / "screening-cache"
    if cache.is_dir():
        shutil.copytree(cache, path.parent / "screening-cache")
    monkeypatch.setenv("CLEARANCE_DB", str(path))
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")
    monkeypatch.setenv("CLEARANCE_SNAPSHOT", "false")
    yield path
    if not cache.is_dir() and (path.parent / "screening-cache").is_dir():
        shutil.copytree(path.parent / "screening-cache", cache)  # later tests start from the built index
