"""Differences between two versions of a list: entries added, removed and changed field by field."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from clearance.model import Entity
from clearance.store.info import VersionInfo

# Where an entry sits in its file is not part of what it says.
IGNORED_FIELDS = frozenset({"source_file", "source_line"})


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _same(old: Any, new: Any) -> bool:
    """Equal as values; lists (multi-valued fields) are compared as multisets, ignoring order."""
    if isinstance(old, list) and isinstance(new, list):
        return Counter(map(_canonical, old)) == Counter(map(_canonical, new))
    return bool(old == new)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one entry that differs; ``old``/``new`` are values of ``Entity.to_dict()``."""

    field: str
    old: Any
    new: Any

    @property
    def added(self) -> list[Any]:
        """For a multi-valued field: values in ``new`` and not in ``old`` (else empty)."""
        if not (isinstance(self.old, list) and isinstance(self.new, list)):
            return []
        old = Counter(map(_canonical, self.old))
        out = []
        for value in self.new:
            key = _canonical(value)
            if old[key] > 0:
                old[key] -= 1
            else:
                out.append(value)
        return out

    @property
    def removed(self) -> list[Any]:
        """For a multi-valued field: values in ``old`` and not in ``new`` (else empty)."""
        return FieldChange(self.field, self.new, self.old).added

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "old": self.old, "new": self.new}
        if isinstance(self.old, list) and isinstance(self.new, list):
            out["added"] = self.added
            out["removed"] = self.removed
        return out


@dataclass(frozen=True, slots=True)
class EntityChange:
    entry_id: str
    name: str  # the primary name in the newer version
    fields: tuple[FieldChange, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"entry_id": self.entry_id, "name": self.name, "fields": [f.to_dict() for f in self.fields]}


class EntityDiff(NamedTuple):
    added: tuple[Entity, ...]  # in the newer version's source order
    removed: tuple[Entity, ...]  # in the older version's source order
    changed: tuple[EntityChange, ...]  # in the newer version's source order


def compare_entities(old: Entity, new: Entity) -> tuple[FieldChange, ...]:
    """The fields (of ``Entity.to_dict()``) whose values differ, source position excluded."""
    a, b = old.to_dict(), new.to_dict()
    return tuple(
        FieldChange(key, a.get(key), b.get(key))
        for key in b
        if key not in IGNORED_FIELDS and not _same(a.get(key), b.get(key))
    )


def _by_id(items: Iterable[Entity], which: str) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for e in items:
        if e.entry_id in out:
            raise ValueError(f"duplicate entry id {e.entry_id!r} in the {which} entities")
        out[e.entry_id] = e
    return out


def diff_entities(old: Iterable[Entity], new: Iterable[Entity]) -> EntityDiff:
    """Match entries by ``entry_id``: pure, so it runs on any two iterables of entities."""
    before = _by_id(old, "old")
    after = _by_id(new, "new")
    added = tuple(e for key, e in after.items() if key not in before)
    removed = tuple(e for key, e in before.items() if key not in after)
    changed: list[EntityChange] = []
    for key, e in after.items():
        if key in before:
            fields = compare_entities(before[key], e)
            if fields:
                changed.append(EntityChange(key, e.name, fields))
    return EntityDiff(added, removed, tuple(changed))


@dataclass(frozen=True, slots=True)
class ListDiff:
    list_code: str
    old: VersionInfo
    new: VersionInfo
    added: tuple[Entity, ...]
    removed: tuple[Entity, ...]
    changed: tuple[EntityChange, ...]

    @property
    def unchanged_count(self) -> int:
        return self.new.entity_count - len(self.added) - len(self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_code": self.list_code,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "counts": {
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(self.changed),
                "unchanged": self.unchanged_count,
            },
            "added": [e.to_dict() for e in self.added],
            "removed": [e.to_dict() for e in self.removed],
            "changed": [c.to_dict() for c in self.changed],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
