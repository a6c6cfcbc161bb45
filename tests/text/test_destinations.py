"""Places in an order's words that say where the item may go (clearance/text/destination_places.yml), and the
order reader's question about each (adversarial round 6: R6-74 Minsk, R6-80 Iran, R6-81 Pyongyang, R6-87 Yalta,
R6-89 Iran Air; R6-85 the GCC countries stay unasked)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.model.order_input import validate_order
from clearance.text.destinations import COVERED_REGIONS, places_named
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
    request, _ = to_request(validate_order(_order(end_use="for our partner's plant in Minsk")))
    assert len(request.unmapped_knowledge) == 1
    question = request.unmapped_knowledge[0]
    assert "'minsk', in Belarus (BY)" in question and "738.4(a)" in question
    # the item description and the knowledge are read the same way
    desc = _order(item={"eccn": "9A991.d", "origin": "US", "description": "brake assemblies for Iran Air A330"})
    assert "Iran (IR)" in to_request(validate_order(desc))[0].unmapped_knowledge[0]
    # a place of the destination or of a party's country is not asked
    assert to_request(validate_order(_order(end_use="for the new plant in Astana, then Minsk",
                                            parties=[{"role": "end_user", "name": "Minsk Tractor Works",
                                                      "country": "BY", "listings": []}])))[0].unmapped_knowledge == ()
    assert to_request(validate_order(_order(end_use="for a factory in Kazakhstan")))[0].unmapped_knowledge == ()
