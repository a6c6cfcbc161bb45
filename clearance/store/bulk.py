"""Fast bulk inserts inside the caller's transaction: COPY on PostgreSQL, executemany elsewhere.

Rows are dicts keyed by column name; JSON columns arrive already serialised (a ``str``), so each
payload is encoded once, by the validator that also checks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clearance.store.schema import JsonType

if TYPE_CHECKING:
    import psycopg


def _json_columns(table: sa.Table) -> list[str]:
    return [c.name for c in table.columns if c.type is JsonType]


def insert_rows(conn: Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table``; JSON values are JSON text."""
    if not rows:
        return
    columns = list(rows[0])
    if conn.dialect.name == "postgresql":
        _copy(conn, table, columns, rows)
        return
    # JSON text goes in as it is (SQLite stores JSON as text); the JSON type still decodes on read.
    raw = {
        name: sa.type_coerce(sa.bindparam(name), sa.Text) for name in _json_columns(table) if name in columns
    }
    conn.execute(table.insert().values(**raw) if raw else table.insert(), list(rows))


def _copy(conn: Connection, table: sa.Table, columns: list[str], rows: Sequence[dict[str, Any]]) -> None:
    dbapi = cast("psycopg.Connection[Any]", conn.connection.dbapi_connection)
    names = ", ".join(f'"{c}"' for c in columns)
    with dbapi.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])
