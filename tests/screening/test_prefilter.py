"""The pre-filter (clearance.screening.prefilter) changes no result: it only skips candidates that provably
score under the reporting floor.

On real list names (as listed and as typed) and on generated customer-master rows (real person names,
synthesised companies, typos, countries, schemas), every bound is at least the raw name score the algorithm
gives the pair, and ``screen`` returns exactly the same results with and without the pre-filter.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import numpy as np
import pytest

from clearance.model.entity import Entity, Schema
from clearance.screening import Query, ScreeningIndex, screen
from clearance.screening.algorithm import ClearanceMatcher, ClearanceMatcherV2
from clearance.screening.prefilter import skip_below, upper_bounds_chunk
from clearance.screening.prepared import prepare_query
from clearance.screening.registry import get_algorithm
from clearance.screening.screen import screen_many

TRADE = ["Trading", "Logistics", "Electronics", "Machinery", "Shipping", "Engineering", "Industrial", "Technology",
         "Aviation", "Petroleum", "Precision", "Systems", "Semiconductor", "Research Institute", "Import Export"]
FORMS = ["Ltd", "Co., Ltd.", "LLC", "GmbH", "JSC", "OOO", "Corp.", "", "Limited", "FZE", "S.A."]


def _typo(name: str, rng: random.Random) -> str:
    words = name.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return name
    i = rng.choice(long_words)
    k = rng.randrange(1, len(words[i]) - 1)
    w = words[i]
    words[i] = [w[:k] + w[k + 1:], w[:k] + w[k] + w[k:], w[:k - 1] + w[k] + w[k - 1] + w[k + 1:]][rng.randrange(3)]
    return " ".join(words)


def _queries(entities: list[Entity], data_dir: Path, n_generated: int) -> list[Query]:
    rng = random.Random(5)
    listed = sorted({n.value for e in entities for n in e.names if n.value.strip()})
    persons: set[str] = set()
    with open(data_dir / "name_matching" / "name_eval_wikidata_persons" / "annotated-index-test.tsv",
              encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            persons.update((row["name1"], row["name2"]))
    people = sorted(persons)
    surnames = sorted({p.split()[-1] for p in people if p.split() and p.split()[-1].isalpha()})
    out: list[Query] = []
    for name in listed[::60]:  # real list names: as listed, and typed (case, punctuation, a typo)
        out.append(Query(name))
        typed = " ".join(re.sub(r"[,.;()\"]", " ", name).split())
        out.append(Query(_typo(typed.upper() if rng.random() < 0.5 else typed.title(), rng)))
    for _ in range(n_generated):  # generated customer-master rows
        kind = rng.random()
        country = rng.choice(["CN", "RU", "IR", "AE", "DE", "US", None, None])
        if kind < 0.35:
            out.append(Query(rng.choice(people), country, Schema.PERSON if rng.random() < 0.5 else None))
        elif kind < 0.5:
            out.append(Query(_typo(rng.choice(listed), rng), country))
        else:
            words = [rng.choice(surnames), rng.choice(TRADE)]
            if rng.random() < 0.3:
                words.append(rng.choice(TRADE))
            out.append(Query(" ".join(w for w in (*words, rng.choice(FORMS)) if w), country,
                             Schema.COMPANY if rng.random() < 0.2 else None))
    out += [Query("Huawei Technologies Co Ltd Shipping Division"), Query("HUAWEI"), Query("华为技术有限公司"),
            Query("J. Smith", schema=Schema.PERSON), Query("Bob Martin", schema=Schema.PERSON),
            Query("General Trading LLC"), Query("Rosoboronexport", identifiers=("1027739331543",))]
    return out


@pytest.fixture(scope="module")
def queries(all_entities: list[Entity], data_dir: Path) -> list[Query]:
    return _queries(all_entities, data_dir, 2000)


@pytest.mark.parametrize(("algorithm", "person"), [("clearance-name@1", False), ("clearance-name@2", False),
                                                   ("clearance-name@2", True)])
def test_bound_is_never_below_the_name_score(index: ScreeningIndex, queries: list[Query], algorithm: str,
                                             person: bool) -> None:
    """Every candidate of every query, compared as organisations (or as persons), not only those that are."""
    algo = get_algorithm(algorithm)
    assert isinstance(algo, ClearanceMatcher)
    flat = index.flat_person if person else index.flat
    assert flat is not None
    forms, names, owners = [], [], []
    for query in queries[::2]:
        pq = prepare_query(query)
        found = index.candidates(pq.form, pq.id_keys, keys=algo.query_keys(pq.form))
        forms.append(algo._form(pq.form, person))
        owners.append([(i, p) for i, positions in found.items() for p in positions])
        names.append(np.array([flat.entity_first[i] + p for i, p in owners[-1]], dtype=np.int64))
    checked = skipped = 0
    for start in range(0, len(forms), 100):
        chunk = upper_bounds_chunk(forms[start:start + 100], flat, names[start:start + 100], person)
        for qform, mine, bounds in zip(forms[start:], owners[start:], chunk, strict=False):
            for (i, p), b in zip(mine, bounds.tolist(), strict=True):
                raw = algo._name_raw(qform, algo._name_form(index.entities[i].names[p], person), person, False)[0]
                assert b >= raw, (qform.original, index.entities[i].names[p].form.original, raw, b)
                checked += 1
                skipped += b < 0.5
    assert checked > 10_000 and skipped > checked // 2  # real work: most candidates are provably below


@pytest.mark.parametrize("algorithm", ["clearance-name@1", "clearance-name@2"])
def test_screen_gives_the_same_results_with_and_without_the_prefilter(
    index: ScreeningIndex, queries: list[Query], algorithm: str,
) -> None:
    differ = []
    kept = 0
    for n, query in enumerate(queries):
        kwargs: dict[str, object] = {"algorithm": algorithm, "limit": 20}
        if n % 7 == 3:
            kwargs["threshold"] = 0.3  # a lower floor: fewer candidates are provably below it
        if n % 11 == 5:
            kwargs["lists"] = ["SDN", "UK"]
        fast = screen(query, index, **kwargs).to_dict()  # type: ignore[arg-type]
        slow = screen(query, index, prefilter=False, **kwargs).to_dict()  # type: ignore[arg-type]
        kept += len(slow["hits"])
        if fast != slow:
            differ.append(query.name)
    assert not differ, differ[:10]
    assert kept > 500  # the comparison covers many reported hits, not only clears


def test_screen_many_gives_what_screen_gives_one_by_one(index: ScreeningIndex, queries: list[Query]) -> None:
    some = queries[::5]
    many = screen_many(some, index, limit=20)
    assert [r.to_dict() for r in many] == [screen(q, index, limit=20, prefilter=False).to_dict() for q in some]


def test_the_huawei_main_entry_is_still_found(index: ScreeningIndex) -> None:
    """@3's reranked candidates (the fix for the 30-candidate cap) are not pre-filtered: the main entry stays."""
    query = Query("Huawei Technologies Co Ltd Shipping Division")
    fast = screen(query, index, algorithm="clearance-name@3", limit=50)
    assert fast == screen(query, index, algorithm="clearance-name@3", limit=50, prefilter=False)
    assert any(h.name.startswith("Huawei Technologies Co., Ltd.") for h in fast.hits), [h.name for h in fast.hits]
    for algorithm in ("clearance-name@1", "clearance-name@2"):
        assert screen(query, index, algorithm=algorithm, limit=50) == screen(query, index, algorithm=algorithm,
                                                                              limit=50, prefilter=False)


def test_skip_below_keeps_every_score_that_rounds_to_the_floor() -> None:
    algo = get_algorithm("clearance-name@2")
    assert isinstance(algo, ClearanceMatcherV2)
    for floor in (0.3, 0.5, 0.69, 0.7, 0.95):
        below = skip_below(floor, algo.slope, algo.midpoint, algo.evidence_floor)
        assert below <= algo.evidence_floor
        assert round(algo.calibrate(below), 4) < floor  # a name scoring just under it is not reported
    assert skip_below(0.0, algo.slope, algo.midpoint, algo.evidence_floor) == -float("inf")
