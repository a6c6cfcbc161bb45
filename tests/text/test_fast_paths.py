"""The shortcuts of name preparation (pair speed, issue 10) read every name as the longer way does.

Each shortcut is checked against the step it stands for, written out here the long way: skeletons joined word by
word, anyascii through a table of characters, scripts of ASCII text, transliteration by runs, a person's words read
one by one, prepare3 handing back prepare's own form, skeletons by ``translate``, ASCII words folded without the
regex, ``_align``'s length tests from a table. Property tests run derandomised (a failure reproduces).
"""

from __future__ import annotations

import dataclasses
import pickle
import unicodedata

from anyascii import anyascii
from hypothesis import example, given, settings
from hypothesis import strategies as st

from clearance.screening import namesim
from clearance.screening.forms3 import _text3, prepare3
from clearance.text import fold as fold_module
from clearance.text import translit
from clearance.text.fold import clean, fold, skeleton, tokens_skeleton
from clearance.text.names import NameForm, _canonical, _weight, name_form, prepare
from clearance.text.pinyin import syllables
from clearance.text.scripts import char_script, scripts_of
from clearance.text.terms import vocabulary
from clearance.text.titles import _core, _title_at, titles, without_titles

# Latin letters with and without accents, digits, punctuation, and letters of the scripts the lists are written in
name_chars = st.one_of(
    st.sampled_from(list("abcdeghijklmnoprstuvwyzABCDEHJKMNOPRSTVW019 .,-'`()")),
    st.characters(min_codepoint=0xC0, max_codepoint=0x24F),
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
    st.characters(min_codepoint=0x590, max_codepoint=0x6FF),
    st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xAC80),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),
)
names = st.text(name_chars, min_size=0, max_size=24)
title_words = ["Dr.", "Mr", "H.E.", "Sheikh", "Prince", "of", "Wales", "Emperor", "de", "Francia", "II", "XIV",
               "Mhd", "1st", "Viscount", "Ivan", "Petrov", "Anna", "Maria", ",", "-", "his", "excellency"]
titled = st.lists(st.sampled_from(title_words), min_size=0, max_size=6).map(" ".join)


def _runs_long_way(text: str) -> str:
    """``to_latin``'s output the long way: a run per script change, each character of no script joining the run
    before it, each run converted as ``translit._convert`` converts it."""
    runs: list[tuple[str | None, list[str]]] = []
    for ch in text:
        script = char_script(ch) or (runs[-1][0] if runs else None)
        if not runs or runs[-1][0] != script:
            runs.append((script, []))
        runs[-1][1].append(ch)
    return "".join(translit._convert("".join(chunk), script, []) for script, chunk in runs)


def _without_titles_long_way(name: str) -> tuple[str, list[tuple[str, str]]]:
    """``without_titles`` with no shortcut: the word-by-word title look-up from the first word."""
    table = titles()
    if "," in name:
        return without_titles(name)  # the comma clause is read the same way on both paths
    words = name.split()
    cores = [_core(w) for w in words]
    if not words or _title_at(cores, 0, table) is not None:
        return without_titles(name)
    if len(words) > 2 and len(cores[-1]) == 1 and cores[-1][0] in {"ii", "iii", "iv", "vii", "viii", "xii", "xiii",
                                                                   "xiv", "xv", "xvi", "xvii", "xviii"}:
        return without_titles(name)
    if any(len(c) == 1 and c[0] in table.given_names for c in cores):
        return without_titles(name)
    return name, []


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("abcdfghkjlmnpqrstvwxyzeiou0é")), min_size=0, max_size=9), max_size=5))
@example(["bb", "bat"])
@example(["mohammed", "dawood"])
def test_skeletons_join_word_by_word(tokens: list[str]) -> None:
    assert tokens_skeleton(tokens) == skeleton("".join(tokens))


@settings(max_examples=400, derandomize=True, deadline=None)
@given(names)
@example("Владимир Путин")
@example("김정은 Kim")
@example("Ǆemal Straße æøå")
def test_anyascii_table_and_runs(text: str) -> None:
    assert translit._anyascii(text) == anyascii(text)
    assert scripts_of(text) == frozenset(s for s in map(char_script, text) if s is not None)
    if not text.isascii():
        assert translit.to_latin(text)[0] == _runs_long_way(text)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.one_of(names, titled))
@example("Robert Cecil, 1st Viscount Cecil")
@example("Emperador de Francia Napoleon I")
@example("Mhd Antoun")
@example("Louis XIV de France")
def test_person_forms_the_long_way(name: str) -> None:
    vocab = vocabulary()
    form = prepare(name, True)
    latin = fold(name)[0]
    toks, renamed = _canonical([t for t in latin.split() if t not in vocab.stopwords], vocab, vocab.person_terms,
                               fuzzy=False, spans=False)
    weights = tuple(_weight(t, vocab) for t in toks)
    assert (form.latin, form.tokens, form.renamed, form.weights, form.skeleton, form.legal_forms) == (
        latin, tuple(toks), tuple(renamed), weights, skeleton("".join(toks)), ())
    assert form.distinctive == any((len(t) >= 2 and w >= 0.7) or t.isdigit() for t, w in zip(toks, weights,
                                                                                               strict=True))
    assert without_titles(name) == _without_titles_long_way(name)
    f3 = prepare3(name, True)
    assert isinstance(f3, NameForm) and f3.original == name
    if f3 is form:  # handed back only when every field would be the same
        plain, _ = _text3(name, True)
        assert plain == name and f3.weights == prepare3.__wrapped__(name, True).weights
    assert f3 == prepare3.__wrapped__(name, True)


def test_titles_regnal_numbers_and_given_names_are_still_read() -> None:
    # each kind of word that takes a name off the shortcut, alone in an otherwise plain name
    assert without_titles("Mhd Antoun") == ("Mohammed Antoun", [("Mhd", "Mohammed")])
    assert without_titles("Louis Philippe XIV") == ("Louis Philippe", [("XIV", "regnal number set aside")])
    assert without_titles("Dr. John Smith") == ("John Smith", [("Dr.", "title set aside")])
    assert without_titles("John Smith") == ("John Smith", [])


@settings(max_examples=200, derandomize=True, deadline=None)
@given(names, st.booleans())
@example("OOO Alyans EG", False)
@example("华为技术有限公司", False)
def test_forms_built_through_the_slots_are_the_dataclass_s(name: str, person: bool) -> None:
    """``name_form`` (prepare's and prepare3's constructor) makes the object ``NameForm(...)`` makes: equal, the same
    hash and pickle, every field of the class given."""
    for form in (prepare(name, person), prepare3(name, person)):
        fields = {f.name: getattr(form, f.name) for f in dataclasses.fields(NameForm)}
        slow, fast = NameForm(**fields), name_form(**fields)
        assert type(fast) is NameForm and fast == slow and hash(fast) == hash(slow)
        assert pickle.loads(pickle.dumps(fast)) == slow and pickle.dumps(fast) == pickle.dumps(slow)
    assert set(name_form.__kwdefaults__ or ()) == set() and name_form.__code__.co_kwonlyargcount == len(
        dataclasses.fields(NameForm))


def test_pinyin_syllables_read_reading_by_reading() -> None:
    """``syllables`` reads each distinct reading of pypinyin's table once: the same syllables as reading every
    character's readings in turn."""
    from pypinyin.constants import PINYIN_DICT

    long_way: set[str] = set()
    for readings in PINYIN_DICT.values():
        for reading in readings.split(","):
            plain = "".join(ch for ch in unicodedata.normalize("NFD", reading) if not unicodedata.combining(ch))
            if plain.isascii() and plain.isalpha() and any(v in plain for v in "aeiou"):
                long_way.add(plain.lower())
    assert syllables() == frozenset(long_way)


def _skeleton_long_way(word: str) -> str:
    """``skeleton`` character by character: vowels, w, y and h dropped, sounds merged, a repeat kept once."""
    out: list[str] = []
    for ch in word:
        if ch in "aeiouywh":
            continue
        mapped = {"g": "k", "c": "k", "q": "k", "x": "k", "b": "p", "f": "p", "v": "p", "d": "t", "r": "l",
                  "z": "s"}.get(ch, ch)
        if not out or out[-1] != mapped:
            out.append(mapped)
    return "".join(out)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.text(st.one_of(st.sampled_from(list("abcdfghkjlmnpqrstvwxyzeiou0 ")), st.characters(max_codepoint=0x5FF)),
               max_size=14))
@example("mohammed")
@example("ssmmiitthh")
@example("crl")
@example("ééxx")
def test_skeletons_the_long_way(word: str) -> None:
    assert skeleton(word) == _skeleton_long_way(word)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.text(st.sampled_from(list("abcXYZ019 \t\n'`-._,;\x01\x7f")), max_size=30))
@example("John  Smith ")
@example("O'Brien")
@example("a" * 999 + " b")
def test_ascii_text_folded_as_the_regex_folds_it(text: str) -> None:
    latin = clean(text).casefold()
    latin = fold_module._APOSTROPHES.sub("", latin)
    assert fold_module._fold(text) == (" ".join(fold_module._WORD.findall(latin)), None)


def test_align_length_table_is_the_length_tests() -> None:
    """``_length_row``'s codes are ``_align``'s tests by length written out (no word too short or too long for a typo
    of the other; then the OSA distance or the first letter), for every pair of lengths up to 200 letters."""
    for max_edits in (None, 0, 1, 2):
        for la in range(1, 200):
            row = namesim._length_row(la, max_edits)
            for lb in range(1, 300):
                if la < lb:
                    skip = la < 4 or la < namesim._TYPO_CUTOFF[la >= 6] * lb
                else:
                    skip = lb < 4 or lb < namesim._TYPO_CUTOFF[lb >= 6] * la
                code = row[lb] if lb < len(row) else namesim._SKIP
                if skip:
                    assert code == namesim._SKIP, (la, lb, max_edits)
                elif max_edits is None:
                    assert code == namesim._ASK, (la, lb)
                else:
                    assert code == (namesim._SAME_FIRST if abs(la - lb) > max_edits else namesim._CLOSE), (la, lb)



@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("abcz09é")), min_size=1, max_size=6), max_size=6))
@example([])
@example(["kim", "jong", "un"])
def test_words_of_a_name_are_read_the_long_way(tokens: list[str]) -> None:
    """``namesim._words_of`` (remembered by the words): each word with its index and length, and the first letters."""
    words = tuple(tokens)
    for _ in range(2):  # computed, then remembered
        items, firsts = namesim._words_of(words)
        assert items == tuple((i, t, len(t)) for i, t in enumerate(words))
        assert firsts == sum(1 << ord(letter) for letter in {t[0] for t in words})  # (a bit a first letter)
