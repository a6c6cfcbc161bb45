"""Whether a database is at the newest migration, without importing Alembic (a read-only command's start-up).

``head_revision`` reads the revision ids from the migration files themselves (``revision = "..."`` and
``down_revision = "..."``): the one revision no other revision follows. ``at_head`` compares it with the
``alembic_version`` table. Whenever either is not plain (no head or several, no table, several rows), they give
None / False and the caller asks Alembic (``clearance.store.migrate``), which knows every case.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r'^revision(?:\s*:\s*str)?\s*=\s*"([^"]+)"\s*$', re.M)
_DOWN = re.compile(r'^down_revision(?:\s*:\s*[^=]+)?\s*=\s*(?:None|"([^"]+)")\s*$', re.M)


@cache
def head_revision() -> str | None:
    """The newest migration's revision id, read from the migration files; None unless there is exactly one head."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        if path.name.startswith("_"):
            continue
        text = path.read_text(encoding="utf-8")
        rev, down = _REVISION.findall(text), _DOWN.findall(text)
        if len(rev) != 1 or len(down) != 1:
            return None
        revisions.add(rev[0])
        if down[0]:
            downs.add(down[0])
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 and downs <= revisions else None


def at_head(conn: Connection) -> bool:
    """True when the database of ``conn`` is at the newest migration; False when it is not or when unsure."""
    import sqlalchemy as sa

    head = head_revision()
    if head is None or not sa.inspect(conn).has_table("alembic_version"):
        return False
    rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    return [tuple(r) for r in rows] == [(head,)]
