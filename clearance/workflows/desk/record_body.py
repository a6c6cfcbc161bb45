"""What a determination's audit record keeps: a summary an auditor reads, and a digest per field of the whole
record (so that a replay can say which fields differ)."""

from __future__ import annotations

import hashlib
from typing import Any

from clearance.store import audit_log as alog


def digest(value: Any) -> str:
    return hashlib.sha256(alog.canonical(value).encode()).hexdigest()


SUMMARY_FIELDS = ("id", "as_of", "outcome", "subject_to_ear", "license_required", "review_policy", "reasons",
                  "versions")


def summary(record: dict[str, Any]) -> dict[str, Any]:
    """What an auditor reads first in a determination record (the whole record is kept as digests)."""
    out = {k: record.get(k) for k in SUMMARY_FIELDS}
    out["bases"] = [{k: b.get(k) for k in ("code", "party", "policy", "overcome_by", "previously_covered_by",
                                            "to_confirm")} for b in record.get("bases", [])]
    out["to_confirm"] = [q.get("text") for q in record.get("to_confirm", [])]
    return out


def digests(record: dict[str, Any]) -> tuple[dict[str, str], str]:
    """A short digest of each field of the record (so that a replay can name the fields that differ) and the
    digest of the whole record (over the full digests of its fields, each field serialised once)."""
    full = {k: digest(v) for k, v in record.items()}
    return {k: d[:16] for k, d in full.items()}, digest(full)
