"""LVS (§ 740.3): the value limits are the whole order's and in US dollars. A description that says the shipment is
part of a larger order, or names an amount in another currency (with no US-dollar mention), makes LVS a question
instead of an exception (adversarial R26-03; R35-01 'EUR 2,900', R35-03 'GBP 4,500', R35-06 'call-off 1 of 4 under
framework agreement'). The order is R35-01's: a 3A002.a oscilloscope to Brazil valued 2,900 against a $3,000 limit."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from clearance.model.determination import Item, Party, Request, Role, Transaction
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine
from clearance.text.fold import fold


def _order(description: str) -> Request:
    item = Item("3A002.a", "US", description=description, value=Fraction(2900))
    party = Party(Role.ULTIMATE_CONSIGNEE, "Instrumentos Paulista Ltda.", "BR", listings=())
    return Request(dt.date(2024, 6, 3), item, "BR", "US", Transaction.EXPORT, (party,), id="LVS")


@pytest.mark.parametrize("description", [
    "Digital sampling oscilloscope, 1 unit; commercial invoice total USD 2,900.00 net",
    "Digital sampling oscilloscope, 1 unit, US$2,900",
    "Digital sampling oscilloscope, 1 unit, $2,900 (about EUR 2,700)",  # a dollar amount given: the value stands
    "Digital sampling oscilloscope for a Sao Paulo university laboratory",
    "Digital sampling oscilloscope, 1 unit; the customer tried a demo unit last year",  # 'tried' is no currency
    "Digital sampling oscilloscope, supplied with CAD drawings of the rack-mount kit",  # no figure by 'CAD'
    "Digital sampling oscilloscope, shipped on one Euro pallet",
    "Digital sampling oscilloscope, complete order; payment in three instalments 30/40/30",  # payment, not shipments
    "Digital sampling oscilloscope with 4 channels, 10 pounds",  # a weight
])
def test_lvs_is_offered_for_a_dollar_order(rules: RuleSet, description: str) -> None:
    d = determine(_order(description), rules, NONE_FOUND)
    assert d.outcome.value == "LICENSE_EXCEPTION", (description, d.outcome, d.reasons[:1])


@pytest.mark.parametrize(("description", "named"), [
    ("Digital sampling oscilloscope, 1 unit; commercial invoice total EUR 2,900.00 net", "eur"),
    ("Digital sampling oscilloscope, invoice 2.900,00 €", "€"),
    ("Digital sampling oscilloscope; invoice total GBP 2,900 net", "gbp"),
    ("Digital sampling oscilloscope, priced at 2,900 pounds sterling", "sterling"),
    ("Digital sampling oscilloscope, CAD 2,900", "cad"),
    ("Digital sampling oscilloscope, C$2,900", "C$"),
    ("Digital sampling oscilloscope, 2,900 Swiss francs", "francs"),
    ("Digital sampling oscilloscope, priced at 2,900 pounds sterling ex works", "pounds sterling"),
    ("Digital sampling oscilloscope, invoice KWD 900.000", "kwd"),
    ("示波器 一台 ¥2900", "¥"),
])
def test_lvs_is_a_question_for_another_currency(rules: RuleSet, description: str, named: str) -> None:
    d = determine(_order(description), rules, NONE_FOUND)
    assert d.outcome.value == "CANNOT_CLEAR", (description, d.outcome)
    assert any("US dollars" in q.text and named in q.text for q in d.open_questions), [q.text for q in d.open_questions]


@pytest.mark.parametrize("description", [
    "Digital sampling oscilloscope; call-off 1 of 4 under framework agreement FA-2024-17",
    "Digital sampling oscilloscope, delivery 1 of 3 under the blanket purchase order",
    "Digital sampling oscilloscope, shipment 1 of 4, order total USD 11,600",
    "Digital sampling oscilloscope, Teillieferung 1/3 zum Rahmenvertrag",
    "Digital sampling oscilloscope, first of four quarterly deliveries under the annual supply contract",
    "Digital sampling oscilloscopes, 2 of 5 units ordered on PO 4500123; balance to ship in Q3",
    "Digital sampling oscilloscope, monthly replenishment under standing order SO-88",
])
def test_lvs_is_a_question_for_part_of_an_order(rules: RuleSet, description: str) -> None:
    d = determine(_order(description), rules, NONE_FOUND)
    assert d.outcome.value == "CANNOT_CLEAR", (description, d.outcome)
    assert any("740.3(d)" in q.text for q in d.open_questions), [q.text for q in d.open_questions]


def test_order_words_are_in_folded_form(rules: RuleSet) -> None:
    """The words are matched in the folded description, where a hyphen is a space: a word written otherwise never
    matches (' call-off' missed R35-06)."""
    day = dt.date(2024, 6, 3)
    for word in rules.param("740.3.order_words").at(day).value["words"]:
        assert " " + " ".join(fold(word)[0].lower().split()) == word, word
    for code in rules.param("740.3.currency").at(day).value["codes"]:
        assert fold(code)[0].lower() == code and code.replace(" ", "").isalpha(), code
