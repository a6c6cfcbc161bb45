"""A frozen, picklable screening index over the entities of one or more list versions."""

from __future__ import annotations

import itertools
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from clearance.model.entity import Entity, Schema
from clearance.screening.blocking import MIN_DELETE_LEN, name_keys, query_keys
from clearance.screening.forms3 import prepare3
from clearance.screening.model import ListVersion
from clearance.screening.prefilter import FlatNames, flatten
from clearance.screening.prepared import PreparedEntity, PreparedName, id_key, prepare_entity
from clearance.screening.uniq import unique_inverse
from clearance.text.names import NameForm, prepare
from clearance.text.terms import vocabulary

MAX_CANDIDATES = 30  # entities scored in full per query
PRUNE_SHARE = 0.3  # names sharing less than this share of the best name's key weight are not scored
LENGTH_TIEBREAK = 0.01  # per character of length difference: far below one shared key's weight
NAMES_PER_ENTITY = 3  # names looked at per candidate entity (their best-blocked names)
RERANK_POOL = 200  # names reranked by the algorithm's cheap score (clearance-name@3)
RERANK_MORE = 10  # entities added from the reranked names beyond the MAX_CANDIDATES of the key order
RERANK_MIN = 0.5  # cheap score a reranked name needs to be added
COMMON_DF = 0.02  # keys in more than this share of entities only count when nothing rarer matched
WHOLE_MAX_NAMES = 4  # a whole-name key (``whole_keys``) shared by at most this many names adds them (``add_whole``)
WHOLE_MIN_SOUNDS = 5  # a whole name's consonant skeleton this long or longer is such a key
WHOLE_MIN_JOINED = 8  # a query's words written together this long or longer are such a key
WHOLE_MAX_RUN = 5  # runs of up to this many of a query's words as written (before terms are read) are joined too


class StoredTowns(Protocol):
    """The town tables of a cached index (``ScreeningIndex.stored_towns``): each None when it cannot be read."""

    def listed(self) -> dict[str, frozenset[tuple[str, str]]] | None: ...

    def addressed(self) -> dict[tuple[str, str], tuple[str, frozenset[str]]] | None: ...


@dataclass(frozen=True)
class ScreeningIndex:
    """Entities prepared for matching, blocking postings and the versions of the lists they came from."""

    entities: Sequence[PreparedEntity]  # a tuple, or entities unpickled on first use (workflows.index_cache)
    postings: Mapping[str, NDArray[np.int32]]  # key -> name numbers (array('i'))
    identifiers: Mapping[str, NDArray[np.int32]]  # identifier key -> entity numbers
    name_owner: NDArray[np.int32]  # name number -> entity number
    name_pos: NDArray[np.int32]  # name number -> position in the entity's prepared names
    name_len: NDArray[np.int32]  # name number -> length of the name's compact form (ties go to the closest length)
    versions: Mapping[str, ListVersion] = field(default_factory=dict)
    alias_unmatched: int = 0  # alias-table rows whose entity key is not in the index
    flat: FlatNames | None = None  # every name as flat arrays, for the pre-filter (None: built before it)
    flat_person: FlatNames | None = None  # the same, every name prepared as a person's name
    flat3: FlatNames | None = None  # every name as clearance-name@3 prepares it (``prepare3``), organisation reading
    flat3_person: FlatNames | None = None  # the same, every name prepared by ``prepare3`` as a person's name
    entity_person: NDArray[np.bool_] | None = None  # entity number -> a listed person (no entity unpickled to know)
    entity_list: NDArray[np.int32] | None = None  # entity number -> its list code's number in ``list_codes``
    # entity number -> an entry whose list does not say its kind (Schema.LEGAL_ENTITY: ``algorithm3.entry_of_no_kind``),
    # so that the pre-filter unpickles no entity to know it
    entity_no_kind: NDArray[np.bool_] | None = None
    list_codes: tuple[str, ...] = ()
    # the tables ``towns.listed_towns`` and ``towns.entry_addresses`` make from every entity's addresses, as a cached
    # index stores them (``workflows.index_cache``), read when first asked for; None (or None returned): made from
    # the entities, which unpickles every one of them (seconds of CPU, paid by a one-row run of a line with a comma)
    stored_towns: StoredTowns | None = None

    def is_person_entity(self, i: int) -> bool:
        """Whether entity ``i`` is a listed person (from ``entity_person`` when the index has it)."""
        if self.entity_person is not None:
            return bool(self.entity_person[i])
        return self.entities[i].entity.schema is Schema.PERSON

    def in_lists(self, found: dict[int, list[int]], lists: Sequence[str]) -> dict[int, list[int]]:
        """The candidates of ``found`` listed on one of ``lists``."""
        if self.entity_list is None:
            return {i: p for i, p in found.items() if self.entities[i].entity.list_code in lists}
        wanted = {n for n, code in enumerate(self.list_codes) if code in lists}
        return {i: p for i, p in found.items() if int(self.entity_list[i]) in wanted}

    def __len__(self) -> int:
        return len(self.entities)

    @property
    def name_count(self) -> int:
        return sum(len(e.names) for e in self.entities)

    def idf(self, key: str) -> float:
        df = len(self.postings.get(key, ()))
        return math.log(1 + len(self.entities) / (1 + df))

    def candidates(
        self, form: NameForm, id_keys: Iterable[str] = (), limit: int = MAX_CANDIDATES,
        keys: Iterable[str] | None = None, rerank: Callable[[PreparedName], float] | None = None,
        rerank_many: Callable[[NDArray[np.int64]], NDArray[np.float64]] | None = None,
    ) -> dict[int, list[int]]:
        """Entity number -> positions of its names that share the most specific blocking keys with ``form``.

        ``keys``: the query's blocking keys (the algorithm's ``query_keys``); default ``query_keys(form)``.
        ``rerank`` (clearance-name@3): a cheap score of a list name against the query. After the
        MAX_CANDIDATES entities of the key order, up to RERANK_MORE more are taken from the RERANK_POOL names
        sharing the most key weight, best cheap score first, so that the best candidate is not cut off by many
        names sharing a rarer but unimportant word ("... Shipping Division" against hundreds of divisions).
        ``rerank_many``: the same cheap score of many names at once (their name numbers), used instead of
        ``rerank`` when given (``bound3.candidate_scores3``: the same floats without a Python call per name).
        """
        wanted = query_keys(form) if keys is None else set(keys)
        out: dict[int, list[int]] = {}
        reranked = rerank is not None or rerank_many is not None
        order = self._key_order(form, wanted, RERANK_POOL if reranked else limit * NAMES_PER_ENTITY)
        if order is not None:
            first = order[: limit * NAMES_PER_ENTITY]  # the names @2 looks at
            _collect(out, self.name_owner[first].tolist(), self.name_pos[first].tolist(), limit)
            if reranked:  # then up to RERANK_MORE more entities, best by the algorithm's cheap score
                if rerank_many is None:
                    assert rerank is not None
                    rerank_many = self.scores_of(rerank)
                self._collect_reranked(out, order, rerank_many(order.astype(np.int64)))
        for ident in id_keys:
            found = self.identifiers.get(ident)
            for e in found.tolist() if found is not None else ():
                out[e] = list(range(len(self.entities[e].names)))
        return out


    def candidates_many(
        self, forms: Sequence[NameForm], id_keys: Sequence[Iterable[str]], keys: Sequence[Iterable[str]],
        rerank_chunk: Callable[[list[tuple[int, NDArray[np.int64]]]], list[NDArray[np.float64]]],
        limit: int = MAX_CANDIDATES,
    ) -> list[dict[int, list[int]]]:
        """``candidates(forms[k], id_keys[k], keys=keys[k], rerank_many=...)`` for every k, the same dicts in the
        same order, with the keys' weights summed and pruned for the whole chunk at once (one ``unique_inverse`` and
        ``bincount`` over (query, name) numbers: each name's weights are added in the same order as query by
        query, so the floats are the same) and the cheap scores of every query's rerank pool in one call of
        ``rerank_chunk`` ((query number, name numbers) pairs -> their scores; ``bound3.candidate_scores3_many``).
        The top of each query's pool is still chosen by its own ``argpartition`` and stable ``argsort`` (ties
        are broken exactly as ``candidates`` breaks them)."""
        n = max(1, len(self.name_owner))
        width = np.int64(len(self.name_owner) + 1)  # (query, name) -> query * width + name
        # every posting list used, in the order query by query, key by key (the order of ``candidates``), with the
        # query's offset and the key's weight: one concatenation for the chunk gives the same elements in the same
        # order as one per query, so ``unique_inverse`` and ``bincount`` give the same floats
        numbered = self.postings.numbered() if isinstance(self.postings, NumberedPostings) else None
        if numbered is not None:
            joined, weights, more, more_weights = _chunk_postings(keys, numbered, n, width, self._key_weight)
        else:
            joined, weights, more, more_weights = self._chunk_postings_by_key(keys, n, width)
        outs: list[dict[int, list[int]]] = [{} for _ in forms]
        pools: list[tuple[int, NDArray[np.int64]]] = []
        if len(joined):
            pairs, inverse = unique_inverse(joined)
            scores = np.bincount(inverse, weights=weights, minlength=len(pairs)).astype(np.float64)
            if len(more):  # common keys of queries with rare ones, added onto the names found (``_accumulate_onto``)
                at = _positions_in(pairs, more, width, len(forms))
                found = at >= 0
                scores = scores + np.bincount(at[found], weights=more_weights[found],
                                              minlength=len(pairs)).astype(np.float64)
            query = pairs // width
            starts = np.flatnonzero(np.r_[True, query[1:] != query[:-1]])
            top = np.maximum.reduceat(scores, starts)
            keep = scores >= PRUNE_SHARE * np.repeat(top, np.diff(np.r_[starts, len(pairs)]))
            pairs, scores, query = pairs[keep], scores[keep], query[keep]
            hit_all = pairs - query * width
            qlen = np.array([len(f.compact) for f in forms], dtype=np.int64)
            rank_all = scores - LENGTH_TIEBREAK * np.abs(self.name_len[hit_all] - qlen[query])
            bounds = np.searchsorted(query, np.arange(len(forms) + 1, dtype=np.int64))
            for k, (lo, hi) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)):
                if lo == hi:
                    continue
                hit, rank = hit_all[lo:hi], rank_all[lo:hi]
                size = min(len(hit), RERANK_POOL)
                sel = np.argpartition(-rank, size - 1)[:size] if size < len(hit) else np.arange(len(hit))
                order = hit[sel][np.argsort(-rank[sel], kind="stable")]
                first = order[: limit * NAMES_PER_ENTITY]
                _collect(outs[k], self.name_owner[first].tolist(), self.name_pos[first].tolist(), limit)
                pools.append((k, order))
        for (k, order), better in zip(pools, rerank_chunk(pools) if pools else [], strict=True):
            keep = better >= RERANK_MIN
            order, better = order[keep], better[keep]
            order = order[np.argsort(-better, kind="stable")]  # ties keep the key order
            _collect(outs[k], self.name_owner[order].tolist(), self.name_pos[order].tolist(),
                     len(outs[k]) + RERANK_MORE)
        for out, idents in zip(outs, id_keys, strict=True):
            for ident in idents:
                got = self.identifiers.get(ident)
                for e in got.tolist() if got is not None else ():
                    out[e] = list(range(len(self.entities[e].names)))
        return outs

    def _chunk_postings_by_key(self, keys: Sequence[Iterable[str]], n: int, width: np.int64,
                               ) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64],
                                          NDArray[np.float64]]:
        """``candidates_many``'s posting lists of a mapping of posting lists (an index built in this process): the
        (query * width + name) numbers of the keys used and each one's key weight, then the same of the common keys
        added onto the names found (``_chunk_postings`` for numbered postings: the same arrays)."""
        use_arrays: list[NDArray[np.int32]] = []
        use_meta: list[tuple[int, float, int]] = []  # (query, key weight, length) of each posting list used
        more_arrays: list[NDArray[np.int32]] = []
        more_meta: list[tuple[int, float, int]] = []
        weight_of = self._key_weight
        common_df = COMMON_DF * n
        looked: dict[str, tuple[NDArray[np.int32], float, bool] | None] = {}  # a key's postings, once a chunk
        get = self.postings.get
        for k, wanted in enumerate(keys):
            rare: list[tuple[NDArray[np.int32], float, bool]] = []
            common: list[tuple[NDArray[np.int32], float, bool]] = []
            for key in sorted(set(wanted)):  # the key order of ``candidates``
                if key in looked:
                    entry = looked[key]
                else:
                    ids = get(key)
                    entry = looked[key] = None if ids is None else (ids, weight_of(len(ids), n), len(ids) > common_df)
                if entry is not None:
                    (common if entry[2] else rare).append(entry)
            use = rare or common
            for arrays, meta, part in ((use_arrays, use_meta, use), (more_arrays, more_meta, common if rare else [])):
                for ids, weight, _ in part:
                    arrays.append(ids)
                    meta.append((k, weight, len(ids)))
        empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))
        use_out = (_offset_concat(use_arrays, use_meta, width), _repeat_weights(use_meta)) if use_arrays else empty
        more_out = (_offset_concat(more_arrays, more_meta, width), _repeat_weights(more_meta)) if more_arrays else empty
        return use_out[0], use_out[1], more_out[0], more_out[1]

    def add_across(self, out: dict[int, list[int]], form: NameForm, keys: Iterable[str],
                   rerank_many: Callable[[NDArray[np.int64]], NDArray[np.float64]]) -> None:
        """Add to ``out`` up to 2 x RERANK_MORE entities more for a name written in an abjad or a syllabary (Arabic,
        Persian, Hebrew, Chinese, Korean: its own words agree with the listed Latin name only by their consonant
        skeletons or syllables) from the names ranked with each organisation term's typo keys counted once
        (``_typo_postings``): the first of that key order, then the best by the cheap score (at least
        RERANK_MIN). The key order counts a long common term eight times over ("airline": 1 + 7 typo keys),
        which pruned the listed name ('هواپیمایی ماهان' lost "MAHAN AIR" to a hundred airlines);
        counting terms once for every query changed which names the others' pools kept (two listed names lost
        on adversarial cases: R12-14 a false clear, R12-15 a needless CANNOT_CLEAR), so this only adds candidates,
        for these scripts only."""
        wanted = set(keys)
        typo_only = _typo_postings(wanted, self.postings)
        if not typo_only:
            return
        order = self._key_order(form, wanted, RERANK_POOL, typo_only)
        if order is None:
            return
        first = order[: RERANK_MORE * NAMES_PER_ENTITY]  # the best of this key order, as ``candidates`` takes them
        _collect(out, self.name_owner[first].tolist(), self.name_pos[first].tolist(), len(out) + RERANK_MORE)
        self._collect_reranked(out, order, rerank_many(order.astype(np.int64)))

    def add_whole(self, out: dict[int, list[int]], forms: Iterable[NameForm]) -> None:
        """Add to ``out`` the entities of the names that share one of the queries' whole-name keys (``whole_keys``)
        when at most WHOLE_MAX_NAMES names share it. Such a key says more than the words it is made of, but weighs
        as one key in the key order: 'NPO Ural Podshipnik' shares only 'uralpodshipnik' with SDN 'NPO
        URALPODSHIPNIK' while other names share each of its words, their typos and skeletons, and 'Mahdi
        Jafarieh' shares only its skeleton 'mtjpl' and a typo key with 'Mehdi Jafariyeh' (no word exactly, so the
        cheap score does not rerank it either). So does a long word's one-letter typo key (``_long_word_typo_keys``)
        shared by that few names: 'Mohammadhassan Mohaghegi' shares '-mohaghegi' with SDN 'MOHAGHEGHI, Mohammad
        Hassan' alone, but the twelve typo keys of the joined 'mohammadhassan' put another Mohammad Hassan, written so,
        so far ahead that the listed name was pruned (adversarial R50b-11). Only adds: the other candidates and their
        order stay as they were."""
        forms = tuple(forms)
        keys = frozenset[str]().union(*(_whole_keys(f.latin, f.tokens, f.skeleton, f.compact) for f in forms),
                                      *(_long_word_typo_keys(f.tokens) for f in forms))
        for key in sorted(keys):
            ids = self.postings.get(key)
            if ids is None or len(ids) > WHOLE_MAX_NAMES:
                continue
            for owner, position in zip(self.name_owner[ids].tolist(), self.name_pos[ids].tolist(), strict=True):
                got = out.setdefault(owner, [])
                if position not in got:
                    got.append(position)

    def _key_order(self, form: NameForm, wanted: set[str], pool: int,
                   typo_only: Mapping[str, NDArray[np.int32]] | None = None) -> NDArray[np.int32] | None:
        """The names sharing ``wanted`` keys, best first (at most ``pool``; None when no key is indexed): each
        key weighs the log of its rarity, the names' weights are summed (rare keys first: common keys count only
        onto names a rare key found), names below PRUNE_SHARE of the best dropped, ties to the closer length.
        ``typo_only``: posting lists to use instead of a key's own (its weight and class still follow its own)."""
        n = max(1, len(self.name_owner))
        rare: list[tuple[float, NDArray[np.int32]]] = []
        common: list[tuple[float, NDArray[np.int32]]] = []
        for key in sorted(wanted):  # a fixed order: sums (and ties) never depend on the hash seed
            ids = self.postings.get(key)
            if ids is None:
                continue
            weight = self._key_weight(len(ids), n)
            if typo_only is not None:
                ids = typo_only.get(key, ids)
                if not len(ids):
                    continue
            (common if len(ids) > COMMON_DF * n else rare).append((weight, ids))
        use = rare or common
        if not use:
            return None
        # Sparse: only the names that share a key are summed (no array of every name per query).
        hit_ids, scores = _accumulate(use)
        if rare and common:
            scores = scores + _accumulate_onto(common, hit_ids)
        keep = scores >= PRUNE_SHARE * scores.max()
        hit, scores = hit_ids[keep], scores[keep]
        rank = scores - LENGTH_TIEBREAK * np.abs(self.name_len[hit] - len(form.compact))
        k = min(len(hit), pool)
        sel = np.argpartition(-rank, k - 1)[:k] if k < len(hit) else np.arange(len(hit))
        order: NDArray[np.int32] = hit[sel][np.argsort(-rank[sel], kind="stable")]
        return order

    def _collect_reranked(self, out: dict[int, list[int]], order: NDArray[np.int32],
                          better: NDArray[np.float64]) -> None:
        """Add up to RERANK_MORE entities of ``order`` to ``out``, best by their cheap score ``better`` (at least
        RERANK_MIN; ties keep the key order)."""
        keep = better >= RERANK_MIN
        order, better = order[keep], better[keep]
        order = order[np.argsort(-better, kind="stable")]
        _collect(out, self.name_owner[order].tolist(), self.name_pos[order].tolist(), len(out) + RERANK_MORE)

    def scores_of(self, one: Callable[[PreparedName], float]) -> Callable[[NDArray[np.int64]], NDArray[np.float64]]:
        """A cheap score of one listed name (``candidate_score``) as a score of many name numbers at once."""
        def many(order: NDArray[np.int64]) -> NDArray[np.float64]:
            owners, positions = self.name_owner[order].tolist(), self.name_pos[order].tolist()
            return np.array([one(self.entities[o].names[p]) for o, p in zip(owners, positions, strict=True)],
                            dtype=np.float64)
        return many

    @staticmethod
    def _key_weight(df: int, n: int) -> float:
        """A blocking key's weight: the log of how rare it is among the ``n`` names (``df`` of them have it)."""
        return math.log(1 + n / (1 + df))


@lru_cache(maxsize=1)
def _term_words() -> frozenset[str]:
    """The canonical organisation terms ("airline", "tech", "shipping"): the words whose typo keys are counted once."""
    return frozenset(vocabulary().terms.values())


def _typo_postings(keys: set[str], postings: Mapping[str, NDArray[np.int32]]) -> dict[str, NDArray[np.int32]]:
    """The typo keys of ``keys`` (a word's one-deletion variants: ``blocking``) that come from an organisation term
    (``_term_words``) without the names that have the term itself: a name sharing a term counts its weight once,
    not once more per deletion variant. Without this, every name with a long term ("airline": 1 + 7 keys)
    outweighed a name sharing two rarer words eightfold and the pruning dropped the listed name ('هواپیمایی ماهان'
    lost "MAHAN AIR" to 100 airlines: its own word agrees across scripts only by its skeleton). Only terms: a
    person's or brand's word counting with its typo keys keeps the pool of names sharing it exactly (counting those
    once too let names agreeing only by skeletons into the pool: more false person HITs on the calibration set).
    Key -> the names left (class and weight of a key still follow its whole posting list)."""
    out: dict[str, NDArray[np.int32]] = {}
    terms = _term_words()
    for word in keys:
        if len(word) < MIN_DELETE_LEN or word not in terms:
            continue
        exact = postings.get(word)
        if exact is None:
            continue
        for typo in ("-" + word, *(d for i in range(len(word)) for d in (
                word[:i] + word[i + 1:], "-" + word[:i] + word[i + 1:]))):
            if typo not in keys or typo == word:
                continue
            ids = out.get(typo)
            if ids is None:
                ids = postings.get(typo)
                if ids is None:
                    continue
            out[typo] = ids[~np.isin(ids, exact, assume_unique=True)]
    return out


def whole_keys(form: NameForm) -> set[str]:
    """The keys of a name of two or more words that stand for the whole name (or a run of its words) rather than one
    word (``blocking.name_keys`` gives them to every name): its consonant skeleton (WHOLE_MIN_SOUNDS or more), its
    words written together and runs of two or three of them (WHOLE_MIN_JOINED letters or more); and runs of two to
    WHOLE_MAX_RUN of its words as written, before organisation terms are read (``NameForm.latin``): a brand the list
    writes as one word is written in syllables by the Chinese characters read in pinyin or by a customer ('山东粤海通信
    科技' reads 'shan dong yue hai tong xin ke ji', and 'tong xin' is the term "communication": UVL 'Shandong
    Yuehaitongxin Keji Ltd.' shares only 'yuehaitongxin' with it, adversarial R13-08). At most WHOLE_MAX_RUN keys a
    word: O(words)."""
    return set(_whole_keys(form.latin, form.tokens, form.skeleton, form.compact))


LONG_WORD = 8  # a word this long or longer: its one-letter typo keys shared by few names add them (``add_whole``)


@lru_cache(maxsize=4096)
def _long_word_typo_keys(toks: tuple[str, ...]) -> frozenset[str]:
    """The blocking keys that find a long word written with one letter more or less ("-" + the word: a listed word
    with one letter more; the word less one letter: a listed word with one letter less)."""
    out: set[str] = set()
    for t in toks:
        if len(t) >= LONG_WORD and t.isalpha():
            out.add("-" + t)
            out.update(t[:i] + t[i + 1:] for i in range(len(t)))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _whole_keys(latin: str, toks: tuple[str, ...], name_skeleton: str, compact: str) -> frozenset[str]:
    """``whole_keys`` from the only fields it reads (a query's two readings, as written and @3's, often share them)."""
    words = latin.split()
    out: set[str] = set()
    if len(words) >= 2:
        for n in range(2, WHOLE_MAX_RUN + 1):
            out.update(j for i in range(len(words) - n + 1) if len(j := "".join(words[i:i + n])) >= WHOLE_MIN_JOINED)
    if len(toks) < 2:
        return frozenset(out)
    if len(name_skeleton) >= WHOLE_MIN_SOUNDS:
        out.add("~" + name_skeleton)
    for n in (2, 3):
        out.update(j for i in range(len(toks) - n + 1) if len(j := "".join(toks[i:i + n])) >= WHOLE_MIN_JOINED)
    if len(compact) >= WHOLE_MIN_JOINED:
        out.add(compact)
    return frozenset(out)


@runtime_checkable
class NumberedPostings(Protocol):
    """Posting lists kept as one array (``workflows.index_cache.Postings``): each key numbered in the sorted order
    of the keys, key ``i``'s names at ``values[offsets[i]:offsets[i + 1]]``."""

    def numbered(self) -> tuple[Mapping[str, int], NDArray[np.int64], NDArray[np.int32]] | None:
        """(key -> number, offsets, values); None while looking a key up costs less than the dict of every key."""


def _chunk_postings(keys: Sequence[Iterable[str]], numbered: tuple[Mapping[str, int], NDArray[np.int64],
                                                                   NDArray[np.int32]],
                    n: int, width: np.int64, weight_of: Callable[[int, int], float],
                    ) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64], NDArray[np.float64]]:
    """``ScreeningIndex._chunk_postings_by_key`` with the keys as numbers: one dict look-up a key, then each query's
    keys sorted by number (the order of the sorted keys: ``sorted(set(wanted))``), their posting lists' offsets,
    lengths and weights gathered without Python per key. The same arrays: the same names in the same order, each
    key's weight the same float (``weight_of`` once per posting-list length)."""
    number_of, offsets, values = numbered
    sets = [w if isinstance(w, (set, frozenset)) else set(w) for w in keys]
    count = sum(map(len, sets))
    numbers = np.fromiter(map(number_of.get, itertools.chain.from_iterable(sets), itertools.repeat(-1, count)),
                          dtype=np.int64, count=count)
    query = np.repeat(np.arange(len(sets), dtype=np.int64), [len(w) for w in sets])
    known = numbers >= 0
    span = np.int64(len(offsets))
    code = np.unique(query[known] * span + numbers[known])  # by query, then by key
    query = code // span
    number = code - query * span
    starts = offsets[number]
    lengths = offsets[number + 1] - starts
    common = lengths > COMMON_DF * n
    has_rare = np.zeros(len(sets), dtype=bool)
    has_rare[query[~common]] = True
    use = ~common | ~has_rare[query]  # a query's rare keys; its common keys when it has no rare one
    dfs, at = np.unique(lengths, return_inverse=True)
    weight = np.array([weight_of(df, n) for df in dfs.tolist()], dtype=np.float64)[at.reshape(-1)]

    def gather(mask: NDArray[np.bool_]) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        lens = lengths[mask]
        ends = np.cumsum(lens)
        total = int(ends[-1]) if len(ends) else 0
        names = values[np.arange(total, dtype=np.int64) + np.repeat(starts[mask] - (ends - lens), lens)]
        return (names.astype(np.int64) + np.repeat(query[mask] * width, lens), np.repeat(weight[mask], lens))

    joined, weights = gather(use)
    more, more_weights = gather(~use)
    return joined, weights, more, more_weights


TABLE_CELLS = 1 << 20  # cells of the table ``_positions_in`` looks a few queries' names up in (int32: 4 MB)


def _positions_in(pairs: NDArray[np.int64], codes: NDArray[np.int64], width: np.int64, queries: int,
                  ) -> NDArray[np.int64]:
    """The index in ``pairs`` of each of ``codes``, -1 where it is not there. Both are (query * width + name)
    numbers: ``pairs`` ascending and unique, ``codes`` in order of query (names in any order within one). The
    names of a few queries at a time are written into a table of their cells and the codes read from it: the
    indices a binary search of each code finds (``np.searchsorted``), in a few steps a code instead of ~20."""
    out = np.full(len(codes), -1, dtype=np.int64)
    if not len(pairs) or not len(codes):
        return out
    group = max(1, TABLE_CELLS // int(width))  # queries a table holds
    table = np.full(group * int(width), -1, dtype=np.int32)  # (an index of ``pairs``: < 2**31)
    starts = np.arange(0, queries + group, group, dtype=np.int64) * width  # first cell of each group of queries
    pair_at = np.searchsorted(pairs, starts).tolist()
    code_at = np.searchsorted(codes // width, np.arange(0, queries + group, group, dtype=np.int64)).tolist()
    for g, first in enumerate(starts[:-1].tolist()):
        lo, hi, clo, chi = pair_at[g], pair_at[g + 1], code_at[g], code_at[g + 1]
        if lo == hi or clo == chi:
            continue
        cells = pairs[lo:hi] - first
        table[cells] = np.arange(lo, hi, dtype=np.int32)
        out[clo:chi] = table[codes[clo:chi] - first]
        table[cells] = -1
    return out


def _offset_concat(arrays: list[NDArray[np.int32]], meta: list[tuple[int, float, int]],
                   width: np.int64) -> NDArray[np.int64]:
    """The posting lists ``arrays`` joined, each name number as (query * width + name), query from ``meta``."""
    lens = np.array([m[2] for m in meta], dtype=np.int64)
    offsets = np.array([m[0] for m in meta], dtype=np.int64) * width
    return np.asarray(np.concatenate(arrays).astype(np.int64) + np.repeat(offsets, lens), dtype=np.int64)


def _repeat_weights(meta: list[tuple[int, float, int]]) -> NDArray[np.float64]:
    """Each posting list's key weight once per name in it (``meta``: (query, weight, length) of each list)."""
    return np.repeat(np.array([m[1] for m in meta], dtype=np.float64), np.array([m[2] for m in meta], dtype=np.int64))


def _collect(out: dict[int, list[int]], owners: list[int], positions: list[int], limit: int) -> None:
    """Add names to ``out`` (entity -> name positions) in order, up to ``limit`` entities."""
    for owner, position in zip(owners, positions, strict=True):
        got = out.get(owner)
        if got is not None:
            if position not in got:
                got.append(position)
        elif len(out) < limit:
            out[owner] = [position]


def _accumulate(keys: list[tuple[float, NDArray[np.int32]]]) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
    """The names sharing a key (ascending) and the sum of their keys' weights (summed in key order)."""
    ids = np.concatenate([a for _, a in keys]) if len(keys) > 1 else keys[0][1]
    weights = np.repeat(np.array([w for w, _ in keys]), [len(a) for _, a in keys])
    names, inverse = np.unique(ids, return_inverse=True)
    return names, np.bincount(inverse, weights=weights, minlength=len(names)).astype(np.float64)


def _accumulate_onto(keys: list[tuple[float, NDArray[np.int32]]], names: NDArray[np.int32]) -> NDArray[np.float64]:
    """The sum of the keys' weights for each of ``names`` (ascending); names without these keys get 0."""
    ids = np.concatenate([a for _, a in keys]) if len(keys) > 1 else keys[0][1]
    weights = np.repeat(np.array([w for w, _ in keys]), [len(a) for _, a in keys])
    at = np.searchsorted(names, ids)
    at[at == len(names)] = 0
    found = names[at] == ids
    return np.bincount(at[found], weights=weights[found], minlength=len(names)).astype(np.float64)


ExtraName = tuple[str, str, str]  # (entity key "list_code:entry_id", alias as written, source URL or document)

_TRAILING_PARENTHESIS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_QUOTES = re.compile(r"[«»\"'‘’“”„]")


def alias_parts(alias: str) -> list[tuple[str, str]]:
    """The names a native-script alias written as the EU writes Russian names -- the full name, then its short
    forms in a closing parenthesis ("Федеральное Казенное Предприятие «Пермский Пороховой Завод» (ФКП «Пермский
    Пороховой Завод»)") -- holds besides itself: the full name, and each comma-separated short form of two words or
    more with a capital (not a description in lower case: "Банк ВТБ (публичное акционерное общество)", "... институт
    (государственный университет)"). Read whole, the name's words twice leave half of them unmatched (adversarial
    R44-77: 0.94). Cyrillic only; none for another alias (a Chinese name's "(上海)" is part of the name)."""
    m = _TRAILING_PARENTHESIS.match(alias)
    if m is None or not _CYRILLIC_LETTER.search(alias):
        return []
    out = [(m.group("name").strip(), "before its parenthesis")]
    out += [(p.strip(), "in its parenthesis") for p in m.group("inner").split(",")
            if len(p.split()) >= 2 and any(w[:1].isupper() for w in _QUOTES.sub(" ", p).split())]
    return [(n, how) for n, how in out if n and n != alias]


def build_index(entities: Iterable[Entity], versions: Mapping[str, ListVersion] | None = None, *,
                aliases: Iterable[ExtraName] = ()) -> ScreeningIndex:
    """Prepare every entity and build the blocking postings (about 5 s per 100,000 names).

    ``aliases``: extra names from alias tables, each added to its entity as a strong alias that remembers
    its source (a hit on it is explained as "matched alias from <source>"); keys of no loaded entity are
    counted in ``alias_unmatched``.
    """
    entities = list(entities)
    extra: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, alias, source in aliases:
        extra[key].append((alias, source))
        extra[key].extend((part, f"{source}; the part of that alias {how}") for part, how in alias_parts(alias))
    keys = {f"{e.list_code}:{e.entry_id}" for e in entities}
    unmatched = sum(len(v) for k, v in extra.items() if k not in keys)
    prepared = tuple(prepare_entity(e, tuple(extra.get(f"{e.list_code}:{e.entry_id}", ()))) for e in entities)
    post: dict[str, list[int]] = defaultdict(list)
    ids: dict[str, set[int]] = defaultdict(set)
    owner: array[int] = array("i")
    pos: array[int] = array("i")
    lens: array[int] = array("i")
    for i, pe in enumerate(prepared):
        for j, pn in enumerate(pe.names):
            name_no = len(owner)
            owner.append(i)
            pos.append(j)
            lens.append(len(pn.form.compact))
            for key in name_keys(pn.form):
                post[key].append(name_no)
        for ident in pe.entity.identifiers:
            k = id_key(ident.value)
            if len(k) >= 5:
                ids[k].add(i)
    codes = tuple(sorted({pe.entity.list_code for pe in prepared}))
    code_no = {c: n for n, c in enumerate(codes)}
    return ScreeningIndex(
        entities=prepared,
        postings={k: np.array(v, dtype=np.int32) for k, v in post.items()},
        identifiers={k: np.array(sorted(v), dtype=np.int32) for k, v in ids.items()},
        name_owner=np.array(owner, dtype=np.int32),
        name_pos=np.array(pos, dtype=np.int32),
        name_len=np.array(lens, dtype=np.int32),
        versions=dict(versions or {}),
        alias_unmatched=unmatched,
        flat=flatten([[pn.form for pn in pe.names] for pe in prepared]),
        flat_person=flatten([[prepare(pn.form.original, person=True) for pn in pe.names] for pe in prepared]),
        flat3=flatten([[pn.form3 or prepare3(pn.form.original) for pn in pe.names] for pe in prepared]),
        flat3_person=flatten([[pn.form3_person or prepare3(pn.form.original, True) for pn in pe.names]
                              for pe in prepared]),
        entity_person=np.array([pe.entity.schema is Schema.PERSON for pe in prepared], dtype=bool),
        entity_list=np.array([code_no[pe.entity.list_code] for pe in prepared], dtype=np.int32),
        entity_no_kind=np.array([pe.entity.schema is Schema.LEGAL_ENTITY for pe in prepared], dtype=bool),
        list_codes=codes,
    )
