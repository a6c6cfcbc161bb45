"""The desk on real data (the 2025-11-08 Entity List, Huawei affiliates as customers spell them), on SQLite and
PostgreSQL: a licence granted in 2019 covers a less advanced shipment, is drawn down and stops covering after its
revocation; a list update re-opens a cleared hit and holds an open order; audit records replay identically."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clearance.model.decision import OvercomeKind
from clearance.model.desk import HoldReason, Verdict
from clearance.settings import Settings
from clearance.store import Store
from clearance.store import audit_log as alog
from clearance.store import desk_records as records
from clearance.workflows.desk import Desk, LineResult, read_desk_orders
from clearance.workflows.desk import review as review_flow
from clearance.workflows.desk.audit import replay
from clearance.workflows.desk.impact import impact
from clearance.workflows.desk.parties import store_screened
from clearance.workflows.facade import Clearance

LICENCE = """\
- number: D1089456
  holder: Example Components Inc.
  parties: ["Huawei Device (Dongguan) Co., Ltd."]
  eccns: [5A992.c]
  destination: CN
  value_limit: 50000
  quantity_limit: 1000
  valid_from: 2019-09-15
  valid_to: 2023-09-14
  conditions: "mass-market handset components (5A992.c) only; no 5G items"
"""


@pytest.fixture
def desk(desk_settings: Settings) -> Iterator[Desk]:
    with Desk(Clearance(settings=desk_settings)) as d:
        yield d


def _orders(tmp_path: Path, rows: list[dict[str, Any]]) -> str:
    path = tmp_path / f"orders-{len(list(tmp_path.iterdir()))}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def _order(oid: str, day: str, eccn: str, value: int, quantity: int, name: str) -> dict[str, Any]:
    return {"id": oid, "date": day, "to": "CN", "item": {"eccn": eccn, "origin": "US", "value": value},
            "quantity": quantity, "parties": [{"role": "end_user", "name": name, "country": "CN"}]}


def _check(desk: Desk, path: str) -> dict[str, LineResult]:
    return {r.order_id: r for r in desk.check(read_desk_orders(path))}


DONGGUAN = "Huawei Device (Dongguan) Co Ltd"  # as the customer writes it


def test_licence_covers_less_advanced_then_revoked(desk: Desk, tmp_path: Path) -> None:
    lic_file = tmp_path / "licences.yaml"
    lic_file.write_text(LICENCE)
    desk.add_licences(str(lic_file))
    got = _check(desk, _orders(tmp_path, [
        _order("SO-2020-001", "2020-01-10", "5A992.c", 12000, 300, DONGGUAN),  # covered
        _order("SO-2020-002", "2020-01-10", "3A001.a.1", 5000, 10, DONGGUAN),  # not on the licence
        _order("SO-2020-003", "2020-02-03", "5A992.c", 45000, 100, DONGGUAN),  # more than is left
        _order("SO-2019-004", "2019-06-01", "5A992.c", 100, 1, DONGGUAN),  # before the licence
    ]))
    first = got["SO-2020-001"]
    assert first.answer is not None and first.decision is not None
    assert first.answer.verdict is Verdict.RELEASE and first.answer.licences == ("D1089456",)
    assert any(b.code == "EL" and b.overcome_by is not None and b.overcome_by.kind is OvercomeKind.LICENSE
               and b.overcome_by.ref == "D1089456" for b in first.decision.bases)
    lic = desk.licences()[0]
    assert (lic.value_used, lic.quantity_used) == (12000, 300)
    for oid in ("SO-2020-002", "SO-2020-003", "SO-2019-004"):
        r = got[oid]
        assert r.answer is not None and r.answer.verdict is Verdict.HOLD, oid
        assert r.answer.hold is HoldReason.LICENCE_NEEDED
    assert "38000 of 50000" in " ".join(got["SO-2020-003"].licence_notes)
    assert "valid from 2019-09-15" in " ".join(got["SO-2019-004"].licence_notes)

    desk.revoke_licence("D1089456", dt.date(2021, 3, 1), "licensing of Huawei handset parts halted")
    after = _check(desk, _orders(tmp_path, [_order("SO-2021-005", "2021-04-06", "5A992.c", 2000, 10, DONGGUAN)]))
    r = after["SO-2021-005"]
    assert r.answer is not None and r.decision is not None
    assert r.answer.verdict is Verdict.HOLD and r.answer.hold is HoldReason.LICENCE_NEEDED
    assert any(b.previously_covered_by and "revoked 2021-03-01" in b.previously_covered_by for b in r.decision.bases)
    assert desk.licences()[0].value_used == 12000  # nothing drawn after the revocation

    # the trail: intact, and each determination replays identically from the stored versions
    assert alog.verify(desk.store.engine).ok
    dets = list(alog.records(desk.store.engine, kind="determination"))
    assert len(dets) == 5
    for rec in dets:
        rp = replay(desk, rec.seq)
        assert rp.identical, rp.differences
    events = [r.data["event"] for r in alog.records(desk.store.engine, kind="licence")]
    assert events == ["added", "drawdown", "revoked"]


def _changed(entities: list[Any], entry_id: str) -> list[Any]:
    from clearance.model import Address

    out = []
    for e in entities:
        if e.entry_id == entry_id:  # a later Federal Register notice amends the entry's address
            e = dataclasses.replace(e, addresses=(*e.addresses, Address("Kunpeng Industrial Park, Longgang District, "
                                                                        "Shenzhen", "CN")))
        out.append(e)
    return out


def test_list_update_reopens_a_cleared_hit_and_holds_an_open_order(desk: Desk, tmp_path: Path) -> None:
    from clearance.model import ParsedList

    name = "Shenzhen Huawei New Tech"  # a customer whose name is close to a listed Shenzhen company
    done, opened = store_screened(desk, [records.Counterparty("C-0042", name, (), "CN", "Shenzhen")],
                                  dt.date(2025, 12, 5))
    assert done[0].status == "HIT" and opened
    path = _orders(tmp_path, [{"id": "SO-2025-100", "date": "2025-12-05", "to": "CN",
                               "item": {"eccn": "EAR99", "origin": "US", "value": 900}, "quantity": 3,
                               "parties": [{"role": "end_user", "name": name, "country": "CN"}]}])
    held = _check(desk, path)["SO-2025-100"]
    assert held.answer is not None and held.answer.verdict is not Verdict.RELEASE
    queue = records.list_reviews(desk.store.engine)
    assert {r.party_key for r in queue} == {"C-0042"}  # order hits land on the counterparty, not a bare name
    target = next(r for r in queue if r.entry_name.startswith("Shenzhen Huawei New Technology"))
    for r in queue:
        review_flow.decide(desk, r.review_id, "clear", "different company of a similar name, unrelated to the "
                                                        "listed entity (registry extract on file)")
    released = _check(desk, path)["SO-2025-100"]
    assert released.answer is not None and released.answer.verdict is Verdict.RELEASE
    assert released.reviewed  # the judgements were applied

    # a later Entity List version amends the entry the reviewer cleared
    el1 = desk.store.active()["el"]
    ents = list(desk.store.entities(el1.version_id))
    new = ParsedList("el", tuple(_changed(ents, target.entry_id)), ("entity_list_2025-12-01.csv",),
                     "0" * 63 + "1", "test-amended@1", dt.date(2025, 12, 1))
    assert desk.store.load(new).version.version_id == "el-2"
    report = impact(desk, since="el-1", today=dt.date(2025, 12, 5))
    assert report.since is not None and report.since["changed"] == 1
    assert [(o["order"], o["before"], o["after"]) for o in report.orders] == [("SO-2025-100", "RELEASE", "HOLD")]
    assert [p["id"] for p in report.parties] == ["C-0042"]
    reopened = records.list_reviews(desk.store.engine)
    assert [(r.entry_id, r.reopens, r.version_id) for r in reopened] == [(target.entry_id, target.review_id, "el-2")]
    # the other cleared entries did not change: their judgements still hold
    assert all(r.status == "cleared" for r in records.list_reviews(desk.store.engine, "cleared"))
    assert alog.verify(desk.store.engine).ok


def test_orders_of_a_party_screening_cannot_decide_are_held_never_released(desk: Desk, tmp_path: Path) -> None:
    # 2020: the loaded lists describe 2023 and 2025, so an unlisted customer cannot be screened for that day
    got = _check(desk, _orders(tmp_path, [_order("SO-1", "2020-03-02", "EAR99", 100, 1, "Siemens AG")]))
    r = got["SO-1"]
    assert r.answer is not None and r.decision is not None
    assert r.decision.outcome.value == "CANNOT_CLEAR"
    assert r.answer.verdict is Verdict.HOLD and r.answer.hold is HoldReason.CANNOT_CLEAR


def test_replay_detects_a_changed_rule_set(desk: Desk, tmp_path: Path) -> None:
    _check(desk, _orders(tmp_path, [_order("SO-9", "2026-03-02", "EAR99", 100, 1, DONGGUAN)]))
    rec = next(alog.records(desk.store.engine, kind="determination"))
    overlay = tmp_path / "no-licences.yaml"
    overlay.write_text("overlay: true\ntitle: Hypothetical\nparameters:\n  el.group.huawei.review_policy:\n"
                       "    values:\n      2026-01-01: {value: policy of denial, cite: hypothetical}\n")
    body = rec.data
    assert body["verdict"] == "HOLD"
    proposed = Desk(desk.clearance, overlays=(overlay,))
    what_if = next(iter(proposed.check(read_desk_orders(_orders(tmp_path, [_order("SO-9", "2026-03-02", "EAR99", 100,
                                                                                  1, DONGGUAN)])), record=False)))
    assert what_if.answer is not None and what_if.answer.verdict is Verdict.BLOCK  # a policy of denial, no licence
    assert len(list(alog.records(desk.store.engine, kind="determination"))) == 1  # the what-if recorded nothing
    assert replay(desk, rec.seq).identical


def test_store_closed(desk_settings: Settings) -> None:
    with Store.open(desk_settings.db_url) as st:
        assert st.active()["el"].entity_count == 3421
