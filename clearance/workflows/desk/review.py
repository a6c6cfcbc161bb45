"""The review queue: holds wait here for a person; each decision (clear / confirm) is kept with who, when, why.

A cleared hit is remembered for that counterparty (or party name) and that list entry in the content it had
when judged (see :mod:`clearance.workflows.desk.screening`); the next order or screening that meets the same
entry unchanged applies the judgement, and one that meets a changed entry re-opens the review.
"""

from __future__ import annotations

from typing import Any

from clearance.errors import ClearanceError
from clearance.store import desk_records as records
from clearance.store.desk_records import Review
from clearance.workflows.desk.desk import Desk


def decide(desk: Desk, review_id: int, decision: str, reason: str) -> Review:
    """``decision``: "clear" (not the listed party) or "confirm" (it is the listed party)."""
    status = {"clear": "cleared", "confirm": "confirmed"}[decision]
    before = records.get_review(desk.store.engine, review_id)
    return records.decide(desk.store.engine, review_id, status, reason, desk.actor, desk.audit(
        "review", str(review_id), {"event": status, "reason": reason, "party_key": before.party_key,
                                   "party": before.party_name, "list": before.list_code,
                                   "entry_id": before.entry_id, "version": before.version_id,
                                   "entry_digest": before.entry_digest, "score": before.score}))


def details(desk: Desk, review_id: int) -> dict[str, Any]:
    """The review with its list entry (in the version screened) and the order lines that wait for it (the one
    that raised it, and every later one held by the same hit)."""
    r = records.get_review(desk.store.engine, review_id)
    out: dict[str, Any] = {"review": r.to_dict()}
    try:
        out["entry"] = desk.store.entity(r.entry_id, r.list_code, r.version_id).to_dict()
    except ClearanceError as exc:
        out["entry"] = {"error": str(exc)}
    held = set(records.review_order_lines(desk.store.engine, review_id).get(review_id, []))
    if held or r.order_id:
        out["order"] = [{"order": x.order_id, "line": x.line, "date": x.order_date.isoformat(),
                         "verdict": x.verdict, "outcome": x.outcome, "reasons": x.reasons, "request": x.request}
                        for x in records.checked_lines(desk.store.engine)
                        if (x.order_id, x.line) in held or x.order_id == r.order_id]
    return out


def orders_held(desk: Desk) -> dict[int, list[tuple[str, int]]]:
    """(order, line) of the order lines each review holds (one review per hit, however many orders wait)."""
    return records.review_order_lines(desk.store.engine)
