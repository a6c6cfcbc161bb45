"""Store fixtures: every store test runs once on SQLite and once on PostgreSQL.

PostgreSQL runs when CLEARANCE_TEST_PG_URL is set (CI: postgresql+psycopg://postgres@127.0.0.1:5432/test);
each test gets its own fresh schema (tests run in parallel on a shared database). When the variable
is set but the server cannot be reached the tests fail: CI must never skip them silently.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearance.model import ParsedList
from clearance.store import Store

from .realdata import ofac_list

PG_ENV = "CLEARANCE_TEST_PG_URL"


def with_search_path(url: str, schema: str) -> str:
    """The URL with libpq ``options`` making ``schema`` the only schema on the search path."""
    parsed = sa.engine.make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return parsed.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db' / 'store.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: PostgreSQL store tests skipped (CI sets it)")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(base, poolclass=sa.pool.NullPool)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except sa.exc.OperationalError as exc:
        pytest.fail(f"{PG_ENV} is set but PostgreSQL cannot be reached: {exc}")
    try:
        yield with_search_path(base, schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    st = Store.open(store_url)
    try:
        yield st
    finally:
        st.close()


@pytest.fixture(scope="session")
def ofac_dir(data_dir: Path) -> Path:
    return data_dir / "us_ofac"


@pytest.fixture(scope="session")
def sdn_2021(ofac_dir: Path) -> ParsedList:
    """The consistent 2021-07-07 SDN set (sdn + alt + add): 8,976 entries."""
    d = ofac_dir / "2021-07-07_full_set"
    return ofac_list(d / "sdn.csv", d / "alt.csv", d / "add.csv", data_date=dt.date(2021, 7, 7))


@pytest.fixture(scope="session")
def sdn_2024(ofac_dir: Path) -> ParsedList:
    """SDN primary file 2024-05-03 (14,965 entries) with the late-2025 aliases and addresses."""
    return ofac_list(
        ofac_dir / "sdn_2024-05-03.csv",
        ofac_dir / "alt_2025-12-24.csv",
        ofac_dir / "add_2025-12-24.csv",
        data_date=dt.date(2024, 5, 3),
    )


@pytest.fixture(scope="session")
def cons(ofac_dir: Path) -> ParsedList:
    """OFAC consolidated (non-SDN) list, 442 entries, four of them Huawei."""
    d = ofac_dir / "consolidated_non_sdn"
    return ofac_list(
        d / "cons_prim.csv", d / "cons_alt.csv", d / "cons_add.csv", list_code="ofac-cons", data_date=None
    )
