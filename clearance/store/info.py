"""What the store says about a list version and about a load."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

HoldKind = Literal["pending", "history"]


@dataclass(frozen=True, slots=True)
class Hold:
    """Why a load stores a version without making it active.

    ``pending``: the version may be incomplete (it shrinks too much, a companion file was empty, it
    is an extract); it waits for ``lists activate VERSION --confirm-shrink``. ``history``: older or
    superseded data, kept for the record.
    """

    kind: HoldKind
    reason: str


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One immutable version of one list (``version_id`` is ``"{list_code}-{seq}"``)."""

    version_id: str
    list_code: str
    seq: int
    checksum: str  # sha256 hex of the source bytes
    source_files: tuple[str, ...]
    parser: str  # "slug@version"
    data_date: dt.date | None  # the date the publisher's data refers to
    retrieved_at: dt.datetime | None  # UTC; when the source files were downloaded, if known
    loaded_at: dt.datetime  # UTC
    entity_count: int
    name_count: int
    warnings: tuple[str, ...]
    active: bool
    hold: str | None = None  # None (activated when loaded), "pending", "history" or "confirmed"
    hold_reason: str | None = None
    newer_than_active: bool = False  # loaded after the list's active version (or none is active)

    @property
    def state(self) -> str:
        """"active"; "pending" (held at load, awaiting a decision); else "history"."""
        if self.active:
            return "active"
        if self.hold == "pending" and self.newer_than_active:
            return "pending"
        return "history"

    def age_days(self, today: dt.date) -> int | None:
        """Days between the data date (else the retrieval date) and ``today``; None if neither is known."""
        if self.data_date is not None:
            return (today - self.data_date).days
        if self.retrieved_at is not None:
            return (today - self.retrieved_at.astimezone(dt.UTC).date()).days
        return None

    def is_stale(self, max_age_days: int, today: dt.date) -> bool:
        """Older than ``max_age_days``; a version of unknown age is stale (fail closed)."""
        age = self.age_days(today)
        return age is None or age > max_age_days

    def to_dict(self) -> dict[str, Any]:
        return {
            "version_id": self.version_id,
            "list_code": self.list_code,
            "seq": self.seq,
            "checksum": self.checksum,
            "source_files": list(self.source_files),
            "parser": self.parser,
            "data_date": self.data_date.isoformat() if self.data_date else None,
            "retrieved_at": self.retrieved_at.isoformat() if self.retrieved_at else None,
            "loaded_at": self.loaded_at.isoformat(),
            "entity_count": self.entity_count,
            "name_count": self.name_count,
            "warnings": list(self.warnings),
            "active": self.active,
            "state": self.state,
            "hold_reason": self.hold_reason,
        }


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The outcome of ``Store.load``.

    ``unchanged`` is True when a version with the same checksum and parser already existed: no new
    version was written and which version is active did not change.
    """

    version: VersionInfo
    unchanged: bool
    previous: VersionInfo | None  # the active version of the list before this load
    seconds: float  # wall time of the load

    @property
    def activated(self) -> bool:
        """True when the active version of the list changed to this version."""
        return self.version.active and (self.previous is None or self.previous.version_id != self.version.version_id)
