"""Run the store's Alembic migrations programmatically (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection, Engine

from clearance.errors import ConfigError
from clearance.store.engine import write_transaction

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise RuntimeError(f"no migration found in {MIGRATIONS_DIR}")
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(engine: Engine) -> bool:
    """Bring the database to the newest revision; returns True when a migration ran.

    A database already at head is only read (no write lock taken). On PostgreSQL concurrent
    openers are serialised by an advisory lock held for the migration transaction.
    """
    head = head_revision()
    with engine.connect() as conn:
        current = current_revision(conn)
    if current == head:
        return False
    script = ScriptDirectory.from_config(alembic_config())
    if current is not None and not _known(script, current):
        raise ConfigError(
            f"the database is at migration {current!r}, unknown to this version of Clearance "
            "(it was created by a newer version); upgrade Clearance"
        )
    with write_transaction(engine) as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('clearance.store.migrate'))"))
        # Alembic reads the revision again under the lock: a concurrent opener may have migrated.
        command.upgrade(alembic_config(conn), "head")
    return True
