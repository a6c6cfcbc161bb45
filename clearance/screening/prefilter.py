"""An exact pre-filter: candidates that cannot reach the reporting floor are not scored in Python.

For clearance-name@1 and @2, ``upper_bounds_flat`` computes, for one query name against many list names at
once (rapidfuzz's C++ ``cdist`` and numpy over the index's ``FlatNames``), a number that is never below the
raw name score ``_name_raw`` gives the pair when both are compared as organisations. The bound follows
``namesim.name_similarity`` step by step:

- two names that are not ``comparable`` score 0, unless the algorithm compares them loosely (then: scored);
- a pair across scripts (a phonetic name on either side) is always scored (skeleton matches are not bounded);
- the token alignment pairs each token with at most one other, at a similarity no higher than the token's
  best similarity with any token of the other name; that similarity is at most the Levenshtein similarity
  of the two tokens when it reaches the lowest typo cutoff (0.66), 1 for equal tokens (organisations have
  no initial or nickname matches); so each side's matched weight is at most the sum of its tokens' weights
  times their best similarity, and the coverage score (increasing in both shares) at most that of these sums;
- the "compact" method adds at most the Levenshtein similarity of the joined names times its discount;
- a token that could equal a run of the other name's tokens (the "joined" pass), and the run's tokens,
  count as fully matched;
- every later step (single-weak cap, word and number conflicts, legal-form penalty, clipping) only lowers it.

``skip_below`` turns the reporting floor into the raw name score below which a candidate's final score is
provably under the floor: below the algorithm's evidence floor no country, birth-date or identifier evidence
is added, and the weak-alias and loose caps only lower a score. ``clearance.screening.screen`` scores in full
every entity with a name at or above it, exactly as before, so the reported hits are unchanged
(tests/screening/test_prefilter.py compares both paths).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clearance.screening.namesim import COMPACT_DISCOUNT, LONG_TOKEN_CUTOFF, coverage_score
from clearance.text.names import NameForm

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


def _join_matrix(tokens: Sequence[str], runs: Sequence[str]) -> NDArray[np.bool_]:
    """token x run: whether the token (3+ letters) could be joined to the run: equal below 6 letters, else a
    Levenshtein similarity of 0.66, the run at most 1.5 times the token's length + 1 (first letters not checked)."""
    sim = process.cdist(tokens, runs, scorer=Levenshtein.normalized_similarity, score_cutoff=_CUTOFF,
                        dtype=np.float64)
    tlen = np.array([len(t) for t in tokens], dtype=np.float64)[:, None]
    rlen = np.array([len(r) for r in runs], dtype=np.float64)[None, :]
    need = np.where(tlen < 6, _JOIN_EXACT, _CUTOFF)
    return np.asarray((sim >= need) & (rlen <= 1.5 * tlen + 1) & (tlen >= 3))


@dataclass(frozen=True)
class FlatNames:
    """Every list name of an index as flat arrays (built with the index, pickled with it): what
    ``upper_bounds_flat`` needs to bound a query against many names without touching their Python objects.

    Name number n (``ScreeningIndex.name_owner`` order) has the tokens ``tok_ids[tok_start[n]:tok_start[n+1]]``
    (numbers into ``vocab``) and the joined runs ``run_text[run_start[n]:run_start[n+1]]``, each covering the
    name's tokens ``run_lo..run_hi`` (positions relative to the name's first token).
    """

    vocab: tuple[str, ...]
    tok_start: NDArray[np.int64]
    tok_ids: NDArray[np.int32]
    tok_weight: NDArray[np.float64]
    name_weight: NDArray[np.float64]
    compact: tuple[str, ...]
    distinctive: NDArray[np.bool_]
    phonetic: NDArray[np.bool_]
    unspaced: NDArray[np.bool_]
    run_start: NDArray[np.int64]
    run_text: tuple[str, ...]
    run_lo: NDArray[np.int32]
    run_hi: NDArray[np.int32]
    entity_first: NDArray[np.int64]  # entity number -> its first name number


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
    for forms in forms_by_entity:
        for f in forms:
            for t in f.tokens:
                tok_ids.append(vocab.setdefault(t, len(vocab)))
            tok_w.extend(f.weights)
            tok_start.append(len(tok_ids))
            name_w.append(f.weight)
            compact.append(f.compact)
            dist.append(f.distinctive)
            phon.append(f.phonetic)
            unsp.append(f.unspaced)
            for lo, hi in _run_spans(len(f.tokens)):
                run_text.append("".join(f.tokens[lo:hi]))
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
    )


def _ranges(start: NDArray[np.int64], stop: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The concatenation of ``range(start[k], stop[k])`` for every k, and where each range begins in it."""
    lens = stop - start
    at = np.zeros(len(lens), dtype=np.int64)
    np.cumsum(lens[:-1], out=at[1:])
    return np.repeat(start - at, lens) + np.arange(int(lens.sum()), dtype=np.int64), at


def upper_bounds_flat(q: NameForm, flat: FlatNames, names: NDArray[np.int64]) -> NDArray[np.float64]:
    """For each index name numbered in ``names``: a number never below the raw name score of (``q``, that name)
    compared as organisations; SCORE_IT when the pair must be scored to know (not both distinctive, or a
    script whose transliterations vary on either side)."""
    out = np.full(len(names), SCORE_IT, dtype=np.float64)
    qt = q.tokens
    if not qt or q.phonetic or not q.distinctive or not len(names):
        return out
    ok = flat.distinctive[names] & ~flat.phonetic[names]
    todo = names[ok]
    if not len(todo):
        return out
    pos, at = _ranges(flat.tok_start[todo], flat.tok_start[todo + 1])
    ntok = flat.tok_start[todo + 1] - flat.tok_start[todo]
    if (ntok == 0).any():  # a distinctive name has tokens: never here, but no bound without them
        return out
    uniq, inv = np.unique(flat.tok_ids[pos], return_inverse=True)
    words = [flat.vocab[i] for i in uniq.tolist()]
    sim = process.cdist(qt, words, scorer=Levenshtein.normalized_similarity, score_cutoff=_CUTOFF, dtype=np.float64)
    m = sim[:, inv]
    best_q = np.maximum.reduceat(m, at, axis=1)
    best_c = m.max(axis=0)
    reseg = (ntok != len(qt)) | flat.unspaced[todo] | q.unspaced
    if reseg.any():
        # a query token against runs of a candidate's tokens
        rpos, _ = _ranges(flat.run_start[todo], flat.run_start[todo + 1])
        rowner = np.repeat(np.arange(len(todo)), flat.run_start[todo + 1] - flat.run_start[todo])
        keep = reseg[rowner]
        rpos, rowner = rpos[keep], rowner[keep]
        if len(rpos):
            ok_qr = _join_matrix(qt, [flat.run_text[i] for i in rpos.tolist()])  # query token x run
            hit = np.flatnonzero(ok_qr.any(axis=0))
            for r in hit.tolist():
                n = int(rowner[r])
                base = int(at[n])
                best_c[base + int(flat.run_lo[rpos[r]]): base + int(flat.run_hi[rpos[r]])] = 1.0
                best_q[ok_qr[:, r], n] = 1.0
        # a candidate token against runs of the query's tokens
        q_spans = _run_spans(len(qt))
        if q_spans:
            ok_tr = _join_matrix(words, ["".join(qt[a:b]) for a, b in q_spans])  # unique token x query run
            joinable = np.asarray(ok_tr.any(axis=1))
            if joinable.any():
                owner = np.repeat(np.arange(len(todo)), ntok)
                for p in np.flatnonzero(joinable[inv] & reseg[owner]).tolist():
                    best_c[p] = 1.0
                    for r in np.flatnonzero(ok_tr[inv[p]]).tolist():
                        best_q[q_spans[r][0]:q_spans[r][1], owner[p]] = 1.0
    qw = np.array(q.weights, dtype=np.float64)
    upper_q = qw @ best_q
    upper_c = np.add.reduceat(flat.tok_weight[pos] * best_c, at)
    wq = q.weight
    wc = flat.name_weight[todo]
    share_q = np.minimum(1.0, upper_q / wq) if wq else np.zeros(len(todo))
    share_c = np.minimum(1.0, np.divide(upper_c, wc, out=np.zeros(len(todo)), where=wc > 0))
    hi_share = coverage_score(0.0, 1.0, False)
    lo, hi = np.minimum(share_q, share_c), np.maximum(share_q, share_c)
    bound = np.where((wc > 0) & (wq > 0), (1.0 - hi_share) * lo + hi_share * hi, 0.0)
    if reseg.any():
        comp = process.cdist([q.compact], [flat.compact[i] for i in todo.tolist()],
                             scorer=Levenshtein.normalized_similarity, dtype=np.float64)[0] * COMPACT_DISCOUNT
        bound = np.where(reseg, np.maximum(bound, comp), bound)
    out[ok] = bound + EPS
    return out
