"""The issue-9 scenario file is well formed: enough scenarios, known outcome names, both sides of each change."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

FILE = Path(__file__).resolve().parents[2] / "tests" / "rules" / "own_scenarios_744.yaml"
OUTCOMES = {"NOT_SUBJECT", "NO_LICENSE_REQUIRED", "LICENSE_EXCEPTION", "LICENSE_REQUIRED", "PROHIBITED", "CANNOT_CLEAR"}


def _scenarios() -> list[dict[str, Any]]:
    return list(yaml.load(FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["scenarios"])


def test_at_least_sixty_scenarios_with_unique_ids() -> None:
    ids = [s["id"] for s in _scenarios()]
    assert len(ids) >= 60 and len(ids) == len(set(ids))


def test_outcomes_use_the_cfr_spelling_and_agree_with_the_flags() -> None:
    for s in _scenarios():
        exp = s["expected"]
        assert exp["outcome"] in OUTCOMES, s["id"]
        if exp["outcome"] == "CANNOT_CLEAR":
            assert exp.get("license_required") == "indeterminate", s["id"]
        if exp["outcome"] in {"NO_LICENSE_REQUIRED", "LICENSE_EXCEPTION", "NOT_SUBJECT"}:
            assert exp.get("license_required") is False, s["id"]
        if exp["outcome"] == "LICENSE_REQUIRED":  # the bases, or the open point beside a certain requirement
            assert exp.get("license_required") is True and (exp.get("bases") or exp.get("to_confirm")), s["id"]


def test_each_dated_change_has_the_day_before_and_the_day_of() -> None:
    # the changes issue 9 dates: (destination, first day) pairs whose day before must also be a scenario
    changes = {
        ("SD", "2020-12-14"),
        ("MM", "2021-03-08"),
        ("KH", "2021-12-09"),
        ("NI", "2024-03-15"),
        ("RU", "2022-02-24"),
        ("BY", "2022-03-02"),
        ("CN", "2021-03-16"),
        ("MM", "2021-04-09"),
        ("KZ", "2024-03-21"),
        ("MK", "2020-03-27"),  # North Macedonia joins NATO: § 740.2(a)(4)(i)
    }
    days: dict[str, set[dt.date]] = defaultdict(set)
    for s in _scenarios():
        days[s["route"]["to"]].add(dt.date.fromisoformat(str(s["date"])))
    for country, first in changes:
        day = dt.date.fromisoformat(first)
        assert day in days[country], (country, first)
        before = {day - dt.timedelta(days=1), day - dt.timedelta(days=2), day - dt.timedelta(days=3)}
        assert days[country] & before, (country, "day before", first)
