"""The pre-filter's bound for clearance-name@3, defined from @3's own scoring code.

@3 scores names with ``namesim.name_similarity`` (the same token alignment, joined pass, compact method and
caps as @2) but with its own token similarity (``algorithm3.token_similarity3``, or for a person's name
across alphabets ``token_similarity_alphabet``, the better of it and @2's). Its later steps (the legal-form
penalty, the guards, clipping) only lower a score, and ``raw = ns.tokens_score`` is the token score before
any cap. So the bound of ``prefilter.upper_bounds_chunk`` holds for @3 once the token similarity it assumes is
never below @3's:

- equal tokens: 1; a person's initial 0.8 and a nickname 0.9 (@2's ``token_similarity``, which @3 falls back
  to): handled by ``upper_bounds_chunk`` as for @2;
- @3's typo: ``1 - d / max(len)`` with ``d`` the OSA distance (a swap of two letters counts once), at most
  ``allowed_edits(shorter length, weight, person)`` edits: exactly rapidfuzz's ``OSA.normalized_similarity``;
  the lowest such value (``lowest_typo_similarity``) is computed from ``allowed_edits`` itself;
- @3's spelling of a person's name part with other vowels in place (``namesim.spelt_alike``, "keeley" / "kaylee"):
  ``1 - SPELT_ALIKE_EDITS / len`` however many vowels differ, added by ``upper_bounds_chunk`` for such pairs
  (``TokenBound.spelt_alike``);
- @2's typo (across alphabets, persons): the Levenshtein similarity from LONG_TOKEN_CUTOFF, never above the
  OSA similarity (an OSA distance is never above the Levenshtein distance).

The bound is the OSA similarity of each pair of tokens from the lower of the two cutoffs. Across scripts (a phonetic
name on one side, or both phonetic in other scripts) @3's token similarity is @2's (``token_similarity3`` returns
``token_similarity`` there), which also matches words by their consonant skeletons: ``upper_bounds_chunk(...,
across=True)`` adds those terms (words, joined runs, whole names). A pair of which one name is not distinctive scores
0 unless ``comparable`` or compared loosely (``compare_gate3`` asks both as @3 does). The score of the
names joined ("compact" method) counts only where @3 lets it (``ClearanceMatcherV3._compact_ok``: otherwise
@3 takes the token score, ``compact_gate3``). Words written together or apart (the joined pass) are looked for
in every pair (``join_always``), so the bound stays valid if @3 joins words in names of as many words too.
A scoring change that breaks one of these facts is caught by tests/screening/test_prefilter3.py (every candidate's bound
against its real score, and ``screen`` with and without the pre-filter, byte for byte).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple, cast

import numpy as np
from numpy.typing import NDArray
from rapidfuzz.distance import OSA

from clearance.model.entity import NameKind
from clearance.screening.algorithm import comparable
from clearance.screening.algorithm3 import ClearanceMatcherV3, allowed_edits
from clearance.screening.forms3 import prepare3
from clearance.screening.namesim import LONG_TOKEN_CUTOFF, coverage_score
from clearance.screening.prefilter import FlatNames, TokenBound
from clearance.screening.prepared import PreparedName
from clearance.text.names import NameForm

_LONGEST = 200  # word lengths looked at for the lowest typo similarity (longer words are far above it)
_WEIGHTS = tuple(w / 100 for w in range(101))  # word weights are in [0, 1]


@lru_cache(maxsize=1)
def lowest_typo_similarity() -> float:
    """The lowest similarity @3's typo rule can give two different words: ``1 - a / (n + a)`` for a shorter
    word of ``n`` letters and ``a = allowed_edits(n, ...)`` edits (the longer word has at most ``n + a``),
    over every length, weight and reading (organisation, person)."""
    low = 1.0
    for n in range(1, _LONGEST + 1):
        for person in (False, True):
            for w in _WEIGHTS:
                a = allowed_edits(n, w, person)
                if a > 0:
                    low = min(low, 1.0 - a / (n + a))
    return low


@lru_cache(maxsize=1)
def token_bound3() -> TokenBound:
    """The token bound of clearance-name@3: the OSA similarity from the lower of @3's and @2's typo cutoffs."""
    return TokenBound(OSA.normalized_similarity, min(lowest_typo_similarity(), LONG_TOKEN_CUTOFF) - 1e-9,
                      spelt_alike=True)


class _Joined(NamedTuple):
    """What ``ClearanceMatcherV3._compact_ok`` reads of a name, from the flat arrays."""

    compact: str
    phonetic: bool
    scripts: frozenset[str]


def compact_gate3(query: NameForm, flat: FlatNames, name: int) -> bool:
    """Whether @3 may score the pair by its names joined (``_compact_ok``), for flat name number ``name``."""
    if flat.scripts is None:
        return True  # flat names made before scripts were kept: the compact term always counts
    other = _Joined(flat.compact[name], bool(flat.phonetic[name]), flat.script_sets[int(flat.scripts[name])])
    return ClearanceMatcherV3._compact_ok(query, cast(NameForm, other))


class _Words(NamedTuple):
    """What ``comparable`` and ``loosely_comparable`` read of a name, from the flat arrays."""

    tokens: tuple[str, ...]
    distinctive: bool
    person: bool


def compare_gate3(algo: ClearanceMatcherV3) -> Callable[[NameForm, FlatNames, int, bool], bool]:
    """Whether @3 compares a query with flat name number ``name`` at all: ``_name_raw`` scores 0 a pair that is not
    ``comparable`` unless the algorithm compares it loosely (``_loose``); both asked here as @3 asks them."""

    def gate(query: NameForm, flat: FlatNames, name: int, person: bool) -> bool:
        toks = tuple(flat.vocab[i] for i in flat.tok_ids[flat.tok_start[name]:flat.tok_start[name + 1]].tolist())
        other = cast(NameForm, _Words(toks, bool(flat.distinctive[name]), person))
        return comparable(query, other) or algo._loose(query, other)

    return gate


# ---- @3's cheap candidate score, for many list names at once ------------------------------------------------

_ALPHA = 0.65  # coverage_score's weight of the lower share for organisations (checked by ``_vector_coverage_ok``)


@lru_cache(maxsize=1)
def _vector_coverage_ok() -> bool:
    """Whether ``coverage_score`` (organisations) is still ``_ALPHA * lower + (1 - _ALPHA) * higher``, float for
    float, on a grid of shares: only then is ``candidate_scores3`` used (else each name is scored in Python)."""
    grid = [i / 37 for i in range(38)] + [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.7, 0.9]
    lo = np.array([min(a, b) for a in grid for b in grid])
    hi = np.array([max(a, b) for a in grid for b in grid])
    want = [coverage_score(a, b, False) for a in grid for b in grid]
    return bool((_ALPHA * lo + (1 - _ALPHA) * hi).tolist() == want)


def candidate_scores3(query: NameForm, flat: FlatNames, names: NDArray[np.int64],
                      algo: ClearanceMatcherV3) -> NDArray[np.float64]:
    """``algo.candidate_score(query)`` of each list name numbered in ``names``, from the index's @3 flat names
    (``ScreeningIndex.flat3``, organisation reading) instead of one Python call per name: the same floats (the
    sums are taken token by token in the same order; adding 0.0 for a name without that token changes nothing).
    Falls back to the Python calls if ``coverage_score`` no longer has the form this mirrors."""
    q = prepare3(query.original)
    qw: dict[str, float] = {}
    for t, w in zip(q.tokens, q.weights, strict=True):
        qw[t] = max(w, qw.get(t, 0.0))
    total_q = sum(qw.values()) or 1.0
    names = np.asarray(names, dtype=np.int64)
    n = len(names)
    if not n:
        return np.zeros(0, dtype=np.float64)
    if not _vector_coverage_ok():
        return np.array([_python_score(algo, query, flat, int(k)) for k in names.tolist()], dtype=np.float64)
    ids = [i for t in qw if (i := flat.vocab_ids.get(t)) is not None]
    member = np.zeros(len(flat.vocab), dtype=bool)  # vocabulary word -> in the query
    member[ids] = True
    starts = flat.tok_start[names]
    lens = flat.tok_start[names + 1] - starts
    # a name per row, its tokens' weights in order, 0.0 after its last token; a running sum along a row adds
    # in the order of candidate_score's loop (``accumulate`` is sequential), and adding 0.0 changes nothing
    width = int(lens.max())
    cols = np.arange(width, dtype=np.int64)
    has = cols[None, :] < lens[:, None]
    at = np.where(has, starts[:, None] + cols[None, :], 0)
    weight = np.where(has, flat.tok_weight[at], 0.0)
    total_c = np.add.accumulate(weight, axis=1)[:, -1]
    common = np.add.accumulate(np.where(member[flat.tok_ids[at]] & has, weight, 0.0), axis=1)[:, -1]
    cq = np.minimum(1.0, common / total_q)
    cc = np.minimum(1.0, np.divide(common, total_c, out=np.zeros(n), where=total_c != 0))
    lo, hi = np.minimum(cq, cc), np.maximum(cq, cc)
    return np.where(total_c != 0, _ALPHA * lo + (1 - _ALPHA) * hi, 0.0)


def candidate_scores3_many(queries: Sequence[NameForm], flat: FlatNames,
                           pools: Sequence[tuple[int, NDArray[np.int64]]],
                           algo: ClearanceMatcherV3) -> list[NDArray[np.float64]]:
    """``candidate_scores3(queries[k], flat, names, algo)`` for each (k, names) of ``pools``, in one matrix for the
    whole chunk: a row per name, its tokens' weights in order and 0.0 after its last token (a wider matrix only
    adds more 0.0 at the end of a row, which changes no sum), so every float is the one ``candidate_scores3``
    gives."""
    if not pools:
        return []
    if not _vector_coverage_ok():
        return [candidate_scores3(queries[k], flat, names, algo) for k, names in pools]
    n_vocab = len(flat.vocab)
    member_keys: list[int] = []  # query number * n_vocab + vocabulary number of each word of that query
    totals: list[float] = []
    for k, _ in pools:
        q = prepare3(queries[k].original)
        qw: dict[str, float] = {}
        for t, w in zip(q.tokens, q.weights, strict=True):
            qw[t] = max(w, qw.get(t, 0.0))
        totals.append(sum(qw.values()) or 1.0)
        member_keys.extend(k * n_vocab + i for t in qw if (i := flat.vocab_ids.get(t)) is not None)
    names = np.concatenate([np.asarray(p, dtype=np.int64) for _, p in pools])
    sizes = [len(p) for _, p in pools]
    row_query = np.repeat(np.array([k for k, _ in pools], dtype=np.int64), sizes)
    total_q = np.repeat(np.array(totals, dtype=np.float64), sizes)
    n = len(names)
    if not n:
        return [np.zeros(0, dtype=np.float64) for _ in pools]
    # the names longest first: the names that have a k-th word are then the first ones, and each name's sums are
    # taken word by word in its order (0.0 + w0 + w1 + ...: the floats of a running sum along its row)
    by_len = np.argsort(-(flat.tok_start[names + 1] - flat.tok_start[names]), kind="stable")
    starts = flat.tok_start[names[by_len]]
    lens = flat.tok_start[names[by_len] + 1] - starts
    owner = row_query[by_len] * n_vocab
    known = np.sort(np.array(member_keys, dtype=np.int64))  # (np.unique without an inverse imports numpy.ma: 0.1 s)
    total_c = np.zeros(n, dtype=np.float64)
    common = np.zeros(n, dtype=np.float64)
    have = np.searchsorted(-lens, -np.arange(1, int(lens.max()) + 1, dtype=np.int64), side="right")
    for col, count in enumerate(have.tolist()):  # how many names have a word at ``col``
        at = starts[:count] + col
        weight = flat.tok_weight[at]
        total_c[:count] += weight
        if len(known):
            words = owner[:count] + flat.tok_ids[at]
            found = np.searchsorted(known, words)
            found[found == len(known)] = 0
            common[:count] += np.where(known[found] == words, weight, 0.0)
    back = np.empty(n, dtype=np.int64)
    back[by_len] = np.arange(n, dtype=np.int64)
    total_c, common = total_c[back], common[back]
    cq = np.minimum(1.0, common / total_q)
    cc = np.minimum(1.0, np.divide(common, total_c, out=np.zeros(n), where=total_c != 0))
    lo, hi = np.minimum(cq, cc), np.maximum(cq, cc)
    scores = np.where(total_c != 0, _ALPHA * lo + (1 - _ALPHA) * hi, 0.0)
    return np.split(scores, np.cumsum(sizes)[:-1])


def _python_score(algo: ClearanceMatcherV3, query: NameForm, flat: FlatNames, name: int) -> float:
    """The cheap score of one flat name, through ``algo.candidate_score`` (the fallback)."""
    toks = tuple(flat.vocab[i] for i in flat.tok_ids[flat.tok_start[name]:flat.tok_start[name + 1]].tolist())
    weights = tuple(flat.tok_weight[flat.tok_start[name]:flat.tok_start[name + 1]].tolist())
    form = dataclasses.replace(prepare3(" ".join(toks)), tokens=toks, weights=weights)
    return algo.candidate_score(query)(PreparedName(form, NameKind.ALIAS, None, form))
