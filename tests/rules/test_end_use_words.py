"""An end use stated in words where § 744.21 turns on it (part744.end_use_words; docs/facts.md): a basis to be
confirmed, never a clear, wherever the rule with a military end use would require a licence; nothing elsewhere.
Cases from the adversarial review round 5 (R5-89, R5-90, R5-93) and the dates § 744.21 reached Nicaragua."""

from __future__ import annotations

import datetime as dt

import pytest

from clearance.model.decision import Outcome
from clearance.model.determination import Fact, Item, Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine, load_rules

WARPLANE = "avionics test benches for a warplane final-assembly line"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _req(to: str, end_use: str, facts: frozenset[Fact] = frozenset(), eccn: str = "3A991",
         day: dt.date = dt.date(2025, 6, 2)) -> Request:
    return Request(day, Item(eccn, "US"), to, parties=(Party(Role.ULTIMATE_CONSIGNEE, "Acme Test Equipment Co.", to),),
                   end_use=end_use, facts=facts, id="t")


def test_words_in_a_744_21_country_are_a_basis_to_confirm(rules: RuleSet) -> None:
    d = determine(_req("CN", WARPLANE), rules, NONE_FOUND)
    assert d.outcome is Outcome.CANNOT_CLEAR
    assert any("military end use" in r and WARPLANE in r for r in d.reasons), d.reasons
    stated = determine(_req("CN", WARPLANE, frozenset({Fact.MILITARY_END_USE})), rules, NONE_FOUND)
    assert stated.outcome is Outcome.LICENSE_REQUIRED and any(b.code == "MEU" for b in stated.bases)
    checked = determine(_req("CN", WARPLANE, frozenset({Fact.NOT_MILITARY_END_USE})), rules, NONE_FOUND)
    assert checked.outcome is Outcome.NO_LICENSE_REQUIRED


def test_nothing_changes_where_744_21_does_not_reach(rules: RuleSet) -> None:
    assert determine(_req("BR", WARPLANE), rules, NONE_FOUND).outcome is Outcome.NO_LICENSE_REQUIRED
    assert determine(_req("CN", WARPLANE, eccn="EAR99"), rules, NONE_FOUND).outcome is Outcome.NO_LICENSE_REQUIRED


def test_nicaragua_from_the_day_744_21_reached_it(rules: RuleSet) -> None:
    before = determine(_req("NI", WARPLANE, day=dt.date(2024, 3, 14)), rules, NONE_FOUND)
    on = determine(_req("NI", WARPLANE, day=dt.date(2024, 3, 15)), rules, NONE_FOUND)
    assert before.outcome is not Outcome.CANNOT_CLEAR or not any("military end use" in r for r in before.reasons)
    assert on.outcome is Outcome.CANNOT_CLEAR and any("744.21" in r for r in on.reasons)


def test_a_licence_required_anyway_keeps_the_point_to_confirm(rules: RuleSet) -> None:
    d = determine(_req("RU", WARPLANE, day=dt.date(2024, 6, 3)), rules, NONE_FOUND)  # § 746.8: every CCL item
    assert d.outcome is Outcome.LICENSE_REQUIRED
    assert any(b.code == "MEU" and b.indeterminate for b in d.bases)


def test_the_text_said_no_military_end_use(rules: RuleSet) -> None:
    d = determine(_req("CN", "civil smartphone production", frozenset({Fact.NOT_MILITARY_END_USE})), rules,
                  NONE_FOUND)
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED
