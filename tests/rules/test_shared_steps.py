"""The licence steps of a foreign-made item subject to the EAR are memoised without its bill of materials and values
(clearance.rules.engine._shared_after_jurisdiction): items that differ only in those share the steps, and each answer
is the one it would have alone -- its own de minimis share in its basis or notes."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import Any

import pytest

from clearance.model.determination import FdpFacts, Item, Party, Request, Role, Transaction, UsInput
from clearance.rules import NONE_FOUND, RuleCache, determine, engine, load_rules


def _order(value: int, dest: str, party: str, day: dt.date = dt.date(2023, 5, 2), designed: bool = True) -> Request:
    item = Item("3A991", "TW", us_inputs=(UsInput("3A001.a.2", Fraction(value)),), total_value=Fraction(1000),
                fdp=FdpFacts(direct_product_of=None, plant_direct_product_of=("3E001",), plant_tech_us_origin=True,
                             designed_by_fn1_entity=designed))
    return Request(day, item, dest, from_country="TW", transaction=Transaction.REEXPORT,
                   parties=(Party(Role.END_USER, party),), id=f"PO-{value}-{dest}")


def _json(d: Any) -> str:
    return json.dumps(d.to_dict(), sort_keys=True, default=str)


def _orders() -> list[Request]:
    out = []
    for value in (0, 10, 99, 100, 101, 240, 250, 251, 399):  # below, at and above the 10 % and 25 % levels
        for dest in ("CN", "DE", "VN"):
            for party in ("Huawei Technologies Co., Ltd.", "non-listed customer 7"):
                out.append(_order(value, dest, party))
    return out


def test_each_answer_is_the_one_it_has_alone_and_the_steps_are_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules()
    orders = _orders()
    alone = [_json(determine(r, rules, NONE_FOUND)) for r in orders]
    calls = [0]
    steps = engine._after_jurisdiction

    def counted(*args: Any) -> Any:
        calls[0] += 1
        return steps(*args)

    monkeypatch.setattr(engine, "_after_jurisdiction", counted)
    cache = RuleCache()
    shared = [_json(determine(r, rules, NONE_FOUND, cache)) for r in orders]
    assert shared == alone
    subject = [r for r, a in zip(orders, alone, strict=True) if json.loads(a)["subject_to_ear"] is True]
    assert len(subject) >= 10
    assert calls[0] < len(subject)  # (steps shared between values)
    # each keeps its own share: no two subject answers of one destination and party are the same
    texts = {(r.to_country, r.parties[0].name, a) for r, a in zip(orders, alone, strict=True) if r in subject}
    assert len(texts) == len(subject)


def test_the_answers_of_one_cache_are_those_of_each_order_alone_in_any_order() -> None:
    rules = load_rules()
    orders = _orders()[::-1]
    cache = RuleCache()
    assert [_json(determine(r, rules, NONE_FOUND, cache)) for r in orders] == \
        [_json(determine(r, rules, NONE_FOUND)) for r in orders]
