"""What screening takes and returns: queries, features (explanations), hits and results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from clearance.model.entity import Schema


class Decision(StrEnum):
    HIT = "HIT"  # the party is (very probably) the listed entry
    POSSIBLE = "POSSIBLE"  # a person must review
    CLEAR = "CLEAR"  # no entry scores at or above the POSSIBLE threshold
    CANNOT_CLEAR = "CANNOT_CLEAR"  # a list is stale or the input cannot be screened; see the reason


@dataclass(frozen=True, slots=True)
class Query:
    """One party to screen. Only ``name`` is required."""

    name: str
    country: str | None = None  # ISO alpha-2
    schema: Schema | None = None
    birth_date: str | None = None  # ISO date or year
    identifiers: tuple[str, ...] = ()
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Feature:
    """One piece of evidence: its effect on the score and the values compared."""

    name: str  # "name", "legal_form", "country", "birth_date", "identifier", "schema", "weak_alias", ...
    value: float  # the feature's own score, or the change it made to the score (+/-)
    detail: str  # a sentence a compliance officer can read
    query: str = ""
    candidate: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.name,
            "value": round(self.value, 4),
            "detail": self.detail,
            "query": self.query,
            "candidate": self.candidate,
        }


@dataclass(frozen=True, slots=True)
class Match:
    """The comparison of a query with one entity (or one name with another)."""

    score: float  # calibrated: reads like the probability of a true match
    raw: float  # the uncalibrated score (name similarity plus adjustments)
    matched_name: str
    matched_kind: str
    features: tuple[Feature, ...]


class _MatchSlots:
    """``Match``'s slots in a class that is not frozen: ``match_of`` fills one by plain attribute stores and makes it
    the ``Match`` it stands for (``__class__``: the two classes lay their objects out alike, checked below)."""

    __slots__ = ("score", "raw", "matched_name", "matched_kind", "features")  # noqa: RUF023 (Match's order)
    score: float
    raw: float
    matched_name: str
    matched_kind: str
    features: tuple[Feature, ...]


if _MatchSlots.__slots__ != Match.__slots__:  # pragma: no cover - a field added to one class and not the other
    raise ImportError("clearance.screening.model: _MatchSlots must have Match's slots, in order")


def match_of(score: float, raw: float, matched_name: str, matched_kind: str, features: tuple[Feature, ...]) -> Match:
    """``Match(score, raw, matched_name, matched_kind, features)``, built faster: by plain stores into the slots (see
    ``_MatchSlots``), not the frozen dataclass's ``object.__setattr__`` for each field (a Match per pair compared)."""
    m = _MatchSlots()
    m.score = score
    m.raw = raw
    m.matched_name = matched_name
    m.matched_kind = matched_kind
    m.features = features
    m.__class__ = Match  # type: ignore[assignment]
    return m  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Hit:
    list_code: str
    entry_id: str
    name: str  # the entry's primary name
    matched_name: str
    matched_kind: str
    schema: str
    score: float
    decision: Decision
    explanation: tuple[Feature, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "list": self.list_code,
            "entry_id": self.entry_id,
            "name": self.name,
            "matched_name": self.matched_name,
            "matched_kind": self.matched_kind,
            "schema": self.schema,
            "score": round(self.score, 4),
            "decision": self.decision.value,
            "explanation": [f.to_dict() for f in self.explanation],
        }


@dataclass(frozen=True, slots=True)
class ListVersion:
    """What the index knows about one list version: enough to refuse a stale list."""

    list_code: str
    version_id: str
    data_date: dt.date | None
    max_age_days: int
    stale_reason: str | None = None  # set by the workflow from the store's VersionInfo


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    query: Query
    decision: Decision
    hits: tuple[Hit, ...]
    algorithm: str
    list_versions: dict[str, str] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision.value,
            "hits": [h.to_dict() for h in self.hits],
            "algorithm": self.algorithm,
            "list_versions": dict(self.list_versions),
            "reasons": list(self.reasons),
        }
