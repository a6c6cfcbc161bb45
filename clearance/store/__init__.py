"""Layer 2: the versioned list store (SQLAlchemy + Alembic; SQLite by default, PostgreSQL by URL).

Immutable list versions with checksums, all-or-nothing loads, an active version per list, diffs.
"""

from clearance.store.diff import EntityChange, EntityDiff, FieldChange, ListDiff, diff_entities
from clearance.store.guard import DEFAULT_MAX_SHRINK, ShrinkRefused
from clearance.store.info import Hold, LoadResult, VersionInfo
from clearance.store.store import LoadProgress, Store

__all__ = [
    "DEFAULT_MAX_SHRINK",
    "EntityChange",
    "EntityDiff",
    "FieldChange",
    "Hold",
    "ListDiff",
    "LoadProgress",
    "LoadResult",
    "ShrinkRefused",
    "Store",
    "VersionInfo",
    "diff_entities",
]
