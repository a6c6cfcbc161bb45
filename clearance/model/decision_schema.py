"""The published wire form of a determination record, as pydantic models: the source of its JSON Schema.

``Determination.to_dict()`` (clearance.model.decision) produces this shape; the JSON Schema in
docs/determination-record.schema.json is generated from :class:`DeterminationRecord` by
``python tools/gen_schema.py`` and a test checks both that the file is current and that every `clearance
determine --json` output validates against the model. Every key and enum value uses the CFR's spelling,
"license".
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from clearance.model.decision import RECORD_SCHEMA, LeStatus, Outcome, OvercomeKind


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OvercomeRecord(_Strict):
    kind: OvercomeKind = Field(description="what authorises the transaction despite the basis")
    ref: str = Field(description="the licence exception symbol, licence number or TGL")
    citation: str
    rules: list[str] = Field(description="rule keys whose values produced it")


class BasisRecord(_Strict):
    code: str = Field(description="e.g. EL, EL-FDP-fn1, EL-AFFILIATE, NS2, MEU, MIEU, DPL, 746-CU")
    cite: str = Field(description="CFR provision(s) and Federal Register documents")
    policy: str = Field(description="the review policy a licence application would meet")
    party: str | None
    overcome_by: OvercomeRecord | None
    previously_covered_by: str | None = Field(description="a licence that covered the basis until revoked")
    to_confirm: str | None = Field(description="why the basis is not certain (an open question)")
    rules: list[str]


class LicenseExceptionRecord(_Strict):
    symbol: str = Field(description="GBS, LVS, STA, ENC, GOV, ..., or ALL / ALL_OTHERS")
    status: LeStatus
    reason: str
    citation: str
    covers: list[str] = Field(description="basis codes an available licence exception overcomes")


class QuestionRecord(_Strict):
    text: str
    fact: str | None = Field(description="the order field or fact that would settle an open question")
    rule: str | None = Field(description="the rule key the rule data lacks (data gaps)")


class ListUseRecord(_Strict):
    code: str
    version: str | None
    why: str | None


class ListsRecord(_Strict):
    consulted: list[ListUseRecord]
    not_consulted: list[ListUseRecord]


class VersionsRecord(_Strict):
    code: str = Field(description="Clearance's own version")
    rules: str = Field(description="the rule data version (digest, plus overlays)")
    lists: dict[str, str] = Field(description="list code -> list version the parties were screened against")
    algorithm: str | None
    name_resources: str | None


class TraceRecord(_Strict):
    rule: str
    section: str
    effective: str
    until: str | None
    value: str
    cite: str
    fr: str | None
    verification: str | None
    source: str | None


class DeterminationRecord(_Strict):
    """One determination: `clearance determine --json` prints one per line."""

    schema_: Literal["clearance.determination/2"] = Field(alias="schema", description=f"always {RECORD_SCHEMA!r}")
    id: str
    as_of: str | None = Field(description="the date decided (ISO); null only for an order that could not be read")
    outcome: Outcome
    subject_to_ear: bool | None = Field(description="null: cannot say")
    subject_basis: list[str]
    license_required: bool | None = Field(description="null: indeterminate")
    bases: list[BasisRecord]
    review_policy: str
    license_exceptions: list[LicenseExceptionRecord]
    excluded: list[str]
    obligations: list[str]
    open_questions: list[QuestionRecord]
    data_gaps: list[QuestionRecord]
    reasons: list[str] = Field(description="every reason the answer is CANNOT_CLEAR, as text")
    to_confirm: list[QuestionRecord] = Field(
        default_factory=list,
        description="review items a reviewer must still confirm although the outcome stands (e.g. a possible "
                    "screening match beside a near-certain listing that decides the answer); never clearing")
    lists: ListsRecord
    versions: VersionsRecord
    citations: list[str]
    trace: list[TraceRecord]
    notes: list[str]
    line: int | None = Field(default=None, description="the order file line (--orders only)")
    screening: list[dict[str, Any]] | None = Field(
        default=None, description="how each party was screened (when parties were screened)")


def json_schema() -> str:
    """The JSON Schema text published in docs/determination-record.schema.json."""
    schema = DeterminationRecord.model_json_schema(by_alias=True)
    schema["$id"] = "https://clearance.invalid/schemas/determination-record-2.json"
    schema["title"] = "Clearance determination record (clearance.determination/2)"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
