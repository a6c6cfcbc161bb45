"""Alembic environment: always run on a connection handed over by ``clearance.store.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from clearance.store.schema import metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run the store migrations through clearance.store.migrate.upgrade(engine)")
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
