"""The generated licence-exception scopes (tools/gen_le_scopes.py) match their generator byte for byte, and read
the CCL's LVS/GBS lines the fail-closed way."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from clearance.model.regulation import RuleSet

from .test_generated_part744 import DATA, ROOT, _tool


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    if not (DATA / "seelpeed_ecfr_derived").is_dir():
        pytest.skip(f"shared data not found at {DATA}")
    out = tmp_path_factory.mktemp("regs")
    return bytes(_tool("gen_le_scopes").generate(DATA, out).read_bytes())


def test_committed_file_matches_generator(regenerated: bytes) -> None:
    committed = (ROOT / "clearance" / "regulations" / "part_740" / "le_scopes.yaml").read_bytes()
    assert regenerated == committed, "part_740/le_scopes.yaml differs from tools/gen_le_scopes.py: re-run it"


def _entries(rules: RuleSet, key: str, day: str = "2026-07-23") -> dict[str, dict[str, Any]]:
    prefix = "740.lvs." if "lvs" in key else "740.tsr." if "tsr" in key else "740.gbs."
    out: dict[str, dict[str, Any]] = {}
    for k, param in rules.parameters.items():
        if k.startswith(prefix):
            dv = param.find(dt.date.fromisoformat(day))
            if dv is not None:
                out[k.removeprefix(prefix)] = dv.value
    return out


def test_lvs_value_limits_by_paragraph(rules: RuleSet) -> None:
    lvs = _entries(rules, "740.lvs.limits")
    assert lvs["5A991"]["status"] == "none"  # "LVS: N/A"
    assert lvs["1A008"]["limits"] == [{"paragraphs": ["a", "b", "c"], "usd": 3000}, {"paragraphs": ["d"], "usd": 6000}]
    assert lvs["9B515"]["limits"] == [{"paragraphs": [], "usd": 1500}, {"paragraphs": ["b"], "usd": 5000}]
    assert set(lvs["3B001"]["na_paragraphs"]) >= {"a.4", "k", "l", "m", "n", "r"}  # "k to n" expanded
    assert lvs["9B001"]["na_reasons"] == ["MT"]
    # 6A001: the N/A list runs on across semicolons -- none of its paragraphs may get the $3000 default
    assert {"a.1.e", "a.2.b", "a.2.f"} <= set(lvs["6A001"]["na_paragraphs"])
    # "Yes: $500 for 'components'" cannot be reduced to paragraphs: no grant is established
    assert lvs["5A002"]["status"] == "partial" and "limits" not in lvs["5A002"] and lvs["5A002"]["conditional"]


def test_gbs_paragraph_scopes(rules: RuleSet) -> None:
    gbs = _entries(rules, "740.gbs.scopes")
    assert gbs["6A004"]["paragraphs"] == ["a.1", "a.2", "a.4", "b", "d.2", "f"]
    assert gbs["5A001"]["status"] == "all" and gbs["5A001"]["na_paragraphs"] == ["a", "b.5", "e", "h"]
    assert gbs["1A005"]["na_reasons"] == ["UN"]
    # a destination-dependent exclusion in words makes the whole "Yes" conditional
    assert gbs["3A069"]["status"] == "partial" and "paragraphs" not in gbs["3A069"]
    assert all(e["status"] in {"none", "all", "partial"} for e in gbs.values())


def test_tsr_lines_read_like_gbs(rules: RuleSet) -> None:
    """§ 740.6: the TSR line of each ECCN whose line is not 'N/A' (adversarial R19-20: 'Yes, except 2E003.b, .e and
    .f' was not read at all)."""
    tsr = _entries(rules, "740.tsr.scopes")
    assert tsr["2E003"] == {"eccn": "2E003", "text": "Yes, except 2E003.b, .e and .f", "status": "all",
                            "na_paragraphs": ["b", "e", "f"]}
    assert tsr["1E002"]["na_paragraphs"] == ["e", "f"]  # "Yes, except for 1E002.e and .f."
    assert tsr["1D001"]["na_reasons"] == ["MT"] and tsr["3D002"]["na_reasons"] == ["RS"]
    assert tsr["2D003"]["status"] == "all"  # "Yes."
    # a part excepted in words ("Yes, except for the following: ...") grants nothing: TSR is not offered
    assert tsr["1E001"]["status"] == "partial" and "paragraphs" not in tsr["1E001"] and tsr["1E001"]["conditional"]
    assert tsr["5E001"]["status"] == "partial" and "paragraphs" not in tsr["5E001"]
    assert "0D001" not in tsr  # 'N/A': no rule
    assert len(tsr) == 32


def test_one_rule_per_eccn_and_exception(rules: RuleSet) -> None:
    lvs, gbs = _entries(rules, "740.lvs.limits"), _entries(rules, "740.gbs.scopes")
    assert len(lvs) == 367 and len(gbs) == 366
    assert all(key == value["eccn"] for key, value in lvs.items())


def test_later_eccns_start_later(rules: RuleSet) -> None:
    assert "3A090" not in _entries(rules, "740.lvs.limits", "2022-10-06")
    assert "3A090" in _entries(rules, "740.lvs.limits", "2022-10-07")


def test_gbs_and_sta_line_grammar() -> None:
    """Session 17 (adversarial round 29): a GBS grant read in segments, a proviso naming the entry's own paragraphs,
    items added in words ("parts ... therefor") asked, an STA bar's parenthesised exception; every other wording
    stays conditional (never a wider grant than the words)."""
    gen = _tool("gen_le_scopes")
    s = gen.parse_gbs("3C002", "Yes for 3C002.a provided that they are not also controlled by 3C002.b through .e.")
    assert s["paragraphs"] == ["a"] and s["na_paragraphs"] == ["b", "c", "d", "e"] and "conditional" not in s
    s = gen.parse_gbs("3C002", "Yes for 3C002.a provided that they are exported for civil use.")
    assert "paragraphs" not in s and s["conditional"]
    s = gen.parse_gbs("8A002", "Yes for manipulators for civil end uses controlled by 8A002.i.2 and having 5 "
                               "degrees of freedom of movement; and 8A002.r.")
    assert s["paragraphs"] == ["r"] and len(s["conditional"]) == 1 and "8A002.r" not in s["conditional"][0]
    s = gen.parse_gbs("8A002", "Yes for 8A002.r; provided that they are for civil end uses.")
    assert "paragraphs" not in s and s["status"] == "partial"  # a later segment qualifying: all conditional
    s = gen.parse_gbs("4A003", "Yes, for 4A003.g and “specially designed” “parts” and “components” therefor, "
                               "exported separately or as part of a system.")
    assert s["paragraphs"] == ["g"] and s["conditional"] == ["“specially designed” “parts” and “components” therefor"]
    s = gen.parse_gbs("4A003", "Yes, for 4A003.g, exported for civil use.")
    assert "paragraphs" not in s
    sta = gen.parse_sta("6A001", "STA: License Exception STA may not be used to ship commodities in 6A001.a.1.b, "
                                 "6A001.a.1.e or 6A001.a.2 (except .a.2.a.4) to any of the destinations listed in "
                                 "Country Group A:6 (See Supplement No.1 to part 740 of the EAR).")
    assert sta["paragraphs"] == ["a.1.b", "a.1.e", "a.2"] and sta["excepted"] == ["a.2.a.4"]
    sta = gen.parse_sta("6A001", "STA: License Exception STA may not be used to ship commodities in 6A001.a.2 "
                                 "(except those for civil use) to any of the destinations listed in Country Group A:6.")
    assert "excepted" not in sta
    s = gen.parse_gbs("3B001", "Yes, except a.3 (molecular beam epitaxial growth equipment using gas sources), .e "
                               "(automatic loading multi-chamber central wafer handling systems only if connected to "
                               "equipment controlled by 3B001.a.3, or .f), .f (lithography equipment) and .q.")
    assert s["na_paragraphs"] == ["a.3", "f", "q"] and s["status"] == "all"
    assert s["na_conditional"] == [{"paragraph": "e", "words": "automatic loading multi-chamber central wafer "
                                    "handling systems only if connected to equipment controlled by 3B001.a.3, or .f"}]


def test_entire_entry_except_lists() -> None:
    """tools/gen_regulations.py: the paragraphs an "applies to entire entry, except ..." row takes out -- bare
    letters in a list, a note after the list excepting nothing, a bare ".a.11" belonging to the ECCN named before
    it, a qualified paragraph not excepted (session 17: the old reading excepted all of 1B001.d, 9A012.a, 1C607.a)."""
    gen = _tool("gen_regulations")
    assert gen._except_list("1B001.d.4, e and f. Note: MT applies to equipment in 1B001.d that meet or exceed the "
                            "parameters of 1B101", "1B001") == ["d.4", "e", "f"]
    assert gen._except_list(".a.1", "9A012") == ["a.1"]
    assert gen._except_list("1C607.a.10, .a.11, .a.12, and .a.14", "1C607") == ["a.10", "a.11", "a.12", "a.14"]
    assert gen._except_list("“software” for 1C607.a.10, .a.11, .a.12, and .a.14", "1D607") == []
    assert gen._except_list("0A509.a for items for ECCN 0A502 or ECCN 0A508, and 0A509.d", "0A509") == ["d"]
    assert gen._except_list("2B004.b.3 and presses with maximum working pressures below 69 MPa", "2B004") == ["b.3"]
    assert gen._except_list("9A610.b; parts and components controlled in 9A610.x if being exported or reexported "
                            "for use in an aircraft controlled in 9A610.b; and 9A610.y", "9A610") == ["b", "y"]
    assert gen._except_list("8A620. b and .y", "8A620") == ["b", "y"]
    assert gen._except_list("9D515.x and y", "9D515") == ["x", "y"]
    assert gen._except_list(".a and .b when used in aircraft", "9A999") == []
