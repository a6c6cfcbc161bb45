"""Licence scope and the desk verdict, without a database: what a licence's terms cover, and a determination
turned into RELEASE / HOLD / BLOCK (CANNOT_CLEAR is never RELEASE)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

import pytest

from clearance.errors import DataError
from clearance.model.decision import Basis, Outcome, Overcome, OvercomeKind, Question
from clearance.model.desk import HoldReason, Licence, LicenceInput, Verdict, validate_licences
from clearance.model.determination import Item, Party, Request, Role
from clearance.rules import NONE_FOUND, determine, load_rules
from clearance.workflows.desk.cover import eccn_covered, licence_states, out_of_scope
from clearance.workflows.desk.orders_input import OrderLine
from clearance.workflows.desk.verdict import desk_answer


def _lic(**kw: object) -> Licence:
    base: dict[str, object] = {"number": "D1", "holder": "X Inc.", "parties": ["Huawei Device (Dongguan) Co., Ltd."],
                               "eccns": ["5A992.c"], "destination": "CN", "value_limit": 1000,
                               "valid_from": "2019-09-16", "valid_to": "2023-09-15"}
    return Licence.of(LicenceInput.model_validate({**base, **kw}))


def _req(eccn: str = "5A992.c", to: str = "CN", name: str = "HUAWEI DEVICE (DONGGUAN) CO LTD",
         day: dt.date = dt.date(2020, 1, 6)) -> Request:
    return Request(day, Item(eccn, "US"), to, parties=(Party(Role.END_USER, name, "CN"),), id="o")


def test_eccn_paragraphs() -> None:
    assert eccn_covered("5A992.c", ["5A992"]) and eccn_covered("5a992.c.1", ["5A992.c"])
    assert not eccn_covered("5A992", ["5A992.c"])  # a licence for a paragraph does not cover the whole ECCN
    assert not eccn_covered("5A9920", ["5A992"])


def test_scope_needs_destination_eccn_and_every_party() -> None:
    lic = _lic()
    assert out_of_scope(lic, _req()) is None
    assert "not DE" in (out_of_scope(lic, _req(to="DE")) or "")
    assert "covers 5A992.c, not 3A991" in (out_of_scope(lic, _req(eccn="3A991")) or "")
    assert "does not name" in (out_of_scope(lic, _req(name="Huawei Technologies Co., Ltd.")) or "")


def test_states_skip_expired_overdrawn_and_keep_revoked() -> None:
    line = OrderLine(1, "o", 1, {}, _req(), (), Fraction(1), Fraction(600))
    notes: list[str] = []
    assert [s.licence_id for s in licence_states([_lic()], line, notes)] == ["D1"]
    used = dataclasses.replace(_lic(), value_used=Fraction(500))
    assert licence_states([used], line, notes) == () and "500 of 1000" in notes[-1]
    assert licence_states([used], line, notes, drawn={("D1", "o", 1)}) != ()  # its own drawdown
    late = OrderLine(1, "o", 1, {}, _req(day=dt.date(2024, 1, 2)), (), Fraction(1), Fraction(1))
    assert licence_states([_lic()], late, notes) == () and "expired on 2023-09-15" in notes[-1]
    revoked = dataclasses.replace(_lic(), revoked_on=dt.date(2019, 12, 1), revoke_reason="halt")
    assert [s.revoked for s in licence_states([revoked], line, notes)] == [dt.date(2019, 12, 1)]
    no_value = OrderLine(1, "o", 1, {}, _req(), (), Fraction(1), None)
    assert licence_states([_lic()], no_value, notes) == () and "states none" in notes[-1]


def test_licence_file_errors() -> None:
    with pytest.raises(DataError, match=r"valid_to .* is before valid_from"):
        validate_licences([{"number": "A", "holder": "X", "parties": ["P"], "eccns": ["EAR99"], "destination": "CN",
                            "value_limit": 1, "valid_from": "2020-01-02", "valid_to": "2020-01-01"}], file="f")
    with pytest.raises(DataError, match="written confirmation"):
        validate_licences([{"number": "A", "holder": "X", "kind": "supplier", "parties": ["P"], "eccns": ["EAR99"],
                            "destination": "CN", "value_limit": 1, "valid_from": "2020-01-02"}], file="f")
    with pytest.raises(DataError, match="quantity_limit"):
        validate_licences([{"number": "A", "holder": "X", "parties": ["P"], "eccns": ["EAR99"], "destination": "CN",
                            "quantity_limit": -1, "valid_from": "2020-01-02"}], file="f")


def test_verdicts_fail_closed() -> None:
    rules = load_rules()
    cannot = determine(Request(dt.date(2020, 1, 6), Item(None, "US"), "CN", parties=(Party(Role.END_USER, "X"),)),
                       rules, NONE_FOUND)
    assert cannot.outcome is Outcome.CANNOT_CLEAR
    for screening in (None, "review", "lists"):
        got = desk_answer(cannot, screening=screening)
        assert got.verdict is Verdict.HOLD
    assert desk_answer(cannot, screening="review").hold is HoldReason.REVIEW
    assert desk_answer(cannot, screening="lists").hold is HoldReason.CANNOT_CLEAR
    assert desk_answer(cannot, screening=None).hold is HoldReason.MISSING_FACT
    req = _req()
    listed = determine(req, rules, NONE_FOUND)  # Huawei Device from the dated rule data
    assert listed.outcome is Outcome.LICENSE_REQUIRED
    assert desk_answer(listed, screening=None).hold is HoldReason.LICENCE_NEEDED
    covered = dataclasses.replace(listed, bases=tuple(dataclasses.replace(
        b, overcome_by=Overcome(OvercomeKind.LICENSE, "D1", "valid")) for b in listed.bases))
    got = desk_answer(covered, screening=None)
    assert got.verdict is Verdict.RELEASE and got.licences == ("D1",)
    # a point still to confirm (a possible SDN match beside the listing) could need more than the licence covers
    doubt = Question("'HUAWEI DEVICE' is a possible match (0.71) of an SDN entry: confirm it is not that party")
    unsure = desk_answer(dataclasses.replace(covered, to_confirm=(doubt,)), screening=None)
    assert unsure.verdict is Verdict.HOLD and unsure.hold is HoldReason.REVIEW and unsure.licences == ()
    assert f"to confirm: {doubt.text}" in unsure.reasons
    needed = desk_answer(dataclasses.replace(listed, to_confirm=(doubt,)), screening=None)
    assert needed.hold is HoldReason.LICENCE_NEEDED and f"to confirm: {doubt.text}" in needed.reasons
    denial = dataclasses.replace(listed, bases=(Basis("EL", "x", "policy of denial", party="P"),))
    assert desk_answer(denial, screening=None).verdict is Verdict.BLOCK
    prohibited = dataclasses.replace(listed, outcome=Outcome.PROHIBITED)
    assert desk_answer(prohibited, screening=None).verdict is Verdict.BLOCK
