"""Every value of the issue-9 rule keys validates against its type in clearance.model.rule_values_ear."""

from __future__ import annotations

from fnmatch import fnmatch

import pytest
from pydantic import TypeAdapter, ValidationError

from clearance.model.regulation import RuleSet
from clearance.model.rule_values_ear import VALUE_TYPES, Supp2Entry


def _keys(rules: RuleSet, pattern: str) -> list[str]:
    return [k for k in rules.parameters if fnmatch(k, pattern)]


@pytest.mark.parametrize("pattern", sorted(VALUE_TYPES))
def test_every_value_validates(rules: RuleSet, pattern: str) -> None:
    keys = _keys(rules, pattern)
    assert keys, f"no rule key matches {pattern}"
    adapter: TypeAdapter[object] = TypeAdapter(VALUE_TYPES[pattern])
    for key in keys:
        for dv in rules.param(key).values:
            adapter.validate_python(dv.value)


def test_patterns_do_not_claim_existing_keys(rules: RuleSet) -> None:
    for pattern in VALUE_TYPES:
        for key in _keys(rules, pattern):
            assert key.startswith(("736.", "744.", "740.", "746.", "ofac.")), key  # ofac.*: OFAC rules; 736.: GP4 words


def test_types_reject_unknown_fields_and_are_frozen() -> None:
    entry = Supp2Entry(eccn="3A991", category=3, roman="(3)(i)", scope="entire", text="x")
    with pytest.raises(ValidationError):
        Supp2Entry.model_validate({**entry.model_dump(), "extra": 1})
    with pytest.raises(ValidationError):
        Supp2Entry.model_validate({**entry.model_dump(), "eccn": "3A99"})
    with pytest.raises(ValidationError):
        entry.eccn = "4A994"  # type: ignore[misc]
