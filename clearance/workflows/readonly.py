"""Opening the store for commands that only read: read-only SQLite when possible (see store.engine)."""

from __future__ import annotations

import os

from clearance.settings import Settings
from clearance.store import Store
from clearance.store.engine import create_store_engine, sqlite_file
from clearance.store.revision import at_head


def open_store_for_reading(settings: Settings, *, prefer: bool | None) -> tuple[Store | None, bool]:
    """A read-only store, or None when the database must be opened for writing (created or migrated).

    ``prefer=True``: read-only whenever the SQLite file exists; ``None``: only when it cannot be written
    anyway (read-only file or folder). Also returns whether the file could be written (reopen allowed).
    A database at the newest migration is recognised without importing Alembic (``store.revision``).
    """
    path = sqlite_file(settings.db_url)
    if path is None or not path.is_file():
        return None, True
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if not (prefer or (prefer is None and not writable)):
        return None, writable
    engine = create_store_engine(settings.db_url, read_only=True)
    try:
        with engine.connect() as conn:
            if at_head(conn):
                return Store(engine), writable
            from clearance.store import migrate

            current = migrate.current_revision(conn)
        if current == migrate.head_revision() or not writable:
            return Store(engine), writable
    except BaseException:
        engine.dispose()
        raise
    engine.dispose()
    return None, writable
