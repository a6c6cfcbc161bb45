"""Places in an order's words that say where the item may go (clearance/text/destination_places.yml), and the
order reader's question about each (adversarial round 6: R6-74 Minsk, R6-80 Iran, R6-81 Pyongyang, R6-87 Yalta,
R6-89 Iran Air; R6-85 the GCC countries stay unasked)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.model.order_input import validate_order
from clearance.text.destinations import COVERED_REGIONS, in_the_united_states, places_named
from clearance.workflows.order_requests import to_request


@pytest.mark.parametrize(("text", "found"), [
    ("for our partner's plant in Minsk", [("minsk", "BY")]),
    ("for a water utility project in Iran", [("iran", "IR")]),
    ("resale in Pyongyang", [("pyongyang", "KP")]),
    ("for a hotel in Yalta, Crimea", [("yalta", COVERED_REGIONS)]),
    ("Port of St. Petersburg, then Minsk and Moscow", [("st petersburg", "RU"), ("minsk", "BY")]),
    ("ШАНХАЙ warehouse", []),  # (transliterated 'shankhai': not a name of the table)
    ("bone china tableware and fine china", []),  # porcelain, not the country
    ("resale to hotels across the GCC (Saudi Arabia, Oman, Qatar)", []),
    ("Irani family restaurant; Cubans; Syriac manuscripts", []),  # whole words only
])
def test_places_named(text: str, found: list[tuple[str, str]]) -> None:
    assert places_named(text) == found


@given(st.text(max_size=200))
def test_places_named_never_fails(text: str) -> None:
    for place, code in places_named(text):
        assert place and code


def _order(**extra: Any) -> dict[str, Any]:
    return {"date": "2025-12-01", "route": {"from": "US", "to": "KZ"},
            "item": {"eccn": "3A991", "origin": "US", "description": "microcontrollers"},
            "parties": [{"role": "ultimate_consignee", "name": "Astana Electro LLP", "country": "KZ",
                         "listings": []}], **extra}


def test_a_place_of_another_country_in_the_words_is_a_question() -> None:
    request, _ = to_request(validate_order(_order(end_use="for a data centre in Shenzhen")))
    assert len(request.unmapped_knowledge) == 1
    question = request.unmapped_knowledge[0]
    assert "'shenzhen', in China (CN)" in question and "738.4(a)" in question
    # knowledge is read for every country of the table; in the end use and the description, a Part 746 country is
    # the rules' question (746.named_places, asked where the section requires a licence), and an EAR99 item's words
    # are not asked about (no chart applies to it)
    knows = _order(knowledge=["the goods will be resold in Minsk"])
    assert "Belarus (BY)" in to_request(validate_order(knows))[0].unmapped_knowledge[0]
    # (end_use_checked: "plant" is no civil activity of docs/facts.md, so the end use alone would be asked)
    assert to_request(validate_order(_order(end_use="for our partner's plant in Minsk",
                                            facts=["end_use_checked"])))[0].unmapped_knowledge == ()
    desc = _order(item={"eccn": "3A991", "origin": "US", "description": "controllers for a plant in Caracas"})
    assert "Venezuela (VE)" in to_request(validate_order(desc))[0].unmapped_knowledge[0]
    ear99 = _order(item={"eccn": "EAR99", "origin": "US", "description": "towels for a hotel in Shanghai"})
    assert to_request(validate_order(ear99))[0].unmapped_knowledge == ()
    # a place of the destination or of a party's country is not asked
    assert to_request(validate_order(_order(end_use="for the new plant in Astana, then Shenzhen",
                                            facts=["end_use_checked"],
                                            parties=[{"role": "end_user", "name": "Shenzhen Lanfeng Electric",
                                                      "country": "CN", "listings": []}])))[0].unmapped_knowledge == ()
    assert to_request(validate_order(_order(end_use="for a factory in Kazakhstan")))[0].unmapped_knowledge == ()


@pytest.mark.parametrize(("text", "place"), [
    ("Chinese-made smartphones (5A992.c), routed Shenzhen - Los Angeles (in transit through the United States) - "
     "Havana", "los angeles"),
    ("phones transshipped at Long Beach for onward carriage", "long beach"),
    ("stored in our FTZ warehouse in Miami before shipment", "miami"),
    ("consolidated in the U.S. then flown to Havana", "u s"),
    ("in transit through the USA", "usa"),
])
def test_words_that_put_the_item_in_the_united_states(text: str, place: str) -> None:
    assert in_the_united_states(text) == place


@pytest.mark.parametrize("text", [
    "Chinese-made smartphones shipped via us to our Havana partner",  # a pronoun, not the country
    "designed in the United States, made in Shenzhen",  # no word of presence or transit
    "routed through Singapore to Jakarta",  # transit, but not through the US
    "for a US-owned hotel; the phones travel via Panama",  # the US word and the transit word in other clauses
])
def test_words_that_do_not(text: str) -> None:
    assert in_the_united_states(text) is None


def test_an_order_whose_words_put_a_foreign_made_item_in_the_us_asks() -> None:
    order: dict[str, Any] = {
        "id": "T", "date": "2025-12-01", "transaction": "export_from_abroad", "route": {"from": "CN", "to": "CU"},
        "item": {"eccn": "5A992.c", "origin": "CN", "value": 100,
                 "description": "phones routed Shenzhen - Los Angeles (in transit through the United States) - Havana"},
        "parties": [{"role": "ultimate_consignee", "name": "Havana importer", "country": "CU", "listings": []}]}
    request, _ = to_request(validate_order(order))
    assert any("734.3(a)(1)" in q for q in request.unmapped_knowledge)
    order["route"]["via"] = ["US"]  # stated: no question, the engine applies § 734.3(a)(1)
    request, _ = to_request(validate_order(order))
    assert request.via == ("US",)
    assert not any("734.3(a)(1)" in q for q in request.unmapped_knowledge)


def test_where_the_item_was_made_is_not_where_it_goes() -> None:
    """R10-61: 'speakers made in Dongguan, Guangdong' (origin CN) shipped to Japan named no destination; a place of
    another country, or of the origin's country not written as where it was made, still counts."""
    assert places_named("mass-market Bluetooth speakers made in Dongguan, Guangdong", made_in="CN") == []
    assert places_named("mass-market Bluetooth speakers made in Dongguan, Guangdong") == [("dongguan", "CN")]
    assert places_named("made in Dongguan, to be installed in Shenzhen", made_in="CN") == [("shenzhen", "CN")]
    assert places_named("made in Minsk", made_in="CN") == [("minsk", "BY")]
    assert places_named("country of origin: Dongguan; for our Minsk store", made_in="CN") == [("minsk", "BY")]
