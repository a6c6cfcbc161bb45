"""What clearance-name@3's pair scoring leaves unasked (issue 10, pair speed) is what its token similarity scores 0.

``namesim._align`` in one script asks ``token_similarity3`` only of word pairs its length table, the OSA distance or
the words' consonants leave possible; ``similarity_core`` returns at once when no word aligned and nothing can be
joined. Both are checked here against the long way: every word pair asked. Property tests run derandomised.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from clearance.screening import algorithm3, namesim
from clearance.screening.algorithm3 import MAX_EDITS, token_similarity3
from clearance.screening.forms3 import prepare3

words = st.lists(st.text(st.sampled_from(list("aabdeiklmnorsuyy")), min_size=1, max_size=9), min_size=1, max_size=4)


def _align_long_way(qt: tuple[str, ...], ct: tuple[str, ...], person: bool) -> list[tuple[int, int, float, str]]:
    """``_align`` of two names in one script with every word pair asked, greedily, best first (ties in reading
    order)."""
    cand: list[tuple[float, int, int, str]] = []
    for i, a in enumerate(qt):
        for j, b in enumerate(ct):
            sim, how = (1.0, "exact") if a == b else token_similarity3(a, b, person, False)
            if sim > 0:
                cand.append((sim, i, j, how))
    cand.sort(key=lambda x: x[0], reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    out: list[tuple[int, int, float, str]] = []
    for sim, i, j, how in cand:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            out.append((i, j, sim, how))
    return out


def test_the_consonants_are_read_as_algorithm3_reads_them() -> None:
    assert namesim._NO_VOWELS == algorithm3._NO_VOWELS


@settings(max_examples=400, derandomize=True, deadline=None)
@given(words, words, st.booleans())
@example(["univrsl", "bank"], ["universal", "bank"], False)  # vowels left out: asked though 2 letters apart
@example(["blckchn"], ["blockchain"], False)
@example(["jon", "smith"], ["john", "smyth"], True)
@example(["keeley", "smith"], ["kaylee", "smith"], True)  # spelt alike: three edits apart, asked all the same
def test_align_asks_every_pair_that_may_agree(q: list[str], c: list[str], person: bool) -> None:
    a, b = prepare3(" ".join(q), person), prepare3(" ".join(c), person)
    if not a.tokens or not b.tokens or a.phonetic or b.phonetic:
        return
    qi, ci = namesim._words_of(a.tokens)[0], namesim._words_of(b.tokens)[0]
    pairs, _ = namesim._align(a, b, person, False, token_similarity3, MAX_EDITS, qi, ci)
    assert pairs == _align_long_way(a.tokens, b.tokens, person)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(words, words, st.booleans(), st.booleans())
@example(["ocean", "1"], ["sea", "2"], False, True)  # the numbers conflict named in the method, score 0.0
@example(["huawei", "device"], ["apple", "cloud"], False, False)  # each keeps a word: the word conflict
def test_no_word_agreeing_returns_what_the_long_way_does(q: list[str], c: list[str], person: bool,
                                                        tokens_only: bool) -> None:
    """``similarity_core``'s early return (nothing aligned, no run to join, the names joined not compared) equals
    the rest of its steps written out with nothing matched: the score 0.0, the conflicts named in the method."""
    a, b = prepare3(" ".join(q), person), prepare3(" ".join(c), person)
    if not a.tokens or not b.tokens or a.phonetic or b.phonetic:
        return
    core = namesim.similarity_core(a, b, person, token_similarity3, False, MAX_EDITS, False, tokens_only)
    if core[3] or core[4]:
        return  # words aligned or joined: not the early return
    resegment = a.unspaced or b.unspaced or len(a.tokens) != len(b.tokens)
    if resegment and not (tokens_only and not set(t[0] for t in a.tokens) & set(t[0] for t in b.tokens)):
        return  # the names joined are compared, or a run may be joined: not the early return
    score, method = 0.0, "tokens"
    if not person and namesim._words_conflict(a, b, set(), set()):
        method += "+word-conflict"
    if namesim._numbers_conflict(a, b, set(), set()):
        method += "+number-conflict"
    assert core == (score, method, 0.0, [], [], set(), set())
