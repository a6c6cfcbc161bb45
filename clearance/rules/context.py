"""Per-determination context: reads dated rule values and records each one in the trace.

Values are memoised per (rule set, epoch): between two rule changes every date sees the same values,
so the hot path is a dict lookup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from clearance.errors import CannotClear
from clearance.model.regulation import ConsultedRule, DatedValue, RuleGap, RuleSet

T = TypeVar("T")

_MISSING = object()


class Ctx:
    __slots__ = ("day", "epoch", "memo", "reasons", "rules", "trace")

    def __init__(self, rules: RuleSet, day: dt.date) -> None:
        self.rules = rules
        self.day = day
        self.epoch = rules.epoch(day)
        self.memo = rules._memo
        self.trace: dict[str, ConsultedRule] = {}
        self.reasons: list[str] = []

    def _lookup(self, key: str) -> tuple[DatedValue, ConsultedRule] | None:
        mk = (self.epoch, key)
        hit = self.memo.get(mk, _MISSING)
        if hit is _MISSING:
            param = self.rules.parameters.get(key)
            dv = param.find(self.day) if param is not None else None
            hit = (dv, param.consulted(dv)) if param is not None and dv is not None else None
            self.memo[mk] = hit
        return hit  # type: ignore[no-any-return]

    def get(self, key: str) -> Any:
        """The value of rule ``key`` on the day; raises RuleGap (-> CANNOT_CLEAR) when undefined."""
        hit = self._lookup(key)
        if hit is None:
            param = self.rules.parameters.get(key)
            if param is None:
                raise RuleGap(f"the rule data has no rule {key!r} (on {self.day.isoformat()})")
            param.at(self.day)  # raises with the dates the data covers
            raise AssertionError("unreachable")
        self.trace.setdefault(key, hit[1])
        return hit[0].value

    def cite(self, key: str) -> str:
        """The citation text of rule ``key`` in force on the day (call after get)."""
        hit = self._lookup(key)
        return hit[1].citation.text() if hit else key

    def find(self, key: str) -> Any:
        """Like get, but None when the rule has no value on the day (nothing recorded)."""
        hit = self._lookup(key)
        if hit is None:
            return None
        self.trace.setdefault(key, hit[1])
        return hit[0].value

    def memo_call(self, key: Any, fn: Callable[[], T]) -> T:
        """``fn()`` cached per epoch with the rules it consulted (replayed into the trace on a hit)."""
        mk = (self.epoch, key)
        hit = self.memo.get(mk)
        if hit is None:
            saved, self.trace = self.trace, {}
            value: Any = None
            error: CannotClear | None = None
            try:
                value = fn()
            except CannotClear as exc:
                error = exc
            finally:
                consulted, self.trace = self.trace, saved
            hit = (value, error, tuple(consulted.items()))
            self.memo[mk] = hit
        value, error, consulted_items = hit
        for k, v in consulted_items:
            self.trace.setdefault(k, v)
        if error is not None:
            raise error
        return value  # type: ignore[no-any-return]

    def has(self, key: str) -> bool:
        return key in self.rules.parameters
