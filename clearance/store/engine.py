"""Engines for the store: a SQLite file (WAL, foreign keys on, real transactions) or PostgreSQL.

A read-only engine (``read_only=True``) opens a SQLite file with ``mode=ro`` and ``query_only``: commands
that only read never take a write lock, never create files beside the database, and work on a read-only
file system (there, with no WAL files present, the file is opened ``immutable``: nobody can write it).
In WAL mode readers never wait for a writer: they read the last committed state.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url

from clearance.errors import ConfigError

# Execution option naming how a SQLite transaction begins ("DEFERRED" or "IMMEDIATE").
_BEGIN_OPTION = "clearance_sqlite_begin"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def parse_url(url: str) -> URL:
    """A SQLAlchemy URL; a plain path (no ``://``) means a SQLite file."""
    text = url.strip()
    if not text:
        raise ConfigError("empty database URL (set CLEARANCE_DB to a SQLAlchemy URL or a file path)")
    if "://" not in text:
        text = f"sqlite:///{Path(text).expanduser().resolve()}"
    try:
        return make_url(text)
    except sa.exc.ArgumentError as exc:
        raise ConfigError(f"invalid database URL {url!r}: {exc}") from exc


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL, memory or URI databases)."""
    parsed = parse_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def create_store_engine(url: str, *, read_only: bool = False) -> Engine:
    """Create the engine; for a SQLite file, create its folder and configure each connection.

    ``read_only``: open an existing SQLite file for reading only (see the module docstring); it is an
    error if the file does not exist. Ignored for PostgreSQL (its readers never block writers).
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if read_only and path is not None:
            engine = sa.create_engine("sqlite://", creator=_read_only_creator(path))
            _configure_sqlite(engine, read_only=True)
            return engine
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed)
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise ConfigError(f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql")
    return sa.create_engine(parsed, pool_pre_ping=True, **pool_options())


def pool_options() -> dict[str, Any]:
    """The PostgreSQL connection pool of each process, from the settings (CLEARANCE_DB_POOL_*): many API
    workers, batch workers and desk commands share one server, so each keeps a bounded pool."""
    from clearance.settings import get_settings

    s = get_settings()
    return {"pool_size": s.db_pool_size, "max_overflow": s.db_max_overflow, "pool_timeout": s.db_pool_timeout,
            "pool_recycle": s.db_pool_recycle}


def _read_only_creator(path: Path) -> Callable[[], sqlite3.Connection]:
    def connect() -> sqlite3.Connection:
        if not path.is_file():
            raise sqlite3.OperationalError(f"unable to open database file {path}: no such file")
        folder_writable = os.access(path.parent, os.W_OK)
        wal_files = Path(f"{path}-wal").exists() or Path(f"{path}-shm").exists()
        mode = "mode=ro" if folder_writable or wal_files else "immutable=1"
        return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, check_same_thread=False)

    return connect


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    """WAL, foreign keys and busy timeout on every connection; SQLAlchemy (not pysqlite) runs BEGIN."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Stop pysqlite from issuing its own BEGIN (it skips DDL and SELECT): we emit BEGIN ourselves,
        # so that every transaction, including migrations, is really atomic.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if read_only:
                cursor.execute("PRAGMA query_only=ON")
            else:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction that takes the write lock up front on SQLite (BEGIN IMMEDIATE).

    Commits when the block ends normally, rolls back on any exception (or when the process dies).
    """
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        with conn.begin():
            yield conn
