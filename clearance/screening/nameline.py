"""A name line that ends with an address, or starts with the name's acronym: the name read without them as well.

Orders and customer files often carry a party as one line, the name followed by where it is: "Cambricon (Hong Kong)
Co Ltd, Wan Chai", "Peaktek Co Ltd - Chatham Road South, Kowloon", "Tako LLC, Garegin Nzhdeh Street, Shengavit",
"Novo Blockchain Consultoria Limitada, Avenida da Praia Grande"; or the name's acronym first: "AIRCAS - Aerospace
Information Research Institute, Chinese Academy of Sciences". Compared whole, the address words or the acronym
dilute the name and the listed party may not be found (adversarial review round 4: nine false clears, one needless
CANNOT_CLEAR; round 6, cause C: eight more, with a city, an office description or a vessel's role).
``read_name_line`` gives the name without them:

- a trailing address: the part before the first separator (",", " - ", "/") when everything after it reads as an
  address: each trailing segment holds a digit, a street word ("Road", "Building", "Avenida", "Marg", "Complex", ...),
  starts with a building's number word ("One BKC"), or is a district or place (``clearance/text/address_words.yml``,
  ``places.yml``); or earlier, where a legal form ends the name ("Chemform Trading Pvt. Ltd., One BKC, Bandra Kurla
  Complex, Mumbai") or the segment after it reads as an address, when every later segment is an address or a few
  words without a legal form (a building or area no table holds), see ``_legal_form_cut``;
- a trailing description of where the party works: a segment of office or branch words, places and numbers
  ("Representative Office in Astana", "Dubai branch", "service centre"), or such a phrase ending the name's last
  segment ("Russian Navy liaison office, Cam Ranh" is read "Russian Navy"); a trailing parenthesis that is an address
  or an identifier ("NS ANTARCTIC (IMO 9413559)": the vessel numbers are kept in ``NameReading.identifiers``); a city
  of the world's capitals and trading hubs (``cities``);
- a leading vessel role: "Master of the tanker NS ANTARCTIC" is read "NS ANTARCTIC" (``NameReading.role`` holds what
  was set aside);
- a leading city of the party's country before a brand: "SHENZHEN KUANGCHI GROUP" is read "KUANGCHI GROUP" (the
  Entity List writes "Kuang-Chi Group"; see ``_place_end``);
- a leading acronym: a first segment of one word whose letters are the initials of the following words, in order
  (words of three letters or fewer, and one longer word, may be skipped: "AIRCAS" for "Aerospace Information
  Research [Institute] Chinese Academy [of] Sciences").

The name left must still carry a distinctive word (a word that is no place and not common in names, by the word
rarity of clearance-name@3): "Bank, Moscow" is not read as "Bank", so a bare generic word never becomes a hit. A name
left of two or more common words ("Abu Trade LLC, Al Zaroni Yard, Al Wasl Road, Dubai": the Unverified List's "Abu
Trade LLC", adversarial R11-41) is read all the same, marked ``common``: only a listed name of the same words counts
(``clearance.screening.screen``), as two names of common words are compared only when their words are the same
(``algorithm.comparable``).

The parts set aside are returned as written (``NameReading.set_aside``), so an explanation quotes the line's own
text. Screening screens the line both ways and keeps, for each entry, the better hit (``clearance.screening.screen``):
reading the name without its address or acronym can only add a hit, never remove one.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from clearance.errors import DataError
from clearance.screening.algorithm import RESIDUE_MAX_WEIGHT
from clearance.screening.algorithm3 import organisation_words, reads_as_person
from clearance.screening.forms3 import _DESCRIPTIVE, prepare3
from clearance.screening.rarity import rarity
from clearance.text.fold import fold
from clearance.text.names import DISTINCTIVE_WEIGHT, prepare
from clearance.text.places import country_places, places
from clearance.text.scripts import is_latin
from clearance.text.terms import MAX_SPAN, vocabulary
from clearance.text.yamlload import safe_load

# (\u060c: the Arabic comma; a slash between two single letters is no separator: "M/T", "M/V", "c/o")
_SEPARATOR = re.compile(r"\s*[,\u060c]\s*|\s+[-\u2013\u2014]\s+|(?<!\b\w)\s*/\s*|\s*/\s*(?!\w\b)")
ACRONYM_MIN = 3  # letters of a leading acronym ("CAS" and longer); two letters match too many names by chance
SKIPPABLE = 3  # words this short ("of", "and") may have no letter in an acronym
RESIDUE_TERM = "co"  # the term of "Corporation", "Company", "Corp", "Co": a legal form where a name ends
LOOSE_WORDS = 4  # a segment after a legal form this short may be a building, area or city no table holds
ONE_SKIP = 1  # ... and this many longer words ("Institute" in AIRCAS)
TOWN_WORDS = 2  # words of a town's name after a town head word ("г. Нижний Новгород")
_TRIM = " ,\u060c/-\u2013\u2014"
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")  # a trailing parenthesis: "NS ANTARCTIC (IMO 9413559)"
_WORD = re.compile(r"\S+")
_VESSEL_ID = re.compile(r"\b(?:IMO|MMSI)(?:\s*(?:No\.?|number|:))?\s*(\d{7,9})\b", re.IGNORECASE)
_VESSEL_PAREN = re.compile(r"\s*\(\s*(?:IMO|MMSI)\b[^()]*\)", re.IGNORECASE)  # "MANGAZEJA (IMO 7741108)"
COMMON_WORDS = 2  # a name left of common words only is read when it has this many words (not "Bank", "Trading Co")
BRAND_WEIGHT = 0.9  # a word after a leading city this rare (by the rarity of clearance-name@3) is a brand
PLACE_SPAN = 3  # words of a leading place ("Nei Mongol", "Hong Kong")
DISTINCTIVE = 0.15  # a word of rarity weight at most this (clearance.screening.rarity: MIN_WEIGHT 0.12 for words in
# 0.4 % of names or more: "bank", "trade", "office", "industry") says nothing about which party a name is
_KEYS = ("street", "building_heads", "us_states", "regions", "districts", "cities", "office_heads", "office_words",
         "connectors", "vessel_roles", "vessel_types", "world_regions", "town_heads")


@dataclass(frozen=True, slots=True)
class NameReading:
    """The name of a name line without what surrounds it; ``set_aside`` holds (kind, text as written) pairs, kind
    "acronym" or "place" (before the name) or "address" (after it)."""

    name: str
    set_aside: tuple[tuple[str, str], ...]
    role: str | None = None  # a vessel role written before the name ("Master of the tanker"), as written
    identifiers: tuple[str, ...] = ()  # vessel numbers of the set-aside text ("IMO 9413559" -> "9413559")
    common: bool = False  # the name left has no distinctive word: only a listed name of the same words counts

    def text(self, kind: str) -> str | None:
        return next((t for k, t in self.set_aside if k == kind), None)


@dataclass(frozen=True, slots=True)
class _Words:
    """address_words.yml, folded: single words as sets, phrases as tuples of words."""

    street: frozenset[str]
    building_heads: frozenset[str]  # number words that start a building's name ("One BKC")
    places: frozenset[str]  # districts and cities, joined without spaces
    place_words: frozenset[str]  # ... and each of their words
    codes: frozenset[str]  # US state codes as written
    states: frozenset[str]  # US state names folded
    regions: frozenset[str]  # words ending the name of a region ("Moskovskaya oblast"): a segment read as a state
    office_heads: frozenset[tuple[str, ...]]
    office_words: frozenset[str]
    connectors: frozenset[str]
    vessel_roles: frozenset[str]
    vessel_types: frozenset[tuple[str, ...]]
    town_heads: frozenset[str]  # as written, lower case ("г.", "g.")


def _read_yaml(name: str, what: str) -> tuple[object, str]:
    """The YAML resource ``name`` of clearance.text, read, and its path (a DataError naming ``what`` otherwise)."""
    path = resources.files("clearance.text").joinpath(name)
    try:
        return safe_load(path.read_text(encoding="utf-8")), str(path)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read {what}: {exc}", file=str(path)) from exc


@cache
def _words() -> _Words:
    raw, path = _read_yaml("address_words.yml", "address words")
    if not isinstance(raw, dict):
        raise DataError("address words: expected a mapping of lists", file=path)
    for key in raw:
        if key not in _KEYS:
            raise DataError(f"address words: unknown key {key!r}", file=path, field=str(key))
    for key in _KEYS:
        if not isinstance(raw.get(key), list):
            raise DataError(f"address words: expected the list {key!r}", file=path, field=key)

    def folded(key: str) -> list[str]:
        return [fold(str(w))[0] for w in raw[key]]

    states = [str(w) for w in raw["us_states"]]
    named = folded("districts") + folded("cities")
    return _Words(
        street=frozenset(folded("street")),
        building_heads=frozenset(folded("building_heads")),
        places=frozenset(w.replace(" ", "") for w in named),
        place_words=frozenset(x for w in named for x in w.split() if len(x) > 3),
        codes=frozenset(w for w in states if len(w) == 2 and w.isupper()),
        states=frozenset(fold(w)[0] for w in states if len(w) > 2),
        regions=frozenset(folded("regions")),
        office_heads=frozenset(tuple(w.split()) for w in folded("office_heads")),
        office_words=frozenset(folded("office_words")),
        connectors=frozenset(folded("connectors")),
        vessel_roles=frozenset(folded("vessel_roles")),
        vessel_types=frozenset(tuple(w.split()) for w in folded("vessel_types")),
        town_heads=frozenset(str(w).lower() for w in raw["town_heads"]),
    )


def is_place(words: list[str]) -> bool:
    """Folded words that together name a place of places.yml or address_words.yml ("Wan Chai", "Bamako", "N.T.")."""
    aw = _words()
    known = places()
    joined = "".join(words)
    return bool(words) and (joined in aw.places or joined in known
                            or all(w in known or w in aw.places or w in aw.place_words for w in words))


def _has_head(words: list[str]) -> bool:
    """Whether ``words`` hold an office head (address_words.yml ``office_heads``) as consecutive words."""
    by_first = _heads_by_first()
    if () in by_first.get("", ()):  # (an empty head, were the table to hold one, is found at any word)
        return bool(words)
    for i, word in enumerate(words):
        for h in by_first.get(word, ()):
            if tuple(words[i:i + len(h)]) == h:
                return True
    return False


@cache
def _heads_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The office heads by their first word (an empty head under "")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for h in sorted(_words().office_heads):
        out.setdefault(h[0] if h else "", []).append(h)
    return {w: tuple(hs) for w, hs in out.items()}


def _office_word(word: str) -> bool:
    aw = _words()
    return (word in aw.office_words or word in aw.connectors or any(ch.isdigit() for ch in word)
            or is_place([word]))


def _is_office(words: list[str]) -> bool:
    """A description of an office or branch: office words, connectors, places and numbers, with a head word
    ("representative office in astana", "service centre", "dubai branch"), and perhaps where it is after a word
    saying where ("oddzial w polsce": ``_where_start``)."""
    words = words[:_where_start(words)]
    return bool(words) and _has_head(words) and all(_office_word(w) for w in words)


def _where_start(words: list[str]) -> int:
    """The index of a word saying where (office_phrases.yml ``trailing_where``: "in", Polish "w", Vietnamese "tai")
    followed by one to WHERE_WORDS words ending ``words`` and preceded by a word, or ``len(words)``: the words after it
    name the office's place, which no table need hold ("Oddział w Polsce": Polish, 'branch in Poland')."""
    where = _phrases().trailing_where
    for i in range(len(words) - 2, max(0, len(words) - WHERE_WORDS - 2), -1):
        if i > 0 and words[i] in where:
            return i
    return len(words)


def names_office(text: str) -> bool:
    """Whether ``text`` (what a reading set aside) names an office or branch of the party: a head word of
    address_words.yml ``office_heads`` ("Sucursal Argentina, Buenos Aires", "Türkiye İstanbul Şubesi") or a Korean
    office word ("서울지사"). Such a place says where the listed party has an office, not that it is another party."""
    phrases = _phrases()
    return _has_head(fold(text)[0].split()) or any(w in text for w in phrases.hangul_offices)


def _is_address(segment: str) -> bool:
    words = fold(segment)[0].split()
    if not words:
        return True  # an empty segment ("Name, , Kowloon") says nothing
    if any(ch.isdigit() for ch in segment):
        return True
    aw = _words()
    if any(w in aw.street for w in words) or (len(words) >= 2 and words[0] in aw.building_heads):
        return True
    written = segment.split()
    if written[0].lower() in aw.town_heads and 1 < len(written) <= TOWN_WORDS + 1:
        return True  # "г. Бишкек": a town, whether or not a table holds it
    if words[-1] in aw.regions:
        return True  # "Moskovskaya oblast", "Primorsky Krai"
    if written[-1] in aw.codes or " ".join(words) in aw.states or (
            len(words) >= 2 and (" ".join(words[-2:]) in aw.states or words[-1] in aw.states)):
        return True  # "Richardson TX", "Texas", "Dallas Texas"
    return is_place(words) or _is_office(words)


def _segments(line: str) -> list[tuple[int, int]]:
    """(start, end) of each segment of ``line`` between separators."""
    paren = _PAREN.search(line)
    body = paren.start() if paren and paren.start() > 0 else len(line)
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SEPARATOR.finditer(line, 0, body):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, body))
    if paren and body < len(line):
        out.append((paren.start(1), paren.end(1)))
    return out


def is_acronym_of(token: str, words: list[str]) -> bool:
    """``token`` (folded) is the initials of ``words`` (folded) from the first, in order, every word read: a word of
    SKIPPABLE letters or fewer, and ONE_SKIP longer word, may give no letter ("buaa": Beijing University [of]
    Aeronautics [and] Astronautics; "aircas": Aerospace Information Research [Institute] Chinese Academy [of]
    Sciences)."""
    if len(token) < ACRONYM_MIN or not token.isalpha() or len(words) > 4 * len(token):
        return False

    @cache
    def fits(k: int, i: int, skips: int) -> bool:
        if i == len(words):
            return k == len(token)
        w = words[i]
        if k < len(token) and w[0] == token[k] and fits(k + 1, i + 1, skips):
            return True
        if len(w) <= SKIPPABLE:
            return fits(k, i + 1, skips)
        return skips < ONE_SKIP and fits(k, i + 1, skips + 1)

    return fits(0, 0, 0)


def _address_cut(line: str, segs: list[tuple[int, int]], first: int) -> int:
    """The index of the first segment of the trailing address (``len(segs)`` when there is none); the name keeps at
    least the segment ``first``."""
    cut = len(segs)
    state = False
    while cut > first + 1:
        segment = line[segs[cut - 1][0]:segs[cut - 1][1]]
        city = state and len(segment.split()) <= 2  # "Dallas" before ", Texas"
        if not (city or _is_address(segment)):
            break
        state = _is_state(segment)
        cut -= 1
    return _legal_form_cut(line, segs, first, cut)


def _legal_form_cut(line: str, segs: list[tuple[int, int]], first: int, cut: int) -> int:
    """An earlier cut where what follows is an address whose building, area or city names no table holds
    ("Chemform Trading Pvt. Ltd., One BKC, Bandra Kurla Complex, Mumbai"): every segment after the cut reads as an
    address (a digit, a street word, a place) or is short (LOOSE_WORDS words or fewer) and holds no legal form; and
    either the name ends there with a legal form and one segment after it reads as an address, or the first segment
    after it and another do, and they are at least as many as the others ("KASAT, Kunal Kanaiyalal, 96 Arudh Niwas,
    ..." keeps the given names). A segment that is only a legal form ("Co., Ltd.") belongs to
    the name, and the name keeps at least the segment ``first``."""
    texts = [line[a:b] for a, b in segs]
    for j in range(first, min(cut, len(segs)) - 1):
        if _ends_with_legal_form(texts[j + 1], whole=True):
            continue
        tail = texts[j + 1:]
        known = [_is_address(t) for t in tail]
        if not all(k or (len(t.split()) <= LOOSE_WORDS and not _has_legal_form(t)) for t, k in zip(tail, known,
                                                                                                   strict=True)):
            continue
        if _ends_with_legal_form(texts[j]):
            if any(known):
                return j + 1
        elif known[0] and sum(known) >= 2 and 2 * sum(known) >= len(known):
            return j + 1
    return cut


def _legal_tokens(text: str) -> list[str]:
    vocab = vocabulary()
    return [t for t in fold(text)[0].split() if t not in vocab.stopwords]


def _ends_with_legal_form(text: str, whole: bool = False) -> bool:
    """Whether ``text`` ends with a legal form ("Pvt. Ltd.", "LLC", "S.A. de C.V.", or "Corporation", "Company", which
    the term table reads as the residue "co"), or is only one (``whole``)."""
    vocab = vocabulary()
    toks = _legal_tokens(text)
    if not toks:
        return False
    if whole:
        return "".join(toks) in vocab.legal_forms or (len(toks) == 1 and vocab.terms.get(toks[0]) == RESIDUE_TERM)
    return vocab.terms.get(toks[-1]) == RESIDUE_TERM or any(
        "".join(toks[i:]) in vocab.legal_forms for i in range(max(0, len(toks) - MAX_SPAN), len(toks)))


def _has_legal_form(text: str) -> bool:
    """Whether a legal form of three letters or more, or "Company", "Corporation", stands anywhere in ``text``
    (another company's name)."""
    vocab = vocabulary()
    toks = _legal_tokens(text)
    return any(vocab.terms.get(t) == RESIDUE_TERM and len(t) > 2 for t in toks) or any(
        "".join(toks[i:j]) in vocab.legal_forms and len("".join(toks[i:j])) > 2
        for i in range(len(toks)) for j in range(i + 1, min(len(toks), i + MAX_SPAN) + 1))


def _is_state(segment: str) -> bool:
    """A segment that is only a US state ("Texas", "TX") or a region ("Moskovskaya oblast": the segment before it
    may be its town, adversarial R11-14 'AO TsNIIMash, ul. Pionerskaya 4, Korolyov, Moskovskaya oblast')."""
    aw = _words()
    words = fold(segment)[0].split()
    return segment.strip() in aw.codes or fold(segment)[0] in aw.states or (
        1 < len(words) <= 3 and words[-1] in aw.regions)


def _leading_acronym(line: str, segs: list[tuple[int, int]], end: int) -> bool:
    """Whether the first segment is one word, the acronym of the name in the segments after it (up to ``end``)."""
    if end < 2:
        return False
    first = fold(line[segs[0][0]:segs[0][1]])[0].split()
    if len(first) != 1:
        return False
    rest = fold(line[segs[1][0]:segs[end - 1][1]])[0].split()
    return len(rest) >= 2 and is_acronym_of(first[0], rest)


def _written_words(text: str, start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, folded words) of each written word of ``text[start:end]`` ("N.T." folds to ("n", "t"))."""
    return [(start + m.start(), start + m.end(), _folded(w) if len(w := m.group()) <= WORD_MEMO_CHARS else
             tuple(fold(w)[0].split())) for m in _WORD.finditer(text[start:end])]


WORD_MEMO_CHARS = 40  # written words this long or shorter are remembered (``_folded``)


@lru_cache(maxsize=32_768)
def _folded(word: str) -> tuple[str, ...]:
    """The folded words of one written word: a pure function of its text, remembered (a file of distinct parties
    still repeats its words: "LIMITED", "Trading", common surnames), bounded."""
    return tuple(fold(word)[0].split())


def _office_tail(line: str, start: int, end: int) -> int:
    """Where a trailing office description of ``line[start:end]`` begins ("Russian Navy liaison office" -> the
    offset of "liaison"), or ``end``: the longest run of office words, places and numbers ending the text, with a
    head word, that starts with no connector and leaves before it a word that is none of these."""
    words = _written_words(line, start, end)
    connectors = _words().connectors
    flat = [(k, w) for k, (_, _, ws) in enumerate(words) for w in ws]
    cut = _where_start([w for _, w in flat])
    if cut < len(flat) and cut > 0 and flat[cut][0] != flat[cut - 1][0]:
        words = words[:flat[cut][0]]  # "Oddział w Polsce": the office's place after "w" ('in'), read as an office word
    # the written words from ``first`` on are all office words (those before ``first`` end in one that is not): only
    # a tail starting there or later can be the description, and only when ``first`` is 0 are its words the whole
    # name (the same answer as trying every start and checking every word of each tail and of what it leaves)
    first = len(words)
    while first > 0 and all(_office_word(w) for w in words[first - 1][2]):
        first -= 1
    for i in range(max(1, first), len(words)):
        tail = [w for _, _, ws in words[i:] for w in ws]
        if not tail or tail[0] in connectors:
            continue
        if first == 0:
            return end  # "Sales Office": the office words are the whole name
        if _has_head(tail):
            return words[i][0]
    return end


def _open_paren_cut(line: str, start: int, end: int) -> int:
    """``end``, or the offset of a parenthesis the cut left open: a trailing office description that began inside
    one ("Conduit Technologies Pvt. Ltd. (Viman Nagar office), Pune": the office words were cut, "(Viman Nagar"
    was left) is set aside from its opening parenthesis on, so long as a name is left before it."""
    text = line[start:end]
    if text.count("(") <= text.count(")") or line[end:].lstrip().startswith(")"):
        return end  # (a parenthesis the segment ends with is the line's trailing one: "Co. Ltd. (SAMC)")
    at = start + text.rfind("(")
    return at if line[start:at].strip(_TRIM) else end


@cache
def _vessel_kinds() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The vessel types by their first word, longest first (at most one of a length matches at a place)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for kind in sorted(_words().vessel_types, key=len, reverse=True):
        out.setdefault(kind[0], []).append(kind)  # (no type is empty: ``_words`` reads words)
    return {first: tuple(kinds) for first, kinds in out.items()}


def _role_end(line: str, start: int, end: int) -> int:
    """Where the name begins after a leading vessel role ("Master of the tanker NS ANTARCTIC" -> the offset of
    "NS"), or ``start``: a role word and "of" (and "the"), then a vessel type, or a vessel type alone; a word must
    be left."""
    aw = _words()
    words = _written_words(line, start, end)
    flat = [(i, w) for i, (_, _, ws) in enumerate(words) for w in ws]  # written word index of each folded word
    names = [w for _, w in flat]
    k = 0
    if len(names) > 2 and names[0] in aw.vessel_roles and names[1] == "of":
        k = 3 if names[2] in ("the", "a") else 2
    for kind in _vessel_kinds().get(names[k], ()) if k < len(names) else ():  # (a type starts with its first word)
        if tuple(names[k:k + len(kind)]) == kind:
            k += len(kind)
            break
    else:
        if k == 0:
            return start
    if k >= len(flat) or flat[k][0] == flat[k - 1][0]:
        return start  # nothing left, or the role ends inside a written word
    return words[flat[k][0]][0]


def _vessel_line(line: str, segs: list[tuple[int, int]], first: int) -> bool:
    """Whether the line names a vessel (a vessel role or type before the name of its first segment, or an IMO / MMSI
    number) and no segment after the first holds a legal form (another company's name): "Reefer MANGAZEJA (IMO
    7741108), Kirkenes", "MT Artavill, c/o ship agent, Khor Fakkan" (adversarial R18-79..81)."""
    a, b = segs[first]
    if _role_end(line, a, b) == a and not _VESSEL_ID.search(line):
        return False
    return not any(_has_legal_form(line[x:y]) for x, y in segs[first + 1:])


def distinctive(name: str) -> bool:
    """Whether ``name`` carries a word that says which party it is: a word that is no place, no generic term of
    name_terms.yml, and not among the most common words of names (rarity weight above DISTINCTIVE): "Taerio
    Limited", "Huawei Technologies", "Russian Navy"; not "Bank", "Moscow Trading", "General Trading LLC"."""
    table = rarity()
    form = prepare(name)
    return any(w >= DISTINCTIVE_WEIGHT and not is_place([t]) and table.word_weight(t) > DISTINCTIVE
               for t, w in zip(form.tokens, form.weights, strict=True))


def _word_count(name: str) -> int:
    """The words of ``name`` as compared, legal-form residue ("co", weight RESIDUE_MAX_WEIGHT or less) not counted."""
    form = prepare(name)
    return sum(1 for t, w in zip(form.tokens, form.weights, strict=True) if len(t) > 1 and w > RESIDUE_MAX_WEIGHT)


def _place_end(line: str, start: int, end: int, country: str | None) -> int:
    """Where the name begins after a leading city or province of the party's country (``country`` None: any) that
    comes before a brand ("SHENZHEN KUANGCHI GROUP" -> the offset of "KUANGCHI"), or ``start``. Chinese registered
    names put the city first, the lists often leave it out (Entity List "Kuang-Chi Group"); compared whole, the city
    is a word the listed name lacks. Only before a brand (a word no term of the term table, no place, of rarity
    weight BRAND_WEIGHT or more) followed by at least one more word, an organisation term or a legal form:
    "Nanjing University of Aeronautics and Astronautics" and a person's name are read as written
    (``clearance.text.places.country_places``: China's, and Russia's, places)."""
    words = _written_words(line, start, end)
    folded = [w for _, _, ws in words for w in ws]
    known = country_places()
    for span in range(min(PLACE_SPAN, len(words) - 2), 0, -1):
        head = tuple(w for _, _, ws in words[:span] for w in ws)
        codes = known.get(head)
        if codes is None or (country is not None and country.upper() not in codes):
            continue
        rest = folded[len(head):]
        vocab = vocabulary()
        brand = rest[0]
        if (brand in vocab.terms or brand in vocab.stopwords or is_place([brand]) or not brand.isalpha()
                or rarity().word_weight(brand) < BRAND_WEIGHT):
            return start
        form = prepare(line[words[span][0]:end])
        terms = _term_words()
        if len(form.tokens) + len(form.legal_forms) >= 2 and (form.legal_forms or any(t in terms
                                                                                      for t in form.tokens[1:])):
            return words[span][0]
        return start
    return start


@cache
def _term_words() -> frozenset[str]:
    return frozenset(vocabulary().terms.values())


SHORT_CHARS = (2, 8)  # letters of a short name or acronym written in parentheses after a name ("(هما)", "(SAMC)")
_SHORT = re.compile(r"^(?P<name>.*\S)\s*\((?P<short>[^()\s\d]+)\)?$")


def _short_name_after(name: str) -> tuple[str, str]:
    """``name`` without the short name or acronym written after it in parentheses, and that short name ("شرکت
    هواپیمایی جمهوری اسلامی ایران (هما)": the Airline of the Islamic Republic of Iran and its Persian acronym Homa,
    adversarial R18-67); ``(name, "")`` when there is none. A short name is one word of SHORT_CHARS letters, no legal
    form, organisation term or place ("(Pvt)", "(Group)", "(Shenzhen)" are read with the name, as before); the name
    before it keeps two words or more. It is an alias the party goes by, not a word of its name: compared as a word,
    the list's name lacks it and the match is capped below the line, while a listed name that carries it is still
    found by the line as written (screening reads both)."""
    m = _SHORT.match(name)
    if m is None:
        return name, ""
    short, before = m["short"], m["name"].strip(_TRIM)
    folded = fold(short)[0].split()
    fewest, most = SHORT_CHARS
    if (len(folded) != 1 or not fewest <= len(short) <= most or not short.isalpha() or _has_legal_form(short)
            or _ends_with_legal_form(short, whole=True) or folded[0] in _term_words()
            or folded[0] in vocabulary().terms or is_place(folded) or len(fold(before)[0].split()) < 2):
        return name, ""
    return before, short


HAN_NAME_MIN = 2  # characters of a name left before an office word ("华为")
HAN_AFTER_OFFICE = 6  # characters of a segment after an office word read as where it is (九龙湾 Kowloon Bay)
_HAN_FIRM = ("公司", "集团", "集團", "株式会社", "有限")  # ... unless it names a firm
_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HAN_TRIM = " \t,.;:，。；：、()（）[]【】"
_HAN_EDGE = " \t,.;:，。；：、"


@dataclass(frozen=True, slots=True)
class _HanOffices:
    office_words: tuple[str, ...]  # longest first
    after_place: tuple[str, ...]  # read only after a place or a name in Latin letters (事務所), longest first
    stationed: tuple[str, ...]
    places: tuple[str, ...]  # longest first


@cache
def _han_offices() -> _HanOffices:
    raw, path = _read_yaml("han_offices.yml", "the Chinese office words")
    keys = ("office_words", "office_after_place", "stationed", "places")
    if not isinstance(raw, dict) or set(raw) != set(keys) or not all(isinstance(raw[k], list) for k in keys):
        raise DataError(f"Chinese office words: expected the lists {', '.join(keys)}", file=path)

    def longest(key: str) -> tuple[str, ...]:
        return tuple(sorted({str(w) for w in raw[key]}, key=len, reverse=True))

    return _HanOffices(longest("office_words"), longest("office_after_place"), longest("stationed"), longest("places"))


def _prc_place(chars: str) -> bool:
    """``chars`` (two to four characters, a trailing 市 or 省 left out) spell a place of places.yml in pinyin
    ("深圳" shenzhen)."""
    from clearance.text.translit import to_latin

    core = chars[:-1] if len(chars) > 2 and chars[-1] in "市省" else chars
    return fold(to_latin(core)[0].replace(" ", ""))[0] in places()


_HAN_COMMA = re.compile(r"[，,、;；]")
_HAN_INNER = re.compile(r"[（(]([^（）()]+)[）)]")
_HAN_PAREN = re.compile(r"[（(]([^（）()]+)[）)]\s*$")
_HAN_ADDRESS = re.compile(r"[市区區县縣省州镇鎮路街道号號楼樓层層室]$|\d")  # a segment ending like an address


def _han_place(words: _HanOffices, text: str) -> str | None:
    """The place ``text`` ends with: a place of han_offices.yml or of the PRC (two to four characters)."""
    place = next((p for p in words.places if text.endswith(p)), None)
    if place is None:
        place = next((text[-k:] for k in (4, 3, 2) if len(text) > k and _HAN_CHAR.match(text[-k])
                      and _prc_place(text[-k:])), None)
    return place


def _where_after_office(segment: str) -> bool:
    """A segment after an office word that says where the office is: a few Chinese characters naming no firm
    (商汤科技香港办事处，九龙湾 'Kowloon Bay'), or a few words in Latin letters with no legal form
    (深圳市大疆创新科技有限公司 欧洲办事处，Frankfurt am Main: adversarial R28-13)."""
    if _HAN_CHAR.search(segment):
        return len(segment) <= HAN_AFTER_OFFICE and not any(f in segment for f in _HAN_FIRM)
    return 0 < len(segment.split()) <= WHERE_WORDS and not _has_legal_form(segment)


def han_office_reading(line: str) -> NameReading | None:
    """A name written in Chinese characters followed by where the party works: a trailing segment after a comma
    that is a place or an address ("國防科技大學，長沙"), an office or branch word (办事处, 代表处, 分公司 ...;
    clearance/text/han_offices.yml) and the place before it, with 驻 'stationed in' ("华为马来西亚办事处" is read
    "华为", "海康威视 越南办事处" "海康威视", "华为技术有限公司驻哈萨克斯坦代表处，阿拉木图" "华为技术有限公司":
    adversarial R23-62, R23b-19, R23c-11, R24-01..R24-03, R24-09..R24-11). Japanese office words too (支社, 支店;
    事務所 only after a place or a name in Latin letters: 法律事務所 is a law firm), and a name in Latin letters before
    them ("Megvii Technology 日本支社（東京都港区）", R28-11); a place in Latin letters after the office word's comma
    ("欧洲办事处，Frankfurt am Main", R28-13). None when the line has neither or the name left has fewer than two
    characters (or, in Latin letters, no distinctive word)."""
    text = line.strip(_HAN_EDGE)
    if not _HAN_CHAR.search(text):
        return None
    words = _han_offices()
    end = len(text)
    paren = _HAN_PAREN.search(text)  # a trailing parenthesis holding a place or address: （東京都千代田区）
    if paren and (_HAN_ADDRESS.search(paren.group(1)) or _han_place(words, paren.group(1)) == paren.group(1)):
        end = paren.start()
    for sep in reversed(list(_HAN_COMMA.finditer(text))):  # trailing segments that are places or addresses
        if sep.start() >= end:
            continue
        last = text[sep.end():end].strip(_HAN_TRIM)
        before = text[:sep.start()].rstrip(_HAN_TRIM)
        after_office = (_where_after_office(last) and any(before.endswith(w) for w in words.office_words))
        if last and not (_han_place(words, last) == last or _HAN_ADDRESS.search(last) or after_office
                         or (_han_place(words, last[:-1]) and last[-1] in "市区區县縣省")):
            break
        end = sep.start()
        if after_office:
            break
    cut = end < len(text)
    rest = text[:end].rstrip(_HAN_TRIM)
    inner = _HAN_INNER.search(rest)  # a place in parentheses inside the name: 华为技术（越南）有限公司
    place_aside = ""
    if inner and _han_place(words, inner.group(1)) == inner.group(1) and inner.end() < len(rest):
        place_aside = inner.group(1)
        rest = rest[:inner.start()] + rest[inner.end():]
        cut = True
    office = next((w for w in words.office_words if rest.endswith(w)), None)
    loose = next((w for w in words.after_place if office is None and rest.endswith(w)), None)
    if office is None and loose is None and not cut:
        return None
    if office is not None or loose is not None:
        before_office = rest[: -len(office or loose or "")].rstrip(_HAN_TRIM)
        placed = before_office
        for _ in range(2):  # a city after its country: 越南胡志明市
            place = _han_place(words, placed)
            if place is None:
                break
            placed = placed[: -len(place)].rstrip(_HAN_TRIM)
        if loose is not None and placed == before_office and _HAN_CHAR.search(before_office):
            if not cut:
                return None  # 山田法律事務所: a firm's own name
        else:
            rest = placed
            stationed = next((w for w in words.stationed if rest.endswith(w)), None)
            if stationed and len(rest) - len(stationed) >= HAN_NAME_MIN:
                rest = rest[: -len(stationed)].rstrip(_HAN_TRIM)
    if rest == text or not (len(_HAN_CHAR.findall(rest)) >= HAN_NAME_MIN
                            or (not _HAN_CHAR.search(rest) and distinctive(rest))):
        return None  # the name left: two Chinese characters or more, or a name in Latin letters ("Megvii Technology")
    if place_aside:
        after = text[end:].strip(_HAN_TRIM)
        return NameReading(rest, (("place", place_aside),) + ((("address", after),) if after else ()))
    return NameReading(rest, (("address", text[len(rest):].strip(_HAN_TRIM)),))


WHERE_WORDS = 5  # words after "in" / "в" / "در" read as where the office is
_DASH = re.compile(r"\s+[-\u2013\u2014]\s+|\s*\u060c\s*")  # (or the Arabic comma: "هواپیمایی ...، دفتر فروش ...")
_PHRASE_KEYS = ("leading", "where", "trailing_where", "hangul_offices", "hangul_office_after_place", "hangul_places",
                "labels", "departments", "connectors")


@dataclass(frozen=True, slots=True)
class _Phrases:
    """office_phrases.yml: an office of a party written before its name ("Представительство АО «Алмаз-Антей» в
    Казахстане", "Văn phòng đại diện X tại Hà Nội", "Kantor Perwakilan X di Jakarta"), the words saying where after it
    (adversarial R24-12..R24-14, R24-16, R25-06, R25-11, R25b-03), and the Korean office words after a name."""

    leading: tuple[tuple[str, ...], ...]  # plain words (``plain``), longest first
    where: frozenset[str]  # plain
    trailing_where: frozenset[str]  # folded (the address words' form)
    hangul_offices: tuple[str, ...]  # longest first
    hangul_after_place: frozenset[str]
    hangul_places: frozenset[str]
    labels: frozenset[str]  # plain words joined by a space
    departments: frozenset[str]  # plain
    connectors: tuple[tuple[str, ...], ...]  # plain words, longest first


_MARKS = str.maketrans({"đ": "d", "ł": "l", "ı": "i", "ø": "o", "ß": "ss"})


def plain(word: str) -> str:
    """``word`` in lower case without accents, in its own script ("Oddział" -> "oddzial", "Văn" -> "van",
    "Філіял" -> "філіял"): a word of office_phrases.yml is compared so, not transliterated (the Thai สาขา
    'branch' transliterates to "sakha", the Sakha Republic). Remembered for words of at most WORD_MEMO_CHARS
    characters (a pure function of the word; a file of distinct parties still repeats its words)."""
    return _plain_short(word) if len(word) <= WORD_MEMO_CHARS else _plain(word)


def _plain(word: str) -> str:
    text = unicodedata.normalize("NFKD", word.casefold().translate(_MARKS))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip(".,;:«»\"'()")


WORD_MEMO_CHARS = 40
_plain_short = lru_cache(maxsize=32_768)(_plain)


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> tuple[dict[str, tuple[tuple[str, ...], ...]],
                                                            tuple[tuple[str, ...], ...]]:
    """``phrases`` that may start at a word, by that word, each in the order of ``phrases``; and those that start at
    any word (only an empty phrase does). A phrase whose first word is not the word cannot equal the words there."""
    anywhere = tuple(h for h in phrases if not h)
    firsts = {h[0] for h in phrases if h}
    return {w: tuple(h for h in phrases if not h or h[0] == w) for w in firsts}, anywhere


@cache
def _leading_by_first() -> tuple[dict[str, tuple[tuple[str, ...], ...]], tuple[tuple[str, ...], ...]]:
    return _by_first(_phrases().leading)


@cache
def _connectors_by_first() -> tuple[dict[str, tuple[tuple[str, ...], ...]], tuple[tuple[str, ...], ...]]:
    return _by_first(_phrases().connectors)


@cache
def _phrases() -> _Phrases:
    raw, path = _read_yaml("office_phrases.yml", "the office phrases")
    if not isinstance(raw, dict) or set(raw) != set(_PHRASE_KEYS) or not all(
            isinstance(raw[k], list) for k in _PHRASE_KEYS):
        raise DataError(f"office phrases: expected the lists {', '.join(_PHRASE_KEYS)}", file=path)

    def words(key: str) -> list[str]:
        return [str(w) for w in raw[key]]

    return _Phrases(
        leading=tuple(sorted({tuple(plain(x) for x in w.split()) for w in words("leading")}, key=len, reverse=True)),
        where=frozenset(plain(w) for w in words("where")),
        trailing_where=frozenset(fold(w)[0] for w in words("trailing_where")),
        hangul_offices=tuple(sorted(set(words("hangul_offices")), key=len, reverse=True)),
        hangul_after_place=frozenset(words("hangul_office_after_place")),
        hangul_places=frozenset(words("hangul_places")),
        labels=frozenset(" ".join(plain(x) for x in w.split()) for w in words("labels")),
        departments=frozenset(plain(w) for w in words("departments")),
        connectors=tuple(sorted({tuple(plain(x) for x in w.split()) for w in words("connectors")}, key=len,
                                reverse=True)),
    )


def office_wrapper_reading(line: str) -> NameReading | None:
    """The name of a line that writes an office of the party around it: an office word first and where it is
    last ("Филиал ООО «Техкомпания Хуавэй» в г. Новосибирске" is read "ООО «Техкомпания Хуавэй»"), or a segment
    after a dash that starts with an office word ("ایران‌ایر - دفتر فروش فرانکفورت", Iran Air's sales office). None
    when the line has neither."""
    phrases = _phrases()
    heads, where = phrases.leading, phrases.where
    dash = _DASH.search(line)
    if dash is not None:
        tail = line[dash.end():].split()
        if tail and (fold(tail[0])[0] in _words().office_words
                     or (plain(tail[0]),) in heads):
            name = line[:dash.start()].strip(_TRIM)
            if name and fold(name)[0].strip():
                return NameReading(name, (("address", line[dash.end():].strip()),))
    written = line.split()
    folded = [plain(w) for w in written]
    by_first, anywhere = _leading_by_first()  # (the heads that can start at the first word, in order)
    head = next((h for h in (by_first.get(folded[0], anywhere) if folded else anywhere)
                 if tuple(folded[:len(h)]) == h), None)
    if head is None or len(written) <= len(head):
        return None
    words = written[len(head):]
    marks = [plain(w) for w in words]
    for i in range(len(words) - 1, 0, -1):
        if marks[i] in where and 0 < len(words) - i - 1 <= WHERE_WORDS:
            aside = " ".join(words[i:])
            words = words[:i]
            break
    else:
        aside = ""
    name = " ".join(words).strip(_TRIM)
    if not name or not fold(name)[0].strip():
        return None
    front = " ".join(written[:len(head)])
    return NameReading(name, (("office", front),) + ((("address", aside),) if aside else ()))


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_TRIM = " \t,.;:()[]"
HANGUL_NAME_MIN = 2  # characters of a name left before a Korean office word


def hangul_office_reading(line: str) -> NameReading | None:
    """A name followed by a Korean office word, alone or joined to the place before it (office_phrases.yml
    ``hangul_offices``): "하이크비전 디지털 테크놀로지 한국지사" ('Korea branch') is read
    "하이크비전 디지털 테크놀로지", "조선광업개발무역회사 심양대표부" ('Shenyang representative office')
    "조선광업개발무역회사" (adversarial R25-08, R25-13, R25-14, R25-39, R25b-06). A word that also ends other
    compounds (사무소: 법률사무소 is a law firm) is read only alone or after a place of ``hangul_places``. None when
    the line ends with no such word or the name left is shorter than HANGUL_NAME_MIN characters."""
    if not _HANGUL.search(line):
        return None
    phrases = _phrases()
    line, address = _hangul_address_off(line)
    tokens = line.strip(_HANGUL_TRIM).split()
    if len(tokens) < 2:
        return None
    last = tokens[-1].strip(_HANGUL_TRIM)
    office = next((w for w in phrases.hangul_offices if last.endswith(w)), None)
    if office is None:
        return None
    prefix = last[:-len(office)]
    if prefix and office in phrases.hangul_after_place and prefix not in phrases.hangul_places:
        return None
    k = len(tokens) - 1
    if not prefix and k > 1 and tokens[k - 1].strip(_HANGUL_TRIM) in phrases.hangul_places:
        k -= 1  # "테헤란 사무소": the place written apart
    name = " ".join(tokens[:k]).strip(_HANGUL_TRIM)
    if len(name.replace(" ", "")) < HANGUL_NAME_MIN:
        return None
    return NameReading(name, (("address", ", ".join(x for x in (" ".join(tokens[k:]), address) if x)),))


# the endings of a Korean address's words: 특별시 / 광역시 / 시 (city), 도 (province), 구 / 군 (district, county), 동 /
# 읍 / 면 / 리 (neighbourhood, town, township, village), 로 / 길 (road, street), 층 / 호 (floor, room), 번지 (lot)
_HANGUL_COMMA = re.compile(r"\s*[,\uff0c]\s*")
_HANGUL_ADDRESS = re.compile(r"^(?:[\uac00-\ud7a3]+(?:시|도|구|군|동|읍|면|리|로|길|층|호|번지)"
                             r"|[\d\-]+(?:번지|층|호)?)$")


def _hangul_address_off(line: str) -> tuple[str, str]:
    """``line`` without the trailing segments (after a comma) that are a Korean address ("서울특별시 강남구": every
    word ends like an address word or is a number, or is a place of ``hangul_places``), and those segments as
    written: "Zhejiang Uniview Technologies Co., Ltd. 한국지사, 서울특별시 강남구" (adversarial R28-10)."""
    places = _phrases().hangul_places
    text = line.strip()
    end = len(text)
    for sep in reversed(list(_HANGUL_COMMA.finditer(text))):
        words = text[sep.end():end].split()
        if not words or not all(_HANGUL_ADDRESS.match(w) or w in places for w in words):
            break
        end = sep.start()
    return text[:end], text[end:].strip(" ,\uff0c")


OFFICE_PHRASE_WORDS = 5  # words of an office phrase after a legal form ("Magyarországi Fióktelepe")
_CLOSE = {"(": ")", "\uff08": "\uff09", "[": "]"}


def _office_phrase(rest: str) -> tuple[str, str] | None:
    """The office phrase ``rest`` starts with (a parenthesis, or the words up to the next separator) and what
    follows it, when the phrase has OFFICE_PHRASE_WORDS words or fewer, an office head word of any language
    (address_words.yml ``office_heads``: "Fióktelepe", "Sucursala", "Cawangan") and no legal form, and what follows
    it is an address or short segments with no legal form (a town or state no table holds: "Petaling Jaya,
    Selangor"); None otherwise."""
    rest = rest.lstrip(_TRIM + " .;:")
    if not rest:
        return None
    close = _CLOSE.get(rest[0])
    if close is not None:
        shut = rest.find(close)
        if shut < 0:
            return None
        phrase, after = rest[1:shut], rest[shut + 1:]
    else:
        sep = _SEPARATOR.search(rest)
        phrase, after = (rest[:sep.start()], rest[sep.start():]) if sep else (rest, "")
    words = fold(phrase)[0].split()
    if not 0 < len(words) <= OFFICE_PHRASE_WORDS or not _has_head(words) or _has_legal_form(phrase):
        return None
    tail = [t for t in _SEPARATOR.split(after.strip(_TRIM + " .;:")) if t.strip()]
    if not all(_is_address(t) or (len(t.split()) <= LOOSE_WORDS and not _has_legal_form(t)) for t in tail):
        return None
    return phrase.strip(), after.strip(_TRIM + " .;:")


def legal_form_office_reading(line: str) -> NameReading | None:
    """A name whose legal form, or a parenthesis, is followed by an office or branch phrase in any language and
    perhaps where the office is: "Huawei Technologies Co., Ltd. Magyarországi Fióktelepe, Budapest" (Hungarian
    'Hungarian branch'), "Huawei Technologies Co., Ltd. Sucursala București" (Romanian), "Hangzhou Hikvision Digital
    Technology Co., Ltd. (Cawangan Malaysia), Petaling Jaya, Selangor" (Malay; adversarial R28-04, R28-08, R28-09).
    The legal form (or the parenthesis) says where the name ends, so the office's place need be in no table; the
    phrase holds an office head word (``_office_phrase``). The name left must carry a distinctive word. None when the
    line has no such phrase."""
    if not _has_head(fold(line)[0].split()):
        return None
    for m in _WORD.finditer(line):
        end = m.end()
        before = line[:end].rstrip(_TRIM + " ")
        rest = line[end:]
        opens = rest.lstrip(" ")[:1] in _CLOSE
        if not opens and not _ends_with_legal_form(before):
            continue
        found = _office_phrase(rest)
        if found is None or not distinctive(before):
            continue
        phrase, after = found
        return NameReading(before, (("office", phrase),) + ((("address", after),) if after else ()))
    return None


# where an address starts when no separator precedes it: a street number, a P.O. box, a room, unit, suite, flat,
# floor or building with its number ("... CO LTD NO 555 QIANMO RD", "... F.Z.C.O. P.O.BOX 42707 DEIRA DUBAI")
_GLUED_ADDRESS = re.compile(
    r"(?:no\.?\s*\d|p\.?\s?o\.?\s?box\b|post\s+box\b|(?:room|rm|unit|suite|flat|office|block|building|bldg)"
    r"\.?\s*#?\s*\w*\d|\d+\s*/\s*f\b|floor\s+\d|\d+[a-z]?\s+(?:[a-z]+\s+){1,3}(?:road|rd|street|st|avenue|ave)\b)",
    re.IGNORECASE,
)


def glued_address_reading(line: str) -> NameReading | None:
    """A name whose legal form is followed by its address with no separator between them, as order systems and
    scanned forms run them together: "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD NO 555 QIANMO RD BINJIANG DIST
    HANGZHOU 310052", "SAWA AIR AVIATION F.Z.C.O. P.O.BOX 42707 DEIRA DUBAI" (adversarial R31-01, R31-46). The legal
    form says where the name ends; what follows must start as an address does (``_GLUED_ADDRESS``). The name left
    must carry a distinctive word. None otherwise."""
    for m in _WORD.finditer(line):
        end = m.end()
        rest = line[end:].lstrip(_TRIM + " ")
        if not rest or not _GLUED_ADDRESS.match(rest):
            continue
        before = line[:end].rstrip(_TRIM + " ")
        if not _ends_with_legal_form(before) or _ends_with_legal_form(before, whole=True) or not distinctive(before):
            continue
        return NameReading(before, (("address", rest.strip(_TRIM)),))
    return None


_LABEL = re.compile(r"^\s*([^:/()]{1,30}?)\s*:\s*")
_SLASH = re.compile(r"\s/\s|\s/(?=\S)|(?<=\S)/\s")  # a slash between segments, spaced on one side at least


def _label(text: str) -> tuple[str, str] | None:
    """(label, rest) when ``text`` starts with a document label and a colon ("Notify party: ...")."""
    m = _LABEL.match(text)
    if m is None or " ".join(plain(w) for w in m.group(1).split()) not in _phrases().labels:
        return None
    return m.group(1), text[m.end():]


def label_reading(line: str, country: str | None = None) -> NameReading | None:
    """A name written after a document label and a colon, as order forms and shipping documents carry it:
    "CONSIGNEE: HYTERA COMMUNICATIONS LTD ...", "Notify party: X Co. Ltd. / Ship to: ...", "Attn: Procurement Dept. /
    X Co Ltd, No.16 ..." (adversarial round 31; office_phrases.yml ``labels``): the name is what follows the label,
    up to a slash that starts another label, without a department written before a slash; then read as any name
    line (its address set aside). None when the line starts with no label."""
    found = _label(line)
    if found is None:
        return None
    label, rest = found
    aside: list[tuple[str, str]] = [("label", label)]
    parts = _SLASH.split(rest)
    if len(parts) > 1:
        words = [plain(w) for w in parts[0].split()]
        if any(w in _phrases().departments for w in words) and len(words) <= WHERE_WORDS + 1:
            aside.append(("department", parts[0].strip()))
            parts = parts[1:]
        for k in range(1, len(parts)):
            if _label(parts[k]) is not None:
                aside.append(("address", " / ".join(parts[k:]).strip()))
                parts = parts[:k]
                break
    name = " / ".join(parts).strip(_TRIM)
    if not name or not fold(name)[0].strip():
        return None
    inner = read_name_line(name, country)
    if inner is None:
        return NameReading(name, tuple(aside))
    return dataclasses.replace(inner, set_aside=(*aside, *inner.set_aside))


def joined_parties(line: str) -> tuple[str, str, str] | None:
    """(first name, connector, second name) of a line naming two parties joined by a connector (office_phrases.yml
    ``connectors``): "Kerry Logistics (Hong Kong) Ltd. for account of Y-Sing Components Limited", "DHL Global
    Forwarding (UAE) on behalf of Sawa Air Aviation FZCO", "Shenzhen Dayun Vision Co. d/b/a Intellifusion"
    (adversarial R31-04, R31b-02, R31b-03). None when there is no connector between two names."""
    written = line.split()
    folded = [plain(w) for w in written]
    by_first, anywhere = _connectors_by_first()  # (the connectors that can start at a word, in order)
    for i in range(1, len(written) - 1):
        for c in by_first.get(folded[i], anywhere):
            if tuple(folded[i:i + len(c)]) == c and i + len(c) < len(written):
                first = " ".join(written[:i]).strip(_TRIM)
                second = " ".join(written[i + len(c):]).strip(_TRIM)
                if fold(first)[0].strip() and fold(second)[0].strip():
                    return first, " ".join(written[i:i + len(c)]), second
    return None


def connector_reading(line: str, country: str | None = None) -> NameReading | None:
    """The second party of a line naming two (``joined_parties``), read as any name line; the first is set aside
    (``first_party_reading`` reads it)."""
    return _joined_reading(line, country, first=False)


def first_party_reading(line: str, country: str | None = None) -> NameReading | None:
    """The first party of a line naming two (``joined_parties``), read as any name line; the second set aside."""
    return _joined_reading(line, country, first=True)


def _joined_reading(line: str, country: str | None, first: bool) -> NameReading | None:
    found = joined_parties(line)
    if found is None:
        return None
    one, connector, other = found
    name, aside = (one, ("party", f"{connector} {other}")) if first else (other, ("party", f"{one} {connector}"))
    inner = read_name_line(name, country)
    if inner is None:
        return NameReading(name, (aside,))
    return dataclasses.replace(inner, set_aside=(*inner.set_aside, aside) if first else (aside, *inner.set_aside))


def described_reading(line: str, country: str | None = None) -> NameReading | None:
    """A name followed by a parenthesised clause describing the party ("Number Media Ltd. (a subsidiary of Inspur
    Group), Banqiao District, New Taipei City", adversarial R31-06; ``forms3._DESCRIPTIVE``), read as any name line
    without the clause (so the address after it is set aside too). None when there is no such clause."""
    m = _DESCRIPTIVE.search(line)
    if m is None:
        return None
    rest = " ".join((line[:m.start()].rstrip() + " " + line[m.end():].lstrip()).split())
    rest = rest.replace(" ,", ",")
    if not fold(rest)[0].strip():
        return None
    inner = read_name_line(rest, country)
    aside = (("description", m.group(0).strip("() ")),)
    if inner is None:
        return NameReading(rest.strip(_TRIM), aside)
    return dataclasses.replace(inner, set_aside=(*aside, *inner.set_aside))


_DIGIT_RUN = re.compile(r"\d+(?:st|nd|rd|th|-?[a-zA-Z])?\b")


def _opens_as_address(segment: str) -> bool:
    """A segment that starts as a street address does, with a number: "No. 16 Feiyun Road", a P.O. box, a room or
    building with its number (``_GLUED_ADDRESS``), "88 Weilai 3rd Road"; and holds no legal form (a name that has a
    street word, "Feiyun Road Trading Ltd", is a name)."""
    text = segment.strip()
    # (a number and then words that read as an address without it: a street, a building, a district -- not any words
    # after a number: '12 ЦНИИ Минобороны России, Сергиев Посад', the MoD's 12th research institute, was read as an
    # address before the name 'Сергиев Посад', a near-certain match of SDN 'SERGIEVO-POSAD LAND': R30b-10, session 22)
    numbered = bool(_GLUED_ADDRESS.match(text)) or (text[:1].isdigit() and _is_address(_DIGIT_RUN.sub(" ", text)))
    return numbered and not _has_legal_form(text)


def leading_address_reading(line: str, country: str | None = None) -> NameReading | None:
    """A name written after its address, as some forms put the address first: "No. 16 Feiyun Road, Hunnan District,
    Shenyang - Shenyang Kingsemi Co., Ltd." (adversarial R31b-08). The line must open as a street address does
    (``_opens_as_address``), every segment up to the name must read as an address, and the name left must carry a
    distinctive word; it is then read as any name line (an address after it set aside too). None otherwise."""
    segs = _segments(line)
    if len(segs) < 2 or not _opens_as_address(line[segs[0][0]:segs[0][1]]):
        return None
    k = 1
    while k < len(segs) and _is_address(seg := line[segs[k][0]:segs[k][1]]) and not _has_legal_form(seg):
        k += 1
    if k == len(segs):
        return None
    rest = line[segs[k][0]:].strip(_TRIM)
    if not distinctive(rest):
        return None
    aside = (("address", line[:segs[k][0]].strip(_TRIM)),)
    inner = read_name_line(rest, country)
    if inner is None:
        return NameReading(rest, aside)
    return dataclasses.replace(inner, set_aside=(*aside, *inner.set_aside))


def read_name_line(line: str, country: str | None = None) -> NameReading | None:
    """The name without a leading acronym, vessel role or city and a trailing address or office description, or None
    when the line has none of them, or when the name left carries no distinctive word (``distinctive``) and is of
    fewer than two words (a name of two or more common words is read, ``NameReading.common``).
    The address cut is at the first separator after which every segment is an address, so a separator inside the
    name ("Huawei Technologies Co., Ltd., Bantian, Longgang" keeps "Huawei Technologies Co., Ltd.") stays with it.
    ``country``: the party's (ISO code): a leading city is set aside only when it is of that country (``_place_end``).
    """
    labelled = (label_reading(line, country) or connector_reading(line, country) or described_reading(line, country)
                or leading_address_reading(line, country))
    if labelled is not None:
        return labelled
    han = han_office_reading(line) or hangul_office_reading(line) or office_wrapper_reading(line)
    if han is not None:
        return han
    plain = _plain_reading(line, country)
    office = legal_form_office_reading(line)
    if office is not None and (plain is None or (len(plain.name) > len(office.name)
                                                 and plain.name.startswith(office.name))):
        return office  # words of the office phrase the plain reading left in the name ("Ltd. Debreceni Fióktelepe")
    glued = glued_address_reading(line if plain is None else plain.name)
    if glued is None:
        return plain
    if plain is None:
        return glued
    # (the address run on after the legal form, no separator, in the name the plain reading left)
    return dataclasses.replace(plain, name=glued.name, set_aside=(*plain.set_aside, *glued.set_aside))


def _plain_reading(line: str, country: str | None) -> NameReading | None:
    """``read_name_line`` but for the office phrases around a name (``han_office_reading``, ...)."""
    segs = _segments(line)
    first = 1 if _leading_acronym(line, segs, _address_cut(line, segs, 1)) else 0
    cut = _address_cut(line, segs, first)
    if cut > first + 1 and _vessel_line(line, segs, first):
        cut = first + 1  # a vessel's name has no comma: a port, an anchorage or an agent follows it
    start, end = segs[first][0], segs[cut - 1][1]
    end = _office_tail(line, segs[cut - 1][0], end)
    end = _open_paren_cut(line, start, end)
    begin = _role_end(line, start, end)
    city = _place_end(line, begin, end, country) if begin == start else begin
    name = line[city:end].strip(_TRIM)
    if begin > start or _VESSEL_ID.search(line):
        name = _VESSEL_PAREN.sub("", name).strip(_TRIM)  # the vessel's number written inside the name's segment
    name, short = _short_name_after(name)
    if cut == len(segs) and not first and end == segs[-1][1] and begin == start and city == begin and not short:
        return None
    if not fold(name)[0].strip():
        return None
    common = not distinctive(name)
    if common and _word_count(name) < COMMON_WORDS:
        return None
    aside: list[tuple[str, str]] = []
    if first:
        aside.append(("acronym", line[segs[0][0]:segs[0][1]].strip()))
    if city > begin:
        aside.append(("place", line[begin:city].strip()))
    if short:
        aside.append(("short", short))
    after = line[end:].strip(_TRIM + "()")
    if end < len(line) and after and after != short:
        aside.append(("address", after))
    role = line[start:begin].strip() or None
    ids = tuple(m.group(1) for m in _VESSEL_ID.finditer(line) if m.start() >= end or m.group(0) not in name)
    return NameReading(name, tuple(aside), role, ids, common)


def name_without_address(line: str) -> str | None:
    """The name before a trailing address as written (the first segment is never cut), or None."""
    segs = _segments(line)
    cut = _address_cut(line, segs, 0)
    if cut == len(segs):
        return None
    return line[:segs[cut - 1][1]].strip(_TRIM) or None


PLACE_WORDS = 2  # a segment after a person's name of this many words or fewer may say where the person is


def person_and_place(line: str) -> NameReading | None:
    """A person's name and, after one separator, a short segment no table reads ("Wiktor Wekselberg, Zug", "Arkadi
    Rotenberg, Nice", "Aleksej Mordaschow, Teneriffa": adversarial R18-74, R18b-09, R18b-10): the name without it, the
    segment set aside as where the person is. Listed persons live and trade far from the towns of their entries (when
    the list gives any), and a town no table holds was compared as a word of the name, unmatched, which capped the
    listed person's match below the line.

    Only when the part before the separator reads as a person's name (``algorithm3.reads_as_person``: two to five
    words, no legal form, no organisation term, none with a digit), carries a distinctive word and is written in Latin
    letters (in another script no table says which words are a trade's: the Persian "کتابفروشی سپهر", 'Sepehr
    bookshop', would read as a person's name), and the segment after it is one or two words of letters, no legal form
    and no organisation term; None otherwise. The line as written is screened too, so this reading only adds the
    hits the bare name has."""
    segs = _segments(line)
    if len(segs) != 2:
        return None
    name = line[segs[0][0]:segs[0][1]].strip(_TRIM)
    after = line[segs[1][0]:segs[1][1]].strip(_TRIM + "()")
    if not _place_segment(after):
        return None
    if (not is_latin(name) or any(ch.isdigit() for ch in name) or not reads_as_person(prepare3(name))
            or not distinctive(name)):
        return None
    return NameReading(name, (("residence", after),))


TRAILING_SEGMENTS = 2  # places after a name this many comma segments long at most ("Maiduguri, Borno")
ACRONYM_CHARS = 5  # a trailing segment of this many capitals or fewer is an acronym ("CAS"), not a place


def _place_segment(after: str) -> bool:
    """Whether a comma segment after a name may be a place: one or two words of letters (PLACE_WORDS), no legal form
    and no organisation term."""
    words = fold(after)[0].split()
    return (1 <= len(after.split()) <= PLACE_WORDS and bool(words) and all(w.isalpha() for w in words)
            and not _has_legal_form(after) and not _ends_with_legal_form(after, whole=True)
            and not any(w in organisation_words() for w in words))


def name_before_places(line: str) -> NameReading | None:
    """The name of a line without its last one or two segments, each of one or two words of letters, no legal form
    and no organisation term, when such words follow it ("Al-Shabaab, Jilib", "Милорад Додик, Бања Лука": adversarial
    R39b-12, R39-40): places no table holds (a town, a region) that were compared as words of the name, unmatched,
    which capped a listed name's match below the line. The segments set aside are kept as "trailing".

    The near-certain hits of this reading count as they are (``screen._screen_lines``): a listed name written in
    full before a comma is that listed party wherever it is, while a name that merely resembles a listed one is
    capped at POSSIBLE, as it would be written without the places (a town after a name never clears it: adversarial
    R39-38). None when the line has no such trailing segments, or the name before them has a digit or a
    legal form: a company's name ends at its legal form, and its near-certain match through equivalent terms
    ("Star Trading Ghana Ltd., Kumasi" and 'STAR TRADE GHANA LIMITED', adversarial R38b-23) with a town it does not
    share stays for a person to judge (the line as written)."""
    segs = _segments(line)
    if not 2 <= len(segs) <= TRAILING_SEGMENTS + 1:
        return None
    if not all(re.search(r"[,\u060c]", line[a[1]:b[0]]) for a, b in itertools.pairwise(segs)):
        return None  # (commas only: "X - Y" and "X / Y" may be one name)
    trailing = [line[start:end].strip(_TRIM + "()") for start, end in segs[1:]]
    if not all(_place_segment(t) for t in trailing):
        return None
    if any(len(t) <= ACRONYM_CHARS and t.isupper() for t in trailing):
        return None  # (an acronym is no place: "Shanghai Inst. of Applied Physics, CAS", adversarial R18-20)
    name = line[segs[0][0]:segs[0][1]].strip(_TRIM)
    if not name or any(ch.isdigit() for ch in name) or _has_legal_form(name) or _ends_with_legal_form(name):
        return None
    if len(fold(name)[0].split()) < 2:
        return None  # (one word before a comma is as likely a person's surname: "Daniel, John", "Hamas, Ali")
    return NameReading(name, (("trailing", line[segs[1][0]:segs[-1][1]].strip(_TRIM)),))
