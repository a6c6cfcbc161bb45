"""Alembic migrations: an empty database is brought to head on open; a second open is a no-op."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from clearance.errors import ConfigError
from clearance.model import ParsedList
from clearance.store import Store, migrate
from clearance.store.engine import create_store_engine
from clearance.store.schema import metadata

from .realdata import subset

TABLES = {"list_versions", "entities", "names", "active_versions", "user_aliases",
          "audit_log", "audit_head", "licences", "licence_drawdowns", "counterparties", "reviews", "desk_orders",
          "api_keys", "licence_applications", "review_orders"}


def test_open_migrates_an_empty_database_once(store_url: str, cons: ParsedList) -> None:
    engine = create_store_engine(store_url)
    try:
        assert set(sa.inspect(engine).get_table_names()) == set()
        with Store.open(store_url) as st:
            st.load(subset(cons, 10))
        assert set(sa.inspect(engine).get_table_names()) == {*TABLES, "alembic_version"}
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            # the migrated tables are exactly the ones the code declares
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert migrate.upgrade(engine) is False  # already at head: nothing to do
        with Store.open(store_url) as st:  # a second open keeps the data
            assert [v.version_id for v in st.versions()] == ["ofac-cons-1"]
    finally:
        engine.dispose()


def test_downgrade_and_upgrade_again(store_url: str) -> None:
    Store.open(store_url).close()
    engine = create_store_engine(store_url)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        assert not TABLES & set(sa.inspect(engine).get_table_names())
        assert migrate.upgrade(engine) is True
        assert set(sa.inspect(engine).get_table_names()) >= TABLES
    finally:
        engine.dispose()


def test_database_from_a_newer_version_is_refused(store_url: str) -> None:
    Store.open(store_url).close()
    engine = create_store_engine(store_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    finally:
        engine.dispose()
    with pytest.raises(ConfigError, match="newer version"):
        Store.open(store_url)
