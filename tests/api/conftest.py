"""An app over a real store (Entity List 2025-11-08, Denied Persons List, OFAC non-SDN lists), with API keys."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from clearance.api import create_app
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.keys import ROLES, add_key
from clearance.workflows.lists import load_paths


@pytest.fixture(scope="session")
def api_db_template(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("api-template") / "api.db"
    store = Store.open(Settings(db=str(path), snapshot=False).db_url)
    try:
        outcomes = load_paths(store, [data_dir / "us_bis" / "entity_list_2025-11-08.csv",
                                      data_dir / "us_bis" / "dpl_2023-11-30.txt"])
        # the non-SDN files carry no date: retrieved as of their source commit (us_ofac/PROVENANCE.md)
        outcomes += load_paths(store, [data_dir / "us_ofac" / "consolidated_non_sdn"],
                               retrieved_at=dt.datetime(2025, 12, 19, tzinfo=dt.UTC))
        assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    finally:
        store.close()
    return path


@dataclass
class Api:
    client: TestClient
    keys: dict[str, str]  # role -> secret
    db: Path
    settings: Settings

    def auth(self, role: str = "analyst") -> dict[str, str]:
        return {"Authorization": f"ApiKey {self.keys[role]}"}


def _copy(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "db" / "api.db"
    path.parent.mkdir()
    shutil.copy(template, path)
    cache = template.parent / "screening-cache"
    if cache.is_dir():
        shutil.copytree(cache, path.parent / "screening-cache")
    return path


def make_api(template: Path, tmp_path: Path, *, max_age_days: int = 100_000) -> Iterator[Api]:
    path = _copy(template, tmp_path)
    settings = Settings(db=str(path), snapshot=False, max_age_days=max_age_days)
    with Store.open(settings.db_url) as st:
        keys = {role: add_key(st, f"test-{role}", role).secret for role in ROLES}
    app = create_app(settings, check_seconds=0.0)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Api(client, keys, path, settings)
    cache = template.parent / "screening-cache"
    if not cache.is_dir() and (path.parent / "screening-cache").is_dir():
        shutil.copytree(path.parent / "screening-cache", cache)  # later apps start from the built index


@pytest.fixture
def api(api_db_template: Path, tmp_path: Path) -> Iterator[Api]:
    """A fresh app over a private copy of the store; lists' age accepted."""
    yield from make_api(api_db_template, tmp_path)


@pytest.fixture(scope="module")
def shared_api(api_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One app for a module's read-only tests."""
    yield from make_api(api_db_template, tmp_path_factory.mktemp("shared-api"))


@contextlib.contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """The app under a real uvicorn server on a free loopback port (its base URL); stopped on exit."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
