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
    return out


def field_digests(record: dict[str, Any]) -> dict[str, str]:
    """A short digest of each field of the record, so that a replay can name the fields that differ."""
    return {k: digest(v)[:16] for k, v in record.items()}
