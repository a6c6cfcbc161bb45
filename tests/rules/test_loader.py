"""Strict rule data: every malformed file fails with the file and line; lookups fail closed outside the data."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from clearance.errors import DataError
from clearance.model.regulation import RuleGap, RuleSet
from clearance.rules.loader import load_rules_from

GOOD = """title: t
source: s
parameters:
  el.group.x.review_policy:
    section: "744.11"
    values:
      2020-01-01: {value: a, cite: "15 CFR 744.11", fr: 85 FR 1}
      2021-01-01: {value: b, cite: "15 CFR 744.11", until: 2021-12-31}
      2023-01-01: null
"""


def _load(tmp_path: Path, text: str) -> RuleSet:
    (tmp_path / "r.yaml").write_text(text)
    return load_rules_from(tmp_path)


def test_dated_values_with_gaps_and_end(tmp_path: Path) -> None:
    p = _load(tmp_path, GOOD).param("el.group.x.review_policy")
    assert p.at(dt.date(2020, 6, 1)).value == "a"
    assert p.at(dt.date(2021, 12, 31)).value == "b"
    for day in (dt.date(2019, 12, 31), dt.date(2022, 1, 1), dt.date(2023, 5, 1)):
        with pytest.raises(RuleGap, match="no value"):
            p.at(day)


@pytest.mark.parametrize(
    ("bad", "line", "message"),
    [
        (GOOD.replace("2021-01-01:", "2020-01-01:"), 8, "duplicate key"),
        (GOOD.replace("section:", "sektion:"), 5, "unknown key 'sektion'"),
        (GOOD.replace(', cite: "15 CFR 744.11", until', ", until"), 8, "no citation"),
        (GOOD.replace("until: 2021-12-31", "until: 2023-02-01"), 8, "overlaps"),
        (GOOD.replace("2021-01-01:", "2021-13-01:"), 8, "not a date"),
        (GOOD.replace("fr: 85 FR 1", "fr: 85 FR 1, colour: red"), 7, "unknown key 'colour'"),
    ],
)
def test_malformed_rule_files_name_file_and_line(tmp_path: Path, bad: str, line: int, message: str) -> None:
    with pytest.raises(DataError, match=message) as info:
        _load(tmp_path, bad)
    assert info.value.file and info.value.file.endswith("r.yaml")
    assert info.value.line == line


def test_parameter_defined_twice_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    with pytest.raises(DataError, match="also defined"):
        load_rules_from(tmp_path)


def test_packaged_rules_load_and_pickle(rules: RuleSet) -> None:
    assert len(rules.parameters) > 1000
    assert rules.has("ccl.3A001") and rules.has("chart.CN") and rules.has("groups.CN")
    assert all(v.citation.cite for p in rules.parameters.values() for v in p.values)
    clone = pickle.loads(pickle.dumps(rules))
    assert clone.version == rules.version and clone.param("chart.CN") == rules.param("chart.CN")


def test_generated_tables_match_the_source_json(rules: RuleSet, data_dir: Path) -> None:
    import json

    src = data_dir / "ear" / "seelpeed_ecfr_derived"
    chart = json.loads((src / "country-chart.json").read_text())
    ccl = json.loads((src / "ccl.json").read_text())
    day = dt.date(2026, 7, 23)
    assert rules.param("chart.CN").at(day).value["marks"] == chart["countries"]["China"]["marks"]
    assert rules.param("chart.DE").at(day).value["marks"] == chart["countries"]["Germany"]["marks"]
    assert sum(1 for k in rules.parameters if k.startswith("ccl.")) == len(ccl["entries"])
    assert set(rules.param("groups.CN").at(day).value) == {"D:1", "D:3", "D:4", "D:5"}
    huawei = [k for k in rules.parameters if k.startswith("el.party.")]
    assert len(huawei) == 130  # footnote-1 rows of the eCFR Entity List (PROVENANCE.md)


def test_generated_files_are_up_to_date(tmp_path: Path, data_dir: Path) -> None:
    """tools/gen_regulations.py reproduces the committed CCL/Chart/Groups/Huawei-party files byte for byte."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "tools" / "gen_regulations.py"), "--data", str(data_dir / "ear"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    committed = root / "clearance" / "regulations"
    generated = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.yaml"))
    assert len(generated) == 4
    for rel in generated:
        assert (tmp_path / rel).read_bytes() == (committed / rel).read_bytes(), f"{rel} is stale: rerun the tool"
