"""docs/coverage.md is honest: modelled rows name rule keys and scenarios that exist; no provision is absent."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from clearance.model.regulation import RuleSet

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "coverage.md"
SHARED = ROOT.parent / "shared"
SCENARIO_FILES = (
    SHARED / "regulatory" / "ear-scenarios.yaml",
    ROOT / "tests" / "rules" / "own_scenarios.yaml",
    ROOT / "tests" / "rules" / "own_scenarios_744.yaml",
    # the adversarial reviews' cases (tests/workflows/test_adversary_cases.py runs them on the real lists)
    ROOT / "tests" / "rules" / "adversary_round1.yaml",
    ROOT / "tests" / "rules" / "adversary_round2.yaml",
    ROOT / "tests" / "rules" / "adversary_round3.yaml",
    ROOT / "tests" / "rules" / "adversary_round33.yaml",
)
STATUSES = {"modelled", "modelled (code)", "data ready, engine pending", "fails closed", "gap", "out of scope"}


def _rows() -> list[dict[str, str]]:
    rows = []
    for n, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), 1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or len(cells) != 6 or cells[0] in {"provision", "status"}:
            continue
        if set(cells[0]) <= {"-"}:
            continue
        provision, status, start, key, scenario, note = cells
        rows.append(
            {
                "line": str(n),
                "provision": provision,
                "status": status,
                "from": start,
                "key": key,
                "scenario": scenario,
                "note": note,
            }
        )
    return rows


@cache
def _scenario_ids(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return frozenset(str(s["id"]) for s in data["scenarios"])


ROWS = _rows()


def test_the_document_has_rows() -> None:
    assert len(ROWS) > 100


@pytest.mark.parametrize("row", ROWS, ids=[f"line{r['line']}" for r in ROWS])
def test_row_is_backed(row: dict[str, str], rules: RuleSet) -> None:
    where = f"docs/coverage.md:{row['line']} ({row['provision']})"
    assert row["status"] in STATUSES, f"{where}: unknown status {row['status']!r}"
    all_ids = frozenset().union(*(_scenario_ids(p) for p in SCENARIO_FILES))
    if row["status"] == "modelled":
        assert rules.has(row["key"]), f"{where}: rule key {row['key']!r} does not exist"
        assert row["scenario"] in all_ids, f"{where}: scenario {row['scenario']!r} does not exist"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["from"]), f"{where}: 'from' must be a date"
    elif row["status"] == "modelled (code)":
        assert (ROOT / row["key"]).is_file(), f"{where}: module {row['key']!r} does not exist"
        assert row["scenario"] in all_ids, f"{where}: scenario {row['scenario']!r} does not exist"
    elif row["status"] == "data ready, engine pending":
        assert rules.has(row["key"]), f"{where}: rule key {row['key']!r} does not exist"
        assert row["scenario"] in _scenario_ids(SCENARIO_FILES[2]), f"{where}: not in own_scenarios_744.yaml"
    else:
        assert row["note"] not in {"", "—"} or row["status"] == "out of scope", f"{where}: say how or why"


def _provisions() -> str:
    return "\n".join(r["provision"] for r in ROWS)


def test_every_part_744_section_and_supplement_has_a_row() -> None:
    from lxml import etree

    xml = SHARED / "data" / "ear" / "ecfr_part744" / "title-15_part-744_commit-2026-07-23.xml"
    if not xml.exists():
        pytest.skip("eCFR XML not found")
    text = _provisions()
    missing = []
    for div in etree.parse(str(xml)).iter("DIV8", "DIV9"):
        n = div.get("N") or ""
        if div.tag == "DIV8":
            wanted = f"§§ {n.replace('-', '-')}" if "-" in n else f"§ {n} "
            if wanted not in text and f"§ {n}(" not in text:
                missing.append(n)
        elif n not in text.replace("Supp. No.", "Supplement No."):
            missing.append(n)
    assert not missing, f"docs/coverage.md has no row for {missing}"


def test_every_licence_exception_has_a_row() -> None:
    catalog = SHARED / "data" / "ear" / "seelpeed_ecfr_derived" / "license-exception-catalog.json"
    text = _provisions()
    sections = [e["sectionNumber"] for e in json.loads(catalog.read_text())["exceptions"]]
    missing = [s for s in sections if f"§ {s} " not in text]
    assert len(sections) == 27 and not missing, missing


def test_general_prohibitions_parts_742_746_and_734_are_listed() -> None:
    text = _provisions()
    for gp in range(1, 11):
        assert f"GP{gp} § 736.2(b)({gp})" in text, gp
    for n in range(1, 11):
        assert f"§ 746.{n} " in text, f"746.{n}"
    for n in (2, 3, 4, 5, 6, 7, 13, 15, 17):
        assert f"§ 742.{n} " in text, f"742.{n}"
    for n in (3, 4, 9):
        assert f"§ 734.{n}" in text, f"734.{n}"
