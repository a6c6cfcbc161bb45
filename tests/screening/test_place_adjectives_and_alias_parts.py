"""A Russian town's adjective read as the town, and the EU's "full name (short forms)" aliases read as names of their
own (session 23, adversarial R44b-34, R44-76, R44b-28, R44-77; on the real lists and the shipped alias table)."""

from __future__ import annotations

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, alias_parts, build_index
from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen
from clearance.sources.aliases import shipped
from clearance.text.terms import russian_place_adjectives

V3 = "clearance-name@3"


@pytest.fixture(scope="module")
def sdn_index(sdn_entities: list[Entity]) -> ScreeningIndex:
    return build_index(sdn_entities, aliases=[r.extra_name() for r in shipped()])


def _best(index: ScreeningIndex, name: str, entry_id: str) -> tuple[float, Decision]:
    hits = [h for h in screen(Query(name, "RU"), index, algorithm=V3).hits if h.entry_id == entry_id]
    return max(((h.score, h.decision) for h in hits), default=(0.0, Decision.CLEAR))


def test_the_adjectives_are_made_from_the_towns_by_the_regular_pattern() -> None:
    table = russian_place_adjectives()
    assert table["permskaya"] == table["permskiy"] == "perm"
    assert table["samarskiy"] == "samara" and table["omskogo"] == "omsk" and table["vladimirskoye"] == "vladimir"
    assert "moskovskiy" not in table  # (an adjective in the table already is not made again: name_terms.yml)


def test_a_romanised_russian_name_with_its_town_adjective_is_found(sdn_index: ScreeningIndex) -> None:
    # SDN 44096 'LIMITED LIABILITY COMPANY PERM OIL MACHINE COMPANY'
    score, decision = _best(sdn_index, "OOO Permskaya Neftyanaya Mashinostroitelnaya Kompaniya, Perm", "44096")
    assert decision is Decision.HIT and score >= 0.95, score


def test_another_trade_of_the_same_town_is_no_hit(sdn_index: ScreeningIndex) -> None:
    # a Perm bakery shares the town's adjective and a legal form only
    score, _ = _best(sdn_index, "OOO Permskaya Khlebopekarnaya Kompaniya, Perm", "44096")
    assert score < 0.7, score


def test_the_eu_short_form_in_parenthesis_is_a_name_of_its_own(sdn_index: ScreeningIndex) -> None:
    alias = "Федеральное Казенное Предприятие «Пермский Пороховой Завод» (ФКП «Пермский Пороховой Завод»)"
    assert [n for n, _ in alias_parts(alias)] == ["Федеральное Казенное Предприятие «Пермский Пороховой Завод»",
                                                 "ФКП «Пермский Пороховой Завод»"]
    # SDN 46713 FEDERAL STATE ENTERPRISE PERM POWDER PLANT: read whole, half its words were unmatched (0.94)
    score, decision = _best(sdn_index, "ФКП «Пермский пороховой завод», г. Пермь", "46713")
    assert decision is Decision.HIT and score >= 0.95, score


@pytest.mark.parametrize("alias", [
    "Банк ВТБ (публичное акционерное общество)",  # a description in lower case: the legal form, no name
    "Московский физико-технический институт (государственный университет)",
    "中微半导体设备(上海)股份有限公司",  # a Chinese name's place in parenthesis is part of it
    "Some Latin Name (Another Name)",
])
def test_no_short_form_is_made_of_a_description_or_another_script(alias: str) -> None:
    assert all("in its parenthesis" not in how for _, how in alias_parts(alias))


@pytest.mark.parametrize(("name", "entry_id"), [
    ("Mohammad Hossein Haqiqian", "26584"),  # SDN 'HAGHIGHIAN, Mohammad Hossein'
    ("Mohammad Kazem Chaqazardi", "25443"),  # SDN 'CHAGHAZARDY, Mohammad Kazem'
    ("Mohammad Hasan Mohaqeqi, Dubai", "42598"),  # SDN 'MOHAGHEGHI, Mohammad Hassan'
])
def test_persian_gh_and_q_are_one_letter_in_a_persons_name(sdn_index: ScreeningIndex, name: str,
                                                          entry_id: str) -> None:
    hits = [h for h in screen(Query(name, None), sdn_index, algorithm=V3).hits if h.entry_id == entry_id]
    assert hits and hits[0].decision is Decision.HIT, (name, [(h.entry_id, h.score) for h in hits])


def test_the_gh_reading_is_a_persons_and_leaves_english_ght_alone() -> None:
    from clearance.screening.forms3 import prepare3

    assert prepare3("Ali Ghasemi", True).tokens == prepare3("Ali Qasemi", True).tokens
    assert "wright" in prepare3("John Wright", True).tokens  # (an English '-ght' is kept)
    assert "ghasemi" in prepare3("Ghasemi Trading Co", False).tokens  # (an organisation's words are not read so)


@pytest.mark.parametrize(("name", "entry_id"), [
    ("조선련봉총회사", "9347"), ("단천상업은행", "9346"), ("대동신용은행", "16085"), ("조선광선은행", "11581"),
    ("남천강무역회사", "11532"), ("조선단군무역회사", "11599"), ("Choson Ryonbong Chonghoesa", "9347"),
])
def test_north_korean_parties_by_their_korean_names(sdn_index: ScreeningIndex, name: str, entry_id: str) -> None:
    hits = [h for h in screen(Query(name, "KP"), sdn_index, algorithm=V3).hits if h.entry_id == entry_id]
    assert hits and hits[0].decision is Decision.HIT, (name, [(h.entry_id, h.score) for h in hits])
