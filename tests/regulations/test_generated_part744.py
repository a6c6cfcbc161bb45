"""The generated Part 744 rule files (tools/gen_part744.py) match their generator byte for byte, and say what
the regulation text says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from clearance.model.regulation import RuleSet

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "ear"
FILES = ("supp2.yaml", "end_use_countries.yaml", "sdn_tags.yaml", "el_footnotes.yaml", "proliferation.yaml")


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (DATA / "ecfr_part744").is_dir():
        pytest.skip(f"shared data not found at {DATA}")
    out = tmp_path_factory.mktemp("regs")
    _tool("gen_part744").generate(DATA, out)
    return out


@pytest.mark.parametrize("name", FILES)
def test_committed_file_matches_generator(regenerated: Path, name: str) -> None:
    committed = (ROOT / "clearance" / "regulations" / "part_744" / name).read_bytes()
    assert (regenerated / "part_744" / name).read_bytes() == committed, (
        f"part_744/{name} differs from tools/gen_part744.py output: re-run the generator"
    )


def _at(rules: RuleSet, key: str, day: str) -> Any:
    import datetime as dt

    return rules.param(key).at(dt.date.fromisoformat(day)).value


def test_supp2_has_every_entry_of_the_text(rules: RuleSet) -> None:
    entries = {e["eccn"]: e for e in _at(rules, "744.21.supp2", "2026-07-23")["entries"]}
    assert len(entries) == 47
    # D and E entries the hand-written list missed
    for eccn in ("1D993", "1D999", "1E994", "2D290", "3E991", "5E991", "7E994", "8D992", "8E992", "9E991"):
        assert eccn in entries, eccn
    assert entries["3A991"]["scope"] == "entire"
    assert entries["5A991"]["included"] == ["a", "b.7", "f"] and entries["5A991"]["paragraphs_exhaustive"]
    assert entries["4A994"]["scope"] == "limited" and "0.5 Weighted TeraFLOPS" in entries["4A994"]["condition"]
    assert entries["2B991"]["included"] == ["d.1.a"] and not entries["2B991"]["paragraphs_exhaustive"]
    assert entries["5D991"]["refers_to"] == ["5A991.a", "5A991.b.7", "5A991.f"]
    assert "refers_to" not in entries["4A994"]  # "not controlled by 4A001 or 4A003" defines, does not refer


def test_744_21_countries_each_from_its_own_day(rules: RuleSet) -> None:
    def supp2(day: str) -> list[str]:
        return list(_at(rules, "744.21.countries", day)["supp2_items"])

    assert supp2("2020-06-29") == ["CN", "RU", "VE"]
    assert "MM" in _at(rules, "744.21.countries", "2021-03-05")["unverified"]
    assert "MM" not in supp2("2021-03-07") and "MM" in supp2("2021-03-08")
    assert "KH" not in supp2("2021-12-08") and "KH" in supp2("2021-12-09")
    assert "NI" not in supp2("2024-03-14") and "NI" in supp2("2024-03-15")
    assert _at(rules, "744.21.countries", "2022-03-01")["all_items"] == ["RU"]
    assert _at(rules, "744.21.countries", "2022-03-02")["all_items"] == ["BY", "RU"]
    with pytest.raises(Exception, match="2020-06-29"):
        _at(rules, "744.21.countries", "2020-06-28")


def test_744_21_license_exception_is_paragraph_c(rules: RuleSet) -> None:
    p = rules.param("744.21.license_exceptions")
    assert p.section == "744.21(c)"
    assert all("744.21(c)" in v.citation.cite and "(d)" not in v.citation.cite for v in p.values)


def test_744_22_countries_and_organisations(rules: RuleSet) -> None:
    assert _at(rules, "744.22.countries", "2021-03-15")["countries"] == []
    assert _at(rules, "744.22.countries", "2021-03-16")["groups"] == ["E:1", "E:2"]
    assert "BY" not in _at(rules, "744.22.countries", "2022-03-01")["countries"]
    assert "BY" in _at(rules, "744.22.countries", "2022-03-02")["countries"]
    orgs = _at(rules, "744.22.organisations", "2026-07-23")["organisations"]
    names = {n for o in orgs for n in o["names"]}
    assert "Intelligence Bureau of the Joint Staff Department" in names
    assert "Main Intelligence Directorate (GRU)" in names
    assert "Directorate of Signal" in names
    assert len(orgs) == 10  # (f)(2)(i)-(x); (xi) "Other countries" is not an organisation


def test_744_8_tags(rules: RuleSet) -> None:
    now = {t["tag"]: t for t in _at(rules, "744.8.sdn_tags", "2024-03-21")["tags"]}
    assert len(now) == 14 and now["SDGT"]["section"] == "744.8(a)(1)(ii)(B)"
    assert now["RUSSIA-EO14024"]["group"] == "russia_ukraine_belarus"
    assert now["TCO"]["group"] == "narcotics_criminal"
    before = {t["tag"]: t for t in _at(rules, "744.8.sdn_tags", "2024-03-20")["tags"]}
    assert set(before) == {"NPWMD", "SDGT", "SDT", "FTO"} and not any(t["verified"] for t in before.values())
    assert _at(rules, "744.8.sdn_tags", "2025-11-10")["affiliates_50pct"] == "stayed"


def test_entity_list_footnotes(rules: RuleSet) -> None:
    assert not _at(rules, "744.supp4.footnote.3", "2022-02-23")["in_force"]
    assert _at(rules, "744.supp4.footnote.3", "2022-02-24")["fdp_paragraph"] == "734.9(g)"
    assert _at(rules, "744.supp4.footnote.4", "2022-10-07")["fdp_paragraph"] == "734.9(e)(2)"
    assert not _at(rules, "744.supp4.footnote.5", "2024-12-01")["in_force"]
    fn5 = _at(rules, "744.supp4.footnote.5", "2024-12-02")
    assert fn5["fdp_paragraph"] == "734.9(e)(3)" and "§ 734.9(e)(3)" in fn5["text"]


def test_no_rule_cites_744_21_d_for_licence_exceptions(rules: RuleSet) -> None:
    # § 744.21(c) is the licence-exception paragraph; (d) is the application procedure (issue 9)
    wrong = [
        f"{p.key}@{v.start}"
        for p in rules.parameters.values()
        for v in p.values
        if "744.21(d)" in v.citation.cite and "GOV" in v.citation.cite
    ]
    assert not wrong, wrong
