"""The web review desk: the review queue (clear / confirm with a required reason), order status, the change-impact
report with its chart, and the replay timeline of an exporter's history (examples/huawei).

Reading pages are plain HTML (usable without JavaScript); a decision is a plain POST form whose reason is required
(by the browser and again here). Every call goes through the server's desk service (``app.state.service.desk``),
which appends each decision to the audit log with the signed-in key as its actor. A viewer reads the queue and the
orders; an analyst runs the what-if impact and the replay; an approver decides reviews.
"""

from __future__ import annotations

import base64
import contextlib
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clearance.errors import ClearanceError
from clearance.web.pages import _caller, _page, _SignIn
from clearance.workflows.desk.impact_chart import impact_chart, verdict_counts
from clearance.workflows.keys import role_allows

router = APIRouter(prefix="/ui", include_in_schema=False)
STATUSES = ("open", "cleared", "confirmed", "all")


def _actor(who: Any) -> str:
    return f"{who.name} (key {who.key_id})" if who.key_id else f"{who.name} (no key: --no-auth)"


# ---- review queue -------------------------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse)
def review_queue(request: Request, status: str = "open", done: str = "") -> Response:
    desk = request.app.state.service.desk
    status = status if status in STATUSES else "open"
    items = desk.reviews(None if status == "all" else status)
    return _page(request, "review_queue.html", "viewer", items=items, status=status, statuses=STATUSES, done=done)


def _review_page(request: Request, review_id: int, *, error: str | None = None, reason: str = "",
                 status_code: int = 200) -> Response:
    try:
        got = request.app.state.service.desk.review(review_id)
    except ClearanceError as exc:
        return _page(request, "message.html", "viewer", title="Review", message=str(exc), status_code=404)
    who_may = False
    with contextlib.suppress(_SignIn):
        who_may = role_allows(_caller(request, "viewer").role, "approver")
    return _page(request, "review_item.html", "viewer", r=got["review"], entry=got["entry"],
                 order=got.get("order", []), may_decide=who_may, error=error, reason=reason, status_code=status_code)


@router.get("/review/{review_id}", response_class=HTMLResponse)
def review_item(request: Request, review_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    return _review_page(request, review_id)


@router.post("/review/{review_id}", response_class=HTMLResponse)
async def review_decide(request: Request, review_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    """The decision form: ``decision`` (clear or confirm) and a ``reason``, required."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=5, keep_blank_values=True)
    decision = (form.get("decision") or [""])[0]
    reason = (form.get("reason") or [""])[0]
    try:
        who = _caller(request, "approver")
    except _SignIn as exc:
        return _page(request, "message.html", "viewer", title="Review", message=exc.message, status_code=403)
    if decision not in ("clear", "confirm"):
        return _review_page(request, review_id, error="choose Clear or Confirm", reason=reason, status_code=422)
    if not reason.strip():
        return _review_page(request, review_id, error="give the reason for the decision: it is kept for the "
                            "auditor", status_code=422)
    try:
        r = request.app.state.service.desk.decide([review_id], decision, reason.strip(), _actor(who))[0]
    except ClearanceError as exc:
        return _review_page(request, review_id, error=str(exc), reason=reason, status_code=exc.http_status)
    note = f"review {r.review_id} {r.status}: {r.party_name} vs {r.list_code} {r.entry_id} {r.entry_name}"
    return RedirectResponse(f"/ui/review?done={quote(note)}", status_code=303)


# ---- orders -------------------------------------------------------------------------------------------------


@router.get("/orders", response_class=HTMLResponse)
def orders(request: Request, verdict: str = "", order: str = "") -> Response:
    if order.strip():
        return RedirectResponse(f"/ui/orders/{quote(order.strip(), safe='')}", status_code=303)
    chosen = verdict if verdict in ("RELEASE", "HOLD", "BLOCK") else None
    lines = request.app.state.service.desk.orders(verdict=chosen, limit=500)
    return _page(request, "orders.html", "viewer", lines=lines, verdict=chosen or "")


@router.get("/orders/{order_id}", response_class=HTMLResponse)
def order_status(request: Request, order_id: Annotated[str, Path(max_length=200)]) -> Response:
    try:
        lines = request.app.state.service.desk.order(order_id)
    except ClearanceError as exc:
        return _page(request, "message.html", "viewer", title="Order", message=str(exc), status_code=404)
    verdicts = {x.verdict for x in lines}
    status = "BLOCK" if "BLOCK" in verdicts else "RELEASE" if verdicts == {"RELEASE"} else "HOLD"
    return _page(request, "order.html", "viewer", order_id=order_id, lines=lines, status=status)


# ---- change impact ------------------------------------------------------------------------------------------


@router.get("/impact", response_class=HTMLResponse)
def impact(request: Request, since: Annotated[str, Query(max_length=80)] = "", run: str = "") -> Response:
    """The what-if report (nothing recorded) with its chart, computed when asked (``run``: it re-screens and
    re-determines everything the desk holds)."""
    try:
        who = _caller(request, "analyst")
    except _SignIn:
        return _page(request, "impact.html", "analyst")
    report, chart, error = None, None, None
    if run:
        desk = request.app.state.service.desk
        try:
            report = desk.impact(_actor(who), since=since.strip() or None, record=False)
            before = [x.verdict for x in desk.orders(limit=10**9)]
            was, now = verdict_counts(before, report.orders)
            png = impact_chart(was, now, len(report.parties), "Order lines by verdict: as recorded and now")
            chart = base64.b64encode(png).decode("ascii")
        except ClearanceError as exc:
            error = str(exc)
    return _page(request, "impact.html", "analyst", report=report, chart=chart, error=error, since=since)


# ---- replay timeline ----------------------------------------------------------------------------------------


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> Response:
    job = request.app.state.service.replay
    return _page(request, "timeline.html", "analyst", job=job)


@router.post("/timeline", response_class=HTMLResponse)
def timeline_start(request: Request) -> Response:
    try:
        _caller(request, "analyst")
    except _SignIn as exc:
        return _page(request, "message.html", "viewer", title="Timeline", message=exc.message, status_code=403)
    job = request.app.state.service.replay
    if job is not None:
        try:
            job.start()
        except ClearanceError as exc:
            return _page(request, "message.html", "analyst", title="Timeline", message=str(exc), status_code=422)
    return RedirectResponse("/ui/timeline", status_code=303)


@router.get("/timeline/chart.png")
def timeline_chart(request: Request) -> Response:
    try:
        _caller(request, "analyst")
    except _SignIn as exc:
        return Response(exc.message, status_code=401, media_type="text/plain")
    job = request.app.state.service.replay
    if job is None or job.chart is None:
        return Response("no replay has finished yet", status_code=404, media_type="text/plain")
    return Response(job.chart, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})

