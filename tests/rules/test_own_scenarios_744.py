"""Issue-9 scenarios (tests/rules/own_scenarios_744.yaml) through the determination engine.

The expectations come from the regulation text (see the file header), not from the engine. Each scenario
asserts the outcome, the bases, policy, licence exceptions and citations, and first of all that no expected
licence, prohibition or open question comes out clearing (no false clear).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clearance.model.determination import Outcome, Request
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine
from clearance.workflows.order_files import read_scenarios

from .checks import check

FILE = Path(__file__).with_name("own_scenarios_744.yaml")
CASES: list[tuple[Request, dict[str, Any]]] = [(r, raw) for r, _, raw in read_scenarios(FILE)]
CLEARING = {Outcome.NOT_SUBJECT, Outcome.NO_LICENSE_REQUIRED, Outcome.LICENSE_EXCEPTION}


@pytest.mark.parametrize(("request_", "raw"), CASES, ids=[r.id for r, _ in CASES])
def test_own_scenario_744(request_: Request, raw: dict[str, Any], rules: RuleSet) -> None:
    request = request_
    decision = determine(request, rules, NONE_FOUND)
    expected = raw["expected"]
    # never a false clear: an expected licence (or prohibition, or open question) must not come out clearing
    if expected["outcome"] not in {o.value for o in CLEARING}:
        assert decision.outcome not in CLEARING, f"{raw['id']}: FALSE CLEAR {decision.outcome}"
    assert decision.outcome.value == expected["outcome"], f"{raw['id']}: {decision.outcome} {decision.reasons}"
    if "to_confirm" in expected:  # an open point beside a certain licence requirement (review policy)
        assert any(expected["to_confirm"] in q.text for q in decision.to_confirm), (raw["id"], decision.to_confirm)
    check(decision, {k: v for k, v in expected.items() if k not in {"outcome", "open_question", "to_confirm"}},
          raw.get("deciding_rules"))
