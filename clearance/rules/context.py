"""Per-determination context: reads dated rule values, records each one in the trace, and knows what it read.

Caching belongs to the caller (:class:`RuleCache`), never to the frozen rule set. Every key starts with the
rule set's version, so one cache may serve several rule sets (an overlay has its own version). Values are
constant between two rule changes (an *epoch*), so rule lookups are cached per epoch. A computation that
reads the date itself (``Ctx.day``: a savings clause's "ship by", a message naming the day) is marked as
day-dependent and is then cached per day instead: the cache key is every input the computation read.

Most rule changes do not touch most answers (a new Entity List group does not change the chart row for
Germany), so a memoised result also records the rule keys it read (its *dependencies*, including keys it found
without a value). A result computed in one epoch is reused in another when none of its dependencies changed
between the two (a rule key changes at a day when one of its dated values starts or ends). The reuse is exact: a
result is a function of its key, the dated values it read and (when it read it) the day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from clearance.errors import CannotClear
from clearance.model.regulation import ConsultedRule, DatedValue, RuleGap, RuleSet

T = TypeVar("T")

_MISSING = object()
_DAY = object()  # first element of the memo key of a result that read the day
_VARIANTS = 8  # results kept per memo key for reuse in other epochs (one per distinct set of dependencies)

# Rules read as an index (a mapping from a name key to what the rule says of it) whose readers depend on a few entries
# only: rule key -> the function making the index of one of its values (None when the rule has no value on the day).
# Besides the rule key itself, the change table then holds ``index_key(rule, entry)`` for each entry that is added,
# removed or changed on a day the rule changes, so that a reader can depend on the entries it looked up instead of the
# whole rule (Ctx.depend_on_entries): a party named in none of them is not resolved again when another one changes.
INDEXED_RULES: dict[str, Callable[[Any], Mapping[Any, Any]]] = {}


# Rules that are lists of words a text is searched for: rule key -> the words of one of its values, in order. The
# change table then also holds ``index_key(rule, word)`` for each word added or removed on a day the rule changes
# (every word of both values when the order of the words they share changes), so that the words found in a text
# depend only on the words the text has (Ctx.depend_on_words).
WORD_RULES: dict[str, Callable[[Any], Sequence[str]]] = {}


def index_key(rule: str, entry: Hashable) -> str:
    """The dependency key of ``entry`` of the index of ``rule`` (see INDEXED_RULES): never a rule key."""
    return f"{rule}#{entry}"


class Key:
    """A memo key whose hash is computed once: a determination's key holds the whole request and every resolved
    party, and is looked up several times per answer."""

    __slots__ = ("_hash", "value")

    def __init__(self, value: Hashable) -> None:
        self.value = value
        self._hash = hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, Key) and self._hash == other._hash and self.value == other.value)

    def __repr__(self) -> str:
        return f"Key({self.value!r})"


def fields_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """The fields of a dataclass instance as one tuple, in declaration order: equal exactly when the instances
    are (for instances of ``cls`` itself), but hashed and compared in C where the dataclass's own ``__hash__``
    and ``__eq__`` are Python functions. For memo keys."""
    return operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))


def _slotted_fields(cls: type) -> list[dataclasses.Field[Any]]:
    fields = list(dataclasses.fields(cls))
    if "__dict__" in dir(cls) or hasattr(cls, "__post_init__") \
            or {f.name for f in fields} != set(getattr(cls, "__slots__", ())):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass without __post_init__")
    return fields


def _builder(cls: type, fields: list[dataclasses.Field[Any]]) -> type | None:
    """A plain (not frozen) class with the slots of ``cls``, whose instances can become instances of ``cls`` by
    ``__class__`` assignment (the same slots: the same memory layout, which CPython checks), or None."""
    builder = type(f"_{cls.__name__}Builder", (), {"__slots__": tuple(f.name for f in fields), "__module__": __name__})
    probe: Any = object.__new__(builder)
    try:
        probe.__class__ = cls
    except TypeError:
        return None
    return builder


def _generate(cls: type, params: str, fields: list[dataclasses.Field[Any]], value: Callable[[str], str],
              env: dict[str, Any]) -> Any:
    """A function ``(params) -> instance of cls`` (the code is generated from the dataclass's own field names, like
    the dataclass's ``__init__``). It fills an instance of a plain class with the same slots (each field a plain
    attribute store, which the interpreter specialises; a frozen class's own ``__setattr__`` refuses them) and then
    makes it an instance of ``cls`` (``__class__`` assignment, allowed between classes of the same layout); where
    that is not allowed, it writes each slot through the descriptor of ``cls``."""
    frozen = bool(cls.__dataclass_params__.frozen)  # type: ignore[attr-defined]
    builder = _builder(cls, fields) if frozen else None
    env.update(_new=object.__new__, _cls=cls, _builder=builder)
    if not frozen:  # (a plain slotted dataclass: its own slots take plain attribute stores)
        lines = [f"def make({params}):", "    o = _new(_cls)"]
        lines.extend(f"    o.{f.name} = {value(f.name)}" for f in fields)
    elif builder is not None:
        lines = [f"def make({params}):", "    o = _new(_builder)"]
        lines.extend(f"    o.{f.name} = {value(f.name)}" for f in fields)
        lines.append("    o.__class__ = _cls")
    else:
        lines = [f"def make({params}):", "    o = _new(_cls)"]
        for f in fields:
            env[f"_set_{f.name}"] = getattr(cls, f.name).__set__
            lines.append(f"    _set_{f.name}(o, {value(f.name)})")
    lines.append("    return o")
    exec("\n".join(lines), env)
    return env["make"]


def constructor(cls: type[T]) -> Callable[..., T]:
    """The ``__init__`` of a slotted dataclass without ``__post_init__`` (same parameters and defaults; a default
    factory is called for each instance that is not given the field, as the dataclass's ``__init__`` does), several
    times as fast for a frozen one, whose ``__init__`` sets each field through ``object.__setattr__`` (see
    _generate), and without the class call's overhead for the others."""
    fields = _slotted_fields(cls)
    env: dict[str, Any] = {"_FACTORY": _MISSING}
    params = []
    factories = set()
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:
            env[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            factories.add(f.name)
        elif f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    return _generate(cls, ", ".join(params), fields,  # type: ignore[no-any-return]
                     lambda name: f"_factory_{name}() if {name} is _FACTORY else {name}" if name in factories
                     else name, env)


def copier(cls: type[T], *changed: str) -> Callable[..., T]:
    """``f(instance, *values)``: a copy of an instance of a frozen, slotted dataclass without ``__post_init__``
    with the fields ``changed`` set to ``values`` (``dataclasses.replace``, several times as fast as the dataclass's
    ``__init__``: see _generate). A cached answer is copied once per request that reuses it."""
    fields = _slotted_fields(cls)
    if not set(changed) <= {f.name for f in fields}:
        raise TypeError(f"copier: {cls.__name__} has no field among {changed}")
    return _generate(cls, ", ".join(("_src", *changed)), fields,  # type: ignore[no-any-return]
                     lambda name: name if name in changed else f"_src.{name}", {})


class RuleCache:
    """A caller-owned memo for one or more rule sets: rule lookups, sub-results and whole answers.

    Bounded: when it holds more than ``limit`` entries it is emptied (answers are recomputed, never wrong).
    """

    __slots__ = ("data", "frozen", "hits", "identities", "interned", "limit", "lines", "memos", "misses",
                 "next_token", "tokens", "traces")

    def __init__(self, limit: int = 500_000) -> None:
        self.data: dict[Hashable, Any] = {}
        self.memos: dict[str, dict[Hashable, Any]] = {}  # rule-set version -> memo key -> results
        self.tokens: dict[Hashable, int] = {}  # value -> small int standing for it in memo keys
        self.next_token = 0  # (never reused: a key made with a forgotten token can never match another value)
        self.interned: dict[frozenset[str], frozenset[str]] = {}  # one copy of each memo dependency set
        self.identities: dict[int, tuple[Any, int]] = {}  # id(object) -> (object, its token): see token_of
        # id(dated value) -> (it, its trace line): one summary per dated value, not one per value and epoch
        self.lines: dict[int, tuple[DatedValue, ConsultedRule]] = {}
        self.frozen: dict[int, tuple[DatedValue, frozenset[Any]]] = {}  # id(dated value) -> it, frozenset(its value)
        # the ids of a trace's rules -> one tuple of them: see rule_tuple
        self.traces: dict[tuple[int, ...], tuple[ConsultedRule, ...]] = {}
        self.limit = limit
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, default: Any = None) -> Any:
        return self.data.get(key, default)

    def put(self, key: Hashable, value: Any) -> None:
        if len(self.data) >= self.limit:
            self.data.clear()
        self.data[key] = value

    def token(self, value: Hashable) -> int:
        """A small integer for ``value``, equal for equal values: a cheap stand-in for it in memo keys."""
        tokens = self.tokens
        if len(tokens) >= self.limit:
            tokens.clear()
            self.identities.clear()
        new = self.next_token
        found = tokens.setdefault(value, new)  # (one hash of the value: a bill of materials hashes Fractions)
        if found == new:
            self.next_token = new + 1
        return found

    def token_of(self, value: Hashable) -> int:
        """``token(value)``, found by identity when this very object was tokenised before (a memoised result
        handed to many answers, e.g. a resolved party): no hashing or comparing of its fields. The object is kept
        alive by the table, so its id cannot be reused."""
        return self.identified(value)[1]

    def identified(self, value: T) -> tuple[T, int]:
        """``(value, token(value))``, one pair per object (see token_of)."""
        found = self.identities.get(id(value))
        if found is not None and found[0] is value:
            return found
        pair = (value, self.token(value))
        self.identities[id(value)] = pair
        return pair

    def rule_tuple(self, rules: Iterable[ConsultedRule]) -> tuple[ConsultedRule, ...]:
        """``tuple(rules)``, one object for every equal sequence of the same rules: the answers kept by the cache
        share their traces (20,000 answers have ~2,000 distinct ones), so that the garbage collector has fewer
        objects to walk. Found by the ids of the rules: the tuple kept holds them, so no id in a key can be reused
        while it is kept."""
        found = tuple(rules)
        traces = self.traces
        key = tuple(map(id, found))
        kept = traces.get(key)
        if kept is not None:
            return kept
        if len(traces) >= self.limit:
            traces.clear()
        traces[key] = found
        return found

    def __len__(self) -> int:
        return len(self.data) + sum(len(m) for m in self.memos.values())


class Ctx:
    __slots__ = ("_day", "cache", "changed", "data", "day_read", "deps", "epoch", "memos", "rulemap", "rules",
                 "trace", "version")

    def __init__(self, rules: RuleSet, day: dt.date, cache: RuleCache | None = None) -> None:
        self.rules = rules
        self.version = version = rules.version
        self._day = day
        self.cache = cache = cache if cache is not None else RuleCache()
        self.data = data = cache.data  # the hot path reads the dict directly
        dk = ("day", version, day)
        found: tuple[int, dict[Hashable, Any], dict[str, Any], dict[int, frozenset[str]]] | None = data.get(dk)
        if found is None:  # (once per day: the day's epoch, the rule set's memos and the epoch's rule lookups)
            epoch = rules.epoch(day)
            memos = cache.memos.get(version)
            if memos is None:
                memos = cache.memos[version] = {}
            rk = ("rules", version, epoch)
            rulemap = data.get(rk)
            if rulemap is None:
                rulemap = data[rk] = {}
            ck = ("changed since", version, epoch)
            changed = data.get(ck)
            if changed is None:
                changed = data[ck] = {}
            found = data[dk] = (epoch, memos, rulemap, changed)
        self.epoch: int = found[0]
        self.memos: dict[Hashable, Any] = found[1]  # memoised results of this rule set
        self.rulemap: dict[str, Any] = found[2]  # rule key -> (value, trace line) or None, in this epoch
        self.changed: dict[int, frozenset[str]] = found[3]  # another epoch -> _changed(it), in this epoch
        self.trace: dict[str, ConsultedRule] = {}
        self.day_read = False
        self.deps: set[str] | None = None  # inside a memoised computation: every rule key it read (or found empty)

    @property
    def day(self) -> dt.date:
        """The determination date; reading it makes the current computation day-dependent for the cache."""
        self.day_read = True
        return self._day

    def _lookup(self, key: str) -> tuple[DatedValue, ConsultedRule] | None:
        hit = self.rulemap.get(key, _MISSING)  # (one dict per rule epoch: no tuple key to build per lookup)
        if hit is _MISSING:
            param = self.rules.parameters.get(key)
            dv = param.find(self._day) if param is not None else None
            if param is None or dv is None:
                hit = None
            else:
                hit = self.cache.lines.get(id(dv))
                if hit is None or hit[0] is not dv or hit[1].key != key or hit[1].section != param.section:
                    hit = self.cache.lines[id(dv)] = (dv, param.consulted(dv))
            self.rulemap[key] = hit
        if self.deps is not None:
            self.deps.add(key)
        return hit  # type: ignore[no-any-return]

    def get(self, key: str) -> Any:
        """The value of rule ``key`` on the day; raises RuleGap (-> CANNOT_CLEAR, a data gap) when undefined."""
        hit = self.rulemap.get(key, _MISSING)  # (the common case inline: the epoch's lookup is known)
        if hit is _MISSING:
            hit = self._lookup(key)
        elif self.deps is not None:
            self.deps.add(key)
        if hit is None:
            param = self.rules.parameters.get(key)
            if param is None:
                raise RuleGap(f"the rule data has no rule {key!r} (on {self.day.isoformat()})", rule=key)
            param.at(self.day)  # raises with the dates the data covers
            raise AssertionError("unreachable")
        self.trace.setdefault(key, hit[1])
        return hit[0].value

    def get_frozenset(self, key: str) -> frozenset[Any]:
        """``frozenset(self.get(key))``, made once per dated value: the same object on every call, so its hash (in
        memo keys) is computed once."""
        hit = self.rulemap.get(key, _MISSING)  # (the common case inline: the epoch's lookup is known)
        if hit is _MISSING:
            hit = self._lookup(key)
        elif self.deps is not None:
            self.deps.add(key)
        if hit is None:
            return frozenset(self.get(key))  # raises
        self.trace.setdefault(key, hit[1])
        dv = hit[0]
        found = self.cache.frozen.get(id(dv))
        if found is None or found[0] is not dv:
            found = self.cache.frozen[id(dv)] = (dv, frozenset(dv.value))
        return found[1]

    def cite(self, key: str) -> str:
        """The citation text of rule ``key`` in force on the day (call after get)."""
        hit = self._lookup(key)
        return hit[1].citation.text() if hit else key

    def find(self, key: str) -> Any:
        """Like get, but None when the rule has no value on the day (nothing recorded)."""
        hit = self.rulemap.get(key, _MISSING)  # (the common case inline: the epoch's lookup is known)
        if hit is _MISSING:
            hit = self._lookup(key)
        elif self.deps is not None:
            self.deps.add(key)
        if hit is None:
            return None
        self.trace.setdefault(key, hit[1])
        return hit[0].value

    def memo(self, key: Hashable, fn: Callable[..., T], *args: Any, replay: bool = True) -> T:
        """``fn(*args)`` cached under ``key`` (which must hold every argument ``fn`` reads besides the rules, the
        date and ``self``); the rules it consulted are replayed into the trace and a CannotClear it raised is raised
        again. (The arguments are passed, not closed over: no function object is made per call.)
        A result is reused on any day for which none of the rule keys it read changed since the day it was
        computed (see the module docstring), or only on its own day when ``fn`` read the day."""
        # (the common case inline: the key's newest result is valid in this epoch -- as in entry, without its frame)
        hit = self.memos.get(key)
        if hit is not None and hit[5] <= self.epoch <= hit[6]:
            self.cache.hits += 1
            if hit[3]:
                self.day_read = True
            if self.deps is not None:
                self.deps |= hit[4]
        else:
            hit = self.entry(key, fn, replay, *args)
        if replay:  # (a caller whose value carries its own trace may skip this)
            trace, found = self.trace, hit[2]
            if found is None:
                raise AssertionError(f"memo key {key!r} was memoised without replay and asked with it")
            if not trace or trace.keys().isdisjoint(found):  # (all of them new: appended in order, in C)
                trace.update(found)
            elif not found.keys() <= trace.keys():
                for k, c in found.items():
                    trace.setdefault(k, c)
        if hit[1] is not None:
            raise hit[1].with_traceback(None)  # (else each raise would add its frames to the cached error's)
        return hit[0]  # type: ignore[no-any-return]

    def entry(self, key: Hashable, fn: Callable[..., Any], replay: bool = True, *args: Any) -> list[Any]:
        """The memo's record of ``fn(*args)`` under ``key`` (see memo), computed if need be, neither replayed into
        the trace nor raised: [value, error (a CannotClear or None), trace (rule key -> rule; None when memoised
        without replay), ...]. For a caller that replays the trace itself."""
        memos = self.memos
        # the newest result of the key, which links to the older ones (one per distinct set of dependencies):
        # v = [value, error, trace (key -> rule), read the day, deps, first epoch, last epoch, older result]
        head: list[Any] | None = memos.get(key)
        hit = None
        epoch = self.epoch
        if head is not None and head[5] <= epoch <= head[6]:
            hit = head  # (the newest result, valid in this epoch: the common case)
        elif head is not None:
            changed = self.changed  # (_changed's table of this epoch, read inline: no call per result looked at)
            v: list[Any] | None = head
            while v is not None:
                first, last = v[5], v[6]
                if first <= epoch <= last:
                    hit = v
                    break
                other = first if epoch < first else last
                keys = changed.get(other)
                if keys is None:
                    keys = self._changed(other)
                if v[4].isdisjoint(keys):
                    if epoch < first:  # valid over the whole span between
                        v[5] = epoch
                    else:
                        v[6] = epoch
                    hit = v
                    break
                v = v[7]
        if hit is None:
            hit = memos.get((_DAY, self._day, key))
        if hit is None:
            saved_trace, saved_read, saved_deps = self.trace, self.day_read, self.deps
            self.trace, self.day_read, self.deps = {}, False, set()
            value: Any = None
            error: CannotClear | None = None
            try:
                value = fn(*args)
            except CannotClear as exc:
                error = exc
            finally:
                consulted, read, deps = self.trace, self.day_read, self.deps
                self.trace, self.day_read, self.deps = saved_trace, saved_read or read, saved_deps
            if error is not None:
                error.__traceback__ = None  # (the frames it went through are not kept alive by the cache)
            frozen = frozenset(deps or ())
            frozen = self.cache.interned.setdefault(frozen, frozen)  # (few distinct sets: fewer objects to collect)
            # (a result memoised without replay keeps no trace: its key must always be memoised without)
            hit = [value, error, consulted if replay else None, read, frozen, self.epoch, self.epoch, None]
            if len(memos) >= self.cache.limit:
                memos.clear()
                head = None
            if read:
                memos[(_DAY, self._day, key)] = hit
            else:
                memos[key] = hit
                if head is not None:  # keep the newest _VARIANTS results
                    hit[7] = v = head
                    for _ in range(_VARIANTS - 2):
                        if v[7] is None:
                            break
                        v = v[7]
                    v[7] = None
            self.cache.misses += 1
        else:
            self.cache.hits += 1
            self.day_read = self.day_read or hit[3]
        if self.deps is not None:
            self.deps |= hit[4]
        return hit

    def _changed(self, other: int) -> frozenset[str]:
        """The rule keys whose value changes between epoch ``other`` and this determination's epoch."""
        found = self.changed.get(other)  # (this epoch's own table: an int key, no tuple to build and hash)
        if found is None:
            lo, hi = (other, self.epoch) if other < self.epoch else (self.epoch, other)
            ck = ("changed", self.version, lo, hi)
            found = self.data.get(ck)
            if found is None:
                at = self._boundaries()
                found = frozenset().union(*at[lo:hi])
                self.data[ck] = found
            self.changed[other] = found
        return found

    def _boundaries(self) -> tuple[frozenset[str], ...]:
        """For each rule change day (``RuleSet.change_days``), the keys with a value starting or ending on it."""
        bk = ("boundaries", self.version, tuple(INDEXED_RULES.items()), tuple(WORD_RULES.items()))
        found: tuple[frozenset[str], ...] | None = self.data.get(bk)
        if found is None:
            index = {day: i for i, day in enumerate(self.rules.change_days)}
            keys: list[set[str]] = [set() for _ in self.rules.change_days]
            for param in self.rules.parameters.values():
                indexed = INDEXED_RULES.get(param.key)
                words_of = WORD_RULES.get(param.key)
                for dv in param.values:
                    for day in (dv.start, dv.end):
                        if day is None:
                            continue
                        keys[index[day.toordinal()]].add(param.key)
                        if indexed is not None:  # the entries of the index that differ from the day before
                            before = param.find(day - dt.timedelta(days=1))
                            after = param.find(day)
                            old = indexed(before.value if before is not None else None)
                            new = indexed(after.value if after is not None else None)
                            keys[index[day.toordinal()]].update(
                                index_key(param.key, k) for k in old.keys() | new.keys()
                                if old.get(k, _MISSING) != new.get(k, _MISSING))
                        if words_of is not None:  # the words added or removed (all of them when the order changes)
                            before = param.find(day - dt.timedelta(days=1))
                            after = param.find(day)
                            was = list(words_of(before.value)) if before is not None else []
                            now = list(words_of(after.value)) if after is not None else []
                            in_was, in_now = set(was), set(now)
                            same_order = [w for w in was if w in in_now] == [w for w in now if w in in_was]
                            keys[index[day.toordinal()]].update(
                                index_key(param.key, w) for w in (in_was ^ in_now if same_order else in_was | in_now))
            found = tuple(frozenset(k) for k in keys)
            self.data[bk] = found
        return found

    def depend_on_entries(self, rule: str, entries: Iterable[Hashable]) -> None:
        """Record that the current computation read ``entries`` of the index of ``rule`` (INDEXED_RULES) and nothing
        else of it: it is then computed again in another epoch only when one of them changed in between."""
        if self.deps is not None:
            self.deps.update(index_key(rule, e) for e in entries)

    def every_word(self, rule: str) -> frozenset[str]:
        """Every word of every value of rule ``rule`` (WORD_RULES), made once per rule set."""
        hk = ("every word", self.version, rule)
        words: frozenset[str] | None = self.data.get(hk)
        if words is None:
            param = self.rules.parameters.get(rule)
            words_of = WORD_RULES[rule]
            words = frozenset(w for dv in (param.values if param is not None else ()) for w in words_of(dv.value))
            self.data[hk] = words
        return words

    def depend_on_words(self, rule: str, has: Callable[[str], bool]) -> None:
        """Record that the current computation read, of rule ``rule`` (WORD_RULES), only whether each of its words is
        one that ``has`` accepts (a word of the text searched): it is then computed again in another epoch only when
        such a word (among the words of any of the rule's values) was added or removed in between."""
        if self.deps is None:
            return
        self.deps.update(index_key(rule, w) for w in self.every_word(rule) if has(w))

    def depend_on_found_words(self, rule: str, found: Iterable[str]) -> None:
        """``depend_on_words(rule, has)`` for a caller that has itself selected, of ``every_word(rule)``, the words
        ``found`` that ``has`` accepts (each test made inline, without a call per word)."""
        if self.deps is not None:
            self.deps.update(index_key(rule, w) for w in found)

    def untracked(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` without recording the rule keys it reads as dependencies of the current
        computation: for a caller that records narrower ones itself (depend_on_entries, depend_on_words)."""
        deps, self.deps = self.deps, None
        try:
            return fn(*args, **kwargs)
        finally:
            self.deps = deps

    def has(self, key: str) -> bool:
        return key in self.rules.parameters
