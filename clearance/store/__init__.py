"""Layer 2: the versioned list store (SQLAlchemy + Alembic; SQLite by default, PostgreSQL by URL).

Immutable list versions with checksums, all-or-nothing loads, an active version per list, diffs.
"""

from typing import TYPE_CHECKING, Any

from clearance.store.diff import EntityChange, EntityDiff, FieldChange, ListDiff, diff_entities
from clearance.store.guard import DEFAULT_MAX_SHRINK, ShrinkRefused
from clearance.store.info import Hold, LoadResult, VersionInfo

if TYPE_CHECKING:
    from clearance.store.store import LoadProgress, Store


def __getattr__(name: str) -> Any:
    """``Store`` and ``LoadProgress`` are imported on first use: importing SQLAlchemy costs a few tenths of a
    second that a screen command with a cached index does not need (``clearance.store.lite``)."""
    if name in ("Store", "LoadProgress"):
        from clearance.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

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
