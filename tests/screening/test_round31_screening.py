"""Names as customers and forwarders type them (adversarial round 31, tests/rules/adversary_round31*.yaml), screened
on the real rows of the Entity List (with the shipped alias table) and the SDN List. The queries are written for
these tests, not copied from the round: the kinds it found, each on another listed party or in another form.

- a legal form followed by the address with no separator ("... CO LTD NO 555 ...", "... FZCO P.O.BOX ...");
- a document label before the name ("Consignee:", "Attn: ... Dept. /") and a second party joined by "on behalf of",
  "for account of", "d/b/a"; a parenthesised clause describing the party before the address;
- digits read from a scan for letters ("Techno1ogy", "Digita1");
- Turkish abbreviations of a company's trade words ("San. ve Dış Tic.");
- and the hard negative: a compound given name ('Mohammad Ali') against a listed 'SURNAME, Mohammad' is a review
  at most, never a near-certain match.
"""

from __future__ import annotations

import pytest

from clearance.model.entity import Entity
from clearance.screening.forms3 import unleet_text
from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.nameline import read_name_line
from clearance.screening.screen import compare, screen

V3 = "clearance-name@3"


def hits_on(index: ScreeningIndex, name: str, country: str, listed: str) -> list[Hit]:
    return [h for h in screen(Query(name, country), index, algorithm=V3, limit=20).hits if h.name == listed]


def is_hit(index: ScreeningIndex, name: str, country: str, listed: str) -> bool:
    return any(h.decision is Decision.HIT for h in hits_on(index, name, country, listed))


@pytest.mark.parametrize(("query", "country", "listed"), [
    # the address runs on after the legal form, no comma
    ("HYTERA COMMUNICATIONS LIMITED ROOM 13 9/F THRIVING INDUSTRIAL BUILDING TSUEN WAN", "HK",
     "Hytera Communications Limited"),
    ("Sawa Air Aviation FZCO PO BOX 1234 DUBAI", "AE", "Sawa Air Aviation FZCO"),
    # a document label, a department before a slash
    ("Ship to: Hytera Communications Limited, San Po Kong", "HK", "Hytera Communications Limited"),
    ("Attention: Purchasing Department / Y-Sing Components Limited, Kowloon", "HK", "Y-Sing Components Limited"),
    # a second party joined to the first
    ("Pacific Freight Services Ltd. on behalf of Y-Sing Components Limited", "HK", "Y-Sing Components Limited"),
    ("Y-Sing Components Limited for account of Pacific Freight Services Ltd.", "HK", "Y-Sing Components Limited"),
    # a clause describing the party, then its address
    ("Fortune Source Electronics Co. Ltd. (an affiliate of a Shenzhen group), Austin Road, Kowloon", "HK",
     "Fortune Source Electronics Co. Ltd."),
])
def test_a_listed_party_in_an_order_line_is_a_hit(el_index: ScreeningIndex, query: str, country: str,
                                                  listed: str) -> None:
    assert is_hit(el_index, query, country, listed), hits_on(el_index, query, country, listed)


def test_digits_read_from_a_scan_are_the_letters_of_a_known_word() -> None:
    assert unleet_text("Sawa Air Aviati0n FZCO") == "Sawa Air Aviation FZCO"
    assert unleet_text("Hytera Communicati0ns Techno1ogy") == "Hytera Communications Technology"
    assert unleet_text("Nationa1 Digita1 Co") == "National Digital Co"
    assert unleet_text("Unit1 Room 101") == "Unit1 Room 101"  # (no known word: as written)


def test_a_listed_name_scanned_with_digits_for_letters_is_a_hit(el_index: ScreeningIndex) -> None:
    listed = "Fortune Source Electronics Co. Ltd."
    assert is_hit(el_index, "F0rtune Source E1ectronics Co. Ltd.", "HK", listed)


def test_turkish_abbreviated_trade_words_are_read_out(el_entities: list[Entity]) -> None:
    listed = next(n.value for e in el_entities for n in e.names
                  if n.value == "Business Metal Sanayi Ve Dis Ticaret Limited Sirketi")
    assert compare("Business Metal San. ve Dış Tic. Ltd. Şti.", listed, person=False, algorithm=V3).score >= 0.9


def test_readings_of_order_lines() -> None:
    r = read_name_line("HYTERA COMMUNICATIONS LIMITED ROOM 13 9/F THRIVING INDUSTRIAL BUILDING", "HK")
    assert r is not None and r.name == "HYTERA COMMUNICATIONS LIMITED"
    r = read_name_line("Consignee: Acme Widgets Ltd. / Notify: Beta Trading Ltd.", "HK")
    assert r is not None and r.name == "Acme Widgets Ltd."
    assert read_name_line("Alpha: Beta Ltd", "HK") is None  # (no document label)
    r = read_name_line("Acme Widgets Ltd. d/b/a Widgetco", "US")
    assert r is not None and r.name == "Widgetco"


def test_a_compound_given_name_is_not_the_listed_person(sdn_index: ScreeningIndex) -> None:
    """SDN 'REZAEI, Mohammad' (alias file row): 'Mohammad Reza Rezaei' adds a common given name that makes another
    given name ('Mohammad Reza'); a review at most, not a HIT."""
    assert not is_hit(sdn_index, "Mohammad Reza Rezaei, Berlin", "DE", "REZAEI, Mohammad")
    assert compare("Mohammad Reza Rezaei", "REZAEI, Mohammad", person=True, algorithm=V3).score < 0.7
    # a rare middle name left out or added still agrees (test_fuller_names.py), and the listed name is found
    assert compare("Constantino Guveya Chiwenga", "CHIWENGA, Constantino", person=True, algorithm=V3).score >= 0.7
    assert is_hit(sdn_index, "Mohammad Rezaei", "IR", "REZAEI, Mohammad")
