"""clearance-name@3's pruned path (pre-filter bound + cheap candidate scores from the flat arrays) gives exactly
the results of the exhaustive path (every candidate scored in Python, each candidate's cheap score by a Python
call), on the evaluation sets of bench/screening/sets, on real list names (as listed and as typed) and on
generated customer-master rows.

The bound (``clearance.screening.bound3``) is derived from @3's scoring code; a scoring change that breaks it
fails here: ``test_bound3_is_never_below_the_name_score`` checks the bound of every candidate name against the
raw score @3 gives it, and ``test_prefilter3_results_are_identical_to_the_exhaustive_path`` compares the
serialised results byte for byte.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from clearance.model.entity import Entity, Schema
from clearance.screening import Query, ScreeningIndex, screen
from clearance.screening.algorithm3 import ClearanceMatcherV3
from clearance.screening.bound3 import (
    _vector_coverage_ok,
    candidate_scores3,
    compact_gate3,
    compare_gate3,
    lowest_typo_similarity,
    token_bound3,
)
from clearance.screening.namesim import spelt_alike
from clearance.screening.prefilter import upper_bounds_chunk
from clearance.screening.prepared import prepare_query
from clearance.screening.registry import get_algorithm
from clearance.screening.screen import organisation_by_legal_form, screen_many
from tests.screening.test_prefilter import _queries

SETS = Path(__file__).resolve().parents[2] / "bench" / "screening" / "sets"


def _set_queries() -> list[Query]:
    """Every query of the evaluation sets (listed names as customers type them, and hard negatives)."""
    out: list[Query] = []
    for name in ("customer_variants.csv", "hard_negatives.csv"):
        with open(SETS / name, encoding="utf-8", newline="") as fh:
            out += [Query(row["query"]) for row in csv.DictReader(fh) if row["query"].strip()]
    return out


@pytest.fixture(scope="module")
def queries(all_entities: list[Entity], data_dir: Path) -> list[Query]:
    """The sets (1,573 queries), then real list names and generated rows (``test_prefilter._queries``)."""
    return _set_queries() + _queries(all_entities, data_dir, 600)


@pytest.fixture(scope="module")
def v3() -> ClearanceMatcherV3:
    algo = get_algorithm("clearance-name@3")
    assert type(algo) is ClearanceMatcherV3
    return algo


def test_the_index_has_the_flat_names_of_v3(index: ScreeningIndex) -> None:
    assert index.flat3 is not None and index.flat3_person is not None
    assert len(index.flat3.name_weight) == len(index.name_owner) == len(index.flat3_person.name_weight)
    assert index.entity_person is not None and index.entity_person.sum() > 1000


@pytest.mark.parametrize("person", [False, True])
def test_bound3_is_never_below_the_name_score(index: ScreeningIndex, queries: list[Query], v3: ClearanceMatcherV3,
                                              person: bool) -> None:
    """Every candidate name of every query, compared as organisations (or as persons), against @3's raw score."""
    flat = index.flat3_person if person else index.flat3
    assert flat is not None
    forms, names, owners = [], [], []
    for query in queries[::2]:
        pq = prepare_query(query)
        found = index.candidates(pq.form, pq.id_keys, keys=v3.query_keys(pq.form), rerank=v3.candidate_score(pq.form))
        forms.append(v3._form(pq.form, person))
        owners.append([(i, p) for i, positions in found.items() for p in positions])
        names.append(np.array([flat.entity_first[i] + p for i, p in owners[-1]], dtype=np.int64))
    checked = skipped = across = 0
    for start in range(0, len(forms), 100):
        chunk = upper_bounds_chunk(forms[start:start + 100], flat, names[start:start + 100], person, token_bound3(),
                                   compact_gate3, join_always=True, compare_gate=compare_gate3(v3), across=True)
        for qform, mine, bounds in zip(forms[start:], owners[start:], chunk, strict=False):
            for (i, p), b in zip(mine, bounds.tolist(), strict=True):
                raw = v3._name_raw(qform, v3._name_form(index.entities[i].names[p], person), person, False)[0]
                assert b >= raw, (qform.original, index.entities[i].names[p].form.original, raw, b)
                checked += 1
                skipped += b < 0.5
                across += b < 0.5 and qform.phonetic != index.entities[i].names[p].form.phonetic
    assert checked > 20_000 and skipped > checked // 2  # real work: most candidates are provably below
    assert across > 100  # pairs across scripts are bounded too (and checked)


def test_the_typo_cutoff_follows_allowed_edits() -> None:
    """The lowest similarity @3's typo rule gives (4 letters, one edit, one more letter: 0.8; 6-letter person
    name parts with two edits and two more letters: 0.75) and the bound's cutoff at or below it and @2's."""
    assert lowest_typo_similarity() == pytest.approx(0.75)
    assert token_bound3().cutoff <= min(lowest_typo_similarity(), 0.66)


def test_candidate_scores3_are_the_python_cheap_scores(index: ScreeningIndex, queries: list[Query],
                                                       v3: ClearanceMatcherV3) -> None:
    """The vectorised cheap score equals ``candidate_score`` float for float on every reranked name."""
    assert _vector_coverage_ok()
    assert index.flat3 is not None
    compared = 0
    for query in queries[::3]:
        pq = prepare_query(query)
        score = v3.candidate_score(pq.form)
        pool = np.flatnonzero(np.isin(index.name_owner, list(index.candidates(pq.form, keys=v3.query_keys(pq.form)))))
        if not len(pool):
            continue
        fast = candidate_scores3(pq.form, index.flat3, pool.astype(np.int64), v3).tolist()
        slow = [score(index.entities[int(index.name_owner[n])].names[int(index.name_pos[n])]) for n in pool.tolist()]
        assert fast == slow, query.name
        compared += len(slow)
    assert compared > 10_000


def test_prefilter3_results_are_identical_to_the_exhaustive_path(index: ScreeningIndex, queries: list[Query]) -> None:
    """``screen_many`` (chunks of 256, pruned) and ``screen(prefilter=False)`` (exhaustive), serialised: the same
    bytes; with another threshold, a list subset and a person schema on some queries."""
    some = [*queries]
    some += [Query(q.name, "CN", Schema.PERSON) for q in queries[1::17]]
    some += [Query(q.name, None, Schema.COMPANY) for q in queries[2::17]]
    differ: list[str] = []
    kept = 0
    for kwargs in ({}, {"threshold": 0.3}, {"lists": ["SDN", "UK"]}):
        batch = some if not kwargs else some[::9]
        fast: list[str] = []
        for start in range(0, len(batch), 256):
            fast += [json.dumps(r.to_dict(), sort_keys=True) for r in screen_many(
                batch[start:start + 256], index, algorithm="clearance-name@3", limit=20, **kwargs)]  # type: ignore[arg-type]
        for query, got in zip(batch, fast, strict=True):
            slow = screen(query, index, algorithm="clearance-name@3", limit=20, prefilter=False,
                          **kwargs)  # type: ignore[arg-type]
            kept += len(slow.hits)
            if got != json.dumps(slow.to_dict(), sort_keys=True):
                differ.append(f"{query.name} {kwargs}")
    assert not differ, differ[:10]
    assert kept > 1000  # the comparison covers many reported hits, not only clears


def test_the_cached_vocabulary_reads_back_equal() -> None:
    """The vocabulary cached for start-up (``workflows.screening._cached_vocabulary``) is the one built."""
    from clearance.text import terms

    built = terms._build_vocabulary()
    assert terms.vocabulary_from_json(terms.vocabulary_to_json(built)) == built
    assert list(terms.vocabulary_from_json(terms.vocabulary_to_json(built)).terms) == list(built.terms)


def test_persons_dropped_for_an_organisation_are_scored_zero(index: ScreeningIndex, queries: list[Query],
                                                             v3: ClearanceMatcherV3) -> None:
    """``screen._drop_persons_of_organisations`` drops the listed persons among the candidates of a query of no type
    with a legal form before the pre-filter: @3 must still score every such pair 0 (never reported)."""
    assert index.entity_person is not None
    checked = 0
    for query in queries[::3]:
        pq = prepare_query(query)
        if not organisation_by_legal_form(pq):
            continue
        found = index.candidates(pq.form, pq.id_keys, keys=v3.query_keys(pq.form), rerank=v3.candidate_score(pq.form))
        for i, positions in found.items():
            if index.entity_person[i]:
                assert v3.score(pq, index.entities[i], positions).score == 0.0, (query.name, i)
                checked += 1
    assert checked > 100


_OTHER_VOWEL = str.maketrans("aeiouyAEIOUY", "eiouyaEIOUYA")


def _respelt(name: str) -> str:
    """``name`` with the vowels after the first letter of each word of 6 letters or more written as other vowels."""
    return " ".join(w[0] + w[1:].translate(_OTHER_VOWEL) if len(w) >= 6 and w.isalpha() else w for w in name.split())


def test_bound3_holds_for_person_names_spelt_with_other_vowels(index: ScreeningIndex, all_entities: list[Entity],
                                                               v3: ClearanceMatcherV3) -> None:
    """Listed persons' names with other vowels in their long name parts ("Kaylee" for "Keeley": many letters apart,
    ``namesim.spelt_alike``): the bound is never below @3's raw score, and the pruned and exhaustive paths agree."""
    names = sorted({n.value for e in all_entities if e.schema is Schema.PERSON for n in e.names
                    if any(len(w) >= 6 and w.isalpha() for w in n.value.split())})[::40]
    queries = [Query(_respelt(n), None, Schema.PERSON) for n in names]
    flat = index.flat3_person
    assert flat is not None and len(queries) > 300
    forms, cands = [], []
    for query in queries:
        pq = prepare_query(query)
        found = index.candidates(pq.form, pq.id_keys, keys=v3.query_keys(pq.form), rerank=v3.candidate_score(pq.form))
        forms.append(v3._form(pq.form, True))
        cands.append([(i, p) for i, positions in found.items() for p in positions])
    bounds = upper_bounds_chunk(forms, flat, [np.array([flat.entity_first[i] + p for i, p in c], dtype=np.int64)
                                              for c in cands], True, token_bound3(), compact_gate3, join_always=True,
                                compare_gate=compare_gate3(v3), across=True)
    alike = 0
    for qform, mine, bound in zip(forms, cands, bounds, strict=True):
        for (i, p), b in zip(mine, bound.tolist(), strict=True):
            raw, ns = v3._name_raw(qform, v3._name_form(index.entities[i].names[p], True), True, True)[:2]
            assert b >= raw, (qform.original, index.entities[i].names[p].form.original, raw, b)
            alike += ns is not None and any(spelt_alike(t.query, t.candidate) for t in ns.pairs)
    assert alike > 50  # the pairs spelt alike are there, and bounded
    fast = [json.dumps(r.to_dict(), sort_keys=True) for r in screen_many(queries, index, algorithm="clearance-name@3")]
    slow = [json.dumps(screen(q, index, algorithm="clearance-name@3", prefilter=False).to_dict(), sort_keys=True)
            for q in queries]
    assert fast == slow
