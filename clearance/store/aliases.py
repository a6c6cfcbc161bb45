"""Users' alias tables in the store: replace one table, read them all (see clearance/sources/aliases.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa

from clearance.sources.aliases import AliasRow
from clearance.store.engine import write_transaction
from clearance.store.schema import user_aliases
from clearance.store.store import Store


def replace_table(store: Store, table_name: str, rows: Sequence[AliasRow]) -> int:
    """Store ``rows`` as the table ``table_name``, replacing its earlier rows in one transaction."""
    now = dt.datetime.now(dt.UTC)
    with write_transaction(store.engine) as conn:
        conn.execute(sa.delete(user_aliases).where(user_aliases.c.table_name == table_name))
        if rows:
            conn.execute(sa.insert(user_aliases), [
                {"table_name": table_name, "row_no": i, "list_code": r.list_code, "entry_key": r.entry_key,
                 "alias": r.alias, "script": r.script, "source": r.source, "loaded_at": now}
                for i, r in enumerate(rows, 1)])
    return len(rows)


def user_rows(store: Store) -> list[AliasRow]:
    """Every stored alias of every user table, in table and row order."""
    q = sa.select(user_aliases).order_by(user_aliases.c.table_name, user_aliases.c.row_no)
    with store.engine.connect() as conn:
        return [AliasRow(r.list_code, r.entry_key, r.alias, r.script, r.source) for r in conn.execute(q)]


def tables(store: Store) -> dict[str, int]:
    """Stored table names with their row counts."""
    q = sa.select(user_aliases.c.table_name, sa.func.count()).group_by(user_aliases.c.table_name)
    with store.engine.connect() as conn:
        return {name: int(n) for name, n in conn.execute(q)}
