"""Change impact: after a list version loads or a policy overlay is proposed, re-evaluate everything the desk
holds -- every counterparty, every checked order line, every pending licence application, every licence -- and
say what changed.

``impact(desk)`` re-screens the counterparties against the active lists (reviewers' judgements applied; a
judged entry whose content changed re-opens its review), re-determines every stored order line on its own
date (lines that drew on a licence keep their drawdown), lists the licences that can no longer cover a
shipment, and re-evaluates each licence application still submitted or pending (the review policy it would
meet; see :mod:`clearance.workflows.desk.applications`). With an overlay (a proposed rule, "stop licensing to
Huawei from D") it is a what-if: the desk's overlays are applied and nothing is recorded. ``since`` names a
list version: the report then also says which counterparties hit an entry added or changed since that version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from clearance.store import applications as app_store
from clearance.store import desk_records as records
from clearance.store import licences as lic_store
from clearance.workflows.desk.applications import applications, changed, evaluate
from clearance.workflows.desk.desk import Desk, LineResult
from clearance.workflows.desk.orders_input import OrderLine, split_order
from clearance.workflows.desk.parties import screen_parties, store_screened
from clearance.workflows.screening import open_index

_RANK = {"not screened": -1, "CLEAR": 0, "POSSIBLE": 1, "HIT": 2, "CANNOT_CLEAR": 3}


@dataclass
class ImpactReport:
    what_if: bool
    parties: list[dict[str, Any]] = field(default_factory=list)  # status worse than before
    orders: list[dict[str, Any]] = field(default_factory=list)  # verdict changed
    licences: list[dict[str, Any]] = field(default_factory=list)  # can no longer cover a shipment
    applications: list[dict[str, Any]] = field(default_factory=list)  # pending, review policy changed
    reviews_opened: list[int] = field(default_factory=list)
    since: dict[str, Any] | None = None
    checked: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"what_if": self.what_if, "since": self.since, "checked": self.checked,
                "counterparties": self.parties, "orders": self.orders, "licences": self.licences,
                "applications": self.applications, "reviews_opened": self.reviews_opened}


def _stored_lines(desk: Desk) -> list[tuple[records.CheckedLine, OrderLine]]:
    out = []
    for x in records.checked_lines(desk.store.engine):
        for got in split_order(x.request, f"stored order {x.order_id}", 0):
            if isinstance(got, OrderLine):
                out.append((x, OrderLine(got.file_line, x.order_id, x.line, got.raw, got.request, got.notes,
                                         got.quantity, got.value)))
    return out


def impact(desk: Desk, *, since: str | None = None, record: bool = True,
           today: dt.date | None = None) -> ImpactReport:
    day = today or dt.date.today()
    what_if = bool(desk.overlays) or not record
    report = ImpactReport(what_if)
    # counterparties
    before = {p.party_id: p for p in records.all_parties(desk.store.engine)}
    if before:
        if what_if:
            index = open_index(None, store=desk.store, settings=desk.clearance.settings, today=day)
            after, _new, _audit = screen_parties(desk, list(before.values()), desk.desk_screener(), index, day)
        else:
            after, report.reviews_opened = store_screened(desk, list(before.values()), day)
        changed_entries = _since(desk, since, report)
        for p in after:
            was = before[p.party_id].status
            hit_changed = changed_entries and p.status in ("HIT", "POSSIBLE") and _hits_changed(desk, p.party_id,
                                                                                                changed_entries)
            if _RANK.get(p.status, 3) > _RANK.get(was, 3) or hit_changed:
                report.parties.append({"id": p.party_id, "name": p.name, "before": was, "after": p.status,
                                       "entry_changed": bool(hit_changed)})
    # orders
    stored = _stored_lines(desk)
    desk.drawn = {(d.licence_number, d.order_id, d.line) for lic in desk.licences()
                  for d in lic_store.drawdowns(desk.store.engine, lic.number)}
    old = {(x.order_id, x.line): x for x, _ in stored}
    results: list[LineResult] = list(desk.check([line for _, line in stored], record=not what_if))
    for r in results:
        prev = old[(r.order_id, r.line)]
        assert r.answer is not None and r.decision is not None
        if r.answer.verdict.value != prev.verdict:
            report.orders.append({"order": r.order_id, "line": r.line, "date": prev.order_date.isoformat(),
                                  "before": prev.verdict, "after": r.answer.verdict.value,
                                  "hold": r.answer.hold.value if r.answer.hold else None,
                                  "reasons": list(r.answer.reasons)})
    # licences
    relied = {x.licence_number for x in old.values() if x.licence_number}
    lost = {(o["order"], o["line"]) for o in report.orders if o["before"] == "RELEASE"}
    for lic in desk.licences():
        why = lic.unusable_on(day) or (None if lic.state() == "active" else f"licence {lic.number} is {lic.state()}")
        hit = [f"{k[0]}#{k[1]}" for k in lost if (old[k].licence_number or "") == lic.number]
        if why or hit:
            report.licences.append({"number": lic.number, "state": lic.state(), "why": why,
                                    "relied_on": lic.number in relied, "lines_no_longer_covered": hit})
    # licence applications still waiting for BIS
    pending = applications(desk, open_only=True)
    rules = desk.rules()
    renewed: list[tuple[str, dict[str, Any]]] = []
    for app in pending:
        now = evaluate(desk, app, day, rules)
        if changed(app.evaluation, now):
            report.applications.append({
                "reference": app.reference, "applicant": app.applicant, "submitted": app.submitted.isoformat(),
                "status": app.status, "before": app.evaluation.get("policy"), "after": now["policy"],
                "on": now["on"], "facing_denial": now["denial"],
                "reasons": [r for x in now["lines"] for r in x["reasons"]]})
            renewed.append((app.reference, now))
    if renewed and not what_if:
        app_store.set_evaluation(desk.store.engine, renewed, [desk.audit("application", ref, {
            "event": "re-evaluated", "evaluation": ev}) for ref, ev in renewed])
    report.checked = {"counterparties": len(before), "order_lines": len(results), "licences": len(desk.licences()),
                      "applications": len(pending)}
    return report


def _since(desk: Desk, since: str | None, report: ImpactReport) -> set[tuple[str, str]]:
    if since is None:
        return set()
    old = desk.store.version(since)
    new = desk.store.active().get(old.list_code)
    if new is None or new.version_id == old.version_id:
        report.since = {"version": old.version_id, "active": new.version_id if new else None, "added": 0,
                        "changed": 0, "removed": 0}
        return set()
    d = desk.store.diff(old.list_code, old.version_id, new.version_id)
    report.since = {"version": old.version_id, "active": new.version_id, "added": len(d.added),
                    "changed": len(d.changed), "removed": len(d.removed)}
    return {(old.list_code, e.entry_id) for e in d.added} | {(old.list_code, c.entry_id) for c in d.changed}


def _hits_changed(desk: Desk, party_id: str, entries: set[tuple[str, str]]) -> bool:
    from clearance.store import audit_log as alog

    last = None
    for r in alog.records(desk.store.engine, kind="screening", subject=party_id):
        last = r
    if last is None:
        return False
    return any((h["list"], h["entry_id"]) in entries for h in last.data.get("hits", []))
