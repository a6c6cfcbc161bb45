"""Part 746 supplements by HTS code: the generator's reading of supplement markdown, the generated lists, the codes an
order names, and the order field ``item.hts`` (clearance/rules/hts746.py, tools/gen_part746_hts.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from clearance.errors import DataError
from clearance.model.determination import Fact, Item, Outcome, Party, Request, Role
from clearance.model.order_input import validate_order
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine
from clearance.rules.hts746 import named_codes, written_codes
from clearance.workflows.order_requests import to_request

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "clearance" / "regulations" / "part_746" / "hts_supplements.yaml"
CONFIG = ROOT / "tools" / "part746_hts.yaml"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_part746_hts", ROOT / "tools" / "gen_part746_hts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


GEN = _generator()

MARKDOWN = """# Supplement No. 5 to Part 746—'Luxury Goods' Sanctions for Russia and Belarus

(a) This supplement includes columns ... HTS-6 Codes 590500, 840710, and 840721 are listed in both this and
another supplement; HTS-6 codes 841111, 8411 (cut here

| HTS code | HTS description | Per unit wholesale price in the U.S. |
|---|---|---|
| 2204.10 | Sparkling wine | $300 |
| 330300 | Perfumes and toilet waters | |
8703.23 Motor cars and other motor vehicles, spark-ignition, 1,500 cc to 3,000 cc

---

[N] [87 FR 14785, Mar. 16, 2022, as amended at 88 FR 12175, Feb. 27, 2023; 89 FR 51644, June 18, 2024]
"""


def test_the_generator_reads_rows_enumerations_and_the_amendment_line() -> None:
    parsed = GEN.parse(MARKDOWN)
    assert parsed.number == "5" and parsed.title.startswith("'Luxury Goods'")
    assert parsed.rows["220410"] == ("Sparkling wine", "$300")
    assert parsed.rows["330300"] == ("Perfumes and toilet waters", "")
    assert parsed.rows["870323"][0].startswith("Motor cars")
    assert parsed.named == ["590500", "840710", "840721", "841111"]  # '8411' (a cut group) is dropped
    assert parsed.last_amended == dt.date(2024, 6, 18) and parsed.amended.startswith("87 FR 14785")


def test_a_markdown_without_the_heading_is_refused() -> None:
    with pytest.raises(ValueError):
        GEN.parse("Supplement No. 7 text without its heading\n| 854232 | Memories |\n")


def test_the_generated_lists(rules: RuleSet) -> None:
    counts = {}
    for number in ("2", "5", "7"):
        value = rules.parameters[f"746.hts.supp{number}"].values[-1].value
        assert all(len(c) == 6 and c.isdigit() for c in value["codes"])
        assert value["complete"] is False  # the tables were not read: a code not found is no evidence
        counts[number] = len(value["codes"])
    assert counts == {"2": 30, "5": 21, "7": 4}
    supp7 = rules.parameters["746.hts.supp7"].values[-1].value
    assert "854232" in supp7["codes"] and set(supp7["paragraphs"]) == {"RU", "BY", "IR", "UA-REGION"}
    assert rules.parameters["746.hts.supp7"].values[0].start == dt.date(2023, 2, 24)  # 88 FR 12150
    assert all(e["price"] is None for e in rules.parameters["746.hts.supp5"].values[-1].value["codes"].values())


def test_the_generated_file_matches_its_generator(tmp_path: Path) -> None:
    """Regenerated from the markdown the header names (kept outside the repository) when it is at hand."""
    folder = Path("/tmp/part746_md")
    header = GENERATED.read_text(encoding="utf-8").splitlines()[:8]
    if not all((folder / f"supp-{n}.md").exists() for n in ("2", "5", "7")):
        pytest.skip("the supplements' markdown is not at /tmp/part746_md")
    for n in ("2", "5", "7"):
        assert any(f"supp-{n}.md sha256 {GEN._sha256(folder / f'supp-{n}.md')}" in h for h in header), n
    out = tmp_path / "hts.yaml"
    assert GEN.main(["--markdown", str(folder), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == GENERATED.read_text(encoding="utf-8"), "run tools/gen_part746_hts.py"


def test_every_secondary_entry_says_where_it_comes_from() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    for number, conf in config["supplements"].items():
        for code, source in conf["entries"].items():
            assert source.startswith("2nd:") and code in config["descriptions"], (number, code)


@pytest.mark.parametrize(("text", "codes"), [
    ("EAR99 DRAM memory integrated circuits, HTS 8542.32", ["854232"]),
    ("memory chips (hs code 854232)", ["854232"]),
    ("DRAM, HTS code 8542.32.0002", ["8542320002"]),
    ("components, tariff 8542", ["8542"]),
    ("HTSUS: 8471.30.0100; Schedule B 8542.31", ["8471300100", "854231"]),
    ("HTS 0901.21 and 8542.32", ["090121", "854232"]),
    ("Harmonized Tariff Schedule subheading 8542.39", ["854239"]),
    ("part no. 8542.32 rev B", []),  # no HTS word: a part number is not read as a code
    ("HS 85423200021", []),  # eleven digits: not an HTS code
    ("HSBC 854232", []),
])
def test_the_codes_an_order_names(text: str, codes: list[str]) -> None:
    req = Request(dt.date(2025, 12, 26), Item("EAR99", "US", description=text), "RU", id="T")
    assert [d for d, _ in named_codes(req)] == codes


def _order(hts: Any) -> dict[str, Any]:
    return {"id": "H", "date": "2025-12-26", "route": {"to": "RU"},
            "item": {"eccn": "EAR99", "origin": "US", "description": "memory chips", "hts": hts},
            "facts": ["ear99_not_listed_part_746", "not_military_end_use", "not_military_end_user"],
            "parties": [{"role": "ultimate_consignee", "name": "Acme OOO", "country": "RU", "listings": []}]}


@pytest.mark.parametrize(("hts", "kept"), [("8542.32", "8542.32"), ("854232", "854232"), (854232, "854232"),
                                           ("8542.32.0002", "8542.32.0002"), ("8542", "8542")])
def test_item_hts_is_read(hts: Any, kept: str) -> None:
    request, _ = to_request(validate_order(_order(hts), file="o.yaml", line=1))
    assert request.item.hts == kept


@pytest.mark.parametrize("hts", ["8542.3x", "85", True, ["8542.32"], "8542.32.00021"])
def test_a_wrong_item_hts_names_the_field(hts: Any) -> None:
    with pytest.raises(DataError) as info:
        validate_order(_order(hts), file="o.yaml", line=1)
    assert info.value.field == "item.hts" and "HTS code" in info.value.message


def test_item_hts_and_the_contradicted_fact(rules: RuleSet) -> None:
    request, _ = to_request(validate_order(_order("8542.32"), file="o.yaml", line=1))
    d = determine(request, rules, NONE_FOUND)
    assert d.outcome is Outcome.LICENSE_REQUIRED
    basis = next(b for b in d.bases if b.code == "746-SUPP7")
    assert "746.8(a)" in basis.cite and "contradicted" in basis.cite and basis.rules == ("746.hts.supp7",)
    without = determine(dataclasses.replace(request, item=dataclasses.replace(request.item, hts=None)), rules,
                        NONE_FOUND)
    assert without.outcome is Outcome.NO_LICENSE_REQUIRED  # the stated fact decides when no code is named


def test_a_listed_code_beside_a_part_744_licence_is_noted_not_asked(rules: RuleSet) -> None:
    """Before the list's text date the code is a question; an Entity List licence required anyway decides."""
    item = Item("EAR99", "US", description="DRAM, HTS 8542.32")
    listed = Party(Role.END_USER, "Huawei Technologies Co., Ltd.")
    d = determine(Request(dt.date(2024, 6, 1), item, "RU", parties=(listed,), facts=frozenset(
        {Fact.EAR99_NOT_LISTED_746}), id="EL"), rules, NONE_FOUND)
    assert d.outcome is Outcome.LICENSE_REQUIRED and all(b.code != "746-SUPP7" for b in d.bases)
    assert any("746-SUPP7" in n and "required anyway" in n for n in d.notes)


@pytest.mark.parametrize(("where", "code"), [
    ("end_user", "746-SUPP7"),  # an end user located in Russia on the way to Kazakhstan (onward.part746)
    ("via", "746-SUPP7@RU"),  # in transit through Russia (route.via, General Prohibition Eight)
    ("words", "746-NAMED-RU"),  # the description names Moscow, no party there (rule 746.named_places): asked
])
def test_a_listed_code_for_russia_on_the_way(rules: RuleSet, where: str, code: str) -> None:
    description = "EAR99 DRAM, HTS 8542.32" + (" for assembly in Moscow" if where == "words" else "")
    parties = [Party(Role.ULTIMATE_CONSIGNEE, "Almaty Trading LLP", "KZ", listings=())]
    if where == "end_user":
        parties.append(Party(Role.END_USER, "Zelenograd Assembly OOO", "RU", listings=()))
    facts = frozenset({Fact.EAR99_NOT_LISTED_746, Fact.NOT_MILITARY_END_USE, Fact.NOT_MILITARY_END_USER})
    req = Request(dt.date(2025, 12, 26), Item("EAR99", "US", description=description), "KZ",
                  via=("RU",) if where == "via" else (), parties=tuple(parties), facts=facts, id=where)
    d = determine(req, rules, NONE_FOUND)
    assert code in {b.code for b in d.bases}, (d.outcome, [b.code for b in d.bases])
    assert d.outcome is (Outcome.CANNOT_CLEAR if where == "words" else Outcome.LICENSE_REQUIRED)
    quiet = determine(dataclasses.replace(req, item=Item("EAR99", "US", description="EAR99 DRAM" + (
        " for assembly in Moscow" if where == "words" else ""))), rules, NONE_FOUND)
    assert quiet.outcome is Outcome.NO_LICENSE_REQUIRED  # without the code the stated fact decides, as before


def test_belarus_joins_the_industry_sector_list_on_its_day(rules: RuleSet) -> None:
    """Supp. No. 2 reaches Belarus from 87 FR 57068 (taken from 2022-09-15): the day before, a listed code to Belarus
    brings no supplement basis (the Belarus section's own EAR99 question or fact decides)."""
    item = Item("EAR99", "US", description="seamless stainless drill pipe, HTS 7304.24")
    party = (Party(Role.ULTIMATE_CONSIGNEE, "Minsk Drilling OAO", "BY", listings=()),)
    facts = frozenset({Fact.EAR99_NOT_LISTED_746, Fact.NOT_MILITARY_END_USE, Fact.NOT_MILITARY_END_USER})
    before = determine(Request(dt.date(2022, 9, 14), item, "BY", parties=party, facts=facts, id="B"), rules,
                       NONE_FOUND)
    assert all(b.code != "746-SUPP2" for b in before.bases)
    on = determine(Request(dt.date(2022, 9, 15), item, "BY", parties=party, facts=facts, id="B"), rules, NONE_FOUND)
    assert any(b.code == "746-SUPP2" and b.indeterminate for b in on.bases)  # before the text's date: asked
    assert on.outcome is Outcome.CANNOT_CLEAR


def test_a_ccl_item_the_section_does_not_yet_cover_is_asked(rules: RuleSet) -> None:
    """A Category 2 item to Russia on 2022-03-15 (§ 746.8(a)(1) then reached Categories 3-9 only) whose HTS code
    Supp. No. 2 lists: asked (the list's text is later than the order); from 2022-04-08 the section covers it."""
    item = Item("2B999", "US", description="positive displacement pump, HTS 8413.50")
    party = (Party(Role.ULTIMATE_CONSIGNEE, "Tyumen Oilfield Services OOO", "RU", listings=()),)
    facts = frozenset({Fact.NOT_MILITARY_END_USE, Fact.NOT_MILITARY_END_USER})
    early = determine(Request(dt.date(2022, 3, 15), item, "RU", parties=party, facts=facts, id="C"), rules,
                      NONE_FOUND)
    assert any(b.code == "746-SUPP2" and b.indeterminate for b in early.bases), [b.code for b in early.bases]
    late = determine(Request(dt.date(2025, 12, 26), item, "RU", parties=party, facts=facts, id="C"), rules,
                     NONE_FOUND)
    assert all(b.code != "746-SUPP2" for b in late.bases) and any("Supplement No. 2" in n for n in late.notes)


@pytest.mark.parametrize(("description", "hts", "prefix"), [
    ("single malt whisky, 12 years", "2208.30", "heading 2208"),  # adversarial R20-22
    ("new passenger car, wholesale $65,000", "8703.23", "heading 8703"),  # adversarial R20b-14
    ("men's wool suit", "6203.11", "chapter 62"),
    ("diamond necklace", "7113.19", "chapter 71"),
    ("cognac, HTS 2208", None, "heading 2208"),  # a heading named in the description
])
def test_a_code_of_a_luxury_heading_the_table_does_not_hold_is_asked(rules: RuleSet, description: str,
                                                                      hts: str | None, prefix: str) -> None:
    """Supp. No. 5's table is not held: a code the rule data does not hold but whose heading or chapter the supplement
    draws its rows from (746.hts_headings.supp5) is a question even when ear99_not_listed_part_746 is stated -- from
    the day 87 FR 14785 took effect (2022-03-11); the day before, the stated fact decides."""
    party = (Party(Role.ULTIMATE_CONSIGNEE, "Arbat Wine and Spirits OOO", "RU", listings=()),)
    facts = frozenset({Fact.EAR99_NOT_LISTED_746, Fact.NOT_FOOD_OR_MEDICINE, Fact.NOT_MILITARY_END_USE,
                       Fact.NOT_MILITARY_END_USER})
    item = Item("EAR99", "US", description=description, hts=hts)
    on = determine(Request(dt.date(2022, 3, 11), item, "RU", parties=party, facts=facts, id="L"), rules, NONE_FOUND)
    assert on.outcome is Outcome.CANNOT_CLEAR, (on.outcome, [(b.code, b.indeterminate) for b in on.bases])
    basis = next(b for b in on.bases if b.code == "746-SUPP5")
    assert basis.rules == ("746.hts_headings.supp5",) and "87 FR 14785" in basis.cite
    assert prefix in (basis.indeterminate or "") and "ear99_not_listed_part_746" in (basis.indeterminate or "")
    before = determine(Request(dt.date(2022, 3, 10), item, "RU", parties=party, facts=facts, id="L"), rules,
                       NONE_FOUND)
    assert all(b.code != "746-SUPP5" for b in before.bases)
    belarus = determine(Request(dt.date(2025, 12, 26), item, "BY", parties=(dataclasses.replace(
        party[0], country="BY"),), facts=facts, id="L"), rules, NONE_FOUND)
    assert any(b.code == "746-SUPP5" and b.indeterminate for b in belarus.bases)
    elsewhere = determine(Request(dt.date(2025, 12, 26), item, "KZ", parties=(dataclasses.replace(
        party[0], country="KZ"),), facts=facts, id="L"), rules, NONE_FOUND)
    assert all(b.code != "746-SUPP5" for b in elsewhere.bases)


def test_a_code_outside_the_luxury_headings_is_still_decided_by_the_stated_fact(rules: RuleSet) -> None:
    """Office paper (HTS 4802.56) is in no heading the supplement is known to draw from: the stated fact decides."""
    party = (Party(Role.ULTIMATE_CONSIGNEE, "Tverskaya Office Supply OOO", "RU", listings=()),)
    facts = frozenset({Fact.EAR99_NOT_LISTED_746, Fact.NOT_FOOD_OR_MEDICINE, Fact.NOT_MILITARY_END_USE,
                       Fact.NOT_MILITARY_END_USER})
    d = determine(Request(dt.date(2025, 12, 26), Item("EAR99", "US", description="copy paper", hts="4802.56"), "RU",
                          parties=party, facts=facts, id="P"), rules, NONE_FOUND)
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED, [(b.code, b.indeterminate) for b in d.bases]
    assert any("4802.56" in n and "not among the codes" in n for n in d.notes)


def test_every_luxury_heading_says_where_it_comes_from(rules: RuleSet) -> None:
    value = rules.parameters["746.hts_headings.supp5"].values[0]
    headings = value.value["headings"]
    assert len(headings) >= 40 and "2208" in headings and "8703" in headings
    assert all(len(k) in (2, 4) and k.isdigit() for k in headings)
    assert all(h["source"].startswith("2nd: ") and "http" in h["source"] for h in headings.values())
    assert value.citation.fr == "87 FR 14785"


@pytest.mark.parametrize(("description", "prefix"), [
    ("single malt whisky, 20 cases", "heading 2208"),  # adversarial R22b-12
    ("ladies' mink fur coats, 30 pieces", "heading 4303"),  # R22b-11
    ("luxury automatic wristwatches, 18k gold case", "heading 9101"),  # R22-25
    ("diamond necklace", "chapter 71"),
])
def test_a_luxury_good_named_in_words_is_asked(rules: RuleSet, description: str, prefix: str) -> None:
    """No HTS code, but the description names a good of a heading Supp. No. 5 draws from: asked to Russia (also
    with ear99_not_listed_part_746), from 2022-03-11; not to Kazakhstan; the day before, the fact decides."""
    party = (Party(Role.ULTIMATE_CONSIGNEE, "Tverskaya Boutique OOO", "RU", listings=()),)
    facts = frozenset({Fact.EAR99_NOT_LISTED_746, Fact.NOT_FOOD_OR_MEDICINE, Fact.NOT_MILITARY_END_USE,
                       Fact.NOT_MILITARY_END_USER})
    item = Item("EAR99", "US", description=description)
    on = determine(Request(dt.date(2024, 3, 1), item, "RU", parties=party, facts=facts, id="W"), rules, NONE_FOUND)
    assert on.outcome is Outcome.CANNOT_CLEAR, [(b.code, b.indeterminate) for b in on.bases]
    basis = next(b for b in on.bases if b.code == "746-SUPP5")
    assert prefix in (basis.indeterminate or "") and basis.rules == ("746.hts_headings.supp5",)
    before = determine(Request(dt.date(2022, 3, 10), item, "RU", parties=party, facts=facts, id="W"), rules,
                       NONE_FOUND)
    assert all(b.code != "746-SUPP5" for b in before.bases)
    kz = determine(Request(dt.date(2024, 3, 1), item, "KZ", parties=(dataclasses.replace(party[0], country="KZ"),),
                           facts=facts, id="W"), rules, NONE_FOUND)
    assert all(b.code != "746-SUPP5" for b in kz.bases)


def test_plain_goods_in_words_are_not_asked(rules: RuleSet) -> None:
    party = (Party(Role.ULTIMATE_CONSIGNEE, "Tverskaya Office Supply OOO", "RU", listings=()),)
    facts = frozenset({Fact.EAR99_NOT_LISTED_746, Fact.NOT_FOOD_OR_MEDICINE, Fact.NOT_MILITARY_END_USE,
                       Fact.NOT_MILITARY_END_USER})
    d = determine(Request(dt.date(2024, 3, 1), Item("EAR99", "US", description="steel warehouse shelving"), "RU",
                          parties=party, facts=facts, id="S"), rules, NONE_FOUND)
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED, [(b.code, b.indeterminate) for b in d.bases]


@pytest.mark.parametrize(("text", "code"), [
    ("perfume, код ТН ВЭД 3303 00 100 0", "330300"),  # adversarial R22-23 (the EAEU's nomenclature)
    ("wine, ТН ВЭД ЕАЭС 2204 21", "220421"),  # R22b-10
    ("cigars, CN code 2402 10 00", "240210"),  # R22-24 (the EU's Combined Nomenclature)
    ("motor yacht, H.S. 8903.33", "890333"),  # R22-26
    ("men's wool suits, commodity code 6203.11", "620311"),  # R22-27
    ("watches, HS-Code: 910211", "910211"),  # R22b-09
])
def test_other_nomenclatures_of_the_hs_digits_are_read(text: str, code: str) -> None:
    request = Request(dt.date(2024, 3, 1), Item("EAR99", "US", description=text), "RU")
    assert [d[:6] for d, _ in named_codes(request)] == [code]


def test_a_country_code_before_digits_is_no_tariff_code() -> None:
    assert named_codes(Request(dt.date(2024, 3, 1), Item("EAR99", "US", description="model 2024, CN 8542"), "RU")) == []


@pytest.mark.parametrize(("text", "code"), [
    ("case goods, 120 cases, TARIC 2208 30 71 00", "220830"),  # adversarial R23-11 (the EU's TARIC)
    ("articles per invoice, HSN code 71131910", "711319"),  # R23-12 (India's HSN)
    ("货物：香水，海关编码 3303000000", "330300"),  # R23-13 (China's customs code)
    ("Armbanduhren, Zolltarifnummer 9102 11 00", "910211"),  # R23-14 (German)
    ("изделия по инвойсу, ТНВЭД 4303101000", "430310"),  # R23-16 (ТН ВЭД written joined)
    ("parfums, code NC 3303 00 10", "330300"),  # R23-18 (French: nomenclature combinée)
    ("çamaşır makinesi, GTİP 8450.11.11.00.00", "845011"),  # R23-20 (Turkey's twelve-digit GTİP)
    ("mercancía según factura, fracción arancelaria 2208.30.03", "220830"),  # R23b-06 (Mexico)
    ("goods per invoice, NCM 2204.21.00", "220421"),  # R23b-07 (Mercosur)
    ("goods per invoice, GTIP 7113.19.00.00.00", "711319"),  # R23b-08
    ("mercancía según factura, código SA 2208.30", "220830"),  # R23c-05 (sistema armonizado)
    ("Uhren, KN-Code 9101 21 00", "910121"),  # German: Kombinierte Nomenklatur
    ("вино, код УКТ ЗЕД 2204 21 79 00", "220421"),  # Ukraine's УКТ ЗЕД
    ("DRAM, HS-8542.32", "854232"),
])
def test_tariff_words_of_other_nomenclatures_and_languages_are_read(text: str, code: str) -> None:
    request = Request(dt.date(2025, 6, 2), Item("EAR99", "US", description=text), "RU")
    codes = written_codes(request)
    assert [c.digits[:6] for c in codes] == [code] and codes[0].introduced, codes


@pytest.mark.parametrize(("text", "code"), [
    ("item 7113.19 per invoice, 14 pcs", "711319"),  # adversarial R23c-04: no word says what the number is
    ("DRAM modules 8542.32", "854232"),
    ("whisky 2208 30 71 00", "220830"),
    ("香水3303000000", "330300"),  # ten digits written joined after Chinese
    ("jewellery 71131910", "711319"),
    ("item 7113.19 in 14 boxes", "711319"),  # ('in' before a number is no unit)
])
def test_a_number_shaped_like_a_code_is_read_as_possibly_one(text: str, code: str) -> None:
    request = Request(dt.date(2025, 6, 2), Item("EAR99", "US", description=text), "RU")
    codes = written_codes(request)
    assert [c.digits[:6] for c in codes] == [code] and not codes[0].introduced, codes


@pytest.mark.parametrize("text", [
    "part no. 8542.32 rev B", "P/N 84501111", "model 7113.19", "Artikel 7113.19", "артикул 8471.30",
    "unit price 2208.30 USD", "price: $8450.11", "EUR 7113.19", "1,234.56 and 12,208.30", "8450.11 kg gross",
    "40 pcs at 7113.19 €", "dated 15.06.2024", "delivered 2024.06.15", "tel. 8432123456", "ИНН 6201234567",
    "620014 Yekaterinburg", "drawing AB-8542.32", "spare 8542.32-01", "lot 71131910", "订单号71131910",
    "order #85423200", "8542.321", "HSBC 854232", "v8542.32", "6 pcs 2208",
])
def test_a_number_a_word_says_is_something_else_is_not_read(text: str) -> None:
    """Part and model numbers, prices, quantities, dates, telephones, tax numbers, postal codes: not read."""
    assert written_codes(Request(dt.date(2025, 6, 2), Item("EAR99", "US", description=text), "RU")) == []


FACTS_RU = frozenset({Fact.EAR99_NOT_LISTED_746, Fact.NOT_FOOD_OR_MEDICINE, Fact.NOT_MILITARY_END_USE,
                      Fact.NOT_MILITARY_END_USER})


def _ru(description: str, end_use: str = "", to: str = "RU", knowledge: tuple[str, ...] = (),
        day: dt.date = dt.date(2025, 6, 2)) -> Request:
    party = (Party(Role.ULTIMATE_CONSIGNEE, "Tverskaya Trading OOO", to, listings=()),)
    return Request(day, Item("EAR99", "US", description=description), to, parties=party, end_use=end_use,
                   facts=FACTS_RU, unmapped_knowledge=knowledge, id="N")


def test_a_listed_code_only_shaped_like_one_is_a_question_not_a_licence(rules: RuleSet) -> None:
    """'HTS 8542.32' (Supp. No. 7 lists it) requires the licence; the bare '8542.32' asks whether it is the item's
    code: a number with no tariff word before it may be something else, so it never decides on its own."""
    named = determine(_ru("DRAM modules, HTS 8542.32", day=dt.date(2025, 12, 26)), rules, NONE_FOUND)
    assert named.outcome is Outcome.LICENSE_REQUIRED
    bare = determine(_ru("DRAM modules 8542.32", day=dt.date(2025, 12, 26)), rules, NONE_FOUND)
    assert bare.outcome is Outcome.CANNOT_CLEAR
    basis = next(b for b in bare.bases if b.code == "746-SUPP7")
    assert "no word says it is one" in (basis.indeterminate or "") and "contradicted" not in basis.cite


@pytest.mark.parametrize(("field", "text"), [
    ("end_use", "retail resale; goods to be declared at Russian customs under HS 2402.20"),  # adversarial R23-17
    ("knowledge", "the consignee will declare the goods under ТН ВЭД 2208 30 820 0"),
])
def test_codes_are_read_in_every_text_of_the_order(rules: RuleSet, field: str, text: str) -> None:
    """A code in the end use or a knowledge statement is read as in the description; the answer memo keys on both
    texts (clearance/rules/engine.py), so one cache shares no answer between the order with and without them."""
    from clearance.rules import RuleCache
    cache = RuleCache()
    plain = _ru("consumer goods per packing list")
    worded = (dataclasses.replace(plain, end_use=text) if field == "end_use"
              else dataclasses.replace(plain, unmapped_knowledge=(text,)))
    assert determine(plain, rules, NONE_FOUND, cache).outcome is Outcome.NO_LICENSE_REQUIRED
    d = determine(worded, rules, NONE_FOUND, cache)
    assert d.outcome is Outcome.CANNOT_CLEAR and any(b.code == "746-SUPP5" for b in d.bases), d.reasons
    assert determine(plain, rules, NONE_FOUND, cache).outcome is Outcome.NO_LICENSE_REQUIRED


@pytest.mark.parametrize(("description", "prefix"), [
    ("货物：香水", "heading 3303"),  # adversarial R23-13 (Chinese)
    ("Armbanduhren aus Gold, 6 Stück", "heading 9101"),  # R23-14 (German)
    ("коньяк армянский, 60 бутылок", "heading 2208"),  # Russian
    ("шуба норковая", "heading 4303"),
    ("montres de luxe suisses", "heading 9101"),  # French
    ("relojes de pulsera de oro", "heading 9101"),  # Spanish
    ("pırlanta yüzük ve kolye", "chapter 71"),  # Turkish
    ("Rolex Datejust 41, Oystersteel and yellow gold, 4 pcs", "heading 9101"),  # R23b-10 (a brand alone)
    ("Louis Vuitton Keepall 55", "heading 4202"),
    ("劳力士 手表", "heading 9101"),
])
def test_luxury_goods_named_in_other_languages_or_by_brand_are_asked(rules: RuleSet, description: str,
                                                                     prefix: str) -> None:
    d = determine(_ru(description), rules, NONE_FOUND)
    assert d.outcome is Outcome.CANNOT_CLEAR, [(b.code, b.indeterminate) for b in d.bases]
    basis = next(b for b in d.bases if b.code == "746-SUPP5")
    assert prefix in (basis.indeterminate or "") and basis.rules == ("746.hts_headings.supp5",)
    assert determine(_ru(description, to="KZ"), rules, NONE_FOUND).outcome is Outcome.NO_LICENSE_REQUIRED


@pytest.mark.parametrize("description", [
    "roasted coffee beans 0901.21", "printed books 4901.99", "office chairs, model 7113.19, unit price 2208.30 USD",
    "Omega Engineering thermocouples", "shipped by Hermes parcel service: steel shelving",
    "Rolls-Royce turbine blade inspection fixtures, EAR99", "Bentley MicroStation licence keys on USB",
    "steel warehouse shelving, Lieferschein 84501111",
])
def test_hard_negatives_to_russia_still_clear_on_the_stated_fact(rules: RuleSet, description: str) -> None:
    d = determine(_ru(description), rules, NONE_FOUND)
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED, [(b.code, b.indeterminate) for b in d.bases]


def test_every_brand_and_word_is_folded_as_the_description_is(rules: RuleSet) -> None:
    """The brands are data (rule 746.hts_headings.supp5, with the source of their categories); every word and brand
    written in Latin or Cyrillic letters matches its own folded form (a word that cannot match is caught here); a word
    of another script is matched as written (adversarial round 25: Thai, Arabic, Persian, Hindi fold to nothing)."""
    from clearance.rules.hts746 import _fold, _raw
    value = rules.parameters["746.hts_headings.supp5"].values[0].value
    assert "never clears" in value["brands_source"] and "normalise" in value["words_source"]
    brands = [b for h in value["headings"].values() for b in h.get("brands", ())]
    assert len(brands) >= 80 and " rolex" in value["headings"]["9101"]["brands"]
    for heading in value["headings"].values():
        for w in heading.get("words", []) + heading.get("brands", []):
            if not _raw(w):
                assert _fold(w).strip() and _fold(w).strip() in _fold(f"x {w} x"), w
            else:  # matched as written (Chinese, Korean, Thai, Arabic ...): no Latin letter whose case would matter
                assert w.strip() and not any(ch.isascii() and ch.isalpha() for ch in w), w
