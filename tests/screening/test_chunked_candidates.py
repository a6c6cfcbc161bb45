"""The chunked candidate generation of clearance-name@3 (``ScreeningIndex.candidates_many`` with
``bound3.candidate_scores3_many``) gives, query by query, the candidates of ``ScreeningIndex.candidates``: the same
entities in the same order with the same name positions, and the same cheap scores float for float.

The whole-path identity (results byte for byte against the exhaustive path) is in test_prefilter3.py; this test
checks the step on its own, so that a difference is found where it is made.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from clearance.model.entity import Entity
from clearance.screening import Query, ScreeningIndex
from clearance.screening.algorithm3 import ClearanceMatcherV3
from clearance.screening.bound3 import candidate_scores3, candidate_scores3_many
from clearance.screening.prepared import prepare_query
from clearance.screening.registry import get_algorithm
from clearance.workflows.index_cache import Postings
from tests.screening.test_prefilter import _queries
from tests.screening.test_prefilter3 import _set_queries


@pytest.fixture(scope="module")
def queries(all_entities: list[Entity], data_dir: Path) -> list[Query]:
    return _set_queries()[::3] + _queries(all_entities, data_dir, 300)


@pytest.fixture(scope="module")
def v3() -> ClearanceMatcherV3:
    algo = get_algorithm("clearance-name@3")
    assert type(algo) is ClearanceMatcherV3
    return algo


def test_candidates_many_are_the_candidates_of_each_query(index: ScreeningIndex, queries: list[Query],
                                                          v3: ClearanceMatcherV3) -> None:
    flat = index.flat3
    assert flat is not None
    prepared = [prepare_query(q) for q in queries if q.name.strip()]
    checked = 0
    for start in range(0, len(prepared), 97):  # chunks of an odd size: every query lands at another offset
        part = prepared[start:start + 97]
        forms = [pq.form for pq in part]
        keys = [v3.query_keys(f) for f in forms]
        many = index.candidates_many(forms, [pq.id_keys for pq in part], keys,
                                     lambda pools, forms=forms: candidate_scores3_many(forms, flat, pools, v3))
        for pq, k, got in zip(part, keys, many, strict=True):
            want = index.candidates(pq.form, pq.id_keys, keys=k, rerank=v3.candidate_score(pq.form))
            assert list(got.items()) == list(want.items()), pq.query.name
            checked += len(want)
    assert checked > 10 * len(prepared)  # candidates were found, not two empty dicts


def test_numbered_postings_give_the_same_candidates(index: ScreeningIndex, queries: list[Query],
                                                     v3: ClearanceMatcherV3) -> None:
    """The cached index's postings (``index_cache.Postings``: keys numbered, one array) take ``candidates_many``'s
    path by key number once their dict is made: the same candidates as the mapping of posting lists, and as one
    query at a time; before the dict is made, the same by key look-ups."""
    flat = index.flat3
    assert flat is not None
    postings = Postings.unpack(Postings.pack(index.postings, joined=True))
    numbered = dataclasses.replace(index, postings=postings)
    assert postings.numbered() is None  # (a few queries: no dict of every key yet)
    prepared = [prepare_query(q) for q in queries if q.name.strip()]
    forms = [pq.form for pq in prepared]
    keys = [v3.query_keys(f) for f in forms]
    chunk = [pq.id_keys for pq in prepared]

    def rerank(pools: list[tuple[int, np.ndarray]]) -> list[np.ndarray]:
        return candidate_scores3_many(forms, flat, pools, v3)

    want = index.candidates_many(forms, chunk, keys, rerank)
    assert numbered.candidates_many(forms, chunk, keys, rerank) == want  # by key look-ups (bisection)
    postings.make_dict()
    assert postings.numbered() is not None
    got = numbered.candidates_many(forms, chunk, keys, rerank)
    assert [list(g.items()) for g in got] == [list(w.items()) for w in want]
    assert sum(map(len, want)) > 10 * len(prepared)
    one = prepared[7]
    assert list(got[7].items()) == list(numbered.candidates(one.form, one.id_keys, keys=keys[7],
                                                            rerank=v3.candidate_score(one.form)).items())


def test_candidate_scores3_many_are_the_scores_of_each_query(index: ScreeningIndex, queries: list[Query],
                                                             v3: ClearanceMatcherV3) -> None:
    flat = index.flat3
    assert flat is not None
    forms = [prepare_query(q).form for q in queries[:400] if q.name.strip()]
    rng = np.random.default_rng(3)
    pools = [(k, rng.choice(len(index.name_owner), size=int(rng.integers(1, 250)), replace=False).astype(np.int64))
             for k in range(len(forms))]
    many = candidate_scores3_many(forms, flat, pools, v3)
    for (k, names), got in zip(pools, many, strict=True):
        assert got.tolist() == candidate_scores3(forms[k], flat, names, v3).tolist()
    assert sum(int((g > 0).sum()) for g in many) > 0  # some names share a word with their query


def test_positions_in_finds_what_a_binary_search_finds() -> None:
    """``index._positions_in`` (a table of a few queries' names at a time) gives, for every (query, name) code, the
    index a binary search of the chunk's pairs finds, -1 where the code is not among them; with queries of no pair,
    codes of no pair, one query and more queries than one table holds."""
    from clearance.screening.index import TABLE_CELLS, _positions_in

    rng = np.random.default_rng(5)
    for trial in range(120):
        width = np.int64(rng.integers(2, 70_000) if trial % 4 else TABLE_CELLS // 3 + 1)
        queries = int(rng.integers(1, 300))
        pairs = np.unique(rng.integers(0, queries, 5_000) * width + rng.integers(0, width, 5_000))
        codes = np.sort(rng.integers(0, queries, 4_000)) * width + rng.integers(0, width, 4_000)
        codes[::3] = pairs[rng.integers(0, len(pairs), len(codes[::3]))]
        codes = codes[np.argsort(codes // width, kind="stable")]  # in order of query, names in any order
        at = np.searchsorted(pairs, codes)
        at[at == len(pairs)] = 0
        want = np.where(pairs[at] == codes, at, -1)
        assert _positions_in(pairs, codes, width, queries).tolist() == want.tolist(), trial
        assert (want >= 0).any() and (want < 0).any()
