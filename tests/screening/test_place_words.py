"""Organisations that share only a place word with a listed name (adversarial R35-55, R35-64, R34-23).

A country, a country's adjective or a world region says where a party is, not which one; rare in the name corpus,
such a word ("Ghana", "Levant", "Syrian") was weighed as a brand, so an unrelated organisation sharing only it with a
listed name came out POSSIBLE. clearance-name@3 now weighs every place word of clearance/text/places.yml and
place_words.yml as a place in organisation names, and names that each keep a place of another country and agree only
on organisation terms are different parties. On the real SDN rows: the place-only pairs are CLEAR, the listed party
typed with its place word is still a HIT, and persons' names are weighed as before.
"""

from __future__ import annotations

import pytest

from clearance.screening.forms3 import token_weight
from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.rarity import rarity
from clearance.screening.screen import compare, screen
from clearance.text.places import PLACE_WEIGHT, place_countries, place_words

V3 = "clearance-name@3"


def hits_on(index: ScreeningIndex, name: str, country: str | None, listed: str) -> list[Hit]:
    return [h for h in screen(Query(name, country), index, algorithm=V3, limit=50).hits if h.name == listed]


@pytest.mark.parametrize(("query", "country", "listed"), [
    ("Electric Company of Ghana Ltd., Accra", "GH", "STAR TRADE GHANA LIMITED"),
    ("Electric Company of Ghana Ltd., Accra", "GH", "REVIVAL OF ISLAMIC HERITAGE SOCIETY"),  # (alias RIHS-GHANA)
    ("Levant Textiles", None, "ISLAMIC STATE OF IRAQ AND THE LEVANT"),
    ("Maritime and Port Authority of Singapore", "SG", "SYRIAN GENERAL AUTHORITY FOR MARITIME TRANSPORT"),
])
def test_a_shared_place_word_alone_is_no_possible_match(sdn_index: ScreeningIndex, query: str, country: str | None,
                                                        listed: str) -> None:
    assert hits_on(sdn_index, listed, None, listed)  # (the entry is there, found by its own name)
    assert not hits_on(sdn_index, query, country, listed)


@pytest.mark.parametrize(("query", "country", "listed"), [
    ("Star Trade Ghana Ltd", "GH", "STAR TRADE GHANA LIMITED"),
    ("Islamic Revolutionary Guard Corps", "IR", "ISLAMIC REVOLUTIONARY GUARD CORPS"),
    ("Korea Mining Development Trading Corporation", "KP", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),
    ("Syrian Arab Airlines", "SY", "SYRIAN ARAB AIRLINES"),
    ("Commercial Bank of Syria", "SY", "COMMERCIAL BANK OF SYRIA"),
    ("Islamic State of Iraq and the Levant", None, "ISLAMIC STATE OF IRAQ AND THE LEVANT"),
])
def test_the_listed_party_with_its_place_word_is_still_a_hit(sdn_index: ScreeningIndex, query: str,
                                                             country: str | None, listed: str) -> None:
    hits = hits_on(sdn_index, query, country, listed)
    assert hits and max(h.score for h in hits) >= 0.7, hits
    assert screen(Query(query, country), sdn_index, algorithm=V3).decision is Decision.HIT


@pytest.mark.parametrize(("query", "listed"), [
    ("Bank of Kunlun", "BANK OF KUNLUN CO LTD"),  # (OFAC's consolidated non-SDN list, not in these fixtures)
    ("Star Trade Ghana Ltd", "STAR TRADE GHANA LIMITED"),
    ("Korea Mining Development Trading Corp.", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),
])
def test_listed_names_with_a_place_word_still_match(query: str, listed: str) -> None:
    assert compare(query, listed, algorithm=V3).score >= 0.7


def test_place_words_weigh_as_places_in_organisation_names_only() -> None:
    for word in ("ghana", "syrian", "levant", "srilanka", "lanka", "korean"):
        assert word in place_words()
        assert token_weight(word, False) <= PLACE_WEIGHT
    assert token_weight("ghana", True) == rarity().weight("ghana")  # a person's name part: its rarity, as before
    assert token_weight("kunlun", False) == 1.0  # (a mountain range in no table: still a brand)


def test_place_countries() -> None:
    table = place_countries()
    assert table["syrian"] == {"SY"} and table["singapore"] == {"SG"} and table["ghana"] == {"GH"}
    assert table["korean"] == {"KR", "KP"} and table["korea"] == {"KR", "KP"}
    assert "shenzhen" in table and "levant" not in table and "dubai" not in table


@pytest.mark.parametrize(("a", "b", "low"), [
    # each keeps a place of another country, they agree only on organisation terms: CLEAR
    ("Maritime and Port Authority of Singapore", "Syrian General Authority for Maritime Transport", True),
    ("Port Authority of Ghana", "Syrian General Authority for Maritime Transport", True),
    # a brand that agrees keeps the pair as it was (an affiliate abroad)
    ("Bank Melli Ghana", "Bank Melli Iran", False),
    # the same country written as a name and as an adjective is no other country
    ("Civil Aviation Authority of Syria", "Syrian Civil Aviation Authority", False),
    ("Communications Regulatory Authority of Iran", "Iranian Communications Regulatory Authority", False),
    # a description with a country's adjective is still a description (adversarial R4-21: 'Australian Army' / SDN
    # 'ARMY OF ISLAM', its weight no longer on "Australian")
    ("Australian Army", "ARMY OF ISLAM", True),
])
def test_other_countries_and_organisation_terms_only(a: str, b: str, low: bool) -> None:
    score = compare(a, b, algorithm=V3).score
    assert (score < 0.5) is low, score


def test_a_dropped_nation_word_still_tells_generic_names_apart() -> None:
    """Only common words agree and one name adds a nation's adjective: a different party, not a HIT (Cuba's
    'Directorate of Military Intelligence', MIEU, against the Syrian SDN directorate; tests/screening/
    test_issue9_screening.py runs it through the index). A city dropped is still no other party."""
    assert compare("Directorate of Military Intelligence", "SYRIAN MILITARY INTELLIGENCE DIRECTORATE",
                   algorithm=V3).score < 0.7
    assert compare("Directorate of Military Intelligence", "MILITARY INTELLIGENCE DIRECTORATE",
                   algorithm=V3).score >= 0.7
