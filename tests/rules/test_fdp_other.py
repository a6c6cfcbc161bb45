"""§ 734.9(f)-(i) foreign direct product rules: dated reach, fail closed without facts, no future citations."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from clearance.model.determination import Determination, Fact, FdpFacts, Item, Outcome, Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine

NONE = FdpFacts(direct_product_of=(), plant_direct_product_of=())
TECH = FdpFacts(direct_product_of=("3E001",), plant_direct_product_of=())


def ask(
    rules: RuleSet,
    eccn: str,
    to: str,
    day: str,
    fdp: FdpFacts | None = None,
    party: Party | None = None,
    facts: frozenset[Fact] = frozenset(),
) -> Determination:
    item = Item(eccn, "TW", us_controlled_value=Fraction(0), total_value=Fraction(100), fdp=fdp)
    who = party or Party(Role.END_USER, "non-listed company", listings=())
    req = Request(dt.date.fromisoformat(day), item, to, from_country="TW", parties=(who,), facts=facts)
    return determine(req, rules, NONE_FOUND)


def test_reviewer_cases_no_longer_clear_by_default(rules: RuleSet) -> None:
    for eccn, to in [("3A991", "RU"), ("3A991", "BY"), ("3A090.a", "CN"), ("4A090.a", "CN")]:
        d = ask(rules, eccn, to, "2025-11-20")
        assert d.outcome is Outcome.CANNOT_CLEAR, (eccn, to)
        assert "734.9(" in d.reasons[0] and "2025-11-20" in d.reasons[0] and "direct_product_of" in d.reasons[0]


def test_reasons_name_rule_date_and_citation(rules: RuleSet) -> None:
    ru = ask(rules, "3A991", "RU", "2022-02-24")
    assert "734.9(f)" in ru.reasons[0] and "2022-02-24" in ru.reasons[0] and "87 FR 12226" in ru.reasons[0]
    by = ask(rules, "3A991", "BY", "2022-03-02")
    assert "734.9(f)" in by.reasons[0] and "87 FR 13048" in by.reasons[0]
    cn = ask(rules, "4A090.a", "CN", "2022-10-07")
    assert "734.9(h)" in cn.reasons[0] and "87 FR 62186" in cn.reasons[0]


def test_not_applicable_is_said_in_the_notes(rules: RuleSet) -> None:
    d = ask(rules, "3A991", "RU", "2022-02-24", NONE)
    assert d.outcome is Outcome.NOT_SUBJECT
    assert any("734.9(f)" in n and "not applicable" in n for n in d.notes)
    assert any(t.key == "fdp.russia_belarus" for t in d.trace)


def test_subject_basis_names_the_rule(rules: RuleSet) -> None:
    d = ask(rules, "3A991", "RU", "2022-02-24", TECH)
    assert d.subject_to_ear is True and "734.9(f)" in d.subject_basis[0]
    h = ask(rules, "4A090.a", "CN", "2022-10-07", FdpFacts(("4E001",), ()))
    assert h.subject_to_ear is True and "734.9(h)" in h.subject_basis[0]


def test_before_the_rules_as_before(rules: RuleSet) -> None:
    assert ask(rules, "3A991", "RU", "2022-02-23").outcome is Outcome.NOT_SUBJECT
    assert ask(rules, "3A991", "BY", "2022-03-01").outcome is Outcome.NOT_SUBJECT
    before = ask(rules, "4A090.a", "CN", "2022-10-06")  # the ECCN itself starts on 2022-10-07
    assert before.outcome is Outcome.CANNOT_CLEAR and "734.9(h)" not in before.reasons[0]
    assert ask(rules, "3A991", "CN", "2022-10-07").outcome is Outcome.NOT_SUBJECT  # outside (h) item scope


def test_unverified_product_scope_fails_closed(rules: RuleSet) -> None:
    other_tech = ask(rules, "3A090.a", "CN", "2025-11-20", FdpFacts(("3E002",), ()))
    assert other_tech.outcome is Outcome.CANNOT_CLEAR and "3E002" in other_tech.reasons[0]
    plant_origin_unknown = ask(rules, "3A991", "RU", "2022-06-01", FdpFacts((), ("3E001",)))
    assert plant_origin_unknown.outcome is Outcome.CANNOT_CLEAR
    foreign_plant = ask(rules, "3A991", "RU", "2022-06-01", FdpFacts((), ("3E001",), plant_tech_us_origin=False))
    assert foreign_plant.outcome is Outcome.NOT_SUBJECT  # plant prong needs US-origin technology


def test_crimea_from_2023_05_19(rules: RuleSet) -> None:
    assert ask(rules, "3A991", "UA", "2023-05-18").outcome is Outcome.NOT_SUBJECT
    crimea = ask(rules, "3A991", "UA", "2023-05-19")
    assert crimea.outcome is Outcome.CANNOT_CLEAR and "88 FR 33422" in crimea.reasons[0]
    elsewhere = ask(rules, "3A991", "UA", "2023-05-19", facts=frozenset({Fact.UKRAINE_OTHER_REGION}))
    assert elsewhere.outcome is Outcome.NOT_SUBJECT


def test_russian_military_end_user_party_in_a_third_country(rules: RuleSet) -> None:
    listed = Party(Role.END_USER, "Russian MEU-listed company", country="RU", listings=("meu_list",))
    d = ask(rules, "EAR99", "KZ", "2022-06-01", TECH, party=listed)
    assert d.outcome is Outcome.CANNOT_CLEAR and "734.9(g)" in d.reasons[0] and "footnote-3" in d.reasons[0]
    assert ask(rules, "EAR99", "KZ", "2022-06-01", NONE, party=listed).outcome is Outcome.NOT_SUBJECT
    assert ask(rules, "EAR99", "KZ", "2022-02-23", TECH, party=listed).outcome is Outcome.NOT_SUBJECT


def test_supercomputer_rule_needs_the_fact(rules: RuleSet) -> None:
    without = ask(rules, "4A994", "CN", "2023-06-01", TECH)
    assert without.outcome is Outcome.NOT_SUBJECT
    with_fact = ask(rules, "4A994", "CN", "2023-06-01", TECH, facts=frozenset({Fact.SUPERCOMPUTER}))
    assert with_fact.subject_to_ear is True and "734.9(i)" in with_fact.subject_basis[0]


def test_pre_2022_answers_do_not_cite_2022_rules(rules: RuleSet) -> None:
    for to in ("RU", "BY"):
        d = ask(rules, "3A991", to, "2021-06-01", TECH)
        text = " ".join(c.citation.text() for c in d.trace)
        for fr in ("87 FR 12226", "87 FR 13048", "87 FR 62186", "88 FR 33422"):
            assert fr not in text, (to, fr)
        us = determine(Request(dt.date(2021, 6, 1), Item("3A991", "US"), to,
                               parties=(Party(Role.END_USER, "non-listed company", listings=()),),
                               facts=frozenset({Fact.EAR99_NOT_LISTED_746})), rules, NONE_FOUND)
        part746 = [c.citation.text() for c in us.trace if c.key == f"part746.{to}"]
        assert part746 and not any("87 FR" in t for t in part746), part746
