"""Per-determination context: reads dated rule values, records each one in the trace, and knows what it read.

Caching belongs to the caller (:class:`RuleCache`), never to the frozen rule set. Every key starts with the
rule set's version, so one cache may serve several rule sets (an overlay has its own version). Values are
constant between two rule changes (an *epoch*), so rule lookups are cached per epoch. A computation that
reads the date itself (``Ctx.day``: a savings clause's "ship by", a message naming the day) is marked as
day-dependent and is then cached per day instead: the cache key is every input the computation read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from clearance.errors import CannotClear
from clearance.model.regulation import ConsultedRule, DatedValue, RuleGap, RuleSet

T = TypeVar("T")

_MISSING = object()
DAY_DEPENDENT = object()  # marker stored under an epoch key: look the answer up by day


class RuleCache:
    """A caller-owned memo for one or more rule sets: rule lookups, sub-results and whole answers.

    Bounded: when it holds more than ``limit`` entries it is emptied (answers are recomputed, never wrong).
    """

    __slots__ = ("data", "hits", "limit", "misses")

    def __init__(self, limit: int = 500_000) -> None:
        self.data: dict[Hashable, Any] = {}
        self.limit = limit
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, default: Any = None) -> Any:
        return self.data.get(key, default)

    def put(self, key: Hashable, value: Any) -> None:
        if len(self.data) >= self.limit:
            self.data.clear()
        self.data[key] = value

    def __len__(self) -> int:
        return len(self.data)


class Ctx:
    __slots__ = ("_day", "cache", "data", "day_read", "epoch", "rules", "trace", "version")

    def __init__(self, rules: RuleSet, day: dt.date, cache: RuleCache | None = None) -> None:
        self.rules = rules
        self.version = rules.version
        self._day = day
        self.epoch = rules.epoch(day)
        self.cache = cache if cache is not None else RuleCache()
        self.data = self.cache.data  # the hot path reads the dict directly
        self.trace: dict[str, ConsultedRule] = {}
        self.day_read = False

    @property
    def day(self) -> dt.date:
        """The determination date; reading it makes the current computation day-dependent for the cache."""
        self.day_read = True
        return self._day

    def _lookup(self, key: str) -> tuple[DatedValue, ConsultedRule] | None:
        mk = ("rule", self.version, self.epoch, key)
        hit = self.data.get(mk, _MISSING)
        if hit is _MISSING:
            param = self.rules.parameters.get(key)
            dv = param.find(self._day) if param is not None else None
            hit = (dv, param.consulted(dv)) if param is not None and dv is not None else None
            if len(self.data) >= self.cache.limit:
                self.data.clear()
            self.data[mk] = hit
        return hit  # type: ignore[no-any-return]

    def get(self, key: str) -> Any:
        """The value of rule ``key`` on the day; raises RuleGap (-> CANNOT_CLEAR, a data gap) when undefined."""
        hit = self._lookup(key)
        if hit is None:
            param = self.rules.parameters.get(key)
            if param is None:
                raise RuleGap(f"the rule data has no rule {key!r} (on {self.day.isoformat()})", rule=key)
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

    def memo(self, key: Hashable, fn: Callable[[], T], replay: bool = True) -> T:
        """``fn()`` cached under ``key`` (which must hold every argument ``fn`` reads besides the rules and the
        date) per epoch, or per day when ``fn`` read the day; the rules it consulted are replayed into the trace
        and a CannotClear it raised is raised again."""
        ek = ("memo", self.version, self.epoch, key)
        hit = self.data.get(ek)
        if hit is DAY_DEPENDENT:
            hit = self.data.get(("memo-day", self.version, self._day, key))
        if hit is None:
            saved_trace, saved_read = self.trace, self.day_read
            self.trace, self.day_read = {}, False
            value: Any = None
            error: CannotClear | None = None
            try:
                value = fn()
            except CannotClear as exc:
                error = exc
            finally:
                consulted, read = self.trace, self.day_read
                self.trace, self.day_read = saved_trace, saved_read or read
            hit = (value, error, tuple(consulted.values()), read)  # one tuple: few objects for the collector
            data = self.data
            if len(data) >= self.cache.limit:
                data.clear()
            if read:
                data[ek] = DAY_DEPENDENT
                data[("memo-day", self.version, self._day, key)] = hit
            else:
                data[ek] = hit
            self.cache.misses += 1
        else:
            self.cache.hits += 1
            self.day_read = self.day_read or hit[3]
        value, error, replayed, _ = hit
        if replay:  # (a caller whose value carries its own trace may skip this)
            trace = self.trace
            for c in replayed:
                trace.setdefault(c.key, c)
        if error is not None:
            raise error
        return value  # type: ignore[no-any-return]

    def has(self, key: str) -> bool:
        return key in self.rules.parameters
