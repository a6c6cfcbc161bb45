"""What a screening command needs to know of a SQLite store, read with the standard library's ``sqlite3``.

A screen command whose index is cached needs only the list versions (which is active, its checksum and data date)
and the users' alias rows to find that index: importing SQLAlchemy for those three small queries costs more than
the rest of the command's start-up. :func:`read_state` reads them with ``sqlite3`` in read-only mode from a
database at the newest migration and returns None in every other case (not a plain SQLite file, an older or newer
schema, a locked or unreadable file, a value it does not expect), so that the caller opens the store the usual way:
this path may only be faster, never different.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.store.info import VersionInfo

_VERSIONS = """
SELECT v.version_id, v.list_code, v.seq, v.checksum, v.parser, v.source_files, v.data_date, v.retrieved_at,
       v.loaded_at, v.entity_count, v.name_count, v.warnings, v.hold, v.hold_reason,
       a.version_id AS active_id, r.seq AS active_seq
FROM list_versions AS v
LEFT OUTER JOIN active_versions AS a ON a.list_code = v.list_code
LEFT OUTER JOIN list_versions AS r ON r.version_id = a.version_id
ORDER BY v.loaded_at DESC, v.list_code, v.seq DESC
"""
_ALIASES = "SELECT list_code, entry_key, alias, script, source FROM user_aliases ORDER BY table_name, row_no"


@dataclass(frozen=True, slots=True)
class LiteState:
    """Every list version, newest first (as ``Store.versions()``), the active ones by list code (as
    ``Store.active()``), and the user alias rows as (list, entry key, alias, script, source) in table and row order."""

    versions: tuple[VersionInfo, ...]
    active: dict[str, VersionInfo]
    alias_rows: tuple[tuple[str, str, str, str, str], ...]


def _when(text: Any) -> dt.datetime | None:
    if text is None:
        return None
    value = dt.datetime.fromisoformat(str(text))  # SQLAlchemy writes 'YYYY-MM-DD HH:MM:SS.ffffff', in UTC
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _info(row: sqlite3.Row) -> VersionInfo:
    loaded_at = _when(row["loaded_at"])
    if loaded_at is None:
        raise ValueError("a version without its load time")
    active_seq = row["active_seq"]
    return VersionInfo(
        version_id=str(row["version_id"]),
        list_code=str(row["list_code"]),
        seq=int(row["seq"]),
        checksum=str(row["checksum"]),
        source_files=tuple(json.loads(row["source_files"])),
        parser=str(row["parser"]),
        data_date=dt.date.fromisoformat(row["data_date"]) if row["data_date"] is not None else None,
        retrieved_at=_when(row["retrieved_at"]),
        loaded_at=loaded_at,
        entity_count=int(row["entity_count"]),
        name_count=int(row["name_count"]),
        warnings=tuple(json.loads(row["warnings"])),
        active=row["version_id"] == row["active_id"],
        hold=row["hold"],
        hold_reason=row["hold_reason"],
        newer_than_active=active_seq is None or int(row["seq"]) > int(active_seq),
    )


def read_state(path: Path, head: str | None) -> LiteState | None:
    """The store's versions and user aliases, or None when they cannot be read this way (see the module doc).

    ``head``: the newest migration's revision id (``store.revision.head_revision()``); the database must be at it.
    """
    if head is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except (sqlite3.Error, ValueError):
        return None
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "list_versions", "active_versions", "user_aliases"} <= tables:
            return None
        if [tuple(r) for r in conn.execute("SELECT version_num FROM alembic_version")] != [(head,)]:
            return None
        with conn:  # one read transaction: the versions and the aliases of the same committed state
            versions = tuple(_info(r) for r in conn.execute(_VERSIONS))
            aliases = tuple((str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in conn.execute(_ALIASES))
    except (sqlite3.Error, ValueError, TypeError, KeyError, json.JSONDecodeError):
        return None
    finally:
        conn.close()
    active = {v.list_code: v for v in sorted((v for v in versions if v.active), key=lambda v: v.list_code)}
    return LiteState(versions, active, aliases)
