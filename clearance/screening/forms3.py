"""Names prepared for clearance-name@3: @2's tokens, abbreviations expanded, digits read, rarity weights.

On top of ``clearance.text.names.prepare`` (shared with @1 and @2, which stay unchanged):
- organisation abbreviations as people type them are read as the full word ("Engg" -> engineering,
  "Trdg" -> trading, "Elec" -> electronic; ``clearance/text/abbreviations.yml``);
- a 0 or 1 inside a word is read as the letter it stands for ("Sh1pping" -> shipping, "0cean" -> ocean);
- numbers in words and ordinals are read as digits ("Forty-Four" -> 44, "1st" / "First" -> 1);
- each word weighs by its rarity (``clearance.screening.rarity``), never more than the vocabulary's weight
  for generic words nor, in organisation names, a place name's (``clearance.text.places``): a brand weighs 1,
  a city or an industry word little.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

from rapidfuzz import process
from rapidfuzz.distance import OSA

from clearance.screening.rarity import rarity
from clearance.text.abbreviations import abbreviations
from clearance.text.fold import fold, tokens_skeleton
from clearance.text.names import INITIAL_WEIGHT, NameForm, _NameFormSlots, _prepare_memo, name_form, prepare
from clearance.text.numbers import may_read_numbers, numbers_as_digits
from clearance.text.places import PLACE_WEIGHT, join_place_syllables, place_words
from clearance.text.scripts import scripts_of
from clearance.text.terms import vocabulary
from clearance.text.titles import _plain_word, without_titles

# Bump when prepare3 reads a name differently for the same resources: the @3 forms are prepared at index build and
# cached with the index (clearance.workflows.screening._resources_digest). 2: descriptive parentheses set aside,
# organisation words weighed with their plural or singular. 3: misspelt terms (a swap is one edit), an address
# written after the name set aside, more abbreviations (abbreviations.yml), more country names (places.yml).
# 4: organisation names respelt word by word (abbreviations, misspelt terms) before multi-word terms are read.
# 5: phrases ("Pvt Ltd" -> Ltd) and ministries' initials after a name's first word (abbreviations.yml) read;
# a person's titles set aside (titles.yml); pinyin syllables of a place in Chinese characters joined.
# 6: a two-letter legal form ending a name after a legal form of another kind or a hyphen is a word ("OOO Alyans
# EG", "Aviastar-SP"); "gu fen" left of 股份有限公司 set aside; a place in Chinese characters read before the term
# table (上海 "shang hai" is no "business hai").
# 7: a legal form the table writes only in parentheses ("(yu)") is one only when the name writes it so.
# 8: a single letter joined by a hyphen to a word of an organisation's name is one word with it ("A-Bank" is no
# "Bank": session 15).
# 9: a 1 read as the "l" that spells a known word ("Techno1ogy"), and a 0 or 1 ending a word ("Digita1") (adversarial
# R31-16: OCR of a scanned order).
# 10: every country, countries' adjectives and world regions weigh as places in organisation names (place_words.yml:
# "Ghana", "Syrian", "Levant" weighed as brands; adversarial R35-55, R35-64, R34-23).
# 11: the world's one-word capitals and trading cities weigh as places in organisation names (address_words.yml
# ``cities``: "Beirut"); "mobile" and "control" ("controles") are organisation terms of the trade (name_terms.yml;
# adversarial R37-47, R37-71, R38-69).
FORMS_VERSION = 11

# a single letter joined by a hyphen to a word: "A-Bank", "T-Bank", "Т-Банк" (not "A-Z", not "J.-P.")
_LETTER_HYPHEN = re.compile(r"(?<![\w.])([^\W\d_])[-\u2010\u2011]([^\W\d_]{2,})")

_LEET = re.compile(r"(?<=[a-z])[01](?=[a-z])|^[01](?=[a-z]{2})", re.I)
_LEET_END = re.compile(r"(?<=[a-z]{3})[01]$", re.I)  # "Digita1": last, after three letters (only into a known word)
_LEET_MAP = str.maketrans({"0": "o", "1": "i"})
_OCR_MAP = str.maketrans({"0": "o", "1": "l"})  # a scanned "l" read as "1" ("Techno1ogy")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


def _known(word: str) -> bool:
    """A word the lists' names or the term table have ("technology", "digital")."""
    w = word.lower()
    return w in vocabulary().terms or rarity().df.get(w, 0) > 0


def _unleet(word: str) -> str:
    """"Sh1pping" -> "Shipping": a 0 or 1 between letters (or first, before two letters) is a letter; a 1 is an "l"
    where that spells a known word and the "i" does not ("Techno1ogy" -> "Technology", OCR), and a 1 (0) ending a
    word of letters is an "l" ("o") where that spells a known word ("Digita1" -> "Digital")."""
    if word.isalpha() or word.isdigit() or _ORDINAL.match(word) or not any(ch in "01" for ch in word):
        return word
    out = _LEET.sub(lambda m: m.group(0).translate(_LEET_MAP), word)
    ocr = _LEET.sub(lambda m: m.group(0).translate(_OCR_MAP), word)
    if ocr != out and _known(ocr) and not _known(out):
        out = ocr
    if _LEET_END.search(out):
        end = _LEET_END.sub(lambda m: m.group(0).translate(_OCR_MAP), out)
        if end.isalpha() and _known(end):
            return end
    return out


# A parenthesised clause that describes the party rather than naming it: "CNOOC Limited (a subsidiary of China
# National Offshore Oil Corporation)", "(formerly ...)", "(a.k.a. ...)", "(original script: ...)", "(born on ...)".
# Its words are not the party's name: compared, they would dilute it ("CNOOC Ltd." against the whole entry
# agrees on one word of eight). Short forms ("(NUDT)"), places ("(Shenzhen)") and legal forms ("(Pvt)") stay.
_DESCRIPTIVE = re.compile(
    r"\(\s*(?:an?\s+(?:[\w-]+\s+){0,3}?(?:of|to|in)\b|(?:wholly[- ]owned\s+|indirect\s+|direct\s+)?"
    r"(?:subsidiary|affiliate|division|branch|unit|part|member|department|subordinate)\s+(?:of|to)\b"
    r"|formerly|previously|former(?:ly)?\s+known\s+as|f\.\s?k\.\s?a\.?|fka\b|a\.\s?k\.\s?a\.?|aka\b|also\s+known\s+as|"
    r"owned\s+by|controlled\s+by|original\s+script|date\s+of\s+birth|born\s+(?:on|in)|nom\s+de\s+guerre|"
    r"as\s+previously\s+listed|previously\s+listed|see\s|including\s)[^()]*\)",
    re.IGNORECASE,
)
# A comma-separated part that starts an address: "..., No. 555 Qianmo Road, Binjiang District", "..., Room 1318-19,
# 13F, Hollywood Plaza" (orders have no address field: customers write it in the name line). The name ends there.
_ADDRESS_PART = re.compile(
    r"^(?:no\.?\s*\d|room\b|rm\.?\s*\d|unit\s+\w*\d|suite\s+\w*\d|flat\s+\w*\d|office\s+\w*\d|\d+/?f\b|"
    r"floor\s+\d|block\s+\w*\d|(?:building|bldg\.?)\s+\w*\d|p\.?\s?o\.?\s+box\b|"
    r"\d+[a-z]?(?:-\d+)?\s+(?:[a-z]+\s+){1,3}(?:road|rd|street|st|avenue|ave|lane|blvd|boulevard|highway|drive)\b)",
    re.IGNORECASE,
)


def without_descriptions(name: str) -> str:
    """``name`` without parenthesised clauses that describe the party (see ``_DESCRIPTIVE``) and without an address
    written after it (``_ADDRESS_PART``); the name unchanged when nothing else would be left."""
    out = name
    if "(" not in out and "," not in out and out.rstrip(" ,;") == out:
        return name  # nothing set aside (the name itself either way below)
    if "(" in out:
        out = " ".join(_DESCRIPTIVE.sub(" ", out).split())
    if "," in out:
        parts = out.split(",")
        for k in range(1, len(parts)):
            if _ADDRESS_PART.match(parts[k].strip()):
                out = ",".join(parts[:k])
                break
    out = out.rstrip(" ,;")
    return out if any(ch.isalnum() for ch in out) else name


def unleet_text(name: str) -> str:
    """``name`` with digits written for letters inside words read as the letters (before any other step)."""
    if "0" not in name and "1" not in name:
        return name
    return " ".join(_unleet(w) for w in name.split())


LEGAL_TYPO_MIN_LEN = 6


@lru_cache(maxsize=1)
def _long_legal_forms() -> dict[str, tuple[str, ...]]:
    """Single-word legal forms of 6+ letters by their first letter (a typo there is not looked for)."""
    out: dict[str, list[str]] = {}
    for k in sorted(vocabulary().legal_forms):
        if len(k) >= LEGAL_TYPO_MIN_LEN and k.isalpha():
            out.setdefault(k[0], []).append(k)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=100_000)
def _legal_typo(token: str) -> str | None:
    """The legal form a first or last word is a one-letter typo of ("limied" -> limited), if any."""
    if len(token) < LEGAL_TYPO_MIN_LEN or not token.isalpha() or token in vocabulary().terms:
        return None
    found = process.extractOne(token, _long_legal_forms().get(token[0], ()), scorer=OSA.distance, score_cutoff=1)
    return found[0] if found else None


TERM_TYPO_MIN_LEN = 7  # words this long that no name of the corpus has are looked up as a misspelt term


@lru_cache(maxsize=1)
def _long_terms() -> dict[str, tuple[str, ...]]:
    """Single-word terms (as written, 6+ letters) by their first letter."""
    out: dict[str, list[str]] = {}
    for k in sorted(vocabulary().terms):
        if len(k) >= TERM_TYPO_MIN_LEN - 1 and k.isalpha():
            out.setdefault(k[0], []).append(k)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=100_000)
def _term_typo_word(token: str) -> str | None:
    """The term (as written) an unknown word is a typo of, two letters swapped counting as one edit
    ("nedvihzimost" -> nedvizhimost, "disrtibution" -> distribution): one edit up to 10 letters, two from 11 (the
    name pipeline's own look-up counts a swap twice and misses these)."""
    if len(token) < TERM_TYPO_MIN_LEN or not token.isalpha() or rarity().df.get(token, 0) > 0:
        return None
    if token in vocabulary().terms:
        return None
    allowed = 1 if len(token) <= 10 else 2
    found = process.extractOne(token, _long_terms().get(token[0], ()), scorer=OSA.distance, score_cutoff=allowed)
    return str(found[0]) if found else None


def _term_typo(token: str) -> str | None:
    """The canonical term an unknown word is a typo of (see ``_term_typo_word``)."""
    word = _term_typo_word(token)
    return vocabulary().terms[word] if word is not None else None


_WORD_CORE = re.compile(r"[^0-9a-z]")


@lru_cache(maxsize=1)
def _phrase_starts() -> tuple[int, frozenset[str]]:
    """The most words of a phrase of ``abbreviations().phrases``, and the words phrases start with (a run of words
    is looked up only from one of them)."""
    phrases = abbreviations().phrases
    return max((len(k) for k in phrases), default=0), frozenset(k[0] for k in phrases)


def respell(name: str) -> tuple[str, list[tuple[str, str]]]:
    """An organisation name with abbreviations written out and misspelt terms corrected word by word, before the
    name pipeline reads its multi-word terms ("Research and Production Assn M.V. Frunze", "Ressearch and
    Production Assoication" -> "Research and Production Association": a term of its own); and the rewrites.

    Runs of words of ``abbreviations().phrases`` are read first ("Pvt Ltd" -> "Ltd"); a ministry's or academy's
    initials (``abbreviations().qualifiers``) are written out when they are not the name's first word
    ("Second Institute of Oceanography, MNR" -> "..., Ministry of Natural Resources")."""
    table = abbreviations()
    words = name.split()
    cores = [_word_core(w) if len(w) <= WORD_MEMO_CHARS else _WORD_CORE.sub("", w.lower()) for w in words]
    longest, starts = _phrase_starts()
    # (phrases are looked up folded: "Dış Tic." is "dis tic")
    keys = [c if w.isascii() else _WORD_CORE.sub("", fold(w)[0]) for w, c in zip(words, cores, strict=True)]
    out: list[str] = []
    changed: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        w, core = words[i], cores[i]
        phrase = next(((n, table.phrases[key]) for n in range(min(longest, len(words) - i), 1, -1)
                       if (key := tuple(keys[i:i + n])) in table.phrases), None) if keys[i] in starts else None
        if phrase is not None:
            n, read = phrase
            end = words[i + n - 1]
            out.append(read + end[len(end.rstrip(",;:)")):])
            changed.append((" ".join(words[i:i + n]), read))
            i += n
            continue
        i += 1
        got = (_respelt_word(w, core, i > 1) if len(w) <= WORD_MEMO_CHARS else
               _respelt_word.__wrapped__(w, core, i > 1))
        if got is None:
            out.append(w)
            continue
        out.append(got[0])
        changed.append((w, got[1]))
    return (" ".join(out), changed) if changed else (name, changed)


WORD_MEMO_CHARS = 40  # written words this long or shorter are remembered (``_word_core``, ``_respelt_word``)


@lru_cache(maxsize=32_768)
def _word_core(word: str) -> str:
    """A written word lower-cased without what is not a letter or digit (a pure function of its text, remembered: a
    file of distinct parties still repeats its words)."""
    return _WORD_CORE.sub("", word.lower())


@lru_cache(maxsize=32_768)
def _respelt_word(word: str, core: str, later: bool) -> tuple[str, str] | None:
    """``respell``'s reading of one written word outside a phrase (``core``: ``_word_core``; ``later``: not the name's
    first word): (the word written out, as read) or None when it stays as written. Pure, remembered."""
    table = abbreviations()
    if table.dotted and "." in word and (spelt := table.dotted.get(word.lower().rstrip(",;:)"))) is not None:
        return spelt + word[len(word.rstrip(",;:)")):], spelt
    if not core.isalpha():
        return None
    qualifier = table.qualifiers.get(core) if later else None
    new = qualifier or table.full.get(core) or _term_typo_word(core)
    if new is None or new == core:
        return None
    return new + word[len(word.rstrip(",;:")):], new


def _text3(name: str, person: bool) -> tuple[str, list[tuple[str, str]]]:
    """The text @3 prepares for ``name``: descriptions and an address set aside, an organisation's words
    respelt (``respell``) or a person's titles set aside (``clearance.text.titles``), digits for letters read as
    letters; and the rewrites."""
    text = without_descriptions(name)
    changed: list[tuple[str, str]] = []
    if person:
        text, changed = without_titles(text)
    else:
        text, changed = respell(text)
        if _LETTER_HYPHEN.search(text):  # "A-Bank", "T-Bank": the letter is the brand, not an initial left over
            joined = _LETTER_HYPHEN.sub(r"\1\2", text)
            changed += [(w, u) for w, u in zip(text.split(), joined.split(), strict=True) if w != u]
            text = joined
    plain = unleet_text(text)
    if plain != text:
        changed += [(w, u) for w, u in zip(text.split(), plain.split(), strict=True) if w != u]
    return plain, changed


def _prepare(text: str, person: bool) -> NameForm:
    """``prepare`` as @3 reads a name: a two-letter legal form ending it may be a word, a place in Chinese characters
    is read before the term table (``prepare``'s ``short_form_words`` and ``places_first``). Prepared plainly first
    (the cache shared with @1 and @2): again only when those readings may change it."""
    base = prepare(text, person)
    if person:
        return base
    words = base.latin.split()
    if "pinyin" in (base.translit or "") or (base.legal_forms and words and len(words[-1]) == 2):
        return prepare(text, person, short_form_words=True, places_first=True)
    return base


def canonical_tokens(name: str, person: bool = False) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The @3 tokens of a name and the rewrites applied ((as written, read as), ...)."""
    plain, renamed = _text3(name, person)
    return _canonical_tokens(name, _prepare(plain, person), renamed, person)


def _canonical_tokens(name: str, base: NameForm, renamed: list[tuple[str, str]], person: bool,
                      ) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """``canonical_tokens`` of ``name`` from its text's ``prepare`` (``base``) and ``_text3``'s rewrites."""
    if person and not may_read_numbers(base.tokens):
        return base.tokens, tuple(renamed)  # a person's words as they are, no number among them to read
    toks: list[str] = list(base.tokens)  # a person's words as they are; an organisation's respelt
    if not person:
        expand = abbreviations().expand
        terms = vocabulary().terms
        for k, u in enumerate(toks):
            e = expand.get(u)
            if e is None and u not in terms:
                e = _term_typo(u)
            if e is not None and e != u:
                renamed.append((u, e))
                toks[k] = e
    if not person and len(toks) > 1:
        for at in (len(toks) - 1, 0):
            form = _legal_typo(toks[at]) if rarity().df.get(toks[at], 0) == 0 else None
            if form is not None:
                renamed.append((toks[at], f"legal form {form}"))
                del toks[at]
                break
    toks, numbers = numbers_as_digits(toks)
    renamed.extend(numbers)
    if not person and "Han" in scripts_of(name):
        if len(toks) > 2 and toks[-2:] == ["ze", "ren"]:  # 有限责任公司 cut by the span limit: "ze ren" left over
            del toks[-2:]
            renamed.append(("ze ren", "legal form youxian zeren gongsi"))
        if len(toks) > 2 and toks[-2:] == ["gu", "fen"] and base.legal_forms and "gu fen you xian" in base.latin:
            # 股份有限公司 (a joint-stock company limited) cut by the span limit: "gu fen" (股份, shares) left over
            # weighed as two rare words, and two names of that form agreed on them (adversarial R12-40)
            del toks[-2:]
            renamed.append(("gu fen", "legal form gufen youxian gongsi"))
        toks = _join_places(toks, renamed)
    return tuple(toks), tuple(renamed)


def _join_places(toks: list[str], renamed: list[tuple[str, str]]) -> list[str]:
    """Pinyin syllables of a name written in Chinese characters that spell a place joined into the place's word
    (``clearance.text.places.join_place_syllables``), which weighs as a place (``token_weight``): a syllable alone is
    rare ("jing"), so two names of different parties in one city agreed on "rare" words. (``prepare`` joins them
    before the term table is read, for @3: what is left here was a place only once terms were read.)"""
    out, joined = join_place_syllables(toks)
    renamed.extend(joined)
    return out


@lru_cache(maxsize=200_000)
def token_weight(token: str, person: bool) -> float:
    """A token's @3 weight: its rarity (in organisation names counted with its plural or singular), capped by the
    vocabulary's weight for generic words and, in organisation names, by PLACE_WEIGHT for a place word
    (``clearance.text.places.place_words``: places.yml, and the countries, their adjectives and the world regions of
    place_words.yml)."""
    if not token.isalpha():
        return 1.0
    if len(token) == 1:
        return INITIAL_WEIGHT
    if person:
        table = rarity()
        return table.weight_of_count(table.df.get(token, 0))  # (``RarityTable.weight``)
    w = min(rarity().word_weight(token), vocabulary().generic.get(token, 1.0))
    if token in place_words():
        w = min(w, PLACE_WEIGHT)
    return w


def prepare3(name: str, person: bool = False) -> NameForm:
    """``name`` prepared for clearance-name@3 (cached like ``prepare``: ``prepare3(x)`` and ``prepare3(x, False)`` share
    one memo entry; ``lru_cache`` alone keys them apart, and a query's name was prepared once for its blocking keys and
    again for the pre-filter)."""
    return _prepare3_memo(name, person)


def _prepare3_uncached(name: str, person: bool) -> NameForm:
    """``prepare3``, not remembered."""
    renamed: list[tuple[str, str]]
    if person and "(" not in name and "," not in name and "0" not in name and "1" not in name and (
            name.rstrip(" ,;") == name and all(map(_plain_word, name.split()))):
        # (most persons' names) ``_text3`` leaves the name as it is: nothing ``without_descriptions`` sets aside, no
        # title or abbreviated given name (``without_titles``), no digit read as a letter (``unleet_text``)
        plain, renamed = name, []
    else:
        plain, renamed = _text3(name, person)
    if person and not may_read_numbers((base := _prepare_memo(plain, True, False, False)).tokens):
        toks, renamed3 = base.tokens, tuple(renamed)  # (``_prepare`` and ``_canonical_tokens`` of a person's words)
    else:
        base = _prepare(plain, person)
        toks, renamed3 = _canonical_tokens(name, base, renamed, person)
    if person and any("gh" in t for t in toks):
        toks, renamed3 = _gh_as_q(toks, renamed3)
    weights = tuple(map(token_weight, toks, repeat(person)))
    if toks == base.tokens and not renamed3:
        if weights == base.weights and base.original == name:
            return base  # the same in every field (the rare words of a person's name weigh 1.0 either way)
        # ``name_form(...)`` of ``base``'s fields with these weights and ``name``, its stores written out here (most
        # names prepared: a person's words weighed by their rarity)
        form = _NameFormSlots()
        form.original = name
        form.latin = base.latin
        form.tokens = base.tokens
        form.weights = weights
        form.legal_forms = base.legal_forms
        form.renamed = base.renamed
        form.scripts = base.scripts
        form.translit = base.translit
        form.compact = base.compact
        form.skeleton = base.skeleton
        form.phonetic = base.phonetic
        form.unspaced = base.unspaced
        form.weight = sum(weights)
        form.distinctive = base.distinctive
        form.person = base.person
        form.__class__ = NameForm  # type: ignore[assignment]
        return form  # type: ignore[return-value]
    joined = "".join(toks)
    return name_form(original=name, latin=base.latin, tokens=toks, weights=weights, legal_forms=base.legal_forms,
                     renamed=base.renamed + renamed3, scripts=base.scripts, translit=base.translit, compact=joined,
                     skeleton=tokens_skeleton(toks), phonetic=base.phonetic, unspaced=base.unspaced,
                     weight=sum(weights), distinctive=base.distinctive or any(t.isdigit() for t in toks),
                     person=base.person)


def _gh_as_q(toks: tuple[str, ...], renamed: tuple[tuple[str, str], ...],
             ) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """A person's name parts with "gh" read as "q": Persian and Arabic names romanise غ and ق either way
    ("Mohaghegh" / "Mohaqeq", "Haghighian" / "Haqiqian", "Ghasemi" / "Qasemi"), and two such letters in one word
    were two typos and more (adversarial R50-44, R50b-11, R50b-13, R50b-14: SDN persons missed). Not in an English
    "-ght" ("Wright", "Knight"). Both names of a pair are read alike, so names spelt the same still agree exactly."""
    out = tuple(t if "ght" in t else t.replace("gh", "q") for t in toks)
    if out == toks:
        return toks, renamed
    return out, renamed + tuple((t, u) for t, u in zip(toks, out, strict=True) if t != u)


_prepare3_memo = lru_cache(maxsize=300_000)(_prepare3_uncached)
prepare3.__wrapped__ = _prepare3_uncached  # type: ignore[attr-defined]  # (not remembered, as before)
