"""Licence applications (SQLite and PostgreSQL, the 2025-11-08 Entity List): filed and evaluated (the review policy
they meet), status changes (a grant adds the licence, which then covers a shipment), bad files refused whole, and
`impact` flags a pending application that a policy of denial from a later date would meet."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.errors import ClearanceError, DataError
from clearance.model.desk import Verdict
from clearance.settings import Settings
from clearance.store import applications as app_store
from clearance.store import audit_log as alog
from clearance.workflows.desk import Desk, read_desk_orders
from clearance.workflows.desk import applications as app_flow
from clearance.workflows.desk.impact import impact
from clearance.workflows.facade import Clearance

APPLICATIONS = """\
- reference: Z1794032
  applicant: Example Components Inc.
  submitted: 2025-10-14
  status: pending
  to: CN
  parties:
    - {role: end_user, name: "Huawei Device (Dongguan) Co Ltd", country: CN}
  item: {eccn: 3A991.a.2, origin: US, value: 64000}
  quantity: 8000
- reference: Z1801177
  applicant: Example Components Inc.
  submitted: 2025-11-19
  to: CN
  parties:
    - {role: end_user, name: "Lenovo (Beijing) Ltd", country: CN}
  item: {eccn: 5A992.c, origin: US, value: 9000}
  quantity: 600
"""
TODAY = dt.date(2025, 11, 20)


@pytest.fixture
def desk(desk_settings: Settings) -> Iterator[Desk]:
    with Desk(Clearance(settings=desk_settings)) as d:
        yield d


def _file(tmp_path: Path, text: str) -> str:
    path = tmp_path / f"applications-{len(list(tmp_path.iterdir()))}.yaml"
    path.write_text(text)
    return str(path)


def test_applications_are_evaluated_and_their_status_recorded(desk: Desk, tmp_path: Path) -> None:
    got = {a.reference: a for a in app_flow.add_applications(desk, _file(tmp_path, APPLICATIONS), TODAY)}
    huawei, lenovo = got["Z1794032"], got["Z1801177"]
    assert huawei.status == "pending" and lenovo.status == "submitted"
    assert huawei.evaluation["policy"] == "presumption of denial" and not huawei.evaluation["denial"]
    assert huawei.evaluation["on"] == TODAY.isoformat()
    assert lenovo.evaluation["policy"].startswith("no licence required")  # 5A992.c to an unlisted Chinese firm
    stored = app_flow.applications(desk, open_only=True)
    assert [a.reference for a in stored] == ["Z1794032", "Z1801177"]

    with pytest.raises(ClearanceError, match="reason"):
        app_flow.set_status(desk, "Z1801177", "returned", dt.date(2025, 11, 25))
    app_flow.set_status(desk, "Z1801177", "returned", dt.date(2025, 11, 25), "no licence required (NLR)")
    with pytest.raises(ClearanceError, match="already returned"):
        app_flow.set_status(desk, "Z1801177", "pending", dt.date(2025, 11, 26))
    with pytest.raises(ClearanceError, match="before the application was submitted"):
        app_flow.set_status(desk, "Z1794032", "granted", dt.date(2025, 1, 2), number="D1190001")
    app = app_flow.set_status(desk, "Z1794032", "granted", dt.date(2025, 12, 1), "approved with conditions",
                              number="D1190001", conditions="no re-export")
    assert (app.status, app.licence_number) == ("granted", "D1190001")
    lic = next(x for x in desk.licences() if x.number == "D1190001")
    assert (lic.quantity_limit, lic.value_limit, lic.eccns, lic.destination) == (8000, 64000, ("3A991.a.2",), "CN")
    assert (lic.valid_from, lic.valid_to) == (dt.date(2025, 12, 1), dt.date(2029, 11, 30))
    assert app_flow.applications(desk, open_only=True) == []

    # the licence granted covers a shipment on its terms
    orders = tmp_path / "orders.jsonl"
    orders.write_text(json.dumps({"id": "SO-1", "date": "2025-12-03", "to": "CN", "quantity": 500,
                                  "item": {"eccn": "3A991.a.2", "origin": "US", "value": 4000},
                                  "parties": [{"role": "end_user", "name": "Huawei Device (Dongguan) Co Ltd",
                                               "country": "CN"}]}) + "\n")
    r = next(iter(desk.check(read_desk_orders(str(orders)))))
    assert r.answer is not None and r.answer.verdict is Verdict.RELEASE and r.answer.licences == ("D1190001",)
    events = [(x.subject, x.data["event"]) for x in alog.records(desk.store.engine, kind="application")]
    assert events == [("Z1794032", "pending"), ("Z1801177", "submitted"), ("Z1801177", "returned"),
                      ("Z1794032", "granted")]
    assert alog.verify(desk.store.engine).ok


def test_a_bad_application_file_names_record_and_field_and_adds_nothing(desk: Desk, tmp_path: Path) -> None:
    bad = APPLICATIONS.replace("  item: {eccn: 5A992.c, origin: US, value: 9000}\n", "  item: {origin: US}\n")
    with pytest.raises(DataError) as exc:
        app_flow.add_applications(desk, _file(tmp_path, bad), TODAY)
    assert exc.value.field == "item.eccn" and exc.value.line == 16  # the line of the item
    with pytest.raises(DataError) as exc:
        app_flow.add_applications(desk, _file(tmp_path, APPLICATIONS.replace("2025-11-19", "2025-13-19")), TODAY)
    assert "not a date: '2025-13-19'" in exc.value.message and exc.value.line is not None
    with pytest.raises(DataError) as exc:
        app_flow.add_applications(desk, _file(tmp_path, APPLICATIONS.replace("status: pending", "status: granted")),
                                  TODAY)
    assert exc.value.field == "status"
    assert app_flow.applications(desk) == []
    app_flow.add_applications(desk, _file(tmp_path, APPLICATIONS), TODAY)
    with pytest.raises(ClearanceError, match="already stored"):
        app_flow.add_applications(desk, _file(tmp_path, APPLICATIONS), TODAY)


def test_impact_flags_pending_applications_facing_a_policy_of_denial(desk: Desk, tmp_path: Path) -> None:
    app_flow.add_applications(desk, _file(tmp_path, APPLICATIONS), TODAY)
    overlay = tmp_path / "halt.yaml"  # proposed: no licences for Huawei from 2026-02-01
    overlay.write_text("overlay: true\ntitle: Proposed halt\nparameters:\n  el.group.huawei.review_policy:\n"
                       "    values:\n      2026-02-01: {value: policy of denial, cite: proposed}\n")
    report = impact(Desk(desk.clearance, overlays=(overlay,)), today=TODAY)
    assert report.what_if
    assert [(a["reference"], a["before"], a["after"], a["on"], a["facing_denial"]) for a in report.applications] == [
        ("Z1794032", "presumption of denial", "policy of denial", "2026-02-01", True)]
    assert report.checked["applications"] == 2
    # a what-if records nothing
    assert app_store.get(desk.store.engine, "Z1794032").evaluation["policy"] == "presumption of denial"
    assert [x.data["event"] for x in alog.records(desk.store.engine, kind="application")] == ["pending", "submitted"]

    # without an overlay nothing changed; an evaluation that is out of date is renewed and recorded
    assert impact(desk, today=TODAY).applications == []
    app_store.set_evaluation(desk.store.engine, [("Z1801177", {})], [])
    report = impact(desk, today=TODAY)
    assert [(a["reference"], a["before"], a["facing_denial"]) for a in report.applications] == [
        ("Z1801177", None, False)]
    assert app_store.get(desk.store.engine, "Z1801177").evaluation["policy"].startswith("no licence required")
    assert [x.data["event"] for x in alog.records(desk.store.engine, kind="application")][-1] == "re-evaluated"
