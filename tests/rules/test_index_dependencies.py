"""A party's resolution depends on the entries of the § 744.22(f)(2) organisations index its name looks up, not on
the whole rule (clearance.rules.context.INDEXED_RULES): a change of another organisation's entry does not make it be
computed again, a change of its own entry (added, changed, removed, the rule ending) does."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from clearance.model.regulation import Citation, DatedValue, Parameter, RuleSet
from clearance.rules import load_rules
from clearance.rules.context import INDEXED_RULES, WORD_RULES, Ctx, RuleCache, index_key
from clearance.rules.end_user_names import region_places
from clearance.rules.parties import ORGANISATIONS, _org_index, mieu_organisation

D = dt.date


def _orgs(*orgs: tuple[str, str]) -> dict[str, Any]:
    return {"organisations": [{"names": [name], "paragraph": para, "country": "CN"} for name, para in orgs]}


def _rules() -> RuleSet:
    cite = Citation("15 CFR 744.22(f)(2) (test)")
    values = (
        DatedValue(D(2019, 1, 1), D(2020, 1, 1), _orgs(("Alpha Academy", "(f)(2)(i)")), cite),
        DatedValue(D(2020, 1, 1), D(2021, 1, 1), _orgs(("Alpha Academy", "(f)(2)(i)"), ("Beta Bureau", "(f)(2)(ii)")),
                   cite),
        DatedValue(D(2021, 1, 1), D(2022, 1, 1), _orgs(("Alpha Academy", "(f)(2)(iii)"), ("Beta Bureau", "(f)(2)(ii)")),
                   cite),
    )  # (no value from 2022)
    return RuleSet("test-orgs@1", {ORGANISATIONS: Parameter(ORGANISATIONS, "744.22", "test", values)})


DAYS = [D(2019, 6, 1), D(2020, 6, 1), D(2021, 6, 1), D(2022, 6, 1)]  # one day in each epoch


def _memo_runs(rules: RuleSet, days: list[D], read: Any, name: str) -> tuple[list[Any], int]:
    """``read(ctx, name)`` memoised on each of ``days`` in one cache: the answers, and how often it was computed."""
    cache, calls = RuleCache(), [0]
    answers = []
    for day in days:
        ctx = Ctx(rules, day, cache)

        def compute(ctx: Ctx = ctx) -> Any:
            calls[0] += 1
            return read(ctx, name)

        answers.append(ctx.memo(("party", name), compute))
    return answers, calls[0]


def _answers(name: str) -> tuple[list[Any], int]:
    return _memo_runs(_rules(), DAYS, mieu_organisation, name)


def test_a_name_no_entry_names_is_resolved_once() -> None:
    assert _answers("Gamma Trading") == ([None] * 4, 1)


def test_a_name_is_resolved_again_when_its_entry_is_added_or_removed() -> None:
    answers, calls = _answers("Beta Bureau")
    assert answers == [None, ("(f)(2)(ii)", "CN"), ("(f)(2)(ii)", "CN"), None]
    # added on 2020-01-01, gone with the rule on 2022-01-01; and a name the rule names depends on the whole rule
    # from then on (its trace line is the dated value's: Alpha Academy's new paragraph on 2021-01-01 changes it)
    assert calls == 4


def test_a_name_is_resolved_again_when_its_entry_changes() -> None:
    answers, calls = _answers("Alpha Academy")
    assert answers == [("(f)(2)(i)", "CN"), ("(f)(2)(i)", "CN"), ("(f)(2)(iii)", "CN"), None]
    assert calls == 4  # named: every change of the rule (its trace line), Beta Bureau's addition on 2020-01-01 too


def test_the_change_table_names_exactly_the_entries_that_differ_in_the_packaged_rules() -> None:
    rules = load_rules()
    assert INDEXED_RULES[ORGANISATIONS] is _org_index
    param = rules.parameters[ORGANISATIONS]
    days = sorted({d for dv in param.values for d in (dv.start, dv.end) if d is not None})
    assert len(days) >= 2
    for day in days:
        ctx = Ctx(rules, day, RuleCache())
        before = param.find(day - dt.timedelta(days=1))
        after = param.find(day)
        old = _org_index(before.value if before else None)
        new = _org_index(after.value if after else None)
        changed = ctx._changed(ctx.epoch - 1)
        assert ORGANISATIONS in changed
        for name in itertools.chain(old, new, ["no such organisation"]):
            assert (index_key(ORGANISATIONS, name) in changed) == (old.get(name) != new.get(name)), (day, name)


def _place_rules() -> RuleSet:
    cite = Citation("15 CFR 746.6 (test)")
    key = "746.6.place_names"
    values = (
        DatedValue(D(2019, 1, 1), D(2020, 1, 1), {"words": [" sevastopol "]}, cite),
        DatedValue(D(2020, 1, 1), D(2021, 1, 1), {"words": [" sevastopol ", " yalta "]}, cite),
        DatedValue(D(2021, 1, 1), None, {"words": [" yalta ", " sevastopol "]}, cite),  # the same words, reordered
    )
    return RuleSet("test-places@1", {key: Parameter(key, "746.6", "test", values)})


def _places(name: str) -> tuple[list[Any], int]:
    return _memo_runs(_place_rules(), DAYS[:3], region_places, name)


def test_a_name_without_any_of_the_words_is_searched_once() -> None:
    assert "746.6.place_names" in WORD_RULES
    assert _places("Kyiv Trading House") == ([(), (), ()], 1)


def test_a_name_is_searched_again_when_one_of_its_words_is_added() -> None:
    answers, calls = _places("Yalta Port Services")
    assert answers == [(), ("yalta",), ("yalta",)]
    assert calls == 3  # found from 2020: the rule's trace line changes on 2021-01-01 (the order), computed again


def test_a_reorder_of_the_words_is_a_change_of_every_word() -> None:
    rules = _place_rules()
    ctx = Ctx(rules, D(2021, 6, 1), RuleCache())
    changed = ctx._changed(ctx.epoch - 1)
    assert {index_key("746.6.place_names", w) for w in (" sevastopol ", " yalta ")} <= changed
    ctx = Ctx(rules, D(2020, 6, 1), RuleCache())
    changed = ctx._changed(ctx.epoch - 1)
    assert index_key("746.6.place_names", " yalta ") in changed
    assert index_key("746.6.place_names", " sevastopol ") not in changed


# the name signals (clearance.rules.end_user_names._signals): a function of the name, each rule's words the name has
# (WORD_RULES) and its not_end_users (INDEXED_RULES) -- not of the rest of the rule (744.11.wherever_located's entries)
_SIGNAL_DAYS = [D(2019, 6, 1), D(2020, 6, 1), D(2021, 6, 1), D(2022, 6, 1)]


def _signal_rules(not_end_users_2022: list[dict[str, Any]] | None = None) -> RuleSet:
    cite = Citation("15 CFR 744 (test)")
    army = [{"phrases": [" salvation army "], "words": [" army "]}]
    unit = {"words": [" military unit "], "entries": [{"entry": "Ministry of Defence", "nation_words": [" russia "],
                                                         "cite": "test"}]}
    params = {
        "744.21.name_signals": (
            DatedValue(D(2019, 1, 1), D(2022, 1, 1), {"words": [" army "], "not_end_users": army}, cite),
            DatedValue(D(2022, 1, 1), None, {"words": [" army "], "not_end_users": army if not_end_users_2022 is None
                                             else not_end_users_2022}, cite),
        ),
        "744.22.name_signals": (DatedValue(D(2019, 1, 1), None, {"words": [" intelligence "]}, cite),),
        "744.11.wherever_located": (
            DatedValue(D(2019, 1, 1), D(2020, 1, 1), {"words": [], "entries": []}, cite),
            DatedValue(D(2020, 1, 1), D(2021, 1, 1), {"words": [" military unit "], "entries": []}, cite),
            DatedValue(D(2021, 1, 1), None, unit, cite),  # the entries change, not the words
        ),
    }
    return RuleSet("test-signals@1", {k: Parameter(k, "744", "test", v) for k, v in params.items()})


def _signal_runs(name: str, rules: RuleSet | None = None) -> tuple[list[Any], int]:
    from clearance.rules.end_user_names import _signals

    rules = rules or _signal_rules()
    answers, calls = _memo_runs(rules, _SIGNAL_DAYS, _signals, name)
    # the same answers as each day's own, uncached reading
    assert answers == [_signals(Ctx(rules, day, RuleCache()), name) for day in _SIGNAL_DAYS]
    return answers, calls


def test_a_name_without_signal_words_is_read_once_whatever_the_rules_add() -> None:
    assert "744.11.wherever_located" in WORD_RULES and "744.11.wherever_located" in INDEXED_RULES
    # (the unit words added on 2020-01-01 and the entries changed on 2021-01-01 are not in the name)
    assert _signal_runs("Kyiv Trading House") == ([()] * 4, 1)


def test_a_name_is_read_again_when_a_word_it_has_is_added() -> None:
    found = (("744.11.wherever_located", "military unit"),)
    # added on 2020-01-01: read again; the entries' change on 2021-01-01 is not a change of the name's signals
    assert _signal_runs("Military Unit 01234, Russia") == ([(), found, found, found], 2)


def test_a_change_of_not_end_users_reads_every_name_again() -> None:
    answers, calls = _signal_runs("Salvation Army Hall", _signal_rules([]))
    assert answers == [(), (), (), (("744.21.name_signals", "army"),)]  # the phrase set 'army' aside until 2022
    assert calls == 2
    # a phrase moved between entries (the same strings in the same order) is a change too
    moved = [{"phrases": [" salvation army "], "words": []}, {"phrases": [" hall "], "words": [" army "]}]
    answers, calls = _signal_runs("Salvation Army Hall", _signal_rules(moved))
    assert answers == [(), (), (), ()]  # (' hall ' now sets 'army' aside)
    assert calls == 2
    assert _signal_runs("Kyiv Trading House", _signal_rules(moved)) == ([()] * 4, 2)
