"""Every scenario of ../shared/regulatory/ear-scenarios.yaml as a test (outcome, bases, policy, LEs, cites)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clearance.model.determination import Request
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine
from clearance.workflows.order_files import read_scenarios

from .checks import check
from .conftest import SCENARIOS

CASES: list[tuple[Request, dict[str, Any]]] = [(r, raw) for r, _, raw in read_scenarios(Path(SCENARIOS))]


def test_the_file_holds_the_scenarios_we_expect() -> None:
    assert len(CASES) >= 23
    assert {"S02", "S07b", "S10", "S31b", "S35"} <= {r.id for r, _ in CASES}


@pytest.mark.parametrize(("request_", "raw"), CASES, ids=[r.id for r, _ in CASES])
def test_scenario(request_: Request, raw: dict[str, Any], rules: RuleSet) -> None:
    # Parties the scenario does not mark as listed are taken as screened clear (explicit NONE_FOUND).
    decision = determine(request_, rules, NONE_FOUND)
    deciding = [d for d in raw.get("deciding_rules", []) if "FR" in str(d)]
    check(decision, raw["expected"], deciding)
    for key, variant in raw["expected"].items():
        if key.startswith("variant_if_shipped_on_"):
            import dataclasses
            import datetime as dt

            day = dt.date.fromisoformat(key.removeprefix("variant_if_shipped_on_"))
            later = determine(dataclasses.replace(request_, date=day), rules, NONE_FOUND)
            check(later, variant)


def test_unscreened_party_cannot_clear(rules: RuleSet) -> None:
    s14 = next(r for r, _ in CASES if r.id == "S21a")
    decision = determine(s14, rules)  # no listings snapshot: the end user was never screened
    assert decision.outcome.value == "CANNOT_CLEAR"
    assert "not screened" in decision.reasons[0]
