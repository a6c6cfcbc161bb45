"""Regulations as data: dated, cited values (the OpenFisca "parameter" idea applied to the EAR).

A :class:`Parameter` is one named rule value (e.g. the review policy of the Huawei Entity List entry)
whose value changes over time. Each :class:`DatedValue` holds the value in force from ``start``
(inclusive) to ``end`` (exclusive, ``None`` = open) with its :class:`Citation`. Asking for a date
before the first value or inside a gap raises :class:`RuleGap` (a :class:`CannotClear`): the engine
never guesses a rule it does not have.

A :class:`RuleSet` is the frozen, picklable collection of every parameter plus the version string of
the rule data it was loaded from. Overlays return a new rule set; the original is never changed.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from clearance.errors import CannotClear


class RuleGap(CannotClear):
    """A data gap: the rule data has no value for a rule on the date, or does not model what the case needs."""

    def __init__(self, reason: str, *, rule: str | None = None) -> None:
        super().__init__(reason)
        self.rule = rule


class MissingFact(CannotClear):
    """An open question: the request does not state a fact the rules need (``fact`` names the order field)."""

    def __init__(self, reason: str, *, fact: str | None = None) -> None:
        super().__init__(reason)
        self.fact = fact


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a value comes from: the CFR provision, the Federal Register document and how it was checked."""

    cite: str  # e.g. "15 CFR 744.11(a); Supp. 4 to Part 744, Huawei entry"
    fr: str | None = None  # e.g. "84 FR 22961"
    verification: str | None = None  # tag of ear-spec.md § 0.1, e.g. "FR+2nd", "eCFR-d 2026-07-23"
    note: str | None = None
    source: str | None = None  # "file.yaml:line" of the value in the rule data

    def text(self) -> str:
        return f"{self.cite} ({self.fr})" if self.fr and self.fr not in self.cite else self.cite


@dataclass(frozen=True, slots=True)
class DatedValue:
    start: dt.date
    end: dt.date | None  # exclusive
    value: Any  # plain data (str, int, bool, list, dict) -- never mutated
    citation: Citation

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ConsultedRule:
    """One trace line: which parameter was read, the value in force and its citation."""

    key: str
    section: str
    start: dt.date
    end: dt.date | None
    summary: str
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.key,
            "section": self.section,
            "effective": self.start.isoformat(),
            "until": (self.end - dt.timedelta(days=1)).isoformat() if self.end else None,  # last day
            "value": self.summary,
            "cite": self.citation.cite,
            "fr": self.citation.fr,
            "verification": self.citation.verification,
            "source": self.citation.source,
        }


@dataclass(frozen=True, slots=True)
class Parameter:
    key: str
    section: str  # CFR section the value belongs to, e.g. "744.11" (used by `rules show`)
    description: str
    values: tuple[DatedValue, ...]  # sorted by start, non-overlapping
    starts: tuple[int, ...] = field(default=(), compare=False, repr=False)  # ordinals of starts

    def __post_init__(self) -> None:
        if not self.starts:
            object.__setattr__(self, "starts", tuple(v.start.toordinal() for v in self.values))

    def find(self, day: dt.date) -> DatedValue | None:
        i = bisect.bisect_right(self.starts, day.toordinal()) - 1
        if i < 0:
            return None
        dv = self.values[i]
        return dv if dv.end is None or day < dv.end else None

    def at(self, day: dt.date) -> DatedValue:
        dv = self.find(day)
        if dv is None:
            first = self.values[0].start.isoformat() if self.values else "never"
            raise RuleGap(
                f"rule {self.key} (§ {self.section}) has no value on {day.isoformat()} "
                f"(data begins {first}); cannot decide without it",
                rule=self.key,
            )
        return dv

    def consulted(self, dv: DatedValue) -> ConsultedRule:
        return ConsultedRule(self.key, self.section, dv.start, dv.end, summarise(dv.value), dv.citation)


def summarise(value: Any, limit: int = 160) -> str:
    if isinstance(value, dict) and "controls" in value:  # a CCL entry: its controls, not its text
        parts = [f"{c.get('column') or c.get('reason')} ({c.get('scope')})" for c in value["controls"]]
        return summarise("controls: " + ", ".join(parts), limit)
    if isinstance(value, list | tuple):
        text = ", ".join(summarise(v, 60) for v in value)
    elif isinstance(value, dict):
        text = "; ".join(f"{k}={summarise(v, 60)}" for k, v in value.items())
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class RuleSet:
    """Every parameter of the rule data, frozen. ``version`` identifies the data (sha256 prefix + overlays).

    It holds no memo: caches belong to the caller (clearance.rules.context.RuleCache), keyed by the version.
    """

    version: str
    parameters: dict[str, Parameter]
    overlays: tuple[str, ...] = ()
    change_days: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.change_days:
            days: set[int] = set()
            for p in self.parameters.values():
                for v in p.values:
                    days.add(v.start.toordinal())
                    if v.end is not None:
                        days.add(v.end.toordinal())
            object.__setattr__(self, "change_days", tuple(sorted(days)))

    def __getstate__(self) -> dict[str, Any]:
        return {"version": self.version, "parameters": self.parameters, "overlays": self.overlays}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "version", state["version"])
        object.__setattr__(self, "parameters", state["parameters"])
        object.__setattr__(self, "overlays", state["overlays"])
        object.__setattr__(self, "change_days", ())
        self.__post_init__()

    def epoch(self, day: dt.date) -> int:
        """Index of the interval between rule changes that contains ``day`` (same epoch = same rules)."""
        return bisect.bisect_right(self.change_days, day.toordinal())

    def param(self, key: str) -> Parameter:
        try:
            return self.parameters[key]
        except KeyError:
            raise RuleGap(f"the rule data has no rule {key!r}", rule=key) from None

    def has(self, key: str) -> bool:
        return key in self.parameters

    def in_section(self, section: str) -> list[Parameter]:
        return [
            p
            for p in self.parameters.values()
            if p.section == section or p.section.startswith(section + "(") or p.section.startswith(section + ".")
        ]
