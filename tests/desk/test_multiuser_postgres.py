"""PostgreSQL as the multi-user store: processes starting at once on an empty database migrate it once; desk
checkers drawing on one licence and readers determining orders at the same time, each with a one-connection
pool (CLEARANCE_DB_POOL_SIZE=1, no overflow), keep the licence drawdowns and the audit chain consistent."""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clearance.settings import Settings
from clearance.store import Store
from clearance.store import audit_log as alog
from clearance.store import licences as lic_store
from clearance.store.migrate import head_revision
from tests.desk.test_concurrent_checks import LICENCE, _worker

POOL_ENV = {"CLEARANCE_DB_POOL_SIZE": "1", "CLEARANCE_DB_MAX_OVERFLOW": "0", "CLEARANCE_DB_POOL_TIMEOUT": "120"}


def _open(url: str) -> tuple[str | None, int]:
    os.environ.update(POOL_ENV)
    with Store.open(url) as st, st.engine.connect() as conn:
        revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        return revision, st.engine.pool.size()  # type: ignore[attr-defined]


def _reader(url: str, n: int) -> list[str]:
    """An API-like reader: determinations with screening against the loaded lists, one connection."""
    os.environ.update({"CLEARANCE_DB": url, "CLEARANCE_MAX_AGE_DAYS": "100000", "CLEARANCE_SNAPSHOT": "false",
                       **POOL_ENV})
    from clearance.workflows.facade import Clearance

    order: dict[str, Any] = {"date": "2020-06-01", "to": "CN", "item": {"eccn": "5A992.c", "origin": "US"},
                             "parties": [{"role": "end_user", "name": "Huawei Device (Dongguan) Co Ltd"}]}
    with Clearance(settings=Settings(db=url, snapshot=False, max_age_days=100000)) as app:
        return [app.determine({**order, "id": f"r{n}-{i}"}).to_dict()["outcome"] for i in range(10)]


def _pg(url: str) -> None:
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL multi-user test (the SQLite store has one writer at a time by design)")


@pytest.mark.postgres
def test_processes_starting_at_once_migrate_an_empty_database_once(store_url: str) -> None:
    _pg(store_url)
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=4, mp_context=ctx) as pool:
        got = list(pool.map(_open, [store_url] * 4))
    assert got == [(head_revision(), 1)] * 4
    with Store.open(store_url) as st, st.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1


@pytest.mark.postgres
def test_checkers_and_readers_at_once_keep_drawdowns_and_audit_chain(desk_settings: Settings, tmp_path: Path) -> None:
    url = desk_settings.db
    _pg(url)
    from clearance.workflows.desk import Desk
    from clearance.workflows.facade import Clearance

    lic = tmp_path / "lic.yaml"
    lic.write_text(LICENCE)
    with Desk(Clearance(settings=desk_settings)) as desk:
        desk.add_licences(str(lic))
    files = []
    for tag in ("a", "b"):
        path = tmp_path / f"orders-{tag}.jsonl"
        path.write_text("".join(json.dumps({
            "id": f"{tag}-{i}", "date": "2020-06-01", "to": "CN", "quantity": 1,
            "item": {"eccn": "5A992.c", "origin": "US", "value": 10},
            "parties": [{"role": "end_user", "name": "Huawei Device (Dongguan) Co Ltd", "country": "CN"}]}) + "\n"
            for i in range(30)))
        files.append(str(path))
    ctx = multiprocessing.get_context("spawn")
    os.environ.update(POOL_ENV)  # inherited by the spawned checkers
    try:
        with ProcessPoolExecutor(max_workers=4, mp_context=ctx) as pool:
            checks = [pool.submit(_worker, url, f) for f in files]
            reads = [pool.submit(_reader, url, n) for n in range(2)]
            verdicts = [v for c in checks for v in c.result()]
            outcomes = [o for r in reads for o in r.result()]
    finally:
        for k in POOL_ENV:
            os.environ.pop(k, None)
    assert verdicts.count("RELEASE") == 45 and verdicts.count("HOLD") == 15
    assert outcomes == ["LICENSE_REQUIRED"] * 20  # the Entity List entry, read while the checkers write
    with Store.open(url) as st:
        assert lic_store.get(st.engine, "D2000001").quantity_used == 45
        assert len(lic_store.drawdowns(st.engine, "D2000001")) == 45
        v = alog.verify(st.engine)
        assert v.ok, v.problem
