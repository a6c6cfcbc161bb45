"""Answers do not depend on what was asked before: 10,000+ varied orders give byte-identical records with no
cache, with one shared cache in any order, and in two worker processes.

The orders mix what the engine reads: dates 2019-2026, US-origin and foreign-made items (bills of materials,
FDP facts), destinations with and without Part 746 sections, Huawei entities from the dated rule data, real
Entity List, MEU, Unverified List and Denied Persons entries from a snapshot of the real list files (the
MEU-only Russian party that once leaked a cached answer across orders among them), given listings, owners,
licences and stated facts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import multiprocessing as mp
import random
from fractions import Fraction
from pathlib import Path

import pytest

from clearance.model.determination import (
    Fact,
    FdpFacts,
    Item,
    LicenceState,
    Owner,
    Party,
    Request,
    Role,
    Transaction,
    UsInput,
)
from clearance.model.regulation import RuleSet
from clearance.rules import Listings, RuleCache, determine, load_rules
from clearance.sources.registry import discover

N = 7_000  # plus about half as many twins: over 10,000 orders
ECCNS = ["3A991", "3A001.a.2", "5A992.c", "EAR99", "5E002", "4A994", "3A992", "5D992.c", "3A090.a", "9A991",
         "5A002.a", "6A003.b.4", "0A606.a", "3A001"]
DESTS = ["CN", "RU", "BY", "VE", "DE", "HK", "IR", "CU", "IN", "TW", "BR", "MX", "MO", "UA", "AE"]
FACTS = [Fact.MILITARY_END_USE, Fact.MILITARY_END_USER, Fact.ENC_ELIGIBLE, Fact.FOOD_OR_MEDICINE,
         Fact.NOT_FOOD_OR_MEDICINE, Fact.SUPERCOMPUTER, Fact.INCORPORATED_FOR_FN1, Fact.EAR99_NOT_LISTED_746,
         Fact.UKRAINE_OTHER_REGION, Fact.TGL_EXISTING_NETWORKS, Fact.MILITARY_INTELLIGENCE]
HUAWEI = ["Huawei Technologies Co., Ltd.", "Huawei Device Co., Ltd.", "HiSilicon Technologies Co., Ltd",
          "Huawei Cloud Argentina"]
LISTINGS = ["entity_list", "unverified_list", "meu_list", "denied_persons"]


@pytest.fixture(scope="module")
def snapshot(data_dir: Path) -> tuple[Listings, dict[str, list[tuple[str, str | None]]]]:
    """A listings snapshot of the real EL, MEU, UVL and DPL files, and (name, country) samples per list."""
    entities = []
    for group in discover([data_dir / "us_bis"], only=("el", "meu", "uvl", "dpl")):
        for pl in group.parser.parse(group.files):
            if pl.list_code in ("el", "meu", "uvl", "dpl"):
                entities.extend(pl.entities)
    names: dict[str, list[tuple[str, str | None]]] = {}
    for e in entities:
        names.setdefault(e.list_code, []).append((e.name, e.countries[0] if e.countries else None))
    return Listings.from_entities(entities, label="real lists snapshot"), names


def _party(rnd: random.Random, names: dict[str, list[tuple[str, str | None]]], role: Role) -> Party:
    kind = rnd.random()
    if kind < 0.2:
        return Party(role, rnd.choice(HUAWEI))
    if kind < 0.55:
        code = rnd.choice(["el", "meu", "meu", "uvl", "dpl"])
        name, country = rnd.choice(names[code])
        if code == "meu" and rnd.random() < 0.5:
            country = rnd.choice(["RU", "BY", "CN", "VE"])  # the party's country is read by the FDP rules
        return Party(role, name, country)
    if kind < 0.65:
        return Party(role, f"Customer {rnd.randrange(40)} GmbH", rnd.choice(DESTS),
                     listings=tuple(rnd.sample(LISTINGS, rnd.randrange(0, 2))))
    if kind < 0.72:
        owner = rnd.choice(HUAWEI[:3] + [n for n, _ in names["el"][:20]])
        return Party(role, f"Joint Venture {rnd.randrange(10)} Ltd", "CN",
                     ownership=(Owner(owner, Fraction(rnd.choice([10, 25, 50, 51, 100]))),))
    return Party(role, f"Unlisted Customer {rnd.randrange(60)}", rnd.choice([None, *DESTS]))


def generate(names: dict[str, list[tuple[str, str | None]]], n: int = N, seed: int = 8) -> list[Request]:
    rnd = random.Random(seed)
    start = dt.date(2019, 1, 1).toordinal()
    out = []
    for i in range(n):
        day = dt.date.fromordinal(start + rnd.randrange(8 * 365))
        dest = rnd.choice(DESTS)
        eccn = rnd.choice(ECCNS)
        if rnd.random() < 0.7:
            item = Item(eccn, "US", value=Fraction(rnd.randrange(1, 20000)))
            txn = Transaction.EXPORT
        else:
            item = Item(eccn, rnd.choice(["TW", "KR", "DE"]), total_value=Fraction(1000),
                        us_inputs=(UsInput(rnd.choice(["3A001.a.2", "3A991", "EAR99", "0A606.a"]),
                                           Fraction(rnd.randrange(0, 400))),),
                        fdp=rnd.choice([None, FdpFacts((), (), False), FdpFacts(("3E001",), (), True, True),
                                        FdpFacts(("3E991",), ("3B001",), True, False)]))
            txn = Transaction.REEXPORT
        parties = tuple(_party(rnd, names, role) for role in rnd.sample(list(Role), rnd.randrange(0, 3)))
        licences = ()
        if rnd.random() < 0.1:
            granted = dt.date.fromordinal(start + rnd.randrange(6 * 365))
            licences = (LicenceState(f"L{i}", granted, revoked=granted + dt.timedelta(days=rnd.randrange(30, 900))),)
        facts = frozenset(rnd.sample(FACTS, rnd.choice([0, 0, 0, 1, 2])))
        req = Request(day, item, dest, "US" if txn is Transaction.EXPORT else "TW", txn, parties,
                      facts=facts, licences=licences, id=f"O{i}")
        out.append(req)
        if rnd.random() < 0.5:  # a twin differing in one input: an answer keyed without it would leak
            out.append(dataclasses.replace(_twin(rnd, req), id=f"O{i}-twin"))
    return out


def _twin(rnd: random.Random, req: Request) -> Request:
    what = rnd.randrange(4)
    if what == 0 and req.parties:
        p = req.parties[0]
        other = rnd.choice([c for c in ("RU", "BY", "CN", "VE", "DE", None) if c != p.country])
        return dataclasses.replace(req, parties=(dataclasses.replace(p, country=other), *req.parties[1:]))
    if what == 1:
        return dataclasses.replace(req, date=req.date + dt.timedelta(days=rnd.choice([-30, -1, 1, 2, 45])))
    if what == 2 and req.parties:
        p = req.parties[0]
        return dataclasses.replace(req, parties=(dataclasses.replace(p, name=p.name + " Trading"), *req.parties[1:]))
    return dataclasses.replace(req, facts=req.facts ^ {rnd.choice(FACTS)})


def _answers(requests: list[Request], rules: RuleSet, lists: Listings, cache: RuleCache | None) -> dict[str, str]:
    return {r.id: json.dumps(determine(r, rules, lists, cache).to_dict(), sort_keys=True) for r in requests}


_WORKER: tuple[RuleSet, Listings] | None = None


def _chunk(requests: list[Request]) -> dict[str, str]:
    assert _WORKER is not None
    rules, lists = _WORKER
    return _answers(requests, rules, lists, RuleCache())


def test_answers_independent_of_order_cache_and_workers(
    snapshot: tuple[Listings, dict[str, list[tuple[str, str | None]]]],
) -> None:
    global _WORKER
    lists, names = snapshot
    rules = load_rules()
    requests = generate(names)
    assert len(requests) >= 10_000
    baseline = {r.id: json.dumps(determine(r, rules, lists).to_dict(), sort_keys=True) for r in requests}
    outcomes = {json.loads(v)["outcome"] for v in baseline.values()}
    assert outcomes >= {"NOT_SUBJECT", "NO_LICENSE_REQUIRED", "LICENSE_REQUIRED", "PROHIBITED", "CANNOT_CLEAR"}

    shared = RuleCache()
    shuffled = requests[:]
    random.Random(3).shuffle(shuffled)
    assert _answers(shuffled, rules, lists, shared) == baseline
    assert shared.hits > 1000  # the cache was used, not bypassed
    reverse = _answers(list(reversed(requests)), rules, lists, shared)  # warm cache, another order
    assert reverse == baseline

    _WORKER = (rules, lists)
    try:
        ctx = mp.get_context("fork")
        half = len(shuffled) // 2
        with ctx.Pool(2) as pool:
            parts = pool.map(_chunk, [shuffled[:half], shuffled[half:]])
    finally:
        _WORKER = None
    merged = {**parts[0], **parts[1]}
    assert merged == baseline
