"""A possible match of a party whose listings the order gives is a reviewer's judgement, recorded as the party's
``ruled_out`` entries; never set aside by ``listings: []`` alone (adversarial round 31: 'Compagnie Soukhoï, Moscou'
for the Entity List's Sukhoi entries, 'Iljuschin Luftfahrtkomplex AG' for its Ilyushin entries, were cleared). Real
lists: the Entity List of 2025-11-08 and the other BIS lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clearance.errors import DataError
from clearance.model.determination import Item, Outcome, Party, Request, Role
from clearance.model.order_input import validate_order
from clearance.model.regulation import RuleSet
from clearance.rules import load_rules
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.determination import PartyScreener
from clearance.workflows.lists import load_paths
from clearance.workflows.order_requests import to_request

DAY = dt.date(2025, 11, 20)  # 12 days after the Entity List file
OLD_LISTS_OK = {"dpl": 1200, "meu": 1200, "uvl": 1200}
# German for the Ilyushin Aviation Complex: a respelling, capped at POSSIBLE by design; two Entity List entries
ILJUSCHIN = "Iljuschin Luftfahrtkomplex AG"


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[PartyScreener]:
    path = tmp_path_factory.mktemp("ruled") / "lists.db"
    with Store.open(f"sqlite:///{path}") as st:
        outcomes = load_paths(st, [data_dir / "us_bis"], only=("el", "dpl", "meu", "uvl"))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    with PartyScreener.open(Settings(db=str(path), snapshot=False, max_age_overrides=OLD_LISTS_OK)) as s:
        yield s


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _order(*parties: Party) -> Request:
    return Request(date=DAY, item=Item(eccn="EAR99", origin="US"), to_country="DE", parties=parties, id="ro")


def _possibles(screener: PartyScreener, rules: RuleSet) -> list[str]:
    """The entries screening finds for the party, as `<list>:<entry id>` (read from the record, not written here)."""
    _, record = screener.determine(_order(Party(Role.END_USER, ILJUSCHIN, listings=())), rules)
    (s,) = record
    assert s.decision == "POSSIBLE" and s.hits and all(h.list_code == "el" for h in s.hits)
    return [f"{h.list_code}:{h.entry_id}" for h in s.hits]


def test_empty_listings_do_not_set_aside_a_possible_match(screener: PartyScreener, rules: RuleSet) -> None:
    entries = _possibles(screener, rules)
    d, _ = screener.determine(_order(Party(Role.END_USER, ILJUSCHIN, listings=())), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR
    (q,) = [q for q in d.open_questions if q.fact == "parties.ruled_out"]
    assert all(e in q.text for e in entries) and "Ilyushin" in q.text and "ruled_out" in q.text


def test_every_match_ruled_out_clears_and_the_note_records_the_judgement(screener: PartyScreener,
                                                                         rules: RuleSet) -> None:
    entries = _possibles(screener, rules)
    party = Party(Role.END_USER, ILJUSCHIN, listings=(), ruled_out=(*entries, "el:el-000000000000"))
    d, _ = screener.determine(_order(party), rules)
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED, d.open_questions
    (note,) = [n for n in d.notes if "ruled out by the order" in n]
    assert all(e in note for e in entries) and "named but not found by this screening: el:el-000000000000" in note


def test_a_match_left_out_of_ruled_out_is_still_asked(screener: PartyScreener, rules: RuleSet) -> None:
    first, *rest = _possibles(screener, rules)
    assert rest, "the name scores POSSIBLE against more than one entry"
    d, _ = screener.determine(_order(Party(Role.END_USER, ILJUSCHIN, listings=(), ruled_out=(first,))), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR
    (q,) = [q for q in d.open_questions if q.fact == "parties.ruled_out"]
    assert all(e in q.text for e in rest) and first not in q.text


def test_a_restrictive_answer_keeps_its_outcome_and_lists_the_match_to_confirm(screener: PartyScreener,
                                                                             rules: RuleSet) -> None:
    listed = Party(Role.END_USER, "Sichuan University")  # screened: a near-certain Entity List HIT
    d, _ = screener.determine(_order(listed, Party(Role.ULTIMATE_CONSIGNEE, ILJUSCHIN, listings=())), rules)
    assert d.outcome is Outcome.LICENSE_REQUIRED
    assert any(q.fact == "parties.ruled_out" and ILJUSCHIN in q.text for q in d.to_confirm)


def test_a_hit_is_not_settled_by_ruled_out(screener: PartyScreener, rules: RuleSet) -> None:
    _, record = screener.determine(_order(Party(Role.END_USER, "Sichuan University")), rules)
    hit = next(h for s in record for h in s.hits if h.decision.value == "HIT")
    party = Party(Role.END_USER, "Sichuan University", listings=(), ruled_out=(f"el:{hit.entry_id}",))
    d, _ = screener.determine(_order(party), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR and any("correct the order's listings" in q.text
                                                     for q in d.open_questions)


def _raw(ruled_out: Any) -> dict[str, Any]:
    return {"id": "PO-1", "date": "2025-11-20", "route": {"to": "DE"}, "item": {"eccn": "EAR99", "origin": "US"},
            "parties": [{"role": "end_user", "name": ILJUSCHIN, "listings": [], "ruled_out": ruled_out}]}


def test_ruled_out_is_read_from_an_order_and_checked() -> None:
    req, _ = to_request(validate_order(_raw(["el:el-ce9f02fd8a7c", " sdn:36431 ", "el:el-ce9f02fd8a7c"])))
    assert req.parties[0].ruled_out == ("el:el-ce9f02fd8a7c", "sdn:36431")
    for bad in (["Sukhoi Aviation JSC"], "el:el-ce9f02fd8a7c", ["el:"], ["EL:123"]):
        with pytest.raises(DataError) as err:
            validate_order(_raw(bad))
        assert err.value.field is not None and err.value.field.startswith("parties[0].ruled_out"), err.value
