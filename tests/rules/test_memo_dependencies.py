"""The caller-owned cache reuses a memoised result in another rule epoch only when none of the rule keys it
read changed in between (clearance.rules.context). A result that read a changed key, a key that had no value
then, or the day itself is computed again."""

from __future__ import annotations

import datetime as dt

from clearance.model.regulation import Citation, DatedValue, Parameter, RuleSet
from clearance.rules.context import Ctx, RuleCache

D = dt.date


def _rules() -> RuleSet:
    cite = Citation("15 CFR 700.1 (test)")

    def param(key: str, *values: tuple[dt.date, dt.date | None, object]) -> Parameter:
        return Parameter(key, "700.1", "test", tuple(DatedValue(a, b, v, cite) for a, b, v in values))

    return RuleSet("test-rules@1", {
        "steady": param("steady", (D(2019, 1, 1), None, "S")),
        "moving": param("moving", (D(2019, 1, 1), D(2021, 1, 1), "M1"), (D(2021, 1, 1), None, "M2")),
        "late": param("late", (D(2022, 1, 1), None, "L")),  # no value before 2022
        "other": param("other", (D(2019, 1, 1), D(2020, 6, 1), "O1"), (D(2020, 6, 1), None, "O2")),
    })


class Counter:
    def __init__(self) -> None:
        self.calls = 0


def _ask(rules: RuleSet, cache: RuleCache, day: dt.date, key: str, reads: tuple[str, ...], counter: Counter,
         read_day: bool = False) -> tuple[object, ...]:
    ctx = Ctx(rules, day, cache)

    def compute() -> tuple[object, ...]:
        counter.calls += 1
        if read_day:
            _ = ctx.day
        return tuple(ctx.find(k) for k in reads)

    return ctx.memo(key, compute)


def test_a_result_is_reused_across_epochs_when_what_it_read_did_not_change() -> None:
    rules, cache, n = _rules(), RuleCache(), Counter()
    days = [D(2019, 3, 1), D(2020, 7, 1), D(2021, 2, 1), D(2023, 1, 1), D(2019, 5, 1)]
    assert len({rules.epoch(d) for d in days}) == 4  # "moving", "other" and "late" change in between
    answers = {_ask(rules, cache, d, "steady-only", ("steady",), n) for d in days}
    assert answers == {("S",)}
    assert n.calls == 1


def test_a_result_is_computed_again_when_a_key_it_read_changed() -> None:
    rules, cache, n = _rules(), RuleCache(), Counter()
    assert _ask(rules, cache, D(2019, 3, 1), "k", ("steady", "moving"), n) == ("S", "M1")
    assert _ask(rules, cache, D(2020, 7, 1), "k", ("steady", "moving"), n) == ("S", "M1")  # "other" changed only
    assert n.calls == 1
    assert _ask(rules, cache, D(2021, 2, 1), "k", ("steady", "moving"), n) == ("S", "M2")
    assert n.calls == 2
    # back in time: the first result again, never the later one
    assert _ask(rules, cache, D(2019, 1, 2), "k", ("steady", "moving"), n) == ("S", "M1")
    assert n.calls == 2


def test_a_key_read_without_a_value_is_a_dependency() -> None:
    rules, cache, n = _rules(), RuleCache(), Counter()
    assert _ask(rules, cache, D(2021, 6, 1), "k", ("late",), n) == (None,)
    assert _ask(rules, cache, D(2022, 6, 1), "k", ("late",), n) == ("L",)
    assert n.calls == 2


def test_a_result_that_read_the_day_is_reused_only_on_that_day() -> None:
    rules, cache, n = _rules(), RuleCache(), Counter()
    _ask(rules, cache, D(2019, 3, 1), "k", ("steady",), n, read_day=True)
    _ask(rules, cache, D(2019, 3, 1), "k", ("steady",), n, read_day=True)
    assert n.calls == 1
    _ask(rules, cache, D(2019, 3, 2), "k", ("steady",), n, read_day=True)
    assert n.calls == 2


def test_a_nested_result_passes_its_dependencies_to_the_enclosing_one() -> None:
    rules, cache = _rules(), RuleCache()
    inner, outer = Counter(), Counter()

    def ask(day: dt.date) -> object:
        ctx = Ctx(rules, day, cache)

        def compute_outer() -> object:
            outer.calls += 1

            def compute_inner() -> object:
                inner.calls += 1
                return ctx.find("moving")

            return ctx.memo("inner", compute_inner)

        return ctx.memo("outer", compute_outer)

    assert ask(D(2019, 3, 1)) == "M1"
    assert ask(D(2020, 3, 1)) == "M1"
    assert (outer.calls, inner.calls) == (1, 1)
    # the outer result read "moving" only through the inner (cached) one: it must still be recomputed
    assert ask(D(2021, 3, 1)) == "M2"
    assert (outer.calls, inner.calls) == (2, 2)


def test_a_country_group_change_is_not_answered_from_the_day_before() -> None:
    """The FDP answer is memoised per request view and country; the destination's Country Groups, read outside the
    memo, are in its key: the same order to Nicaragua on 2024-03-14 (Country Group B) and on 2024-03-15 (D:1, the NS
    FDP rule reaches it) through one caller-owned cache (adversarial R14-12, R14-13)."""
    import dataclasses
    from pathlib import Path

    from clearance.model.determination import Outcome
    from clearance.rules import NONE_FOUND, determine, load_rules
    from clearance.workflows.order_files import read_scenarios

    rules = load_rules()
    case = next(r for r, _, _ in read_scenarios(Path(__file__).with_name("adversary_round14.yaml")) if r.id == "R14-12")
    cache = RuleCache()
    before = determine(case, rules, NONE_FOUND, cache)
    after = determine(dataclasses.replace(case, date=D(2024, 3, 15)), rules, NONE_FOUND, cache)
    assert before.outcome is Outcome.NOT_SUBJECT
    assert after.outcome is Outcome.LICENSE_REQUIRED and after.subject_to_ear


def test_a_result_first_computed_late_is_reused_earlier_and_in_between() -> None:
    # (revalidation towards an earlier epoch widens the result's span downwards; a day inside the span is then a
    # plain hit, and the epoch's table of changed keys gives the same answer as the union of the boundaries)
    rules, cache, n = _rules(), RuleCache(), Counter()
    assert _ask(rules, cache, D(2023, 1, 1), "s", ("steady",), n) == ("S",)
    assert _ask(rules, cache, D(2019, 3, 1), "s", ("steady",), n) == ("S",)
    assert _ask(rules, cache, D(2021, 2, 1), "s", ("steady",), n) == ("S",)
    assert n.calls == 1
    assert _ask(rules, cache, D(2023, 1, 1), "m", ("moving",), n) == ("M2",)
    assert _ask(rules, cache, D(2019, 3, 1), "m", ("moving",), n) == ("M1",)  # "moving" changed in between
    assert _ask(rules, cache, D(2022, 6, 1), "m", ("moving",), n) == ("M2",)  # the 2023 result: nothing changed
    assert n.calls == 3
    ctx = Ctx(rules, D(2019, 3, 1), cache)
    for other in range(len(rules.change_days)):
        lo, hi = sorted((other, ctx.epoch))
        assert ctx._changed(other) == frozenset().union(*ctx._boundaries()[lo:hi])


def test_a_replayed_result_appends_the_rules_it_read_in_order() -> None:
    # the trace of a memoised result is replayed after what the answer read before it: rules new to the trace in
    # the result's order, rules already in it where they were -- computed or found in the cache, all new or not
    rules, cache = _rules(), RuleCache()

    def traced(day: dt.date, first: tuple[str, ...], key: str, reads: tuple[str, ...]) -> list[str]:
        ctx = Ctx(rules, day, cache)
        for k in first:
            ctx.find(k)
        ctx.memo(key, lambda: tuple(ctx.find(k) for k in reads))
        return list(ctx.trace)

    for _ in range(2):  # computed, then found in the cache
        assert traced(D(2019, 3, 1), ("steady",), "new", ("other", "moving")) == ["steady", "other", "moving"]
        assert traced(D(2019, 3, 1), ("moving",), "mixed", ("other", "moving", "steady")) == [
            "moving", "other", "steady"]
        assert traced(D(2019, 3, 1), (), "alone", ("moving", "steady")) == ["moving", "steady"]
