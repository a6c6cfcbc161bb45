"""A party given as on the Entity List takes its loaded entry's FDP footnotes (found by the adversarial review:
a Japanese direct product of US 4E001 technology for Sugon, given as plain `entity_list`, came out NOT_SUBJECT)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

from clearance.model.determination import FdpFacts, Item, Party, Request, Role, Transaction
from clearance.model.regulation import RuleSet
from clearance.rules import Listings, determine
from clearance.sources.registry import discover


def test_given_entity_list_party_takes_the_entrys_footnote_4(rules: RuleSet, data_dir: Path) -> None:
    found = discover([data_dir / "us_bis", data_dir / "ear" / "ecfr_part744"], only=("el",))  # joined with Supp. 4
    entities = [e for g in found for pl in g.parser.parse(g.files)
                for e in pl.entities if pl.list_code == "el"]
    sugon = [e for e in entities if e.name.startswith("Sugon")]
    assert sugon and 4 in sugon[0].footnotes  # the real entry carries footnote 4
    lists = Listings.from_entities(entities, label="el 2025-11-08")
    item = Item("4A994", "JP", total_value=Fraction(40000), us_controlled_value=Fraction(0),
                fdp=FdpFacts(direct_product_of=("4E001",), plant_direct_product_of=()))
    party = Party(Role.ULTIMATE_CONSIGNEE, "Sugon", "CN", listings=("entity_list",))
    d = determine(Request(dt.date(2025, 11, 9), item, "CN", "JP", Transaction.EXPORT_FROM_ABROAD, (party,), id="S"),
                  rules, lists)
    assert d.outcome.value == "LICENSE_REQUIRED" and [b.code for b in d.bases] == ["EL-FDP-fn4"]


def test_an_entry_carve_out_of_goods_by_name_or_hs_code_is_a_question() -> None:
    """CNOOC Limited's entry excepts crude oil and other hydrocarbons by name and HS code (adversarial U02): an EAR99
    item the description names among them is a question; other goods and CCL items keep the licence."""
    from clearance.rules.licensing import entry_scope_question

    text = ("All items subject to the EAR except for: crude oil, condensates, natural gas liquids, and compressed "
            "natural gas under the following Harmonized System (HS) codes: 271111, 2709, 2709002010, 2710; or items "
            "required for the continued operation of joint ventures")
    assert "crude oil" in (entry_scope_question(text, "EAR99", "commodity", "crude oil, HTS 2709") or "")
    assert "HS 2709" in (entry_scope_question(text, "EAR99", "commodity", "Arabian light, HTS 2709.00") or "")
    assert entry_scope_question(text, "EAR99", "commodity", "office equipment") is None
    assert entry_scope_question(text, "3A991", "commodity", "crude oil analyser") is None
