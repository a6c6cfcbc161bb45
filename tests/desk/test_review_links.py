"""One review per hit (counterparty, list entry, entry content), referenced by every order line that waits for it:
the review queue does not grow with the number of orders (SQLite and PostgreSQL, the 2025-11-08 Entity List)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.model.desk import HoldReason, Verdict
from clearance.settings import Settings
from clearance.store import desk_records as records
from clearance.workflows.desk import Desk, read_desk_orders
from clearance.workflows.desk import review as review_flow
from clearance.workflows.desk.parties import store_screened
from clearance.workflows.facade import Clearance

NAME = "Shanghai Micro Electronics Trading Co., Ltd."  # close to the listed Shanghai Micro Electronics Equipment


@pytest.fixture
def desk(desk_settings: Settings) -> Iterator[Desk]:
    with Desk(Clearance(settings=desk_settings)) as d:
        yield d


def _orders(tmp_path: Path, ids: list[str]) -> str:
    path = tmp_path / f"orders-{ids[0]}.jsonl"
    path.write_text("".join(json.dumps({"id": i, "date": "2025-11-20", "to": "CN", "quantity": 10,
                                        "item": {"eccn": "EAR99", "origin": "US", "value": 900},
                                        "parties": [{"role": "end_user", "name": NAME, "country": "CN"}]}) + "\n"
                            for i in ids))
    return str(path)


def test_several_orders_wait_on_one_review_per_hit(desk: Desk, tmp_path: Path) -> None:
    _done, opened = store_screened(desk, [records.Counterparty("C-2005", NAME, (), "CN", "Pudong, Shanghai")],
                                   dt.date(2025, 11, 20))
    assert opened
    got = list(desk.check(read_desk_orders(_orders(tmp_path, ["SO-1", "SO-2"]))))
    got += list(desk.check(read_desk_orders(_orders(tmp_path, ["SO-3"]))))  # a later file, the same customer
    assert all(r.answer is not None and r.answer.verdict is Verdict.HOLD and r.answer.hold is HoldReason.REVIEW
               for r in got)
    queue = records.list_reviews(desk.store.engine)
    assert sorted(r.review_id for r in queue) == sorted(opened)  # no review opened twice
    assert len({(r.party_key, r.list_code, r.entry_id) for r in queue}) == len(queue)
    held = review_flow.orders_held(desk)
    for r in queue:
        assert held[r.review_id] == [("SO-1", 1), ("SO-2", 1), ("SO-3", 1)]
    shown = review_flow.details(desk, queue[0].review_id)
    assert [o["order"] for o in shown["order"]] == ["SO-1", "SO-2", "SO-3"]
    list(desk.check(read_desk_orders(_orders(tmp_path, ["SO-1", "SO-2"]))))  # checked again: no new link, review
    assert review_flow.orders_held(desk) == held and len(records.list_reviews(desk.store.engine)) == len(queue)
    for r in queue:
        review_flow.decide(desk, r.review_id, "clear", "unrelated trading house (registry extract on file)")
    again = list(desk.check(read_desk_orders(_orders(tmp_path, ["SO-4"]))))
    assert again[0].answer is not None and again[0].answer.verdict is Verdict.RELEASE
