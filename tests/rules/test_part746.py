"""Part 746 embargoes and § 744.23 end uses: data invariants and fail-closed behaviour beyond the scenarios."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from clearance.model.determination import (
    Determination,
    Fact,
    Item,
    Outcome,
    Party,
    Request,
    Role,
    Transaction,
    UsInput,
)
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine

EMBARGOED = ["CU", "IR", "KP", "SY"]
SECTIONS = ["CU", "IR", "KP", "SY", "RU", "BY"]
DATES = [dt.date(2019, 6, 1), dt.date(2021, 3, 1), dt.date(2022, 6, 1), dt.date(2024, 3, 1)]


def ask(
    rules: RuleSet,
    eccn: str,
    to: str,
    day: dt.date,
    facts: set[Fact] | None = None,
    origin: str = "US",
    inputs: tuple[UsInput, ...] | None = None,
) -> Determination:
    item = Item(eccn, origin, us_inputs=inputs, total_value=Fraction(1000) if inputs else None)
    party = Party(Role.END_USER, "non-listed company", listings=())
    # a foreign-made item is reexported from where it was made (exported from the US it would be subject whatever
    # its origin: § 734.3(a)(1))
    where = {} if origin == "US" else {"from_country": origin, "transaction": Transaction.REEXPORT}
    return determine(Request(day, item, to, parties=(party,), facts=frozenset(facts or ()), **where), rules,
                     NONE_FOUND)


def test_every_embargoed_chart_row_has_part_746_data(rules: RuleSet) -> None:
    pointer_rows = {
        k.removeprefix("chart.")
        for k, p in rules.parameters.items()
        if k.startswith("chart.") and any(v.value.get("embargoed") for v in p.values)
    }
    assert pointer_rows == set(EMBARGOED)
    for dest in pointer_rows:
        param = rules.param(f"part746.{dest}")
        assert param.values[0].start == dt.date(2019, 1, 1)  # same start as the chart rows
        assert all(v.citation.cite for v in param.values)


def test_without_part_746_data_an_embargoed_row_fails_closed(rules: RuleSet) -> None:
    cut = RuleSet(rules.version + "+cut", {k: v for k, v in rules.parameters.items() if k != "part746.CU"})
    d = ask(cut, "4A994", "CU", dt.date(2024, 3, 1))
    assert d.outcome is Outcome.CANNOT_CLEAR
    assert "no Part 746 rule data" in d.reasons[0]


@pytest.mark.parametrize("dest", SECTIONS)
@pytest.mark.parametrize("eccn", ["EAR99", "3A991", "3A001.a.2", "5A992.c", "4A994"])
def test_part_746_never_clears_by_default_or_by_licence_exception(rules: RuleSet, dest: str, eccn: str) -> None:
    for day in DATES:
        d = ask(rules, eccn, dest, day)
        assert d.outcome is not Outcome.LICENSE_EXCEPTION
        if dest in EMBARGOED:
            assert d.outcome in (Outcome.LICENSE_REQUIRED, Outcome.CANNOT_CLEAR), (dest, eccn, day)
        if d.outcome is Outcome.LICENSE_REQUIRED:
            codes = {b.code for b in d.bases}
            if f"746-{dest}" in codes:
                # every exception barred -- or, where the section lists exceptions Clearance may ask about (Cuba:
                # BAG, CCD; 740.not_evaluated), every other one, and none offered
                listed = rules.param(f"part746.{dest}").at(day).value.get("exceptions_listed")
                assert any(b.symbol == ("ALL_OTHERS" if listed else "ALL") for b in d.exceptions_barred)
                assert not d.exceptions_available


def test_ear99_to_russia_is_only_cleared_once_the_supplements_are_checked(rules: RuleSet) -> None:
    before = ask(rules, "EAR99", "RU", dt.date(2021, 6, 1))
    assert before.outcome is Outcome.CANNOT_CLEAR and "746.5" in before.reasons[0]
    checked = ask(rules, "EAR99", "RU", dt.date(2021, 6, 1), {Fact.EAR99_NOT_LISTED_746})
    assert checked.outcome is Outcome.NO_LICENSE_REQUIRED
    belarus = ask(rules, "EAR99", "BY", dt.date(2021, 6, 1))
    assert belarus.outcome is Outcome.NO_LICENSE_REQUIRED  # nothing before 87 FR 13048


def test_de_minimis_counts_part_746_content(rules: RuleSet) -> None:
    ccl = (UsInput("3A991", Fraction(150)),)  # AT-only: no Chart licence anywhere in the 2026 chart
    ear99 = (UsInput("EAR99", Fraction(150)),)
    day = dt.date(2021, 3, 1)
    # Iran (E:1, 10 %): AT-only content needs a 746.7 licence, so it counts -> subject
    assert ask(rules, "3A991", "IR", day, origin="IT", inputs=ccl).subject_to_ear is True
    # China: the same content needs no licence -> not counted -> not subject
    china = ask(rules, "3A991", "CN", day, origin="IT", inputs=ccl)
    assert china.outcome is Outcome.NOT_SUBJECT
    # North Korea: whether an EAR99 input is food/medicine is unknown -> cannot count -> cannot clear
    kp = ask(rules, "3A991", "KP", day, origin="IT", inputs=ear99)
    assert kp.outcome is Outcome.CANNOT_CLEAR and "food or medicine" in kp.reasons[0]
    # Russia after 87 FR 12226: Supp. 2 to Part 734 carve-outs are not modelled -> cannot clear when the line decides
    # (30 % counted exceeds 25 %); 15 % does not exceed 25 % even counted: not subject (adversarial R5-25)
    heavy = (UsInput("3A991", Fraction(300)),)
    ru = ask(rules, "3A991", "RU", dt.date(2022, 6, 1), origin="DE", inputs=heavy)
    assert ru.outcome is Outcome.CANNOT_CLEAR and "Supp. No. 2 to Part 734" in ru.reasons[0]
    light = ask(rules, "3A991", "RU", dt.date(2022, 6, 1), origin="DE", inputs=ccl)  # (the § 734.9(f) FDP question
    assert not any("Supp. No. 2 to Part 734" in r for r in light.reasons)  # stays: the order gives no FDP facts)
    assert any("does not exceed" in n for n in light.notes)
    ru_before = ask(rules, "3A991", "RU", dt.date(2022, 2, 23), origin="DE", inputs=ccl)
    assert ru_before.outcome is Outcome.NOT_SUBJECT


def test_ukraine_regions(rules: RuleSet) -> None:
    """§ 746.6(a)(1): in Crimea (and from 2022-02-21, 87 FR 12856, the covered regions so-called DNR/LNR) a licence
    for every item subject to the EAR but EAR99 food and medicine (adversarial case R3-19)."""
    day = dt.date(2023, 6, 1)
    covered = ask(rules, "3A991", "UA", day, {Fact.UKRAINE_COVERED_REGION})
    assert covered.outcome is Outcome.LICENSE_REQUIRED and [b.code for b in covered.bases] == ["746-UA-REGION"]
    assert "policy of denial" in covered.review_policy
    other = ask(rules, "3A991", "UA", day, {Fact.UKRAINE_OTHER_REGION})
    assert other.outcome is Outcome.NO_LICENSE_REQUIRED
    unsaid = ask(rules, "3A991", "UA", day)
    assert unsaid.outcome is Outcome.CANNOT_CLEAR and "covered regions" in unsaid.reasons[0]
    printers = ask(rules, "EAR99", "UA", day, {Fact.UKRAINE_COVERED_REGION})
    assert printers.outcome is Outcome.CANNOT_CLEAR and "food or medicine" in printers.reasons[0]
    food = ask(rules, "EAR99", "UA", day, {Fact.UKRAINE_COVERED_REGION, Fact.FOOD_OR_MEDICINE})
    assert food.outcome is Outcome.NO_LICENSE_REQUIRED
    # the day before and the day of the covered regions (87 FR 12856): the question names them from 2022-02-21
    before = ask(rules, "3A991", "UA", dt.date(2022, 2, 20))
    assert "Crimea" in before.reasons[0] and "DNR" not in before.reasons[0]
    on = ask(rules, "3A991", "UA", dt.date(2022, 2, 21))
    assert "DNR/LNR" in on.reasons[0]
    luhansk = ask(rules, "EAR99", "UA", dt.date(2022, 2, 21), {Fact.UKRAINE_COVERED_REGION, Fact.NOT_FOOD_OR_MEDICINE})
    assert luhansk.outcome is Outcome.LICENSE_REQUIRED and "87 FR 12856" in luhansk.bases[0].cite


def _release(rules: RuleSet, day: dt.date, facts: set[Fact]) -> Determination:
    item = Item("3E991", "US", kind="technology")
    party = Party(Role.END_USER, "non-listed Russian national", "RU", listings=())
    return determine(Request(day, item, "RU", transaction=Transaction.RELEASE, parties=(party,),
                             facts=frozenset(facts)), rules, NONE_FOUND)


def test_746_8_excludes_deemed_exports(rules: RuleSet) -> None:
    """§ 746.8(a)(1) does not apply to deemed exports or deemed reexports (adversarial case R3-18): a release of 3E991
    (AT only) technology to a Russian national is a question until the order says where it takes place."""
    day = dt.date(2024, 3, 1)
    unsaid = _release(rules, day, set())
    assert unsaid.outcome is Outcome.CANNOT_CLEAR and "deemed" in unsaid.reasons[0]
    assert _release(rules, day, {Fact.DEEMED_RELEASE}).outcome is Outcome.NO_LICENSE_REQUIRED
    abroad = _release(rules, day, {Fact.RELEASE_IN_DESTINATION})
    assert abroad.outcome is Outcome.LICENSE_REQUIRED and [b.code for b in abroad.bases] == ["746-RU"]
    # the day before § 746.8 (2022-02-24): no Part 746 requirement for a CCL item to Russia
    assert _release(rules, dt.date(2022, 2, 23), set()).outcome is Outcome.NO_LICENSE_REQUIRED
    assert _release(rules, dt.date(2022, 4, 8), set()).outcome is Outcome.CANNOT_CLEAR


def test_open_part_746_question_beside_an_entity_list_licence_is_noted(rules: RuleSet) -> None:
    """An EAR99 item to Russia whose Part 746 supplements are not checked, for a party on the Entity List (a licence
    is required anyway): LICENSE_REQUIRED with the question noted (adversarial case T04), never clearing; without the
    listed party the question stays open (CANNOT_CLEAR)."""
    day = dt.date(2026, 3, 2)
    item = Item("EAR99", "US")
    listed = Party(Role.ULTIMATE_CONSIGNEE, "Huawei Technologies Co., Ltd.", "RU")
    d = determine(Request(day, item, "RU", parties=(listed,)), rules, NONE_FOUND)
    assert d.outcome is Outcome.LICENSE_REQUIRED and [b.code for b in d.bases] == ["EL"]
    assert any(n.startswith("746-RU:") and "required anyway" in n for n in d.notes)
    assert ask(rules, "EAR99", "RU", day).outcome is Outcome.CANNOT_CLEAR


def test_supercomputer_rule_reaches_macau_and_d5_only(rules: RuleSet) -> None:
    day = dt.date(2026, 3, 1)
    macau = ask(rules, "4A994", "MO", day, {Fact.SUPERCOMPUTER})  # Macau is not D:5 but is named
    assert macau.outcome is Outcome.LICENSE_REQUIRED
    germany = ask(rules, "4A994", "DE", day, {Fact.SUPERCOMPUTER})
    assert germany.outcome is Outcome.CANNOT_CLEAR and "Macau" in germany.reasons[0]
    out_of_scope = ask(rules, "EAR99", "CN", day, {Fact.SUPERCOMPUTER})
    assert out_of_scope.outcome is Outcome.NO_LICENSE_REQUIRED
    ic = ask(rules, "3A991", "CN", day, {Fact.SUPERCOMPUTER})
    assert ic.outcome is Outcome.CANNOT_CLEAR and "integrated circuit" in ic.reasons[0]
    unknown_node = ask(rules, "3B991", "CN", day, {Fact.IC_PRODUCTION_UNKNOWN_NODE})
    assert [b.code for b in unknown_node.bases] == ["744.23-ic_production_unknown_node"]
    not_cat3 = ask(rules, "4A994", "CN", day, {Fact.IC_PRODUCTION_UNKNOWN_NODE})
    assert not_cat3.outcome is Outcome.NO_LICENSE_REQUIRED
