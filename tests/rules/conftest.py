"""Fixtures of the determination tests: the packaged rule set and the shared scenario file."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.model.regulation import RuleSet
from clearance.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT.parent / "shared" / "regulatory" / "ear-scenarios.yaml"


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()
