"""A listed name followed by places no table holds ("Al-Shabaab, Jilib"): the name is also read without them, and
its near-certain hits count for every entry (adversarial R39b-12, R39-39, R39-40), while an unlisted name followed
by a town gains nothing (``nameline.name_before_places``, ``screen._screen_lines``)."""

from __future__ import annotations

import pytest

from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Query
from clearance.screening.nameline import NameReading, name_before_places
from clearance.screening.screen import screen

V3 = "clearance-name@3"


def test_the_reading_sets_aside_one_or_two_short_segments_of_letters() -> None:
    assert name_before_places("Al-Shabaab, Jilib") == NameReading("Al-Shabaab", (("trailing", "Jilib"),))
    assert name_before_places("Милорад Додик, Бања Лука") == NameReading("Милорад Додик",
                                                                         (("trailing", "Бања Лука"),))
    assert name_before_places("X Group, Maiduguri, Borno") == NameReading("X Group",
                                                                          (("trailing", "Maiduguri, Borno"),))
    for line in ("Al-Shabaab", "Daniel, John", "Hamas, Ali",
                 "Shanghai Inst. of Applied Physics, CAS", "Acme, Trading Ltd", "Foo - Bar", "Acme, 12 Main",
                 "Acme, A, B, C", "Acme, Jilib Trading", "Acme 7, Jilib",
                 "Star Trading Ghana Ltd., Kumasi"):
        assert name_before_places(line) is None, line


@pytest.mark.parametrize(("line", "country", "entry"), [
    ("Al-Shabaab, Jilib", "SO", "10761"),  # R39b-12: Jilib is in addresses of al-Shabaab's members, not its own
    ("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad, Maiduguri, Borno", "NG", "16363"),  # R39-39 (Boko Haram)
    ("Милорад Додик, Бања Лука", "BA", "21465"),  # R39-40: Banja Luka is in another entry's address
])
def test_a_listed_name_before_places_is_a_near_certain_hit(sdn_index: ScreeningIndex, line: str, country: str,
                                                           entry: str) -> None:
    result = screen(Query(line, country), sdn_index, algorithm=V3)
    best = result.hits[0]
    assert (best.list_code, best.entry_id) == ("sdn", entry)
    assert best.decision is Decision.HIT and best.score >= 0.95
    assert any(f.name == "trailing_set_aside" for f in best.explanation)


@pytest.mark.parametrize(("line", "country"), [
    ("Shabelle Trading, Jilib", "SO"),
    ("Borno Agro Supplies, Maiduguri", "NG"),
    ("Banja Luka Tehnika, Бања Лука", "BA"),
    ("Jilib Fresh Produce, Jilib, Jubbada Dhexe", "SO"),
    ("Star Trading Ghana Ltd., Kumasi", "GH"),  # R38b-23: not 'STAR TRADE GHANA LIMITED' (trading ~ trade)
])
def test_an_unlisted_name_before_a_town_gains_nothing(sdn_index: ScreeningIndex, line: str, country: str) -> None:
    """No HIT (a near-certain match through equivalent words with a town the entry does not share is for a person
    to judge: R38b-23); and the line clears exactly when its name alone clears (a look-alike the name alone draws
    POSSIBLE stays POSSIBLE with the town after it: 'Banja Luka Tehnika' and SDN 'ALTERNATIVNA TELEVIZIJA D.O.O.
    BANJA LUKA')."""
    result = screen(Query(line, country), sdn_index, algorithm=V3)
    assert not any(h.decision is Decision.HIT for h in result.hits), result.hits[:3]
    alone = screen(Query(line.split(",")[0], country), sdn_index, algorithm=V3)
    assert (result.decision is Decision.CLEAR) == (alone.decision is Decision.CLEAR), (result.hits[:3], alone.hits[:3])


@pytest.mark.parametrize(("line", "country", "entry"), [
    # R39-38: the Somali spelling of the listed alias 'HARAKAT AL-SHABAAB AL-MUJAAHIDIIN' (x for the Arabic h), a
    # possible match alone; with the town and region after it the line drew nothing, and the order cleared
    ("Xarakada Al-Shabaab Al-Mujaahidiin, Jilib, Jubbada Dhexe", "SO", "10761"),
    # R41-108: the address reading sets aside 'Beirut' only; the name it keeps is read before 'Haret Hreik' too
    ("Jamiyat al-Qard al-Hasan, Haret Hreik, Beirut", "LB", "10416"),
])
def test_a_possible_match_before_places_stays_possible(sdn_index: ScreeningIndex, line: str, country: str,
                                                       entry: str) -> None:
    result = screen(Query(line, country), sdn_index, algorithm=V3)
    assert result.decision is Decision.POSSIBLE, result.hits[:3]
    best = result.hits[0]
    assert (best.list_code, best.entry_id) == ("sdn", entry) and best.score <= 0.69
    assert any(f.name == "trailing_set_aside" for f in best.explanation)
