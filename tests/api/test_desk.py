"""The compliance desk under /v1 on real lists (Entity List 2025-11-08, Denied Persons, MEU, Unverified): orders
checked against licences, drawdowns and revocations, the review queue, change impact, the audit log with each
write's actor, roles, and bad input answered with a 4xx naming the field."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from clearance.api import create_app
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.keys import ROLES, add_key
from tests.api.conftest import Api
from tests.desk.conftest import sqlite_lists_template  # noqa: F401 - the desk's store template (real lists)

ROOT = Path(__file__).resolve().parents[2]
DONGGUAN = "Huawei Device (Dongguan) Co Ltd"  # as the customer writes it
NEAR_NAME = "Shenzhen Huawei New Tech"  # close to a listed Shenzhen company: a possible match for a reviewer


def desk_api(template: Path, tmp_path: Path) -> Iterator[Api]:
    path = tmp_path / "db" / "desk.db"
    path.parent.mkdir(parents=True)
    shutil.copy(template, path)
    if (template.parent / "screening-cache").is_dir():
        shutil.copytree(template.parent / "screening-cache", path.parent / "screening-cache")
    settings = Settings(db=str(path), snapshot=False, max_age_days=100_000)
    with Store.open(settings.db_url) as st:
        keys = {role: add_key(st, f"desk-{role}", role).secret for role in ROLES}
    with TestClient(create_app(settings, check_seconds=0.0), raise_server_exceptions=False) as client:
        yield Api(client, keys, path, settings)


@pytest.fixture
def dapi(sqlite_lists_template: Path, tmp_path: Path) -> Iterator[Api]:  # noqa: F811
    yield from desk_api(sqlite_lists_template, tmp_path)


def _licences() -> list[dict[str, Any]]:
    data = yaml.safe_load((ROOT / "examples" / "huawei" / "licences.yaml").read_text(encoding="utf-8"))
    plain: list[dict[str, Any]] = json.loads(json.dumps(data, default=str))  # YAML dates as ISO text, as JSON sends
    return plain


def _order(oid: str, day: str, eccn: str, value: int, quantity: int, name: str = DONGGUAN) -> dict[str, Any]:
    return {"id": oid, "date": day, "to": "CN", "item": {"eccn": eccn, "origin": "US", "value": value},
            "quantity": quantity, "parties": [{"role": "end_user", "name": name, "country": "CN"}]}


def _export(dapi: Api) -> list[dict[str, Any]]:
    r = dapi.client.get("/v1/audit/export", headers=dapi.auth("admin"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson"), r.text
    return [json.loads(line) for line in r.text.splitlines()]


def test_licence_drawn_down_then_revoked_every_write_audited_with_its_key(dapi: Api) -> None:
    c = dapi.client
    added = c.post("/v1/licenses", json={"licences": _licences()}, headers=dapi.auth("approver"))
    assert added.status_code == 201, added.text
    assert [x["number"] for x in added.json()] == ["D1089456", "D1102233"]
    checked = c.post("/v1/orders/check", headers=dapi.auth("analyst"), json={"orders": [
        _order("SO-2020-001", "2020-01-10", "5A992.c", 12000, 300),  # covered by D1089456
        _order("SO-2020-002", "2020-01-10", "3A001.a.1", 5000, 10),  # not on the licence
    ]})
    assert checked.status_code == 200, checked.text
    body = checked.json()
    assert body["summary"] == {"HOLD": 1, "RELEASE": 1} and body["bad"] == 0 and body["recorded"] is True
    first, second = body["results"]
    assert (first["order"], first["verdict"], first["licences"]) == ("SO-2020-001", "RELEASE", ["D1089456"])
    assert first["determination"]["outcome"] and first["audit"] is not None
    assert (second["verdict"], second["hold"]) == ("HOLD", "licence_needed")

    lic = c.get("/v1/licenses/D1089456", headers=dapi.auth("viewer")).json()
    assert (lic["value_used"], lic["quantity_used"]) == ("12000", "300")
    assert lic["drawdowns"] == [{"order": "SO-2020-001", "line": 1, "date": "2020-01-10", "quantity": "300",
                                 "value": "12000"}]
    status = c.get("/v1/orders/SO-2020-001", headers=dapi.auth("viewer")).json()
    assert status["status"] == "RELEASE" and status["lines"][0]["licence"] == "D1089456"
    assert [x["order"] for x in c.get("/v1/orders?verdict=HOLD", headers=dapi.auth("viewer")).json()] == [
        "SO-2020-002"]

    revoked = c.post("/v1/licenses/D1089456/revoke", headers=dapi.auth("approver"),
                     json={"date": "2021-03-01", "reason": "licensing of Huawei handset parts halted"})
    assert revoked.status_code == 200 and revoked.json()["state"] == "revoked 2021-03-01", revoked.text
    later = c.post("/v1/orders/check", headers=dapi.auth("analyst"),
                   json={"orders": [_order("SO-2021-005", "2021-04-06", "5A992.c", 2000, 10)]}).json()
    assert later["results"][0]["verdict"] == "HOLD" and later["results"][0]["licences"] == []
    # a dry run answers and records nothing
    dry = c.post("/v1/orders/check", headers=dapi.auth("analyst"),
                 json={"orders": [_order("SO-2020-009", "2020-01-11", "5A992.c", 10, 1)], "dry_run": True}).json()
    assert dry["recorded"] is False and dry["results"][0]["audit"] is None
    assert c.get("/v1/orders/SO-2020-009", headers=dapi.auth("viewer")).status_code == 404

    assert c.get("/v1/audit/verify", headers=dapi.auth("viewer")).json()["ok"] is True
    trail = _export(dapi)
    approver = next(k for k in trail if k["kind"] == "licence")["actor"]
    assert approver.startswith("desk-approver (key ") and approver.endswith(")")
    events = [(r["kind"], r["body"].get("event"), r["actor"].split(" ")[0]) for r in trail
              if r["kind"] == "licence"]
    assert events == [("licence", "added", "desk-approver"), ("licence", "added", "desk-approver"),
                      ("licence", "drawdown", "desk-analyst"), ("licence", "revoked", "desk-approver")]
    dets = [r for r in trail if r["kind"] == "determination"]
    assert [r["subject"] for r in dets] == ["SO-2020-001#1", "SO-2020-002#1", "SO-2021-005#1"]
    assert {r["actor"].split(" ")[0] for r in dets} == {"desk-analyst"}
    assert any(r["kind"] == "list_activation" for r in trail)  # the lists relied on, before the first decision


def test_review_queue_clear_with_a_reason_then_the_order_is_released(dapi: Api) -> None:
    c = dapi.client
    order = _order("SO-2025-100", "2025-12-05", "EAR99", 900, 3, NEAR_NAME)
    held = c.post("/v1/orders/check", json={"orders": [order]}, headers=dapi.auth("analyst")).json()
    assert held["results"][0]["verdict"] == "HOLD", held
    queue = c.get("/v1/review", headers=dapi.auth("viewer")).json()
    assert queue and {r["party"] for r in queue} == {NEAR_NAME} and {r["status"] for r in queue} == {"open"}
    one = c.get(f"/v1/review/{queue[0]['id']}", headers=dapi.auth("viewer")).json()
    assert one["review"]["entry_id"] == queue[0]["entry_id"] and one["entry"]["entry_id"] == queue[0]["entry_id"]
    assert one["order"][0]["verdict"] == "HOLD"

    # who may decide, and with what
    rid = queue[0]["id"]
    assert c.post(f"/v1/review/{rid}/clear", json={"reason": "x"}, headers=dapi.auth("analyst")).status_code == 403
    blank = c.post(f"/v1/review/{rid}/clear", json={"reason": "   "}, headers=dapi.auth("approver"))
    assert blank.status_code == 422 and blank.json()["error"]["field"] == "reason"
    missing = c.post(f"/v1/review/{rid}/clear", json={}, headers=dapi.auth("approver"))
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "reason"
    assert c.post("/v1/review/999999/clear", json={"reason": "r"},
                  headers=dapi.auth("approver")).json()["error"]["code"] == "not_found"

    why = "different company of a similar name, unrelated to the listed entity (registry extract on file)"
    for r in queue:
        done = c.post(f"/v1/review/{r['id']}/clear", json={"reason": why}, headers=dapi.auth("approver"))
        assert done.status_code == 200, done.text
        assert done.json()["status"] == "cleared" and done.json()["actor"].startswith("desk-approver (key ")
    again = c.post(f"/v1/review/{rid}/confirm", json={"reason": why}, headers=dapi.auth("approver"))
    assert again.status_code == 400 and "already decided" in again.json()["error"]["message"]
    assert c.get("/v1/review", headers=dapi.auth("viewer")).json() == []
    assert {r["status"] for r in c.get("/v1/review?status=all", headers=dapi.auth("viewer")).json()} == {"cleared"}

    released = c.post("/v1/orders/check", json={"orders": [order]}, headers=dapi.auth("analyst")).json()
    assert released["results"][0]["verdict"] == "RELEASE" and released["results"][0]["reviews_applied"]
    decided = [r for r in _export(dapi) if r["kind"] == "review" and r["body"].get("event") == "cleared"]
    assert len(decided) == len(queue) and decided[0]["body"]["reason"] == why
    assert {r["actor"].split(" ")[0] for r in decided} == {"desk-approver"}

    # change impact: nothing changed since, as a what-if (analyst) and recorded (admin only)
    what_if = c.get("/v1/impact", headers=dapi.auth("analyst"))
    assert what_if.status_code == 200, what_if.text
    assert what_if.json()["what_if"] is True and what_if.json()["orders"] == []
    assert what_if.json()["checked"]["order_lines"] == 1
    assert c.post("/v1/impact", json={}, headers=dapi.auth("approver")).status_code == 403
    recorded = c.post("/v1/impact", json={"since": "el-1"}, headers=dapi.auth("admin")).json()
    assert recorded["what_if"] is False and recorded["checked"] == {"counterparties": 0, "order_lines": 1,
                                                                    "licences": 0, "applications": 0}
    assert c.get("/v1/audit/verify", headers=dapi.auth("viewer")).json()["ok"] is True


def test_roles(dapi: Api) -> None:
    c = dapi.client
    order = {"orders": [_order("SO-1", "2020-01-10", "EAR99", 1, 1, "Nordic Oat Mills AB")]}
    assert c.post("/v1/orders/check", json=order, headers=dapi.auth("viewer")).status_code == 403
    assert c.post("/v1/licenses", json={"licences": _licences()}, headers=dapi.auth("analyst")).status_code == 403
    assert c.post("/v1/licenses/D1/revoke", json={"date": "2021-01-01", "reason": "r"},
                  headers=dapi.auth("analyst")).status_code == 403
    assert c.get("/v1/impact", headers=dapi.auth("viewer")).status_code == 403
    assert c.get("/v1/audit/export", headers=dapi.auth("approver")).status_code == 403
    for path in ("/v1/orders", "/v1/licenses", "/v1/review", "/v1/audit/verify"):
        assert c.get(path, headers=dapi.auth("viewer")).status_code == 200, path
        assert c.get(path).status_code == 401, path
    # nothing refused was written (the list loads of the fixture are audited when they happen)
    assert [r for r in _export(dapi) if r["kind"] != "list_activation"] == []


def test_bad_input_names_the_field_and_writes_nothing(dapi: Api) -> None:
    c = dapi.client
    h = dapi.auth("admin")
    no_date = _order("SO-1", "2020-01-10", "EAR99", 1, 1)
    del no_date["date"]
    r = c.post("/v1/orders/check", json={"orders": [no_date]}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["field"] == "orders[0].date", r.text
    mixed = c.post("/v1/orders/check", headers=h, json={"orders": [
        _order("SO-2", "2025-12-05", "EAR99", 1, 1, "Nordic Oat Mills AB"), {**no_date, "id": "SO-3"}]}).json()
    assert mixed["bad"] == 1 and mixed["results"][1]["error"]["field"] == "orders[1].date"
    assert mixed["results"][0]["verdict"] == "RELEASE", mixed["results"][0]["reasons"]
    assert c.post("/v1/orders/check", json={"orders": []}, headers=h).json()["error"]["field"] == "orders"
    assert c.post("/v1/orders/check", json={"orders": [1]}, headers=h).json()["error"]["field"] == "orders[0]"

    reversed_ = [{**_licences()[0], "valid_from": "2025-09-15", "valid_to": "2019-09-16"}, _licences()[1]]
    r = c.post("/v1/licenses", json={"licences": reversed_}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["field"] == "licences[0]", r.text
    assert "valid_to (2019-09-16) is before valid_from" in r.json()["error"]["message"]
    assert c.get("/v1/licenses", headers=h).json() == []  # all or nothing
    negative = [_licences()[1], {**_licences()[0], "value_limit": -5}]
    r = c.post("/v1/licenses", json={"licences": negative}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["field"] == "licences[1].value_limit", r.text
    r = c.post("/v1/licenses", json={"licences": [_licences()[0], _licences()[0]]}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["field"] == "licences[1].number", r.text

    r = c.post("/v1/licenses/NOPE/revoke", json={"date": "2021-01-01", "reason": "r"}, headers=h)
    assert r.status_code == 404 and "NOPE" in r.json()["error"]["message"]
    r = c.post("/v1/licenses/NOPE/revoke", json={"date": "2021-13-01", "reason": "r"}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["field"] == "date"
    assert c.get("/v1/licenses/NOPE", headers=h).status_code == 404
    assert c.get("/v1/review/12345", headers=h).status_code == 404
    assert c.get("/v1/review/0", headers=h).json()["error"]["field"] == "review_id"
    assert c.get("/v1/orders/NOPE", headers=h).status_code == 404
    r = c.get("/v1/impact?since=el-99", headers=h)
    assert r.status_code == 404, r.text
    kinds = {r["kind"] for r in _export(dapi)}
    assert "licence" not in kinds  # no licence event from the refused requests
    assert c.get("/v1/audit/verify", headers=h).json()["ok"] is True
    assert dt.date.today()  # the clock is not faked: the server judges staleness on today's date
