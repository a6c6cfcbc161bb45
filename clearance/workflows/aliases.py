"""Alias tables for screening: the shipped table plus the users' tables stored with the lists."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clearance.errors import DataError
from clearance.settings import get_settings
from clearance.sources.aliases import AliasRow, digest, read_table, shipped, shipped_text, unresolved
from clearance.workflows.lists import load_active, store_with_lists

if TYPE_CHECKING:
    from clearance.settings import Settings
    from clearance.store import Store


@dataclass(frozen=True, slots=True)
class AliasLoad:
    table: str
    rows: int
    replaced: bool  # a table of that name was stored before


def all_aliases(store: Store) -> list[AliasRow]:
    """The shipped table, then every user table, in a fixed order (the screening index takes them all)."""
    from clearance.store import aliases as stored

    return [*shipped(), *stored.user_rows(store)]


def aliases_digest(store: Store) -> str:
    """Changes when the shipped table or any user table changes (cheap: the shipped file is not parsed)."""
    from clearance.store import aliases as stored

    return digest_with(stored.user_rows(store))


def digest_with(user_rows: Iterable[AliasRow]) -> str:
    """``aliases_digest`` of a store whose user alias rows are ``user_rows`` (in table and row order)."""
    h = hashlib.sha256(shipped_text().encode())
    h.update(digest(user_rows).encode())
    return h.hexdigest()[:16]


def load_user_table(path: Path, *, name: str | None = None, store: Store | None = None,
                    settings: Settings | None = None) -> AliasLoad:
    """Validate ``path`` and store it as the user table ``name`` (default: the file name), replacing it.

    Every row must name an entry of a loaded list: a row that does not resolve raises DataError with its
    line and field, and nothing is stored (an alias that silently matches nothing would be a false clear).
    """
    rows = read_table(path)
    if not rows:
        raise DataError("no alias rows", file=path)
    settings = settings or get_settings()
    table = name or path.name
    with store_with_lists(store, settings) as st:
        codes = sorted({r.list_code for r in rows} & set(st.active()))
        entities = load_active(codes, store=st, settings=settings).entities if codes else ()
        missing = unresolved(rows, entities)
        if missing:
            bad = missing[0]
            line = _line_of(path, bad)
            field = "list" if bad.list_code not in st.active() else "entry_key"
            raise DataError(f"{len(missing)} row(s) name no entry of the loaded lists, first: "
                            f"{bad.list_code}:{bad.entry_key}", file=path, line=line, field=field)
        from clearance.store import aliases as stored

        before = stored.tables(st)
        n = stored.replace_table(st, table, rows)
    return AliasLoad(table, n, table in before)


def _line_of(path: Path, row: AliasRow) -> int | None:
    """The 1-based line of ``row`` in ``path`` (for the error message)."""
    for i, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if row.entry_key in line and row.alias in " ".join(line.split()):
            return i
    return None
