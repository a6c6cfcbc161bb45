"""Fixtures of the rule-data tests: the packaged rule set."""

from __future__ import annotations

import pytest

from clearance.model.regulation import RuleSet
from clearance.rules import load_rules


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()
