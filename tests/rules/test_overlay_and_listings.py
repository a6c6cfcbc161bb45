"""Overlays (proposed rules on a copy of the rule set) and the listings snapshot built from list entities."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from clearance.errors import DataError
from clearance.model.determination import Item, Outcome, Party, Request, Role
from clearance.model.entity import Entity, Name, Schema
from clearance.model.regulation import RuleSet
from clearance.rules import Listings, apply_overlay, determine

NO_LICENCES = """overlay: true
title: Hypothetical -- no licences for any Huawei entity from 2026-01-01
parameters:
  el.group.huawei.review_policy:
    values:
      2026-01-01: {value: policy of denial, cite: "hypothetical policy (overlay)"}
"""
ADD_ACME = """overlay: true
title: Hypothetical -- add ACME Semiconductor to the Entity List with footnote 1 from 2026-02-01
parameters:
  el.party.acme:
    section: "744 Supp. 4"
    values:
      2026-02-01:
        value: {names: [ACME Semiconductor Ltd.], group: huawei, country: CN}
        cite: "hypothetical addition (overlay)"
"""


def _order(day: dt.date, name: str) -> Request:
    return Request(day, Item("EAR99", "US"), "CN", parties=(Party(Role.END_USER, name),), id="o")


def test_policy_overlay_changes_only_the_copy(rules: RuleSet, tmp_path: Path) -> None:
    path = tmp_path / "no-licences.yaml"
    path.write_text(NO_LICENCES)
    proposed = apply_overlay(rules, path)
    order = _order(dt.date(2026, 3, 1), "Huawei Technologies Co., Ltd.")
    assert determine(order, rules).review_policy == "presumption of denial"
    assert determine(order, proposed).review_policy == "policy of denial"
    earlier = dataclasses.replace(order, date=dt.date(2025, 12, 31))
    assert determine(earlier, proposed).review_policy == "presumption of denial"
    assert proposed.version.startswith(rules.version) and proposed.version != rules.version


def test_overlay_adds_a_party_with_footnote_1(rules: RuleSet, tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(ADD_ACME)
    proposed = apply_overlay(rules, path)
    order = _order(dt.date(2026, 3, 1), "ACME Semiconductor Ltd.")
    with_lists = determine(order, rules, Listings())
    assert with_lists.outcome is Outcome.NO_LICENSE_REQUIRED  # screened: not on the (empty) snapshot
    decision = determine(order, proposed)
    assert decision.outcome is Outcome.LICENSE_REQUIRED and decision.bases[0].code == "EL"
    before = determine(dataclasses.replace(order, date=dt.date(2026, 1, 31)), proposed, Listings())
    assert before.outcome is Outcome.NO_LICENSE_REQUIRED


def test_overlay_file_must_say_so(rules: RuleSet, tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(NO_LICENCES.replace("overlay: true\n", ""))
    with pytest.raises(DataError, match="not an overlay"):
        apply_overlay(rules, path)


def test_listings_snapshot_from_entities(rules: RuleSet) -> None:
    acme = Entity("el", "e1", Schema.COMPANY, (Name("Acme Trading Co., Ltd."),), license_requirement=
                  "For all items subject to the EAR", license_policy="Presumption of denial",
                  federal_register=("89 FR 1",))
    lists = Listings.from_entities([acme])
    decision = determine(_order(dt.date(2025, 1, 1), "ACME TRADING CO LTD"), rules, lists)
    assert decision.outcome is Outcome.LICENSE_REQUIRED
    assert decision.bases[0].policy == "presumption of denial" and "89 FR 1" in decision.bases[0].cite
    clear = determine(_order(dt.date(2025, 1, 1), "Another Company"), rules, lists)
    assert clear.outcome is Outcome.NO_LICENSE_REQUIRED
    unscreened = determine(_order(dt.date(2025, 1, 1), "Another Company"), rules)
    assert unscreened.outcome is Outcome.CANNOT_CLEAR


def test_given_not_listed_conflicting_with_dated_data_fails_closed(rules: RuleSet) -> None:
    order = Request(dt.date(2021, 1, 1), Item("EAR99", "US"), "CN",
                    parties=(Party(Role.END_USER, "Huawei Technologies Co., Ltd.", listings=()),))
    decision = determine(order, rules)
    assert decision.outcome is Outcome.CANNOT_CLEAR and "given as not on the Entity List" in decision.reasons[0]


def test_stale_snapshot_cannot_clear(rules: RuleSet) -> None:
    lists = Listings.from_entities([], label="el 2025-01-01", data_date=dt.date(2025, 1, 1), max_age_days=30)
    fresh = determine(_order(dt.date(2025, 1, 31), "Another Company"), rules, lists)
    assert fresh.outcome is Outcome.NO_LICENSE_REQUIRED
    stale = determine(_order(dt.date(2025, 2, 1), "Another Company"), rules, lists)
    assert stale.outcome is Outcome.CANNOT_CLEAR and "stale lists" in stale.reasons[0]


def test_json_order_file(rules: RuleSet, tmp_path: Path) -> None:
    import json

    from clearance.workflows.order_files import read_order

    path = tmp_path / "o.json"
    path.write_text(json.dumps({"id": "J1", "date": "2021-06-01", "route": {"from": "US", "to": "CN"},
                                "item": {"eccn": "3A001.a.2", "origin": "US"},
                                "parties": [{"role": "end_user", "name": "X", "listings": []}]}))
    req, _ = read_order(path)
    decision = determine(req, rules)
    assert decision.outcome is Outcome.LICENSE_REQUIRED and [b.code for b in decision.bases] == ["NS2"]
    path.write_text('{"date": "2021-06-01", "item": {"eccn": "3A991"}, "route": {"to": "Atlantis"}}')
    with pytest.raises(DataError, match="unknown country 'Atlantis'"):
        read_order(path)
