"""A name prepared for comparison: Latin tokens with legal forms set aside and synonyms canonicalised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clearance.text.fold import fold, skeleton, tokens_skeleton
from clearance.text.pinyin import syllables
from clearance.text.places import join_place_syllables
from clearance.text.scripts import ABJADS, UNSPACED, scripts_of
from clearance.text.terms import MAX_SPAN, LegalForm, Vocabulary, chinese_terms, vocabulary

INITIAL_WEIGHT = 0.5
DISTINCTIVE_WEIGHT = 0.7  # generic words weigh at most 0.6 (clearance/resources/name_terms.yml)
DIGIT_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class NameForm:
    """One name ready to be compared. Immutable and picklable."""

    original: str
    latin: str  # folded Latin text of the whole name ("hua wei ji shu you xian gong si")
    tokens: tuple[str, ...]  # distinctive tokens, canonical ("huawei", "tech")
    weights: tuple[float, ...]  # weight of each token (generic words and initials count less)
    legal_forms: tuple[LegalForm, ...]  # legal forms found and set aside
    renamed: tuple[tuple[str, str], ...]  # (as written, canonical term) for each synonym applied
    scripts: frozenset[str]
    translit: str | None  # "pinyin", "anyascii" or None
    compact: str  # tokens joined without spaces
    skeleton: str  # consonant skeleton of ``compact`` (see clearance.text.fold.skeleton)
    phonetic: bool  # written in a script whose transliterations vary (abjad or syllabary)
    unspaced: bool  # written in a script without spaces between the parts of a name
    weight: float  # sum of the token weights
    distinctive: bool  # has a word that says which party it is (weight >= DISTINCTIVE_WEIGHT, or a number)
    person: bool = False  # prepared as a person's name (no legal forms, no organisation terms)


class _NameFormSlots:
    """``NameForm``'s slots in a class that is not frozen: ``name_form`` fills one by plain attribute stores and makes
    it the ``NameForm`` it stands for (``__class__``: the two classes lay their objects out alike, checked below)."""

    __slots__ = (  # noqa: RUF023 (NameForm's order)
        "original", "latin", "tokens", "weights", "legal_forms", "renamed", "scripts", "translit", "compact",
        "skeleton", "phonetic", "unspaced", "weight", "distinctive", "person")
    original: str
    latin: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    legal_forms: tuple[LegalForm, ...]
    renamed: tuple[tuple[str, str], ...]
    scripts: frozenset[str]
    translit: str | None
    compact: str
    skeleton: str
    phonetic: bool
    unspaced: bool
    weight: float
    distinctive: bool
    person: bool


if _NameFormSlots.__slots__ != NameForm.__slots__:  # pragma: no cover - a field added to one class and not the other
    raise ImportError("clearance.text.names: _NameFormSlots must have NameForm's slots, in order")


# ``NameForm(...)`` sets each field through ``object.__setattr__`` (a frozen dataclass): ``name_form`` stores them in
# an object of ``_NameFormSlots`` and makes it a ``NameForm``, in a quarter of the time. A form is built for each name
# and reading prepared (two per name compared: ``prepare``, then clearance-name@3's ``prepare3``), the most work of
# preparing a person's name.
def name_form(*, original: str, latin: str, tokens: tuple[str, ...], weights: tuple[float, ...],
              legal_forms: tuple[LegalForm, ...], renamed: tuple[tuple[str, str], ...], scripts: frozenset[str],
              translit: str | None, compact: str, skeleton: str, phonetic: bool, unspaced: bool, weight: float,
              distinctive: bool, person: bool) -> NameForm:
    """``NameForm(...)`` of the same fields (every field given), built faster (the same object: equal, same hash)."""
    form = _NameFormSlots()
    form.original = original
    form.latin = latin
    form.tokens = tokens
    form.weights = weights
    form.legal_forms = legal_forms
    form.renamed = renamed
    form.scripts = scripts
    form.translit = translit
    form.compact = compact
    form.skeleton = skeleton
    form.phonetic = phonetic
    form.unspaced = unspaced
    form.weight = weight
    form.distinctive = distinctive
    form.person = person
    form.__class__ = NameForm  # type: ignore[assignment]
    return form  # type: ignore[return-value]


def _stem(token: str) -> str:
    if len(token) >= 5 and not token.isdigit():
        if token.endswith("ies"):
            return token[:-3] + "y"
        if token.endswith("s") and not token.endswith(("ss", "us", "is")):
            return token[:-1]
    return token


FUZZY_TERM_MIN_LEN = 7
FUZZY_TERM_CUTOFF = 0.85


@lru_cache(maxsize=100_000)
def _fuzzy_term(token: str) -> str | None:
    """The canonical term a long unknown word is a typo of ("technolgies" -> "tech"), if any."""
    if len(token) < FUZZY_TERM_MIN_LEN or not token.isalpha():
        return None
    bucket = _long_terms().get(token[:2])
    if not bucket:
        return None
    found = process.extractOne(token, bucket, scorer=Levenshtein.normalized_similarity, score_cutoff=FUZZY_TERM_CUTOFF)
    return vocabulary().terms[found[0]] if found else None


@lru_cache(maxsize=1)
def _long_terms() -> dict[str, list[str]]:
    """Long terms by their first two letters (a typo there is not looked for)."""
    out: dict[str, list[str]] = {}
    for t in vocabulary().terms:
        if len(t) >= FUZZY_TERM_MIN_LEN - 1 and t.isalpha():
            out.setdefault(t[:2], []).append(t)
    return out


def _span_match(toks: list[str], i: int, table: dict[str, object], starts: frozenset[str]) -> tuple[int, str] | None:
    # Multi-word spans are tried only from a word that starts some entry; then one word ("coltd", "gmbh").
    # Pinyin syllables ("you xian gong si") start entries too: 有限公司 folds to them.
    if toks[i] in starts:
        key = toks[i]
        keys = []
        for j in range(i + 1, min(len(toks), i + MAX_SPAN)):
            key += toks[j]
            keys.append((j + 1, key))
        for end, k in reversed(keys):
            if k in table:
                return end, k
    return (i + 1, toks[i]) if toks[i] in table else None


def _foreign_syllable(key: str) -> bool:
    """A key of the legal-form or term tables that is one pinyin syllable and not from the Chinese (pinyin) table:
    the Russian "ao" (AO) or "zao", the Bulgarian "nuo", "bo" (a Bulgarian "BO" read as an NGO), "ben", "san". In a
    name written in Chinese characters such a syllable is one character (諾 "nuo" of 信諾, 玻 "bo" of 玻璃, glass),
    never another language's legal form or term."""
    return key in syllables() and key not in chinese_terms()


def _strip_legal(toks: list[str], vocab: Vocabulary, short_form_words: bool = False, hyphened: bool = False,
                 in_brackets: frozenset[str] = frozenset(), han: bool = False) -> tuple[list[str], list[LegalForm]]:
    """The tokens without their legal forms, and the forms. ``in_brackets``: what the name writes in parentheses,
    compacted; with ``short_form_words``, a form the table writes only in parentheses ("(yu)": Korean 유한회사) is a
    legal form only when the name writes it so -- a bare "Yu" is a Chinese name ("Fang Yu", adversarial R18-15).
    ``han``: the syllables of a name written in Chinese characters, where no one syllable is a legal form
    (``_foreign_syllable``; a Chinese legal form has two characters or more, 公司)."""
    kept: list[str] = []
    forms: list[LegalForm] = []
    i = 0
    while i < len(toks):
        hit = _span_match(toks, i, vocab.legal_forms, vocab.starts)  # type: ignore[arg-type]
        if hit is not None and short_form_words and hit[1] in vocab.bracketed and hit[1] not in in_brackets:
            hit = None
        if hit is not None and han and hit[0] == i + 1 and _foreign_syllable(hit[1]):
            hit = None
        if hit is not None:
            j, key = hit
            # Two-letter forms ("as", "in", "sa") are often ordinary words: only as the last token, and with
            # ``short_form_words`` neither after a form of another kind nor joined by a hyphen (see ``prepare``)
            if len(key) > 2 or (j == len(toks) and i > 0 and not (short_form_words and (
                    hyphened or _other_kind(vocab.legal_forms[key], forms)))):
                forms.append(vocab.legal_forms[key])
                i = j
                continue
        kept.append(toks[i])
        i += 1
    return kept, forms


_BRACKETS = re.compile(r"\(([^()]*)\)")  # what a name writes in parentheses
# two letters joined by a hyphen at the end of a name: "Aviastar-SP", "Остек-Эк»"
_HYPHENED_LAST = re.compile(r"\w[-\u2010\u2011][^\W\d_]{2}\W*$")


def _other_kind(form: LegalForm, found: list[LegalForm]) -> bool:
    """``form`` is of a known kind that none of the legal forms ``found`` before it in the name has (all known)."""
    kinds = {f.generic for f in found}
    return bool(found) and form.generic is not None and None not in kinds and form.generic not in kinds


def _canonical(
    toks: list[str], vocab: Vocabulary, table: dict[str, str], fuzzy: bool, spans: bool = True, han: bool = False,
) -> tuple[list[str], list[tuple[str, str]]]:
    """``toks`` read through the term ``table``; ``han``: syllables of a name in Chinese characters, none read as a
    term of another language (``_foreign_syllable``)."""
    out: list[str] = []
    renamed: list[tuple[str, str]] = []
    i = 0
    while i < len(toks):
        hit = _span_match(toks, i, table, vocab.starts if spans else frozenset())  # type: ignore[arg-type]
        if hit is not None and han and hit[0] == i + 1 and _foreign_syllable(hit[1]):
            hit = None
        if hit is None:
            if han and _foreign_syllable(toks[i]):
                out.append(toks[i])
                i += 1
                continue
            canon = table.get(_stem(toks[i])) or (_fuzzy_term(toks[i]) if fuzzy else None)  # "technolgies"
            if canon is None:
                out.append(toks[i])
            else:
                out.append(canon)
                renamed.append((toks[i], canon))
            i += 1
            continue
        j, key = hit
        canon = table[key]
        out.append(canon)
        written = " ".join(toks[i:j])
        if written != canon:
            renamed.append((written, canon))
        i = j
    return out, renamed


@lru_cache(maxsize=100_000)
def _person_word(token: str) -> tuple[str, bool, float, bool, str]:
    """A word of a person's name as ``prepare`` reads it (cached: name parts repeat): the word it is read as (as
    ``_canonical`` reads it with the person terms, no spans and no fuzzy look-up), whether that is a rewrite to record,
    its weight, whether it is distinctive, and its skeleton."""
    vocab = vocabulary()
    table = vocab.person_terms
    if token in table:
        canon = table[token]
        changed = canon != token
    else:
        found = table.get(_stem(token))
        canon, changed = (found, True) if found else (token, False)
    # ``_weight(canon, vocab)``, written out
    w = DIGIT_WEIGHT if not canon.isalpha() else INITIAL_WEIGHT if len(canon) == 1 else vocab.generic.get(canon, 1.0)
    return canon, changed, w, (len(canon) >= 2 and w >= DISTINCTIVE_WEIGHT) or canon.isdigit(), skeleton(canon)


_PHONETIC_SCRIPTS = ABJADS | UNSPACED  # ``NameForm.phonetic``: a name with a letter of one of these scripts


def _person_form(name: str, latin: str, method: str | None, toks: list[str]) -> NameForm:
    """``prepare(name, person=True)`` from the folded text and its words (not stopwords): the words read by
    ``_canonical(toks, vocab, vocab.person_terms, fuzzy=False, spans=False)``, their weights, skeleton and
    distinctiveness as for any name, word by word from ``_person_word``."""
    out: list[str] = []
    renamed: list[tuple[str, str]] = []
    weights: list[float] = []
    distinctive = False
    skel = ""  # = skeleton("".join(out)) (see clearance.text.fold.tokens_skeleton)
    for t in toks:
        canon, changed, w, dist, s = _person_word(t)
        out.append(canon)
        if changed:
            renamed.append((t, canon))
        weights.append(w)
        distinctive = distinctive or dist
        skel += s[1:] if skel and s and skel[-1] == s[0] else s
    scripts = scripts_of(name)
    # ``name_form(...)`` of these fields, its stores written out here (a form for each person's name prepared)
    form = _NameFormSlots()
    form.original = name
    form.latin = latin
    form.tokens = tuple(out)
    form.weights = tuple(weights)
    form.legal_forms = ()
    form.renamed = tuple(renamed)
    form.scripts = scripts
    form.translit = method
    form.compact = "".join(out)
    form.skeleton = skel
    form.phonetic = not scripts.isdisjoint(_PHONETIC_SCRIPTS)
    form.unspaced = not scripts.isdisjoint(UNSPACED)
    form.weight = sum(weights)
    form.distinctive = distinctive
    form.person = True
    form.__class__ = NameForm  # type: ignore[assignment]
    return form  # type: ignore[return-value]


def _join_initials(toks: list[str]) -> list[str]:
    """Runs of single letters are one acronym: "N P C International" -> "npc international"."""
    out: list[str] = []
    run: list[str] = []
    for t in [*toks, ""]:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if t:
            out.append(t)
    return out


def _weight(token: str, vocab: Vocabulary) -> float:
    if not token.isalpha():  # tokens are [0-9a-z]+: not all letters means it has a digit
        return DIGIT_WEIGHT
    if len(token) == 1:
        return INITIAL_WEIGHT
    return vocab.generic.get(token, 1.0)


def _respelled(token: str, vocab: Vocabulary) -> str:
    """``token`` with the Russian spellings of English loan words written the English way, also inside a compound
    ("sarovbiznesbank" -> "sarovbusinessbank"; adversarial R11-28: SDN 'SAROVBUSINESSBANK')."""
    for spelt, english in vocab.respell:
        if spelt in token:
            token = token.replace(spelt, english)
    return token


def prepare(name: str, person: bool = False, short_form_words: bool = False, places_first: bool = False) -> NameForm:
    """Prepare ``name`` for comparison (cached: list names are prepared once per process; the memo is keyed by every
    argument written out, so that ``prepare(x)``, ``prepare(x, False)`` and ``prepare(x, person=False)`` share one
    entry: ``lru_cache`` keys each way of passing the arguments apart, and a query's name was prepared twice).

    ``person=True`` keeps initials apart and leaves legal forms and organisation terms alone
    ("Marine Le Pen" is not "maritime"; "J. R. R. Tolkien" keeps three initials). ``short_form_words``
    (clearance-name@3): a two-letter legal form ending the name is a word of it when the name has a legal form of
    another kind before it ("OOO Alyans EG": a company has one legal form, so "EG" is no German cooperative's eG;
    adversarial R12-18) or when a hyphen joins it to the name ("Aviastar-SP", "Ostek-EK"); a legal form the table
    writes only in parentheses is one only when the name writes it so ("Fang Yu" is a person, "Hanil (Yu)" an LLC).
    ``places_first`` (clearance-name@3): in a name written in Chinese characters, the pinyin syllables of a place are
    joined before the term table is read (上海 "shang hai" is Shanghai, not 商 "shang", business; adversarial R5-46).
    """
    return _prepare_memo(name, person, short_form_words, places_first)


def _prepare_uncached(name: str, person: bool, short_form_words: bool, places_first: bool) -> NameForm:
    """``prepare``, not remembered."""
    vocab = vocabulary()
    latin, method = fold(name)
    toks = latin.split()
    if not vocab.stopwords.isdisjoint(toks):  # (most names have no stopword)
        toks = [t for t in toks if t not in vocab.stopwords]
    if person:
        return _person_form(name, latin, method, toks)
    toks = [_respelled(t, vocab) for t in toks]
    hyphened = short_form_words and _HYPHENED_LAST.search(name) is not None
    in_brackets = frozenset(fold(m)[0].replace(" ", "") for m in _BRACKETS.findall(name)) if (
        short_form_words and vocab.bracketed and "(" in name) else frozenset()
    scripts = scripts_of(name)
    # (@3) a name written in Chinese characters only: its syllables are characters, no one of them a legal form or a
    # term of another language
    han = places_first and method is not None and "pinyin" in method and "Latin" not in scripts
    toks, forms = _strip_legal(_join_initials(toks), vocab, short_form_words, hyphened, in_brackets, han)
    if forms:  # a legal form between single letters ("a ngo a", from 'A𩱚A'): the letters are one acronym
        toks = _join_initials(toks)
    place_runs: list[tuple[str, str]] = []
    if places_first and method is not None and "pinyin" in method:
        toks, place_runs = join_place_syllables(toks, vocab.terms)
    toks, renamed = _canonical(toks, vocab, vocab.terms, fuzzy=True, han=han)
    renamed = place_runs + renamed
    joined = "".join(toks)
    weights = tuple([_weight(t, vocab) for t in toks])
    return name_form(
        original=name,
        latin=latin,
        tokens=tuple(toks),
        weights=weights,
        legal_forms=tuple(forms),
        renamed=tuple(renamed),
        scripts=scripts,
        translit=method,
        compact=joined,
        skeleton=tokens_skeleton(toks),  # = skeleton(joined)
        phonetic=not scripts.isdisjoint(_PHONETIC_SCRIPTS),
        unspaced=not scripts.isdisjoint(UNSPACED),
        weight=sum(weights),
        distinctive=any((len(t) >= 2 and w >= DISTINCTIVE_WEIGHT) or t.isdigit() for t, w in zip(toks, weights,
                                                                                                  strict=True)),
        person=False,
    )


_prepare_memo = lru_cache(maxsize=200_000)(_prepare_uncached)
