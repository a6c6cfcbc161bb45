"""Rule values are typed and checked when loaded: a misnamed field or a wrong type in the shipped rules or an
overlay is an error naming file, line and field before any order is evaluated."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.errors import DataError
from clearance.model.regulation import RuleSet
from clearance.model.rule_values import VALUE_TYPES, adapter_for, check
from clearance.rules import apply_overlay

MISNAMED = """overlay: true
title: Hypothetical TGL with a misnamed field
parameters:
  el.group.huawei.tgl:
    values:
      2026-01-01:
        value: {activity: [tgl_existing_networks]}
        cite: "hypothetical (overlay)"
"""


def test_every_shipped_rule_has_a_type_and_matches_it(rules: RuleSet) -> None:
    for key, param in rules.parameters.items():
        assert adapter_for(key) is not None, key
        for dv in param.values:
            assert check(key, dv.value) is None, (key, dv.start)
    assert len(VALUE_TYPES) >= 40


def test_misnamed_overlay_field_fails_at_load_naming_file_line_field(rules: RuleSet, tmp_path: Path) -> None:
    path = tmp_path / "tgl.yaml"
    path.write_text(MISNAMED, encoding="utf-8")
    with pytest.raises(DataError) as info:
        apply_overlay(rules, path)
    err = info.value
    assert err.file == str(path) and err.line == 7 and err.field == "value.activity"
    assert "activities" in str(err)  # the allowed fields are listed


@pytest.mark.parametrize(("key", "value", "field"), [
    ("el.affiliates", {"in_force": True, "threshold_pct": "fifty"}, "threshold_pct"),
    ("meu.countries", "CN", "value"),
    ("fdp.fn1.savings", {"in_force": True, "ship_by": "soon"}, "ship_by"),
    ("part746.CU", {"in_force": True, "ccl": "most"}, "ccl"),
    ("el.group.acme.tgl", {"activities": [], "certify": True}, "certify"),
])
def test_wrong_types_and_unknown_fields_are_named(key: str, value: object, field: str) -> None:
    problem = check(key, value)
    assert problem is not None and field in problem[0], problem


def test_a_rule_key_without_a_type_is_refused() -> None:
    problem = check("744.99.invented", {"x": 1})
    assert problem is not None and "no declared value type" in problem[1]


def test_cli_reports_a_bad_overlay_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "tgl.yaml"
    path.write_text(MISNAMED, encoding="utf-8")
    order = tmp_path / "o.jsonl"
    order.write_text(json.dumps({"id": "x", "date": "2026-02-01", "route": {"to": "CN"},
                                 "item": {"eccn": "EAR99", "origin": "US"},
                                 "parties": [{"role": "end_user", "name": "Huawei Technologies Co., Ltd."}]}) + "\n")
    result = subprocess.run([sys.executable, "-m", "clearance.cli.main", "determine", "--orders", str(order),
                             "--overlay", str(path), "--listings", "none-found"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip().startswith("error:") and "field 'value.activity'" in result.stderr
    assert result.stdout == ""  # nothing decided under a rule set that did not load


def test_a_score_just_below_the_near_certain_bar_is_not_printed_as_the_bar() -> None:
    """Adversarial round 13 (R13-14): an exact Cyrillic rendering of a DPL name scored 0.9499 and the answer read
    "score 0.95 (below 0.95)"; the text must show why the match is below the bar."""
    from clearance.rules.parties import NEAR_CERTAIN, below_bar

    assert below_bar(0.9499) == "0.9499" and float(below_bar(0.9499)) < NEAR_CERTAIN
    assert below_bar(0.9451) == "0.9451"
    assert below_bar(0.69) == "0.69" and below_bar(0.944) == "0.94"


def test_744_6_b1_countries_are_supplement_3_to_part_744(rules: RuleSet) -> None:
    """§ 744.6(b)(1) reaches nuclear explosive devices outside Supp. No. 3 to Part 744: the same countries as the
    § 744.2 rule generated from the eCFR text (rule 744.2.rule), on every day both are defined."""
    supp3 = {dv.start: set(dv.value["exempt_countries"]) for dv in rules.parameters["744.2.rule"].values}
    assert supp3, "no 744.2.rule values"
    seen = 0
    for dv in rules.parameters["744.6.scope"].values:
        for para in dv.value["paragraphs"]:
            if para["paragraph"] == "744.6(b)(1)":
                day = max(d for d in supp3 if d <= dv.start)
                assert set(para["not_countries"]) == supp3[day], dv.start
                seen += 1
    assert seen >= 4
