"""Our own scenarios (tests/rules/own_scenarios.yaml): edge dates, thresholds, FDP, fail-closed cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from clearance.model.determination import Outcome, Request
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine
from clearance.workflows.order_files import read_scenarios

from .checks import check

FILE = Path(__file__).with_name("own_scenarios.yaml")
CASES: list[tuple[Request, dict[str, Any]]] = [(r, raw) for r, _, raw in read_scenarios(FILE)]


def test_at_least_twenty_own_scenarios() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize(("request_", "raw"), CASES, ids=[r.id for r, _ in CASES])
def test_own_scenario(request_: Request, raw: dict[str, Any], rules: RuleSet) -> None:
    decision = determine(request_, rules, NONE_FOUND)
    check(decision, raw["expected"], raw.get("deciding_rules"))
    if raw["expected"].get("license_required") == "indeterminate":
        assert decision.outcome is Outcome.CANNOT_CLEAR and decision.reasons
    for key, variant in raw.items():
        if key.startswith("variant_if_shipped_on_"):
            day = dt.date.fromisoformat(key.removeprefix("variant_if_shipped_on_"))
            check(determine(dataclasses.replace(request_, date=day), rules, NONE_FOUND), variant)


def test_cannot_clear_reasons_name_the_gap(rules: RuleSet) -> None:
    by_id = {r.id: r for r, _ in CASES}
    assert "3A998" in determine(by_id["O27"], rules, NONE_FOUND).reasons[0]
    assert "value" in determine(by_id["O28"], rules, NONE_FOUND).reasons[0]
    assert "2019-01-01" in determine(by_id["O29"], rules, NONE_FOUND).reasons[0]
    iran = determine(by_id["O13"], rules, NONE_FOUND)
    assert iran.subject_to_ear is True  # 15 % AT-only content counts for E:1 (Chart and Part 746)
    assert "746.7" in iran.reasons[0] and "31 CFR part 560" in iran.reasons[0]
    assert "746.7" in determine(by_id["O41"], rules, NONE_FOUND).reasons[0]
    assert "food or medicine" in determine(by_id["O36"], rules, NONE_FOUND).reasons[0]
    assert "Supplement Nos." in determine(by_id["O45"], rules, NONE_FOUND).reasons[0]
    assert "90 FR 42320" in determine(by_id["O39"], rules, NONE_FOUND).reasons[0]
    assert "746.6" in determine(by_id["O48"], rules, NONE_FOUND).reasons[0]
    assert "2019-01-01" in determine(by_id["O50"], rules, NONE_FOUND).reasons[0]
    assert "S27" in determine(by_id["O53"], rules, NONE_FOUND).reasons[0]
    # Hong Kong's own row before 2020-12-23 is not held: a column other than AT is asked, naming the row
    assert "Country Chart row HK" in determine(by_id["O25"], rules, NONE_FOUND).reasons[0]


def test_knowledge_that_maps_to_no_fact_is_an_open_question(rules: RuleSet) -> None:
    import dataclasses
    import datetime as dt

    from clearance.model.determination import Item, Party, Request, Role

    said = ("to repair fire-control radars on navy destroyers",)
    base = Request(dt.date(2024, 6, 1), Item("3A991", "US"), "CN", parties=(Party(Role.END_USER, "Acme", listings=()),),
                   unmapped_knowledge=said, id="K")
    d = determine(base, rules, NONE_FOUND)
    assert d.outcome.value == "CANNOT_CLEAR" and d.open_questions[0].fact == "knowledge" and said[0] in d.reasons[0]
    quiet = determine(dataclasses.replace(base, unmapped_knowledge=()), rules, NONE_FOUND)
    assert quiet.outcome.value == "NO_LICENSE_REQUIRED"  # the same order without the statement clears
    listed = dataclasses.replace(base, parties=(Party(Role.END_USER, "Huawei Technologies Co., Ltd."),))
    d = determine(listed, rules, NONE_FOUND)
    assert d.outcome.value == "LICENSE_REQUIRED" and any(said[0] in n for n in d.notes)


def test_affiliates_rule_adds_the_shares_of_listed_owners(rules: RuleSet) -> None:
    import datetime as dt
    from fractions import Fraction

    from clearance.model.determination import Item, Owner, Party, Request, Role

    def order(*owners: tuple[str, int]) -> Request:
        jv = Party(Role.END_USER, "Shenzhen Joint Venture Co., Ltd.", "CN", listings=(),
                   ownership=tuple(Owner(n, Fraction(p)) for n, p in owners))
        return Request(dt.date(2025, 10, 15), Item("EAR99", "US"), "CN", parties=(jv,), id="JV")

    together = determine(order(("Huawei Technologies Co., Ltd.", 25), ("HiSilicon Technologies Co., Ltd", 25)),
                         rules, NONE_FOUND)
    assert together.outcome.value == "LICENSE_REQUIRED"
    basis = next(b for b in together.bases if b.code == "EL-AFFILIATE")
    assert "50 %" in basis.cite and "in aggregate" in basis.cite
    alone = determine(order(("Huawei Technologies Co., Ltd.", 25), ("Acme Holding AG", 25)), rules, NONE_FOUND)
    assert all(b.code != "EL-AFFILIATE" for b in alone.bases)


def test_every_given_listing_code_maps_to_a_list() -> None:
    from clearance.rules.listings import LISTING_CODES
    from clearance.rules.parties import KNOWN_LISTINGS

    assert set(KNOWN_LISTINGS) <= set(LISTING_CODES), set(KNOWN_LISTINGS) - set(LISTING_CODES)


def test_an_ofac_blocked_party_is_prohibited_even_for_an_item_not_subject_to_the_ear(rules: RuleSet) -> None:
    import datetime as dt
    from fractions import Fraction

    from clearance.model.determination import Item, Party, Request, Role, UsInput

    foreign = Item("3A991", "DE", total_value=Fraction(1000), us_inputs=(UsInput("EAR99", Fraction(10)),))
    bank = Party(Role.END_USER, "BANCO NACIONAL DE CUBA", "CU", listings=("sdn:CUBA",))
    d = determine(Request(dt.date(2025, 6, 1), foreign, "FR", "DE", parties=(bank,), id="B"), rules, NONE_FOUND)
    assert d.outcome.value == "PROHIBITED" and d.subject_to_ear is False
    unlisted = Party(Role.END_USER, "Acme SARL", "FR", listings=())
    d = determine(Request(dt.date(2025, 6, 1), foreign, "FR", "DE", parties=(unlisted,), id="C"), rules, NONE_FOUND)
    assert d.outcome.value == "NOT_SUBJECT"
