"""An exact pre-filter: candidates that cannot reach the reporting floor are not scored in Python.

For clearance-name@1 and @2, ``upper_bounds_chunk`` computes, for a chunk of query names against their
candidate list names at once (rapidfuzz's C++ ``cpdist`` and numpy over the index's ``FlatNames``), a number
never below the raw name score ``_name_raw`` gives each pair (compared as organisations, or as persons).
The bound follows ``namesim.name_similarity`` step by step:

- two names that are not ``comparable`` score 0, unless the algorithm compares them loosely (then: scored);
- a pair across scripts (a phonetic name on either side) is always scored (skeleton matches are not bounded), unless
  the caller asks for them to be bounded too (``across``, clearance-name@3: see ``upper_bounds_chunk``);
- the token alignment pairs each token with at most one other, at a similarity no higher than the token's
  best similarity with any token of the other name; that similarity is at most the Levenshtein similarity
  of the two tokens when it reaches the lowest typo cutoff (0.66), 1 for equal tokens, and for persons
  0.8 for an initial and 0.9 for a nickname; so each side's matched weight is at most the sum of its tokens' weights
  times their best similarity, and the coverage score (increasing in both shares) at most that of these sums;
- the "compact" method adds at most the Levenshtein similarity of the joined names times its discount;
- a token that could equal a run of the other name's tokens (the "joined" pass: a run starting with the
  token's first letter, equal below 6 letters, else within the typo cutoff and at most 1.5 times as long),
  and the run's tokens, count as fully matched;
- every later step (single-weak cap, word and number conflicts, legal-form penalty, clipping) only lowers it.

``skip_below`` turns the reporting floor into the raw name score below which a candidate's final score is
provably under the floor: below the algorithm's evidence floor no country, birth-date or identifier evidence
is added, and the weak-alias and loose caps only lower a score. ``clearance.screening.screen`` scores in full
every entity with a name at or above it, exactly as before, so the reported hits are unchanged
(tests/screening/test_prefilter.py compares both paths).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clearance.screening.namesim import (
    COMPACT_DISCOUNT,
    INITIAL_SIM,
    LONG_TOKEN_CUTOFF,
    NICKNAME_SIM,
    SKELETON_DISCOUNT,
    SPELT_ALIKE_EDITS,
    SPELT_ALIKE_MIN,
    consonants,
    coverage_score,
    written_tokens,
)
from clearance.screening.strings import pick
from clearance.screening.uniq import unique_inverse
from clearance.text.fold import skeleton
from clearance.text.names import NameForm
from clearance.text.terms import vocabulary

SCORE_IT = math.inf  # the bound of a pair the pre-filter cannot bound: it is scored in full
EPS = 1e-6  # margin for float sums taken in another order than the scorer's
_CUTOFF = LONG_TOKEN_CUTOFF - 1e-9  # the lowest similarity at which two different tokens match as a typo
_JOIN_EXACT = 1.0 - 1e-9
_MAX_RUN = 4  # the joined pass joins runs of 2..4 neighbouring tokens (namesim._join_pass)


def skip_below(floor: float, slope: float, midpoint: float, evidence_floor: float) -> float:
    """The raw name score below which a candidate's reported score (rounded to 4 places) is under ``floor``."""
    target = floor - 1e-4  # round(score, 4) >= floor needs score >= floor - 0.00005
    if target <= 0.0:
        return -math.inf  # nothing is provably under the floor
    if target >= 1.0:
        return evidence_floor - EPS
    needed = midpoint - math.log(1.0 / target - 1.0) / slope  # calibrate(raw) < target below this raw
    return min(evidence_floor, needed) - EPS


@lru_cache(maxsize=64)
def _run_spans(n: int) -> tuple[tuple[int, int], ...]:
    """[start, end) of every run of 2..4 neighbouring tokens among ``n``."""
    return tuple((start, end) for start in range(n - 1) for end in range(start + 2, min(n, start + _MAX_RUN) + 1))


@dataclass(frozen=True)
class FlatNames:
    """Every list name of an index as flat arrays (built with the index, pickled with it): what
    ``upper_bounds_flat`` needs to bound a query against many names without touching their Python objects.

    Name number n (``ScreeningIndex.name_owner`` order) has the tokens ``tok_ids[tok_start[n]:tok_start[n+1]]``
    (numbers into ``vocab``) and the joined runs ``run_text[run_start[n]:run_start[n+1]]``, each covering the
    name's tokens ``run_lo..run_hi`` (positions relative to the name's first token).
    """

    vocab: Sequence[str]  # a tuple, or ``strings.Strings`` when read from the index cache (the same strings)
    tok_start: NDArray[np.int64]
    tok_ids: NDArray[np.int32]
    tok_weight: NDArray[np.float64]
    name_weight: NDArray[np.float64]
    compact: Sequence[str]
    distinctive: NDArray[np.bool_]
    phonetic: NDArray[np.bool_]
    unspaced: NDArray[np.bool_]
    run_start: NDArray[np.int64]
    run_text: Sequence[str]
    run_lo: NDArray[np.int32]
    run_hi: NDArray[np.int32]
    entity_first: NDArray[np.int64]  # entity number -> its first name number
    vocab_len: NDArray[np.int64]  # length of each vocab word
    run_len: NDArray[np.int64]  # length of each joined run
    vocab_first: NDArray[np.int64]  # code point of each vocab word's first letter
    run_first: NDArray[np.int64]  # code point of each joined run's first letter
    scripts: NDArray[np.int32] | None = None  # name number -> its scripts' number in ``script_sets``
    script_sets: tuple[frozenset[str], ...] = ()

    @cached_property
    def vocab_ids(self) -> dict[str, int]:
        """word -> its number in ``vocab`` (made on first use)."""
        return {t: i for i, t in enumerate(self.vocab)}


def flatten(forms_by_entity: Sequence[Sequence[NameForm]]) -> FlatNames:
    """The flat arrays of every name (organisation reading, as stored in the index), entity by entity."""
    vocab: dict[str, int] = {}
    tok_start: list[int] = [0]
    tok_ids: list[int] = []
    tok_w: list[float] = []
    name_w: list[float] = []
    compact: list[str] = []
    dist: list[bool] = []
    phon: list[bool] = []
    unsp: list[bool] = []
    run_start: list[int] = [0]
    run_text: list[str] = []
    run_lo: list[int] = []
    run_hi: list[int] = []
    entity_first = [0]
    script_no: dict[frozenset[str], int] = {}
    scripts: list[int] = []
    for forms in forms_by_entity:
        for f in forms:
            scripts.append(script_no.setdefault(f.scripts, len(script_no)))
            for t in f.tokens:
                tok_ids.append(vocab.setdefault(t, len(vocab)))
            tok_w.extend(f.weights)
            tok_start.append(len(tok_ids))
            name_w.append(f.weight)
            compact.append(f.compact)
            dist.append(f.distinctive)
            phon.append(f.phonetic)
            unsp.append(f.unspaced)
            spelt = written_tokens(f) if f.renamed else f.tokens  # (runs as written too: "Yun Li Da" -> yunlida)
            for lo, hi in _run_spans(len(f.tokens)):
                run_text.append("".join(f.tokens[lo:hi]))
                run_lo.append(lo)
                run_hi.append(hi)
                if spelt[lo:hi] != f.tokens[lo:hi]:
                    run_text.append("".join(spelt[lo:hi]))
                    run_lo.append(lo)
                    run_hi.append(hi)
            run_start.append(len(run_text))
        entity_first.append(len(name_w))
    return FlatNames(
        vocab=tuple(vocab), tok_start=np.array(tok_start, dtype=np.int64), tok_ids=np.array(tok_ids, dtype=np.int32),
        tok_weight=np.array(tok_w, dtype=np.float64), name_weight=np.array(name_w, dtype=np.float64),
        compact=tuple(compact), distinctive=np.array(dist, dtype=bool), phonetic=np.array(phon, dtype=bool),
        unspaced=np.array(unsp, dtype=bool), run_start=np.array(run_start, dtype=np.int64), run_text=tuple(run_text),
        run_lo=np.array(run_lo, dtype=np.int32), run_hi=np.array(run_hi, dtype=np.int32),
        entity_first=np.array(entity_first, dtype=np.int64),
        vocab_len=np.array([len(t) for t in vocab], dtype=np.int64),
        run_len=np.array([len(t) for t in run_text], dtype=np.int64),
        vocab_first=np.array([ord(t[0]) if t else -1 for t in vocab], dtype=np.int64),
        run_first=np.array([ord(t[0]) if t else -1 for t in run_text], dtype=np.int64),
        scripts=np.array(scripts, dtype=np.int32), script_sets=tuple(script_no),
    )


def _ranges(start: NDArray[np.int64], stop: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The concatenation of ``range(start[k], stop[k])`` for every k, and where each range begins in it."""
    lens = stop - start
    at = np.zeros(len(lens), dtype=np.int64)
    np.cumsum(lens[:-1], out=at[1:])
    return np.repeat(start - at, lens) + np.arange(int(lens.sum()), dtype=np.int64), at


def _segments(counts: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """For segments of ``counts`` elements: each element's segment and its position inside it."""
    starts = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    seg = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    return seg, np.arange(int(counts.sum()), dtype=np.int64) - starts[seg]


@dataclass(frozen=True)
class TokenBound:
    """How the token similarity of an algorithm is bounded: a rapidfuzz normalised similarity never below it
    wherever it is not 0, and the lowest value at which it is not 0 (initials, nicknames and exact tokens are
    handled apart). clearance-name@1/@2: the Levenshtein similarity from the lowest typo cutoff (``LEVENSHTEIN``);
    clearance-name@3 defines its own (``clearance.screening.bound3``). ``spelt_alike`` (clearance-name@3): a person's
    name parts that differ only in their vowels (``namesim.spelt_alike``) agree ``1 - SPELT_ALIKE_EDITS / longer
    length`` however far apart they are letter for letter."""

    scorer: Any
    cutoff: float
    spelt_alike: bool = False


LEVENSHTEIN = TokenBound(Levenshtein.normalized_similarity, _CUTOFF)


def _pair_similarity(left: Sequence[str], left_ids: NDArray[np.int64], right: Sequence[str],
                     right_ids: NDArray[np.int64], worth: NDArray[np.bool_] | None = None,
                     token: TokenBound = LEVENSHTEIN) -> NDArray[np.float64]:
    """``token``'s similarity (0 below its cutoff; default: Levenshtein from the lowest typo cutoff) of
    left[left_ids[k]] and right[right_ids[k]], each distinct pair of strings computed once; 0 without computing
    it where ``worth`` is False."""
    if worth is not None:
        out = np.zeros(len(left_ids), dtype=np.float64)
        out[worth] = _pair_similarity(left, left_ids[worth], right, right_ids[worth], token=token)
        return out
    if not len(left_ids):
        return np.zeros(0, dtype=np.float64)
    key = left_ids * len(right) + right_ids
    uniq, inv = unique_inverse(key)
    a = pick(left, uniq // len(right))
    b = pick(right, uniq % len(right))
    sim = process.cpdist(a, b, scorer=token.scorer, score_cutoff=token.cutoff, dtype=np.float64)
    return np.asarray(sim, dtype=np.float64)[inv]


_skeleton_of = lru_cache(maxsize=200_000)(skeleton)


def _skeleton_bound(left: Sequence[str], left_ids: NDArray[np.int64], right: Sequence[str],
                    right_ids: NDArray[np.int64], cutoff: float) -> NDArray[np.float64]:
    """A number never below ``namesim._skeleton_sim`` of left[left_ids[k]] and right[right_ids[k]] where that
    similarity reaches ``cutoff`` (0 where it provably does not): SKELETON_DISCOUNT times the Levenshtein similarity of
    the two consonant skeletons (a skeleton of one sound scores SKELETON_DISCOUNT or 0, an empty one 0)."""
    if not len(left_ids):
        return np.zeros(0, dtype=np.float64)
    key = left_ids * len(right) + right_ids
    uniq, inv = unique_inverse(key)
    a = [_skeleton_of(t) for t in pick(left, uniq // len(right))]
    b = [_skeleton_of(t) for t in pick(right, uniq % len(right))]
    sim = np.asarray(process.cpdist(a, b, scorer=Levenshtein.normalized_similarity, dtype=np.float64),
                     dtype=np.float64) * SKELETON_DISCOUNT
    sim = np.where(sim + EPS >= cutoff, sim + EPS, 0.0)
    return np.asarray(sim[inv], dtype=np.float64)


def _join_ok(sim: NDArray[np.float64], token_len: NDArray[np.int64], run_len: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Whether a token could be joined to a run (``namesim._join_pass``): the token has 3+ letters, the run is
    at most 1.5 times as long + 1, and equal to it below 6 letters, else within the typo cutoff."""
    need = np.where(token_len < 6, _JOIN_EXACT, _CUTOFF)
    return np.asarray((sim >= need) & (run_len <= 1.5 * token_len + 1) & (token_len >= 3))


def _across(queries: Sequence[NameForm], flat: FlatNames, pk: NDArray[np.int64], pn: NDArray[np.int64],
            ) -> NDArray[np.bool_]:
    """Which pairs ``namesim.name_similarity`` compares across scripts: a phonetic name on one side only, or both
    phonetic in other scripts (every pair with a phonetic side when the flat names keep no scripts)."""
    q_phon = np.array([q.phonetic for q in queries], dtype=bool)[pk]
    c_phon = flat.phonetic[pn]
    if flat.scripts is None:
        return np.asarray(q_phon | c_phon)
    number = {s: i for i, s in enumerate(flat.script_sets)}
    q_scripts = np.array([number.get(q.scripts, -1) for q in queries], dtype=np.int64)[pk]
    return np.asarray((q_phon != c_phon) | (q_phon & (q_scripts != flat.scripts[pn])))


CompactGate = Callable[[NameForm, FlatNames, int], bool]
CompareGate = Callable[[NameForm, FlatNames, int, bool], bool]


def _spelt_alike_bound(sims: NDArray[np.float64], la: NDArray[np.int64], lb: NDArray[np.int64], qtoks: list[str],
                       q_ids: NDArray[np.int64], q_first: NDArray[np.int64], flat: FlatNames,
                       c_tok: NDArray[np.int64]) -> None:
    """Raise (in place) ``sims`` of the word pairs that ``namesim.spelt_alike`` reads as one person's name part spelt
    otherwise to the similarity clearance-name@3 gives them: as long as each other, SPELT_ALIKE_MIN letters or more,
    the same first letter, the same consonants in the same places (each distinct word's ``consonants`` computed
    once). Words read as pinyin, which @3 does not count as spelt alike, are raised too: a bound may be higher than
    the score, never lower."""
    at = np.flatnonzero((la >= SPELT_ALIKE_MIN) & (la == lb) & (q_first == flat.vocab_first[c_tok]))
    if not len(at):
        return
    keys: dict[str, int] = {}
    q_key = np.array([keys.setdefault(consonants(t), len(keys)) for t in qtoks], dtype=np.int64)
    c_ids, c_inv = np.unique(c_tok[at], return_inverse=True)
    c_key = np.array([keys.get(consonants(flat.vocab[v]), -1) for v in c_ids.tolist()], dtype=np.int64)
    same = np.flatnonzero(q_key[q_ids[at]] == c_key[c_inv])
    if len(same):
        k = at[same]
        sims[k] = np.maximum(sims[k], 1.0 - SPELT_ALIKE_EDITS / la[k])


def upper_bounds_chunk(queries: Sequence[NameForm], flat: FlatNames, names: Sequence[NDArray[np.int64]],
                       person: bool = False, token: TokenBound = LEVENSHTEIN,
                       compact_gate: CompactGate | None = None, join_always: bool = False,
                       below: float = -math.inf, compare_gate: CompareGate | None = None,
                       across: bool = False) -> list[NDArray[np.float64]]:
    """For each of ``queries``: a number per index name in ``names[k]`` never below the raw name score of the
    pair compared as organisations (as persons when ``person``: ``flat`` then holds the names prepared as
    persons; an initial counts 0.8 against a word it starts, a nickname 0.9); SCORE_IT when the pair must be
    scored to know (not both distinctive, or a script whose transliterations vary on either side). Every
    query-name pair of the chunk is handled by a few numpy and rapidfuzz ``cpdist`` calls, each distinct pair
    of words compared once. ``compact_gate(query, flat, name)`` (clearance-name@3): whether the score of the
    names joined ("compact" method) can count for that pair; where it cannot, the compact term is left out.
    ``join_always``: words written together or apart (the joined pass) are looked for in every pair, not only
    where the word counts differ or a name has no spaces (clearance-name@3 may join in any pair).
    ``below``: the caller only asks which bounds reach it (``skip_below``); the compact gate is then not asked
    where the compact term stays under it anyway (that bound may be higher, never lower, and is on the same side
    of ``below``). ``compare_gate(query, flat, name, person)`` (clearance-name@3): whether a pair of which one name
    is not distinctive is compared at all (``comparable`` or compared loosely); where it is not, its score is 0
    (otherwise such a pair is scored to know). ``across`` (clearance-name@3): pairs in scripts whose
    transliterations vary (a phonetic name on either side) are bounded too, with what ``namesim.name_similarity``
    adds across scripts: each pair of words also by its consonant skeletons (``_skeleton_bound``), words joined to
    a run of any first letter and by skeletons too, the names joined ("compact") in every such pair, and the whole
    names' skeletons (SKELETON_DISCOUNT * COMPACT_DISCOUNT times their Levenshtein similarity); the index's flat
    names keep no skeleton: a name's is its joined words' (``NameForm.skeleton`` is ``skeleton(compact)``)."""
    out = [np.full(len(n), SCORE_IT, dtype=np.float64) for n in names]
    if compare_gate is not None:
        for k, q in enumerate(queries):
            if not len(names[k]):
                continue
            these = np.asarray(names[k], dtype=np.int64)
            either = np.flatnonzero(~flat.distinctive[these]) if q.distinctive else np.arange(len(these))
            for j in either.tolist():
                if not compare_gate(q, flat, int(these[j]), person):
                    out[k][j] = 0.0
    # the pairs that are bounded: both distinctive, neither in a script whose transliterations vary
    good_q = [k for k, q in enumerate(queries)
              if q.tokens and (across or not q.phonetic) and q.distinctive and len(names[k])]
    if not good_q:
        return out
    pk = np.concatenate([np.full(len(names[k]), k, dtype=np.int64) for k in good_q])
    pn = np.concatenate([np.asarray(names[k], dtype=np.int64) for k in good_q])
    slot = np.concatenate([np.arange(len(names[k]), dtype=np.int64) for k in good_q])
    ok = flat.distinctive[pn] if across else flat.distinctive[pn] & ~flat.phonetic[pn]
    pk, pn, slot = pk[ok], pn[ok], slot[ok]
    if not len(pk):
        return out
    n_pairs = len(pk)
    cross = _across(queries, flat, pk, pn) if across else np.zeros(n_pairs, dtype=bool)
    # the queries' tokens, in a table of their own
    qvocab: dict[str, int] = {}
    q_start = np.zeros(len(queries) + 1, dtype=np.int64)
    q_ids: list[int] = []
    q_w: list[float] = []
    for k, q in enumerate(queries):
        for t in q.tokens:
            q_ids.append(qvocab.setdefault(t, len(qvocab)))
        q_w.extend(q.weights)
        q_start[k + 1] = len(q_ids)
    qtoks = list(qvocab)
    qtok_len = np.array([len(t) for t in qtoks], dtype=np.int64)
    qtok_first = np.array([ord(t[0]) for t in qtoks], dtype=np.int64)
    q_ids_a = np.array(q_ids, dtype=np.int64)
    q_w_a = np.array(q_w, dtype=np.float64)
    nq = q_start[pk + 1] - q_start[pk]
    nc = flat.tok_start[pn + 1] - flat.tok_start[pn]
    cpos, cat = _ranges(flat.tok_start[pn], flat.tok_start[pn + 1])  # every candidate token, pair by pair
    # every (pair, query token, candidate token): order pair, query token, candidate token
    pair_of, within = _segments(nq * nc)
    qi = within // nc[pair_of]
    cj = within % nc[pair_of]
    e_q = q_start[pk][pair_of] + qi  # into the query token arrays
    e_c = cat[pair_of] + cj  # into cpos
    c_tok = flat.tok_ids[cpos[e_c]].astype(np.int64)
    la, lb = qtok_len[q_ids_a[e_q]], flat.vocab_len[c_tok]
    # a normalised similarity of 0.66 (Levenshtein or OSA: the distance is at least the difference of the
    # lengths) needs the shorter word to be at least 0.66 of the longer
    sims = _pair_similarity(qtoks, q_ids_a[e_q], flat.vocab, c_tok,
                            np.minimum(la, lb) >= token.cutoff * np.maximum(la, lb), token)
    if person:
        initial = ((la == 1) | (lb == 1)) & (qtok_first[q_ids_a[e_q]] == flat.vocab_first[c_tok])
        sims = np.where(initial, np.maximum(sims, INITIAL_SIM), sims)
        nick_keys = [qid * len(flat.vocab) + vid for t, qid in qvocab.items()
                     for n in vocabulary().nicknames.get(t, ()) if (vid := flat.vocab_ids.get(n)) is not None]
        if nick_keys:
            nick = np.isin(q_ids_a[e_q] * len(flat.vocab) + c_tok, np.array(nick_keys, dtype=np.int64))
            sims = np.where(nick, np.maximum(sims, NICKNAME_SIM), sims)
        if token.spelt_alike:
            _spelt_alike_bound(sims, la, lb, qtoks, q_ids_a[e_q], qtok_first[q_ids_a[e_q]], flat, c_tok)
    if cross.any():  # across scripts two words also match by their consonant skeletons
        xe = np.flatnonzero(cross[pair_of])
        sims[xe] = np.maximum(sims[xe], _skeleton_bound(qtoks, q_ids_a[e_q[xe]], flat.vocab, c_tok[xe], _CUTOFF))
    qslot_start = np.zeros(n_pairs, dtype=np.int64)  # (pair, query token) slots
    np.cumsum(nq[:-1], out=qslot_start[1:])
    seg_counts = np.repeat(nc, nq)
    seg_starts = np.zeros(len(seg_counts), dtype=np.int64)
    np.cumsum(seg_counts[:-1], out=seg_starts[1:])
    best_q = np.maximum.reduceat(sims, seg_starts)  # each (pair, query token): its best similarity
    best_c = np.zeros(len(cpos), dtype=np.float64)
    np.maximum.at(best_c, e_c, sims)  # each (pair, candidate token)
    q_unspaced = np.array([q.unspaced for q in queries], dtype=bool)
    reseg = (nc != nq) | flat.unspaced[pn] | q_unspaced[pk] | cross  # across scripts: the compact method too
    join = np.ones(n_pairs, dtype=bool) if join_always else reseg
    if join.any():
        _chunk_joins(queries, flat, pk, pn, nq, join, q_start, q_ids_a, qtoks, (qtok_len, qtok_first), cpos, cat,
                     qslot_start, best_q, best_c, cross)
    slot_pair, slot_i = _segments(nq)
    upper_q = np.add.reduceat(q_w_a[q_start[pk][slot_pair] + slot_i] * best_q, qslot_start)
    upper_c = np.add.reduceat(flat.tok_weight[cpos] * best_c, cat)
    wq = np.array([q.weight for q in queries], dtype=np.float64)[pk]
    wc = flat.name_weight[pn]
    share_q = np.minimum(1.0, np.divide(upper_q, wq, out=np.zeros(n_pairs), where=wq > 0))
    share_c = np.minimum(1.0, np.divide(upper_c, wc, out=np.zeros(n_pairs), where=wc > 0))
    hi_share = coverage_score(0.0, 1.0, person)  # the scorer's weight of the larger share (its alpha: 1 - this)
    lo, hi = np.minimum(share_q, share_c), np.maximum(share_q, share_c)
    bound = np.where((wc > 0) & (wq > 0), (1.0 - hi_share) * lo + hi_share * hi, 0.0)
    if reseg.any():
        at = np.flatnonzero(reseg)
        comp = process.cpdist([queries[k].compact for k in pk[at].tolist()], pick(flat.compact, pn[at]),
                              scorer=Levenshtein.normalized_similarity, dtype=np.float64) * COMPACT_DISCOUNT
        if compact_gate is not None:
            js = np.flatnonzero((comp > bound[at]) & (comp + EPS >= below))
            for j, k, n in zip(js.tolist(), pk[at[js]].tolist(), pn[at[js]].tolist(), strict=True):
                if not compact_gate(queries[k], flat, n):
                    comp[j] = 0.0
        bound[at] = np.maximum(bound[at], comp)
    if cross.any():  # the whole names' consonant skeletons ("skeleton" method), where both have 3 sounds or more
        at = np.flatnonzero(cross)
        q_sk = [queries[k].skeleton for k in pk[at].tolist()]
        c_sk = [_skeleton_of(c) for c in pick(flat.compact, pn[at])]
        sk = np.asarray(process.cpdist(q_sk, c_sk, scorer=Levenshtein.normalized_similarity, dtype=np.float64),
                        dtype=np.float64) * SKELETON_DISCOUNT * COMPACT_DISCOUNT
        long_enough = np.array([min(len(a), len(b)) >= 3 for a, b in zip(q_sk, c_sk, strict=True)], dtype=bool)
        bound[at] = np.maximum(bound[at], np.where(long_enough, sk, 0.0))
    bound += EPS
    at_k = np.zeros(len(names) + 1, dtype=np.int64)  # each query's first slot in one array of every query's slots
    np.cumsum([len(n) for n in names], out=at_k[1:])
    every = np.concatenate(out) if out else np.zeros(0, dtype=np.float64)  # SCORE_IT, or 0 where not compared
    every[at_k[pk] + slot] = bound
    return np.split(every, at_k[1:-1].tolist()) if len(names) else []


def _chunk_joins(queries: Sequence[NameForm], flat: FlatNames, pk: NDArray[np.int64], pn: NDArray[np.int64],
                 nq: NDArray[np.int64], reseg: NDArray[np.bool_], q_start: NDArray[np.int64],
                 q_ids: NDArray[np.int64], qtoks: list[str], qtok_info: tuple[NDArray[np.int64], NDArray[np.int64]],
                 cpos: NDArray[np.int64],
                 cat: NDArray[np.int64], qslot_start: NDArray[np.int64], best_q: NDArray[np.float64],
                 best_c: NDArray[np.float64], cross: NDArray[np.bool_] | None = None) -> None:
    """Set to 1 (in place) every token the joined pass could cover, in the pairs of ``reseg``.

    Across one script (the only pairs bounded) the joined pass only joins a token to a run that starts with
    the token's first letter; the similarity is computed only where that and the lengths allow a join. Across
    scripts (``cross``) a run may start with any letter and a token of 6 letters or more also joins a run whose
    consonant skeleton agrees (``namesim._join_pass`` with ``phonetic``).
    """
    if cross is None:
        cross = np.zeros(len(pk), dtype=bool)
    qtok_len, qtok_first = qtok_info
    rp = np.flatnonzero(reseg)
    # a query token against runs of the candidate's tokens
    r_n = flat.run_start[pn[rp] + 1] - flat.run_start[pn[rp]]
    rpos, _ = _ranges(flat.run_start[pn[rp]], flat.run_start[pn[rp] + 1])
    run_pair = np.repeat(rp, r_n)  # the pair of each run
    if len(rpos):
        pair_runs = nq[run_pair]  # elements: (run, query token)
        run_of, qi = _segments(pair_runs)
        e_q = q_start[pk[run_pair[run_of]]] + qi
        e_r = rpos[run_of]
        t_len, r_len = qtok_len[q_ids[e_q]], flat.run_len[e_r]
        x = cross[run_pair[run_of]]
        worth = _join_ok(np.ones(len(e_r)), t_len, r_len) & ((qtok_first[q_ids[e_q]] == flat.run_first[e_r]) | x)
        worth &= (t_len >= 6) | (t_len == r_len)  # below 6 letters only an equal run joins
        sims = _pair_similarity(qtoks, q_ids[e_q], flat.run_text, e_r, worth)
        xs = np.flatnonzero(worth & x & (t_len >= 6))
        if len(xs):
            sims[xs] = np.maximum(sims[xs], _skeleton_bound(qtoks, q_ids[e_q[xs]], flat.run_text, e_r[xs], _CUTOFF))
        hit = np.flatnonzero(_join_ok(sims, t_len, r_len) & worth)
        if len(hit):
            p = run_pair[run_of[hit]]
            best_q[qslot_start[p] + qi[hit]] = 1.0
            covered, _ = _ranges(cat[p] + flat.run_lo[e_r[hit]], cat[p] + flat.run_hi[e_r[hit]])
            best_c[covered] = 1.0
    # a candidate token against runs of the query's tokens
    q_runs: dict[str, int] = {}
    qr_start = np.zeros(len(queries) + 1, dtype=np.int64)
    qr_id: list[int] = []
    qr_span: list[tuple[int, int]] = []
    for k, q in enumerate(queries):
        spelt = written_tokens(q) if q.renamed else q.tokens
        for a, b in _run_spans(len(q.tokens)):
            qr_id.append(q_runs.setdefault("".join(q.tokens[a:b]), len(q_runs)))
            qr_span.append((a, b))
            if spelt[a:b] != q.tokens[a:b]:  # (a run as written too, ``written_tokens``)
                qr_id.append(q_runs.setdefault("".join(spelt[a:b]), len(q_runs)))
                qr_span.append((a, b))
        qr_start[k + 1] = len(qr_id)
    if not q_runs:
        return
    run_texts = list(q_runs)
    run_text_len = np.array([len(t) for t in run_texts], dtype=np.int64)
    run_first = np.array([ord(t[0]) for t in run_texts], dtype=np.int64)
    qr_span_a = np.array(qr_span, dtype=np.int64).reshape(-1, 2)
    qr_id_a = np.array(qr_id, dtype=np.int64)
    n_qr = (qr_start[pk + 1] - qr_start[pk])[rp]
    nc = np.diff(np.append(cat, len(cpos)))[rp]
    elems = nc * n_qr  # (pair, candidate token, query run)
    if not elems.sum():
        return
    pair_of, within = _segments(elems)
    cj = within // n_qr[pair_of]
    ri = within % n_qr[pair_of]
    pairs = rp[pair_of]
    c_at = cat[pairs] + cj
    span_at = qr_start[pk[pairs]] + ri
    run_ids = qr_id_a[span_at]
    tok = flat.tok_ids[cpos[c_at]].astype(np.int64)
    t_len, r_len = flat.vocab_len[tok], run_text_len[run_ids]
    x = cross[pairs]
    worth = _join_ok(np.ones(len(tok)), t_len, r_len) & ((flat.vocab_first[tok] == run_first[run_ids]) | x)
    worth &= (t_len >= 6) | (t_len == r_len)
    sims = _pair_similarity(flat.vocab, tok, run_texts, run_ids, worth)
    xs = np.flatnonzero(worth & x & (t_len >= 6))
    if len(xs):
        sims[xs] = np.maximum(sims[xs], _skeleton_bound(flat.vocab, tok[xs], run_texts, run_ids[xs], _CUTOFF))
    hit = np.flatnonzero(_join_ok(sims, t_len, r_len) & worth)
    if len(hit):
        best_c[c_at[hit]] = 1.0
        span = qr_span_a[span_at[hit]]
        covered, _ = _ranges(qslot_start[pairs[hit]] + span[:, 0], qslot_start[pairs[hit]] + span[:, 1])
        best_q[covered] = 1.0
