"""CCL rows without a Country Chart column (adversarial round 14): every one is read -- worldwide, named
destinations, Country Groups, or the rows a Country Chart footnote marks -- or is an open question naming the row
(``unread``); none is silently "not applicable"."""

from __future__ import annotations

import datetime as dt

from clearance.model.determination import Item, Outcome, Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine

DAY = dt.date(2025, 6, 2)


def _controls(rules: RuleSet) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    out = []
    for key, param in rules.parameters.items():
        if key.startswith("ccl."):
            for v in param.values:
                out += [(key, c) for c in (v.value or {}).get("controls", [])]
    return out


def test_every_pointer_row_is_read_or_asked(rules: RuleSet) -> None:
    kinds = {}
    for key, c in _controls(rules):
        special = c.get("special")
        if not special:
            continue
        kinds.setdefault(special["kind"], set()).add(key)
        if special["kind"] == "footnote":
            # the footnote's own requirement gives the basis: it must exist and concern this row's reason
            note = rules.parameters[f"738.footnote.{special['footnote']}"].values[0].value
            assert note["ccl_reason"] == c["reason"], (key, c)
    assert "see" not in kinds
    assert {"ccl.3B993", "ccl.1E355", "ccl.4A001"} <= kinds["unread"]
    assert "ccl.0A501" in kinds["footnote"]
    # § 742.14(a): the SI row is read, "all destinations, except Canada"
    si = [c for key, c in _controls(rules) if key == "ccl.9E003" and c["reason"] == "SI"]
    assert si and all(c["special"]["kind"] == "worldwide" and c["special"]["except"] == ["CA"] for c in si)
    assert all({"a.1", "a.5", "a.8", "h"} <= set(c["paragraphs"]) for c in si)  # "a.1 through a.8" is a range


def test_an_unread_row_is_a_question_naming_it(rules: RuleSet) -> None:
    req = Request(date=DAY, item=Item(eccn="3B994", origin="US", value=10000), to_country="DE",
                  parties=(Party(Role.ULTIMATE_CONSIGNEE, "non-listed German fab", "DE", ()),))
    d = determine(req, rules, NONE_FOUND)
    assert d.outcome is Outcome.CANNOT_CLEAR
    assert any("3B994" in r and "742.6(a)(11)" in r for r in d.reasons), d.reasons
