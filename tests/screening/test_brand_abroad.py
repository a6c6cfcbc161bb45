"""A listed brand's office or subsidiary abroad (clearance-name@3, ``ClearanceMatcherV3._brand_abroad``).

Found by the lead in session 17: "Hikvision Middle East FZE" in the UAE, "DJI Europe B.V." in the Netherlands and
"Kaspersky Lab Middle East FZ-LLC" screened CLEAR against the real Entity List. Their names are the listed brand with
a region added, capped at POSSIBLE by the guards ("a name of one word inside a longer name: a person reviews"), and the
country conflict (AE against the entry's CN or RU) then took them below POSSIBLE. A company's office or affiliate abroad
carries its brand and a region; from 2026-11-10 the Entity List's affiliates rule may cover it (Supp. No. 8 to Part
744), so such a name is a possible match whatever the country. The country still tells apart a trade word added to a
surname-like listed name ("Schneider Instruments Corp." in Hong Kong).
"""

from __future__ import annotations

import pytest

from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen

V3 = "clearance-name@3"


@pytest.mark.parametrize(("query", "country", "listed"), [
    ("Hikvision Middle East FZE", "AE", "Hangzhou Hikvision Digital Technology Co., Ltd."),
    ("Hikvision Deutschland GmbH", "DE", "Hangzhou Hikvision Digital Technology Co., Ltd."),
    ("DJI Europe B.V.", "NL", "DJI"),
    ("Kaspersky Lab Middle East FZ-LLC", "AE", "AO Kaspersky Lab"),
    ("Positive Technologies Middle East FZ-LLC", "AE", "Positive Technologies"),
])
def test_a_listed_brand_with_a_region_abroad_is_a_possible_match(el_index: ScreeningIndex, query: str, country: str,
                                                                  listed: str) -> None:
    result = screen(Query(query, country), el_index, algorithm=V3, limit=20)
    found = [h for h in result.hits if h.name == listed]
    assert found and found[0].decision is Decision.POSSIBLE, [(h.name, h.score) for h in result.hits]
    country = next(f for f in found[0].explanation if f.name == "country")
    assert country.value == 0.0 and "office or affiliate abroad" in country.detail
    # without the country the same name is the same possible match: the rule only undoes the country's conflict
    assert screen(Query(query), el_index, algorithm=V3, limit=20).decision is not Decision.CLEAR


def test_the_country_still_clears_a_trade_word_added(el_index: ScreeningIndex) -> None:
    """A query word that is no region, place or office word (a trade word) keeps the country's conflict: the brand
    abroad rule does not apply to 'Kaspersky Lab Instruments' in the UAE, left to the ordinary score."""
    from clearance.screening.prepared import prepare_query
    from clearance.screening.registry import get_algorithm

    algo = get_algorithm(V3)
    entry = next(pe for pe in el_index.entities if pe.entity.name == "AO Kaspersky Lab")
    abroad = algo.score(prepare_query(Query("Kaspersky Lab Middle East FZ-LLC", "AE")), entry)
    traded = algo.score(prepare_query(Query("Kaspersky Lab Instruments FZ-LLC", "AE")), entry)
    assert abroad.score >= algo.thresholds.possible
    assert traded.score < abroad.score
    assert not any(f.name == "country" and "abroad" in f.detail for f in traded.features)


def test_an_entry_word_left_out_keeps_the_country(sdn_index: ScreeningIndex) -> None:
    """An entry word the query leaves out that is more than a legal form or an organisation term ("General" of SDN
    'GENERAL LUBRICANTS' / "Lubricants USA Inc." in the US: adversarial R12-40) leaves the country to decide."""
    result = screen(Query("Lubricants USA Inc.", "US"), sdn_index, algorithm=V3, limit=20)
    assert result.decision is Decision.CLEAR, [(h.matched_name, h.score) for h in result.hits]

