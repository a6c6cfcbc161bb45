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
