"""The determination record: what the EAR engine answers, as typed data (never prose that logic reads back).

Every field a workflow, the API or a test needs is a typed value here: the outcome, each licence basis with
its CFR provision, party, review policy and what overcomes it; each licence exception with its status and
reason; open questions (facts the order does not state) apart from data gaps (what the rule data does not
cover); the lists consulted; and the versions that make the answer reproducible. ``to_dict`` gives the wire
form, whose JSON Schema is published in docs/determination-record.schema.json (see
:mod:`clearance.model.decision_schema`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clearance.model.regulation import ConsultedRule

RECORD_SCHEMA = "clearance.determination/2"


class Outcome(StrEnum):
    """The answer. Spelled as the CFR spells "license" (these strings are published on the wire)."""

    NOT_SUBJECT = "NOT_SUBJECT"
    NO_LICENSE_REQUIRED = "NO_LICENSE_REQUIRED"
    LICENSE_EXCEPTION = "LICENSE_EXCEPTION"
    LICENSE_REQUIRED = "LICENSE_REQUIRED"
    PROHIBITED = "PROHIBITED"  # a denial order or an OFAC block: nothing a licence application can fix in practice
    CANNOT_CLEAR = "CANNOT_CLEAR"


class OvercomeKind(StrEnum):
    LICENSE_EXCEPTION = "license_exception"
    TGL = "tgl"  # a temporary general license
    LICENSE = "license"  # a licence the exporter holds
    SAVINGS_CLAUSE = "savings_clause"


@dataclass(frozen=True, slots=True)
class Overcome:
    """What authorises the transaction despite a basis: a licence exception, a TGL, a licence, a savings clause."""

    kind: OvercomeKind
    ref: str  # "GBS", "84 FR 22961 TGL", the licence number
    citation: str
    rules: tuple[str, ...] = ()

    def text(self) -> str:
        if self.kind is OvercomeKind.LICENSE_EXCEPTION:
            return f"License Exception {self.ref}"
        return self.citation if self.kind is not OvercomeKind.LICENSE else f"licence {self.ref} ({self.citation})"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "ref": self.ref, "citation": self.citation, "rules": list(self.rules)}


@dataclass(frozen=True, slots=True)
class Basis:
    """One independent licence requirement (before licence exceptions), linked to the rules that produced it."""

    code: str  # "EL", "EL-FDP-fn1", "EL-AFFILIATE", "NS2", "MEU", "DPL", ...
    cite: str  # the CFR provision and Federal Register documents
    policy: str  # review policy an application would meet
    party: str | None = None
    overcome_by: Overcome | None = None
    previously_covered_by: str | None = None  # a licence that covered it until revoked
    indeterminate: str | None = None  # why it is not certain (the open question)
    rules: tuple[str, ...] = ()  # rule keys whose values produced this basis

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "cite": self.cite,
            "policy": self.policy,
            "party": self.party,
            "overcome_by": self.overcome_by.to_dict() if self.overcome_by else None,
            "previously_covered_by": self.previously_covered_by,
            "to_confirm": self.indeterminate,
            "rules": list(self.rules),
        }


class LeStatus(StrEnum):
    AVAILABLE = "available"
    BARRED = "barred"


ALL = "ALL"  # every licence exception
ALL_OTHERS = "ALL_OTHERS"  # every licence exception but the ones listed as available beside it


@dataclass(frozen=True, slots=True)
class LicenseException:
    """A licence exception found available or barred for this transaction, and why."""

    symbol: str  # "GBS", "LVS", "STA", "GOV", or ALL / ALL_OTHERS
    status: LeStatus
    reason: str
    citation: str = ""
    covers: tuple[str, ...] = ()  # basis codes it overcomes (available ones)

    def to_dict(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "status": self.status.value, "reason": self.reason,
                "citation": self.citation, "covers": list(self.covers)}


@dataclass(frozen=True, slots=True)
class Question:
    """Why the engine cannot decide: an open question (a fact the order does not state) or a data gap."""

    text: str
    fact: str | None = None  # the order field or fact name that would settle it (open questions)
    rule: str | None = None  # the rule key the data lacks (data gaps)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "fact": self.fact, "rule": self.rule}


@dataclass(frozen=True, slots=True)
class ListUse:
    """A list the answer relied on (version) or could not rely on (why)."""

    code: str
    version: str | None = None
    why: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "version": self.version, "why": self.why}


@dataclass(frozen=True, slots=True)
class Versions:
    """What makes the answer reproducible."""

    code: str
    rules: str
    lists: tuple[tuple[str, str], ...] = ()  # (list code, version id)
    algorithm: str | None = None
    name_resources: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "rules": self.rules, "lists": dict(self.lists), "algorithm": self.algorithm,
                "name_resources": self.name_resources}


@dataclass(frozen=True, slots=True)
class Determination:
    request_id: str
    as_of: dt.date | None  # None only for an order that could not be read
    outcome: Outcome
    subject_to_ear: bool | None  # None = cannot say
    subject_basis: tuple[str, ...]
    license_required: bool | None  # None = indeterminate
    bases: tuple[Basis, ...]
    review_policy: str
    exceptions: tuple[LicenseException, ...]
    excluded: tuple[str, ...]  # bases that a carve-out removed
    obligations: tuple[str, ...]
    open_questions: tuple[Question, ...]
    data_gaps: tuple[Question, ...]
    trace: tuple[ConsultedRule, ...]
    versions: Versions
    notes: tuple[str, ...] = ()
    lists_consulted: tuple[ListUse, ...] = ()
    lists_not_consulted: tuple[ListUse, ...] = ()
    # review items: what a reviewer must still confirm although the outcome stands (e.g. a possible screening
    # match of another party beside a near-certain listing that already decides the answer); never clearing
    to_confirm: tuple[Question, ...] = ()

    def relabel(self, request_id: str, as_of: dt.date | None, trace: tuple[ConsultedRule, ...]) -> Determination:
        """This answer for another request with the same inputs (a cached answer handed to its caller)."""
        return Determination(request_id, as_of, self.outcome, self.subject_to_ear, self.subject_basis,
                             self.license_required, self.bases, self.review_policy, self.exceptions, self.excluded,
                             self.obligations, self.open_questions, self.data_gaps, trace, self.versions, self.notes,
                             self.lists_consulted, self.lists_not_consulted, self.to_confirm)

    @property
    def rules_version(self) -> str:
        return self.versions.rules

    @property
    def reasons(self) -> tuple[str, ...]:
        """Every reason the answer is CANNOT_CLEAR (open questions first), as text."""
        return tuple(q.text for q in self.open_questions) + tuple(q.text for q in self.data_gaps)

    @property
    def exceptions_available(self) -> tuple[LicenseException, ...]:
        return tuple(x for x in self.exceptions if x.status is LeStatus.AVAILABLE)

    @property
    def exceptions_barred(self) -> tuple[LicenseException, ...]:
        return tuple(x for x in self.exceptions if x.status is LeStatus.BARRED)

    @property
    def citations(self) -> list[str]:
        seen: dict[str, None] = {}
        for b in self.bases:
            seen.setdefault(b.cite, None)
        for t in self.trace:
            seen.setdefault(t.citation.text(), None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": RECORD_SCHEMA,
            "id": self.request_id,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "outcome": self.outcome.value,
            "subject_to_ear": self.subject_to_ear,
            "subject_basis": list(self.subject_basis),
            "license_required": self.license_required,
            "bases": [b.to_dict() for b in self.bases],
            "review_policy": self.review_policy,
            "license_exceptions": [x.to_dict() for x in self.exceptions],
            "excluded": list(self.excluded),
            "obligations": list(self.obligations),
            "open_questions": [q.to_dict() for q in self.open_questions],
            "data_gaps": [q.to_dict() for q in self.data_gaps],
            "reasons": list(self.reasons),
            "to_confirm": [q.to_dict() for q in self.to_confirm],
            "lists": {"consulted": [x.to_dict() for x in self.lists_consulted],
                      "not_consulted": [x.to_dict() for x in self.lists_not_consulted]},
            "versions": self.versions.to_dict(),
            "citations": self.citations,
            "trace": [t.to_dict() for t in self.trace],
            "notes": list(self.notes),
        }
