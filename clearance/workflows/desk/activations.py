"""List activations the audit log does not name yet.

Since revision 0006 the store appends a ``list_activation`` record in the very transaction that loads or
activates a version (with its actor: :meth:`clearance.store.Store._audit_activation`). A database whose
versions were activated before that has no such records: when the active version of a list differs from the
last one the audit log names for that list, a ``list_activation`` record (event "found active") is appended
before the desk decides anything on it, so the trail names every version a desk decision relied on."""

from __future__ import annotations

from clearance.store import audit_log as alog
from clearance.workflows.desk.desk import Desk


def record_activations(desk: Desk) -> list[int]:
    active = desk.store.active()
    if not active:
        return []
    last: dict[str, str] = {}
    for r in alog.records(desk.store.engine, kind="list_activation"):
        code, _, version = r.subject.partition(":")
        last[code] = version
    entries = [desk.audit("list_activation", f"{v.list_code}:{v.version_id}", {
        "event": "found active", "list": v.list_code, "version": v.version_id, "checksum": v.checksum,
        "entries": v.entity_count,
        "data_date": v.data_date.isoformat() if v.data_date else None, "loaded_at": v.loaded_at.isoformat(),
        "source_files": list(v.source_files)}) for v in active.values() if last.get(v.list_code) != v.version_id]
    return alog.append(desk.store.engine, entries) if entries else []
