"""A civil word answers an end use no vocabulary reads only when every other word of it is accounted for
(clearance/model/civil_words.py; docs/facts.md, "An end use no vocabulary reads"; adversarial round 32: a civil word
anywhere had cleared a weapons end use written in euphemisms no list held)."""

from __future__ import annotations

import pytest

from clearance.model.civil_words import civil_words, neutral, unaccounted_words
from clearance.model.decision import Outcome
from clearance.model.order_input import validate_order
from clearance.rules import NONE_FOUND, determine, load_rules
from clearance.workflows.order_requests import to_request


def _order(end_use: str, description: str = "spare parts", party: str = "Acme Comercio Ltda.") -> dict[str, object]:
    return {"id": "t", "date": "2026-03-02", "transaction": "export", "route": {"from": "US", "to": "BR"},
            "item": {"description": description, "eccn": "EAR99", "origin": "US", "value": 1000},
            "parties": [{"role": "ultimate_consignee", "name": party, "country": "BR", "listings": []}],
            "end_use": end_use}


def _outcome(order: dict[str, object]) -> tuple[Outcome, list[str]]:
    request, _ = to_request(validate_order(order))
    decision = determine(request, load_rules(), NONE_FOUND)
    return decision.outcome, list(decision.reasons)


@pytest.mark.parametrize(("text", "asked"), [
    # a civil word beside words outside the vocabulary: those words are named
    ("cameras for the hydrodynamic shots of the strategic deterrent, at the customer's quarry",
     ["hydrodynamic", "shots", "strategic", "deterrent"]),
    ("sensors for the hospital. The same sensors will record the yield of the shot in the tunnel.",
     ["yield", "shot", "tunnel"]),
    ("the customer's mustard is filled into 155 mm rounds at the food plant", ["mustard", "filled", "mm", "rounds"]),
    ("spray tanks for the farm to mist a substance over rioters", ["spray", "tanks", "mist", "substance", "rioters"]),
])
def test_a_civil_word_beside_unaccounted_words_names_them(text: str, asked: list[str]) -> None:
    assert civil_words(text)
    assert unaccounted_words(text) == asked


@pytest.mark.parametrize("text", [
    "spare parts for the hospital",
    "replacement pumps for the municipal water treatment works",
    "installation of new equipment at the customer's dairy",
    "motor controllers for household washing machines (no military end use)",
    "servers for a bank's data centre, far below supercomputer scale",
    "for the customer's retail shops in Dubai and Abu Dhabi",
    "hoses for loading ammonium nitrate explosives in the mine's blasting operations",
])
def test_ordinary_civil_end_uses_are_accounted_for(text: str) -> None:
    assert civil_words(text)
    assert unaccounted_words(text) == []


def test_a_trade_word_counts_only_beside_its_civil_activity() -> None:
    mine = "sensors recording blasts detonated underground at a gold mine"
    assert unaccounted_words(mine) == []
    assert unaccounted_words(mine.replace("gold mine", "hotel")) == ["blasts", "detonated", "underground"]
    # in its own sentence only
    assert unaccounted_words("sensors for a gold mine. They record blasts detonated underground.") == [
        "blasts", "detonated", "underground"]


def test_the_order_gives_words_but_not_the_words_kept_out() -> None:
    text = "telemetry cameras for the Ridgeline hotel"
    assert unaccounted_words(text) == ["telemetry", "ridgeline"]
    assert unaccounted_words(text, ["Ridgeline Hotels S.A.", "telemetry cameras"]) == []
    # a word kept out on purpose is not accounted for by a party name or the item's name
    assert unaccounted_words("test rigs for the hotel", ["test rigs"]) == ["test"]


def test_the_neutral_list_keeps_out_the_words_of_weapons_work() -> None:
    words, kept_out = neutral()
    assert not words & kept_out
    assert {"shot", "round", "yield", "payload", "deterrent", "range", "test", "strategic", "agent", "substance",
            "lung"} <= kept_out
    assert {"supply", "repair", "install", "replace", "maintain", "use", "part", "spare", "customer", "line",
            "equipment", "unit", "plant", "new", "existing"} <= words


def test_an_end_use_with_an_unaccounted_word_does_not_clear() -> None:
    """Through the order reader and the engine: the same civil end use clears with its words accounted for, and is
    CANNOT_CLEAR naming the word outside the vocabulary when one is added; end_use_checked answers it."""
    plain = _order("spare parts for the customer's food plant")
    assert _outcome(plain)[0] is Outcome.NO_LICENSE_REQUIRED
    odd = _order("spare parts for the customer's food plant that also fills 155 mm rounds")
    outcome, reasons = _outcome(odd)
    assert outcome is Outcome.CANNOT_CLEAR
    assert any("its words fills, mm, rounds are outside the civil vocabulary" in r and "end_use_checked" in r
               for r in reasons), reasons
    checked = dict(odd, facts=["end_use_checked"])
    assert _outcome(checked)[0] is Outcome.NO_LICENSE_REQUIRED
