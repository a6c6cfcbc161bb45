"""Name similarity: align the tokens of two prepared names and explain how each pair matched."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from clearance.text.fold import skeleton
from clearance.text.names import NameForm
from clearance.text.pinyin import pinyin_word
from clearance.text.terms import vocabulary

TOKEN_CUTOFF = 0.8  # shorter tokens (4-5 letters) must agree to within one typo in five letters
LONG_TOKEN_CUTOFF = 0.66  # tokens of 6 letters or more may differ in two letters ("mooney" ~ "moonie")
INITIAL_SIM = 0.8  # "d" ~ "day" (persons only)
NICKNAME_SIM = 0.9  # "dick" ~ "richard"
SKELETON_DISCOUNT = 0.92  # a match only on consonant skeletons (cross-script) counts a little less
WORD_CONFLICT_FACTOR = 0.85  # organisations that each keep a word the other lacks are often siblings
NUMBER_CONFLICT_CAP = 0.5
SINGLE_WEAK_CAP = 0.5  # a one-word name matched only by a nickname or an initial
_WEAK_HOW = frozenset({"nickname", "initial"})  # names whose numbers differ never score higher
COMPACT_DISCOUNT = 0.95  # a match of the names with spaces removed (segmentation differs)


@dataclass(frozen=True, slots=True)
class TokenPair:
    query: str
    candidate: str
    similarity: float
    how: str  # "exact", "typo", "initial", "nickname", "skeleton"


@dataclass(frozen=True, slots=True)
class Guard:
    """A rule (clearance-name@3) that capped a name score, and why."""

    cap: float
    reason: str
    # a review rule ("another party named after it, or the same one: a person reviews"): evidence beyond the name
    # (an agreeing country) may lift the score over it; the other rules bound the final score
    soft: bool = False


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    method: str  # "tokens", "compact" or "skeleton"
    pairs: tuple[TokenPair, ...]
    unmatched_query: tuple[str, ...]
    unmatched_candidate: tuple[str, ...]
    guards: tuple[Guard, ...] = ()  # clearance-name@3 only
    tokens_score: float = -1.0  # the score of the token alignment alone (before compact/skeleton methods)


_skeleton = lru_cache(maxsize=200_000)(skeleton)  # tokens repeat: their skeletons are computed once


def _skeleton_sim(a: str, b: str) -> float:
    sa, sb = _skeleton(a), _skeleton(b)
    if not sa or not sb:
        return 0.0
    if min(len(sa), len(sb)) < 2:
        return SKELETON_DISCOUNT if sa == sb and min(len(a), len(b)) >= 2 else 0.0
    return Levenshtein.normalized_similarity(sa, sb) * SKELETON_DISCOUNT


_TYPO_CUTOFF = (TOKEN_CUTOFF - 1e-9, LONG_TOKEN_CUTOFF - 1e-9)  # by "shortest token has 6+ letters"


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str, person: bool, phonetic: bool) -> tuple[float, str]:
    """Similarity of two canonical tokens in [0, 1] and how it was found (cached: tokens repeat a lot)."""
    if a == b:
        return 1.0, "exact"
    la, lb = len(a), len(b)
    if person and (la == 1 or lb == 1):
        short, long_ = (a, b) if la < lb else (b, a)
        return (INITIAL_SIM, "initial") if long_.startswith(short) else (0.0, "")
    if not (a.isalpha() and b.isalpha()):
        return 0.0, ""  # numbers must agree exactly ("Ocean 1" is not "Ocean 2")
    if person:
        nicks = vocabulary().nicknames.get(a)
        if nicks and b in nicks:
            return NICKNAME_SIM, "nickname"
    best, how = 0.0, ""
    shortest, longest = (la, lb) if la < lb else (lb, la)
    if shortest >= 4:
        cutoff = (LONG_TOKEN_CUTOFF if shortest >= 6 else TOKEN_CUTOFF) - 1e-9
        # similarity is at most shortest/longest: skip pairs whose lengths already rule it out
        if shortest >= cutoff * longest:
            lev = Levenshtein.normalized_similarity(a, b, score_cutoff=cutoff)
            if lev:
                best, how = lev, "typo"
    if phonetic:
        sk = _skeleton_sim(a, b)
        if sk >= LONG_TOKEN_CUTOFF and sk > best:
            best, how = sk, "skeleton"
    return best, how


_VOWEL_LETTERS = frozenset("aeiouy")
_NO_VOWELS = str.maketrans("", "", "aeiouy")  # ``str.translate`` table: a word's consonants (as ``algorithm3``'s)
SPELT_ALIKE_MIN = 6  # a person's name parts this long, the same but for vowels in place of vowels, are one name
SPELT_ALIKE_EDITS = 2  # ... that agree as two typos would (``1 - 2 / length``) however many vowels differ


@lru_cache(maxsize=200_000)
def consonants(token: str) -> str:
    """A word's first letter, then its letters with every vowel (y among them) written "_": "keeley" -> "k__l__"."""
    return token[:1] + "".join("_" if ch in _VOWEL_LETTERS else ch for ch in token[1:])


def spelt_alike(a: str, b: str) -> bool:
    """Two of a person's name parts of SPELT_ALIKE_MIN letters or more, as long as each other, that differ only by
    vowels written in place of other vowels (y among them) after the same first letter: one name spelt otherwise
    ("Keeley" / "Kaylee", "Jaimie" / "Jeymie"), however many vowels differ. Not shorter parts, often other names
    ("Dan" / "Dean"); not a vowel added or left out ("Marin" / "Moreno" are two surnames); nor words that read as
    pinyin: pinyin spells each syllable one way, and its vowels tell syllables apart."""
    return (a[0] == b[0] and len(a) == len(b) and len(a) >= SPELT_ALIKE_MIN and a != b
            and consonants(a) == consonants(b) and not (pinyin_word(a) or pinyin_word(b)))


TokenSim = Callable[[str, str, bool, bool], tuple[float, str]]

# ``_length_row``'s codes: what ``_align`` (in one script) asks of two different words, neither an initial of a
# person's name nor a nickname of the other, by their lengths
_SKIP = 0  # nothing: their lengths rule out a typo (token_similarity is 0)
_SAME_FIRST = 1  # the similarity when they begin with the same letter and have the same consonants (more than
# ``max_edits`` apart in length: only vowels left out)
_CLOSE = 2  # the similarity when they are ``max_edits`` or fewer OSA edits apart (vowels left out among them), or
# are a person's name parts ``spelt_alike``
_ASK = 3  # the similarity (no ``max_edits``)


def _length_code(la: int, lb: int, max_edits: int | None) -> int:
    """The code of two words of ``la`` and ``lb`` letters (see ``_SKIP``): the length tests of ``_align``."""
    if la < lb:
        if la < 4 or la < _TYPO_CUTOFF[la >= 6] * lb:
            return _SKIP
    elif lb < 4 or lb < _TYPO_CUTOFF[lb >= 6] * la:
        return _SKIP
    if max_edits is None:
        return _ASK
    # (no OSA distance is below the difference in length: words further apart agree only by letters left out, which
    # ``token_similarity3`` finds in words of one first letter)
    return _SAME_FIRST if (la - lb if la > lb else lb - la) > max_edits else _CLOSE


@lru_cache(maxsize=4096)
def _length_row(la: int, max_edits: int | None) -> tuple[int, ...]:
    """``_length_code(la, lb, max_edits)`` for lb = 0, 1, ...: every longer word is _SKIP (a word of ``la`` letters
    is a typo of none ``la / TOKEN_CUTOFF`` times as long, nor of any word when shorter than 4 letters)."""
    end = la + 1
    while _length_code(la, end, max_edits) != _SKIP:
        end += 1
    return tuple(_length_code(la, lb, max_edits) for lb in range(end))


_ROWS_LEN = 64  # words shorter than this: ``_length_row`` from a list, by ``max_edits``
_ROWS: dict[int | None, list[tuple[int, ...]]] = {}


def _rows(max_edits: int | None) -> list[tuple[int, ...]]:
    """``_length_row(la, max_edits)`` for la = 0, 1, ... _ROWS_LEN - 1 (remembered in _ROWS)."""
    out = _ROWS[max_edits] = [_length_row(la, max_edits) for la in range(_ROWS_LEN)]
    return out


WORDS_MEMO_SIZE = 100_000
Words = tuple[tuple[int, str, int], ...]  # (index, word, length) of each word of a name
WordsInfo = tuple[Words, int]  # ``_words_of``: the words, and their first letters (``initials_mask``)
_WORDS: dict[tuple[str, ...], WordsInfo] = {}


def initials_mask(tokens: tuple[str, ...]) -> int:
    """The first letters of ``tokens`` as a set of bits (bit ``ord(letter)``): two names' words share no first letter
    when their masks share no bit. (An int, not a frozenset: a remembered name holds no object the cyclic collector
    walks, and the test is one ``&``.)"""
    mask = 0
    for t in tokens:
        mask |= 1 << ord(t[0])
    return mask


def _words_of(tokens: tuple[str, ...]) -> WordsInfo:
    """What ``similarity_core`` reads of a name's words in one script, remembered by the words (bounded, cleared when
    full; a name is compared many times): each word with its index and length, the loop of ``_align`` (no
    ``enumerate`` nor ``len`` a pair), and the words' first letters (``initials_mask``: ``_join_pass`` in one
    script)."""
    got = _WORDS.get(tokens)
    if got is None:
        if len(_WORDS) >= WORDS_MEMO_SIZE:
            _WORDS.clear()
        got = _WORDS[tokens] = (tuple(zip(range(len(tokens)), tokens, map(len, tokens), strict=True)),
                                initials_mask(tokens))
    return got


def _ask_every(i: int, a: str, ctoks: tuple[str, ...], person: bool, phonetic: bool, sim_of: TokenSim,
               cand: list[tuple[float, int, int, str]]) -> None:
    """``_align``'s candidates of the query's word ``a`` (at ``i``) against every word of the candidate name, each
    asked of ``sim_of`` (no length test first)."""
    for j, b in enumerate(ctoks):
        if a == b:
            cand.append((1.0, i, j, "exact"))
            continue
        sim, how = sim_of(a, b, person, phonetic)
        if sim > 0:
            cand.append((sim, i, j, how))


def _align(q: NameForm, c: NameForm, person: bool, phonetic: bool, sim_of: TokenSim, max_edits: int | None,
           qitems: Words, citems: Words) -> tuple[list[tuple[int, int, float, str]], float]:
    """Token pairs aligned greedily, best similarity first (ties in reading order).

    ``max_edits`` (clearance-name@3's ``token_similarity3``): ``sim_of`` is 0 for two different words in one
    script more than this many OSA edits apart, unless one may be the other with vowels left out (another length,
    the same first letter, the same consonants in the same order: ``algorithm3._vowels_dropped``), or it is a
    nickname of the other, or either is one letter: such pairs are not asked.
    ``qitems``, ``citems``: ``_words_of`` of each name's words (read only when not ``phonetic``)."""
    cand: list[tuple[float, int, int, str]] = []
    ctoks = c.tokens
    if phonetic:
        for i, a in enumerate(q.tokens):
            _ask_every(i, a, ctoks, person, phonetic, sim_of, cand)
    else:
        nicknames = vocabulary().nicknames if person else None
        rows = _ROWS.get(max_edits) or _rows(max_edits)
        edits = 0 if max_edits is None else max_edits  # (no code _CLOSE without max_edits)
        for i, a, la in qitems:
            if person and la == 1:  # an initial: every other word is asked (``token_similarity``'s "initial")
                _ask_every(i, a, ctoks, person, phonetic, sim_of, cand)
                continue
            nicks = nicknames.get(a, ()) if nicknames else ()
            row = rows[la] if la < _ROWS_LEN else _length_row(la, max_edits)
            nrow = len(row)
            first = a[0]
            for j, b, lb in citems:
                if a == b:
                    cand.append((1.0, i, j, "exact"))
                    continue
                # cheap cases where token_similarity is 0 (not an initial, nickname or typo): ``_length_row``
                if not (person and lb == 1) and b not in nicks:
                    code = row[lb] if lb < nrow else _SKIP
                    if code == _SKIP:
                        continue
                    if code == _SAME_FIRST:  # (further apart in length than ``max_edits``: vowels left out only)
                        if b[0] != first or a.translate(_NO_VOWELS) != b.translate(_NO_VOWELS):
                            continue
                    elif code == _CLOSE and OSA.distance(a, b, score_cutoff=edits) > edits and not (
                            person and la == lb and b[0] == first and spelt_alike(a, b)):
                        continue  # (vowels left out of a word are as many OSA edits as the lengths differ)
                sim, how = sim_of(a, b, person, phonetic)
                if sim > 0:
                    cand.append((sim, i, j, how))
    if not cand:
        return [], 0.0
    if len(cand) > 1:
        cand.sort(key=_first, reverse=True)  # stable: equal similarities keep reading order
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[int, int, float, str]] = []
    for sim, i, j, how in cand:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append((i, j, sim, how))
    return pairs, 0.0


def _first(x: tuple[float, int, int, str]) -> float:
    return x[0]


def _words_conflict(q: NameForm, c: NameForm, matched_q: set[int], matched_c: set[int]) -> bool:
    """Both organisation names keep a distinctive word the other lacks ("Huawei Device" vs "Huawei Cloud")."""
    if len(matched_q) == len(q.tokens) or len(matched_c) == len(c.tokens):
        return False  # one name is fully matched: nothing kept on that side
    return any(w >= 0.5 and i not in matched_q for i, w in enumerate(q.weights)) and any(
        w >= 0.5 and j not in matched_c for j, w in enumerate(c.weights)
    )


def _numbers_conflict(q: NameForm, c: NameForm, matched_q: set[int], matched_c: set[int]) -> bool:
    """Both names carry a number and some number of one is not in the other ("Ocean 1" vs "Ocean 2")."""
    if q.compact.isalpha() or c.compact.isalpha():
        return False  # tokens are [0-9a-z]+: a name whose joined tokens are all letters has no number
    nq = [i for i, t in enumerate(q.tokens) if not t.isalpha()]
    nc = [j for j, t in enumerate(c.tokens) if not t.isalpha()]
    if not nq or not nc:
        return False
    return any(i not in matched_q for i in nq) or any(j not in matched_c for j in nc)


@lru_cache(maxsize=1)
def _term_words() -> frozenset[str]:
    """The canonical organisation terms ("electronic", "industry"): words a name in Chinese characters translates."""
    return frozenset(vocabulary().terms.values())


def _join_pass(
    a: NameForm, b: NameForm, pairs: list[tuple[int, int, float, str]], phonetic: bool, best_run: bool = False,
    exact_pinyin: bool = False,
) -> list[tuple[int, int, float, str]]:
    """Unmatched tokens of ``a`` that equal a run of unmatched neighbours in ``b`` ("huawei" ~ "hua wei").

    Returns one (i, j, similarity, "joined") per token j of the run, so that both sides count as covered.
    ``best_run`` (clearance-name@3): the run from a start that agrees best, not the first one that agrees
    ("salita" ~ "sa li ta", not "sa li"). ``exact_pinyin`` (clearance-name@3, a name in Chinese characters against
    one in Latin letters): a word that reads as pinyin ("kaixin") is joined to syllables by its letters, never by
    its consonants alone ("xi chan"): pinyin spells each syllable one way; and a run holding a term the table
    translated agrees only letter for letter ("jiang electronic" of 长江电力, Yangtze Power, is not "Microelectronics").
    """
    used_a = {i for i, _, _, _ in pairs}
    used_b = {j for _, j, _, _ in pairs}
    out: list[tuple[int, int, float, str]] = []
    if len(b.tokens) - len(used_b) < 2 or len(used_a) == len(a.tokens):
        return out  # a run needs two unmatched tokens of ``b`` and an unmatched token of ``a``
    # a run starts at an unmatched token followed by another one
    starts = [k for k in range(len(b.tokens) - 1) if k not in used_b and k + 1 not in used_b]
    if not starts:
        return out
    written = written_tokens(b) if best_run and b.renamed else b.tokens  # (@3: runs as written too)
    firsts = None if phonetic else {b.tokens[k][0] for k in starts} | {written[k][0] for k in starts}
    for i, tok in enumerate(a.tokens):
        if i in used_a or len(tok) < 3 or (firsts is not None and tok[0] not in firsts):
            continue
        for start in starts:
            if start in used_b or (not phonetic and b.tokens[start][0] != tok[0] and written[start][0] != tok[0]):
                continue
            run, spelt = b.tokens[start], written[start]
            chosen: tuple[float, int] | None = None
            for end in range(start + 2, min(len(b.tokens), start + 4) + 1):
                if end - 1 in used_b:
                    break
                run += b.tokens[end - 1]
                spelt += written[end - 1]
                if min(len(run), len(spelt)) > 1.5 * len(tok) + 1:
                    break
                sim = Levenshtein.normalized_similarity(tok, run)
                if spelt != run and tok == spelt:
                    sim = 1.0  # the words as written, before a term table read one ("Yun Li Da": yun -> cloud)
                if exact_pinyin and sim < 1.0 and any(t in _term_words() for t in b.tokens[start:end]):
                    continue  # (a syllable and a translated term agree with a word only as written)
                if phonetic and sim < LONG_TOKEN_CUTOFF and not (exact_pinyin and pinyin_word(tok)):
                    sim = _skeleton_sim(tok, run)
                if sim >= (1.0 if len(tok) < 6 else LONG_TOKEN_CUTOFF) and (chosen is None or sim > chosen[0]):
                    chosen = (sim, end)
                    if not best_run or sim >= 1.0:
                        break
            if chosen is not None:
                sim, end = chosen
                out.extend((i, j, sim, "joined") for j in range(start, end))
                used_a.add(i)
                used_b.update(range(start, end))
                break
    return out


def written_tokens(form: NameForm) -> tuple[str, ...]:
    """``form``'s tokens, each a word the term table read (``NameForm.renamed``: "Yun" -> cloud) as written instead,
    when one written word of the name is read as it; the canonical token otherwise."""
    spelt: dict[str, list[str]] = {}
    for was, canon in form.renamed:
        word = _WRITTEN.sub("", was.lower())
        if word.isascii() and word.isalnum() and " " not in was.strip():
            spelt.setdefault(canon, []).append(word)
    if not spelt:
        return form.tokens
    return tuple(ws[0] if len(ws := spelt.get(t, [])) == 1 else t for t in form.tokens)


_WRITTEN = re.compile(r"[^0-9a-z]")


def _may_join(at: tuple[str, ...], bt: tuple[str, ...], used_a: set[int], used_b: set[int]) -> bool:
    """Whether ``_join_pass`` in one script (not ``phonetic``) may join a word of ``at`` to a run of ``bt``'s words,
    ``used_a`` and ``used_b`` aligned already: False only when it cannot. A run starts at an unmatched word followed
    by another (two words at least) that begins with the word's letter; it grows from those two words and is given
    up once longer than ``1.5 * len(word) + 1``; a word of fewer than 6 letters must equal it (as long as the word)."""
    shortest: dict[str, int] = {}  # the shortest two-word run by its first letter
    for k in range(len(bt) - 1):
        if k not in used_b and k + 1 not in used_b:
            letter, two = bt[k][0], len(bt[k]) + len(bt[k + 1])
            if two < shortest.get(letter, two + 1):
                shortest[letter] = two
    if not shortest:
        return False
    for i, tok in enumerate(at):
        lt = len(tok)
        if lt < 3 or i in used_a:
            continue
        run = shortest.get(tok[0])
        if run is not None and run <= (lt if lt < 6 else 1.5 * lt + 1):
            return True
    return False


def _joined_pairs(q: NameForm, c: NameForm, joined: list[tuple[int, int, float, str]]) -> tuple[TokenPair, ...]:
    runs: dict[int, list[int]] = {}
    cruns: dict[int, list[int]] = {}
    sims: dict[tuple[int, int], float] = {}
    for i, j, s, _ in joined:
        runs.setdefault(i, []).append(j)
        cruns.setdefault(j, []).append(i)
        sims[(i, j)] = s
    out: list[TokenPair] = []
    seen: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for i, js in runs.items():
        qs = sorted({x for j in js for x in cruns[j]})
        key = (tuple(qs), tuple(sorted(js)))
        if key in seen:
            continue
        seen.add(key)
        out.append(TokenPair(" ".join(q.tokens[x] for x in qs), " ".join(c.tokens[y] for y in sorted(js)),
                             round(sims[(i, js[0])], 4), "joined"))
    return tuple(out)


def coverage_score(cq: float, cc: float, person: bool) -> float:
    """Combine the share of each name that found a match; a missing middle name costs a person less."""
    lo, hi = min(cq, cc), max(cq, cc)
    alpha = 0.5 if person else 0.65
    return alpha * lo + (1 - alpha) * hi


Aligned = list[tuple[int, int, float, str]]  # (query token, candidate token, similarity, how)
# ``similarity_core``: score, method, token score, aligned pairs, pairs of words written joined, matched tokens
Core = tuple[float, str, float, Aligned, Aligned, set[int], set[int]]


def name_similarity(q: NameForm, c: NameForm, person: bool = False, explain: bool = True,
                    sim_of: TokenSim = token_similarity, resegment_always: bool = False) -> NameScore:
    """Similarity of two prepared names in [0, 1] with the token pairs that explain it. Symmetric.

    ``explain=False`` leaves the pairs and unmatched words out (faster, same score). ``sim_of``: the token
    similarity (clearance-name@3 passes its own). ``resegment_always`` (clearance-name@3): words written
    together or apart are looked for whenever a word is left unmatched, also in names of as many words
    ("Dong Mei Investment Group Co" ~ "Dongmei Investment Group Co"), and the best run is taken.
    """
    if not q.tokens or not c.tokens:
        return NameScore(0.0, "tokens", (), q.tokens, c.tokens)
    core = similarity_core(q, c, person, sim_of, resegment_always)
    if not explain:
        return NameScore(min(1.0, max(0.0, core[0])), core[1], (), (), (), (), core[2])
    return name_score(q, c, core)


def similarity_core(q: NameForm, c: NameForm, person: bool, sim_of: TokenSim = token_similarity,
                    resegment_always: bool = False, max_edits: int | None = None, exact_pinyin: bool = False,
                    tokens_only: bool = False) -> Core:
    """The work of ``name_similarity`` for two names that both have tokens, before any explanation is built: the
    score (not yet clamped to [0, 1]), the method, the score of the token alignment alone, the aligned pairs, the
    pairs of words written joined, and the indices of each name's matched tokens (``name_score`` makes the
    ``NameScore`` of it). ``exact_pinyin``: see ``_join_pass``. ``tokens_only``: when no word agrees, the names
    joined are not compared (the caller takes the tokens' score, 0.0, whatever the method)."""
    qt, ct = q.tokens, c.tokens
    phonetic = q.phonetic != c.phonetic or (q.phonetic and q.scripts != c.scripts)
    if phonetic:
        pairs, _ = _align(q, c, person, phonetic, sim_of, max_edits, (), ())
    else:
        qinfo = _WORDS.get(qt) or _words_of(qt)
        cinfo = _WORDS.get(ct) or _words_of(ct)
        pairs, _ = _align(q, c, person, phonetic, sim_of, max_edits, qinfo[0], cinfo[0])
    nq, nc, npairs = len(qt), len(ct), len(pairs)
    resegment = q.unspaced or c.unspaced or nq != nc  # word counts differ, or a script has no spaces
    if not pairs and not phonetic and not resegment_always and (
            not resegment or (tokens_only and not qinfo[1] & cinfo[1])):
        # (most pairs compared) no word aligned, none joined (in one script a run of words begins with a word's first
        # letter), the names joined not compared: the tokens' score, 0.0, and the conflicts below as they would read
        return _no_words_agree(q, c, person, pairs)
    joined: list[tuple[int, int, float, str]] = []
    if (resegment or resegment_always) and npairs < nq and npairs < nc:
        back = True
        if phonetic:
            joined = _join_pass(q, c, pairs, phonetic, resegment_always, exact_pinyin)
        elif not qinfo[1] & cinfo[1] and not (resegment_always and (q.renamed or c.renamed)):
            back = False  # in one script a word equals a run of words only if they begin with the same letter
        else:  # in one script: each way only when a word may equal a run of the other's (``_may_join``)
            used_q = {p[0] for p in pairs}
            used_c = {p[1] for p in pairs}
            # (@3: a run of words as written too, "Yun Li Da" ~ "Yunlida": ``written_tokens``)
            qa = written_tokens(q) if resegment_always and q.renamed else qt
            ca = written_tokens(c) if resegment_always and c.renamed else ct
            if _may_join(qt, ct, used_q, used_c) or (ca != ct and _may_join(qt, ca, used_q, used_c)):
                joined = _join_pass(q, c, pairs, phonetic, resegment_always, exact_pinyin)
            # (nothing joined one way: the other way starts from the aligned pairs alone)
            back = bool(joined) or _may_join(ct, qt, used_c, used_q) or (
                qa != qt and _may_join(ct, qa, used_c, used_q))
        if back:
            flipped = [(j, i, s, h) for i, j, s, h in pairs + joined]
            joined += [(i, j, s, h) for j, i, s, h in _join_pass(c, q, flipped, phonetic, resegment_always,
                                                                 exact_pinyin)]
    wq, wc = q.weight, c.weight
    qw, cw = q.weights, c.weights
    if joined:
        sim_q: dict[int, float] = {}
        sim_c: dict[int, float] = {}
        for i, j, s, _ in pairs + joined:  # a token joined to a run counts once, at its best similarity
            sim_q[i] = max(s, sim_q.get(i, 0.0))
            sim_c[j] = max(s, sim_c.get(j, 0.0))
        mq = sum(qw[i] * s for i, s in sim_q.items())
        mc = sum(cw[j] * s for j, s in sim_c.items())
        matched_q = set(sim_q)
        matched_c = set(sim_c)
    elif pairs:  # each token is in at most one pair: the same sums, in the same order
        mq = mc = 0.0
        matched_q = set()
        matched_c = set()
        for i, j, s, _ in pairs:
            mq += qw[i] * s
            mc += cw[j] * s
            matched_q.add(i)
            matched_c.add(j)
    else:  # nothing matched: the coverage is 0.0
        mq = mc = 0.0
        matched_q = set()
        matched_c = set()
    if (pairs or joined) and wq and wc:  # ``coverage_score`` of the shares matched, each at most 1.0, written out
        cq, cc = mq / wq, mc / wc
        cq = cq if cq < 1.0 else 1.0
        cc = cc if cc < 1.0 else 1.0
        lo, hi = (cq, cc) if cq < cc else (cc, cq)
        alpha = 0.5 if person else 0.65
        score = alpha * lo + (1 - alpha) * hi
    else:
        score = 0.0
    tokens_score = score
    method = "tokens"
    if (phonetic or resegment) and not (tokens_only and not pairs and not joined):
        comp = Levenshtein.normalized_similarity(q.compact, c.compact) * COMPACT_DISCOUNT
        if comp > score:
            score, method = comp, "compact"
        if phonetic and min(len(q.skeleton), len(c.skeleton)) >= 3:
            sk = Levenshtein.normalized_similarity(q.skeleton, c.skeleton) * SKELETON_DISCOUNT * COMPACT_DISCOUNT
            if sk > score:
                score, method = sk, "skeleton"
    if (nq == 1 or nc == 1) and pairs and not joined and all(p[3] in _WEAK_HOW for p in pairs):
        score, method = min(score, SINGLE_WEAK_CAP), method + "+single-weak"  # "Napoleon" ~ "Leo Kestenberg"
    if not person and _words_conflict(q, c, matched_q, matched_c):
        score, method = score * WORD_CONFLICT_FACTOR, method + "+word-conflict"
    # (tokens are [0-9a-z]+: a name whose joined tokens are all letters has no number, and no number conflicts)
    if not (q.compact.isalpha() or c.compact.isalpha()) and _numbers_conflict(q, c, matched_q, matched_c):
        score, method = min(score, NUMBER_CONFLICT_CAP), method + "+number-conflict"
    return score, method, tokens_score, pairs, joined, matched_q, matched_c


def _no_words_agree(q: NameForm, c: NameForm, person: bool, pairs: Aligned) -> Core:
    """``similarity_core``'s result for names in one script of which no word aligned and none is joined, whose names
    joined are not compared: the score of no word matched (0.0), and the conflicts of the end of ``similarity_core``
    (which leave 0.0 as it is but name themselves in the method)."""
    matched_q: set[int] = set()
    matched_c: set[int] = set()
    score, method = 0.0, "tokens"
    if not person and _words_conflict(q, c, matched_q, matched_c):
        score, method = score * WORD_CONFLICT_FACTOR, method + "+word-conflict"
    if not (q.compact.isalpha() or c.compact.isalpha()) and _numbers_conflict(q, c, matched_q, matched_c):
        score, method = min(score, NUMBER_CONFLICT_CAP), method + "+number-conflict"
    return score, method, 0.0, pairs, [], matched_q, matched_c


def name_score(q: NameForm, c: NameForm, core: Core) -> NameScore:
    """The explained ``NameScore`` of two names from their ``similarity_core``."""
    score, method, tokens_score, pairs, joined, matched_q, matched_c = core
    qt, ct = q.tokens, c.tokens
    return NameScore(
        score=min(1.0, max(0.0, score)),
        method=method,
        pairs=tuple(TokenPair(qt[i], ct[j], round(s, 4), how) for i, j, s, how in pairs)
        + _joined_pairs(q, c, joined),
        unmatched_query=tuple(t for i, t in enumerate(qt) if i not in matched_q),
        unmatched_candidate=tuple(t for j, t in enumerate(ct) if j not in matched_c),
        tokens_score=tokens_score,
    )
