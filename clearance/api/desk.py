"""The compliance desk under /v1: orders (check, status), licences, the review queue, change impact, the audit log.

Every call goes through the server's :class:`~clearance.workflows.desk.service.DeskService` (the workflow facade);
every write is appended to the hash-chained audit log with its actor, the API key that asked (``name (key id)``).
Roles: a viewer reads; an analyst checks orders; an approver clears and confirms reviews and manages licences; an
admin records a change impact and exports the audit log.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from clearance.api.auth import Caller, requires
from clearance.api.errors import ApiError
from clearance.api.service import Service
from clearance.store.desk_records import CheckedLine
from clearance.workflows.desk.service import MAX_ORDERS, DeskService

router = APIRouter(prefix="/v1", tags=["compliance desk"])
Text = Annotated[str, Field(min_length=1, max_length=2000)]


def _desk(request: Request) -> DeskService:
    svc: Service = request.app.state.service
    return svc.desk


def actor(caller: Caller) -> str:
    """Who the audit log names: the key's name and id (``--no-auth``: anonymous)."""
    return f"{caller.name} (key {caller.key_id})" if caller.key_id else f"{caller.name} (no key: --no-auth)"


Viewer = Annotated[Caller, Depends(requires("viewer"))]
Analyst = Annotated[Caller, Depends(requires("analyst"))]
Approver = Annotated[Caller, Depends(requires("approver"))]
Admin = Annotated[Caller, Depends(requires("admin"))]


# ---- orders -----------------------------------------------------------------------------------------------


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    orders: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_ORDERS, description=(
        "Orders as `clearance orders check` reads them: id, date, to (or route), parties by role, and item "
        "(with quantity) or lines"))
    dry_run: bool = Field(False, description="Answer only: draw down no licence, record nothing")


def _line(x: CheckedLine) -> dict[str, Any]:
    return {"order": x.order_id, "line": x.line, "date": x.order_date.isoformat(), "verdict": x.verdict,
            "outcome": x.outcome, "reasons": x.reasons, "licence": x.licence_number, "audit": x.audit_seq,
            "request": x.request}


@router.post("/orders/check", summary="Check orders: RELEASE, HOLD (and why) or BLOCK per order line")
def check_orders(body: CheckRequest, request: Request, caller: Analyst) -> dict[str, Any]:
    """Each line screened, determined and matched to the licences held. A bad order is an error item naming
    ``orders[i]`` and its field and the others are checked; when no line can be checked the answer is a 422.
    Unless ``dry_run``, licences relied on are drawn down and every screening and determination is appended to
    the audit log with the caller as actor."""
    results = _desk(request).check(body.orders, actor(caller), record=not body.dry_run)
    good = [r for r in results if r.error is None]
    if not good:
        bad = results[0].error
        assert bad is not None
        where = f"orders[{bad.file_line}]" + (f".{bad.field}" if bad.field else "")
        raise ApiError(422, f"{where}: {bad.message}", field=where)
    counts = Counter(r.answer.verdict.value for r in good if r.answer is not None)
    out = []
    for r in results:
        d = r.to_dict()
        if r.error is not None:
            d["error"] = {**r.error.to_dict(), "field": f"orders[{r.error.file_line}]"
                          + (f".{r.error.field}" if r.error.field else "")}
        out.append(d)
    return {"summary": dict(sorted(counts.items())), "bad": len(results) - len(good), "recorded": not body.dry_run,
            "results": out}


@router.get("/orders", summary="Checked order lines, newest first (their last recorded answer)")
def orders(request: Request, caller: Viewer,
           verdict: Annotated[Literal["RELEASE", "HOLD", "BLOCK"] | None, Query()] = None,
           limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
    return [_line(x) for x in _desk(request).orders(verdict=verdict, limit=limit)]


@router.get("/orders/{order_id}", summary="The status of one order: each line's last recorded answer")
def order_status(request: Request, caller: Viewer,
                 order_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    lines = _desk(request).order(order_id)
    verdicts = {x.verdict for x in lines}
    status = "BLOCK" if "BLOCK" in verdicts else "RELEASE" if verdicts == {"RELEASE"} else "HOLD"
    return {"order": order_id, "status": status, "lines": [_line(x) for x in lines]}


# ---- licences ---------------------------------------------------------------------------------------------


@router.get("/licenses", summary="Every licence held, with what is left of it")
def licences(request: Request, caller: Viewer) -> list[dict[str, Any]]:
    return [x.to_dict() for x in _desk(request).licences()]


@router.get("/licenses/{number}", summary="One licence, its conditions and every drawdown")
def licence(request: Request, caller: Viewer, number: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    return _desk(request).licence(number)


class AddLicences(BaseModel):
    model_config = ConfigDict(extra="forbid")
    licences: list[dict[str, Any]] = Field(min_length=1, max_length=1000, description=(
        "Licences as `clearance licenses add` reads them (number, holder, kind, parties, eccns, destination, "
        "limits, valid_from, valid_to, conditions, supplier_confirmation)"))


@router.post("/licenses", status_code=201, summary="Add licences (all or nothing)")
def add_licences(body: AddLicences, request: Request, caller: Approver) -> list[dict[str, Any]]:
    """A bad licence is a 422 naming ``licences[i]`` and its field, and none is added."""
    items = _desk(request).add_licences({"licences": body.licences}, actor(caller), source="licences")
    return [x.to_dict() for x in items]


class Revoke(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: dt.date = Field(description="Revoked from this date: shipments from it on are no longer covered")
    reason: Text


@router.post("/licenses/{number}/revoke", summary="Record a licence's revocation from a date")
def revoke_licence(body: Revoke, request: Request, caller: Approver,
                   number: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    if not body.reason.strip():
        raise ApiError(422, "give the reason for the revocation", field="reason")
    return _desk(request).revoke_licence(number, body.date, body.reason, actor(caller)).to_dict()


# ---- review queue -----------------------------------------------------------------------------------------


@router.get("/review", summary="The review queue (open reviews; or every review and its decision)")
def reviews(request: Request, caller: Viewer,
            status: Annotated[Literal["open", "cleared", "confirmed", "all"], Query()] = "open",
            ) -> list[dict[str, Any]]:
    return [r.to_dict() for r in _desk(request).reviews(None if status == "all" else status)]


@router.get("/review/{review_id}", summary="One review: the hit, its explanation, the list entry, the order")
def review(request: Request, caller: Viewer, review_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    return _desk(request).review(review_id)


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Text = Field(description="Why: kept with the decision in the audit log")


@router.post("/review/{review_id}/clear", summary="Clear a hit: the party is not the listed one")
def clear(body: Decision, request: Request, caller: Approver,
          review_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    """Remembered for that counterparty and that list entry as it is now; re-opened when the entry changes."""
    return _desk(request).decide([review_id], "clear", body.reason, actor(caller))[0].to_dict()


@router.post("/review/{review_id}/confirm", summary="Confirm a hit: the party is the listed one")
def confirm(body: Decision, request: Request, caller: Approver,
            review_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    return _desk(request).decide([review_id], "confirm", body.reason, actor(caller))[0].to_dict()


# ---- change impact ----------------------------------------------------------------------------------------

Since = Annotated[str | None, Query(max_length=80, description="A list version (el-3): also report "
                                    "counterparties hitting entries added or changed since it")]


@router.get("/impact", summary="What-if: what the active lists change for the desk (nothing recorded)")
def impact(request: Request, caller: Analyst, since: Since = None) -> dict[str, Any]:
    """Every counterparty, checked order line and licence re-evaluated against the active lists; newly listed
    counterparties, order lines whose verdict changed, licences that can no longer cover a shipment."""
    return _desk(request).impact(actor(caller), since=since, record=False).to_dict()


class ImpactRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    since: str | None = Field(None, max_length=80)


@router.post("/impact", summary="Re-evaluate the desk and record the new answers (audit log, reviews, orders)")
def impact_record(body: ImpactRequest, request: Request, caller: Admin) -> dict[str, Any]:
    return _desk(request).impact(actor(caller), since=body.since, record=True).to_dict()


# ---- audit log --------------------------------------------------------------------------------------------


@router.get("/audit/verify", summary="Check the whole hash chain of the audit log")
def audit_verify(request: Request, caller: Viewer) -> dict[str, Any]:
    got = _desk(request).verify()
    return {"ok": got.ok, "records": got.count, "first_bad": got.first_bad, "problem": got.problem}


_NDJSON = {200: {"content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                 "description": "One audit record per line (seq, at, actor, kind, subject, body, prev_hash, hash)"}}


@router.get("/audit/export", response_class=StreamingResponse, responses=_NDJSON,  # type: ignore[arg-type]
            summary="Audit records as JSON lines, with their hashes (for an auditor or an archive)")
def audit_export(request: Request, caller: Admin,
                 kind: Annotated[str | None, Query(max_length=40)] = None,
                 subject: Annotated[str | None, Query(max_length=200)] = None,
                 since: Annotated[int | None, Query(ge=1, le=2**62)] = None,
                 limit: Annotated[int | None, Query(ge=1)] = None) -> StreamingResponse:
    found = _desk(request).audit_records(kind=kind, subject=subject, since=since, limit=limit)

    def lines() -> Iterator[bytes]:
        for r in found:
            yield (json.dumps(r.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")

    return StreamingResponse(lines(), media_type="application/x-ndjson")
