"""Place names (clearance/text/places.yml): clearance-name@3 weighs them little in organisation names."""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.yamlload import read_resource

PLACE_WEIGHT = 0.3  # a place says where a party is, not which one: as light as a generic industry word


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """The folded words of every place of the table ("xi'an" -> "xian", "nizhny novgorod" -> both words)."""
    raw, path = read_resource("places.yml", "place names")
    if not isinstance(raw, dict):
        raise DataError("place names: expected a mapping of region to a list of names", file=path)
    out: set[str] = set()
    for region, names in raw.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataError(f"place names: {region!r} must be a list of non-empty names", file=path)
        for n in names:
            out.add(fold(n.replace("'", ""))[0].replace(" ", ""))
            out.update(w for w in fold(n)[0].split() if len(w) > 3)
    return frozenset(out)


def _place_entries(names: list[str]) -> list[str]:
    """The folded place words of names as ``places`` reads them: each name written together, and its words of more
    than three letters ("sri lanka" -> "srilanka", "lanka")."""
    out: list[str] = []
    for n in names:
        out.append(fold(n.replace("'", ""))[0].replace(" ", ""))
        out.extend(w for w in fold(n)[0].split() if len(w) > 3)
    return out


@lru_cache(maxsize=1)
def _place_words_table() -> dict[str, list[tuple[str, str | None]]]:
    """place_words.yml read: kind -> (name, ISO code or None) for each entry (``nationalities`` is a mapping of code to
    adjectives, the other kinds lists of names)."""
    raw, path = read_resource("place_words.yml", "place words")
    if not isinstance(raw, dict) or not raw:
        raise DataError("place words: expected a mapping of kind to a list of words", file=path)
    out: dict[str, list[tuple[str, str | None]]] = {}
    for kind, names in raw.items():
        pairs: list[tuple[str, str | None]] = []
        if isinstance(names, dict):
            for code, words in names.items():
                if not (isinstance(code, str) and len(code) == 2 and isinstance(words, list)):
                    raise DataError(f"place words: {kind!r} maps a two-letter code to a list of words", file=path,
                                    field=f"{kind}.{code}")
                pairs.extend((w, code) for w in words)
        elif isinstance(names, list):
            pairs.extend((n, None) for n in names)
        else:
            raise DataError(f"place words: {kind!r} must be a list or a mapping of code to words", file=path,
                            field=str(kind))
        if not all(isinstance(n, str) and n.strip() for n, _ in pairs):
            raise DataError(f"place words: {kind!r} holds an empty or non-text name", file=path, field=str(kind))
        out[str(kind)] = pairs
    return out


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """The words clearance-name@3 weighs as places in organisation names: those of ``places`` and of place_words.yml
    (the other countries, countries' adjectives, world regions), folded as ``places`` folds them, and the one-word
    cities of ``world_cities``."""
    out: set[str] = set(places())
    for pairs in _place_words_table().values():
        out.update(_place_entries([n for n, _ in pairs]))
    # the world's capitals and trading cities of one word (address_words.yml ``cities``: "Beirut", "Cairo"): rare in
    # the name corpus, such a city was weighed as a brand ("Beirut Nutrition Distribution SAL" / SDN 'BEIRUT TRADE
    # SAL', adversarial R37-47); a city of several words is not ("San Jose": "jose" is a name part)
    out.update(words[0] for words in world_cities() if len(words) == 1 and len(words[0]) > 3)
    return frozenset(out)


@lru_cache(maxsize=1)
def place_countries() -> dict[str, frozenset[str]]:
    """Place word (as ``place_words`` folds it) -> the ISO codes of the countries it names or is in, where known: a
    country's name (``clearance.text.countries.country_code``), its adjective (place_words.yml ``nationalities``:
    "syrian" -> SY, "korean" -> KR and KP), a city of China or Russia (``country_places``). A world region, and a
    city of no one-country table, have none."""
    from clearance.text.countries import country_code  # (pycountry, loaded only when asked)

    out: dict[str, set[str]] = {}
    raw, _ = read_resource("places.yml", "place names")
    named = [str(n) for k, names in raw.items() if k not in REGION_COUNTRIES for n in names]  # ("Singapore")
    pairs = [(n, country_code(n)) for n in named]
    for kind, entries in _place_words_table().items():
        pairs.extend((n, code) if kind == "nationalities" else (n, country_code(n)) for n, code in entries)
    for name, code in pairs:
        if code is not None:
            for w in _place_entries([name]):
                out.setdefault(w, set()).add(code)
    for words, codes in country_places().items():
        out.setdefault("".join(words), set()).update(codes)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def nation_countries() -> dict[str, frozenset[str]]:
    """``place_countries`` of the words that name a nation: a country's name or adjective ("kazakhstan", "kyrgyz",
    "russian", "federation" of "Russian Federation"), not a city or province of China or Russia ("beijing")."""
    cities = {"".join(words) for words in country_places()}
    return {w: codes for w, codes in place_countries().items() if w not in cities}


REGION_COUNTRIES = {"china": ("CN", "HK", "MO"), "russia": ("RU",)}  # regions of places.yml that are one country's


@lru_cache(maxsize=1)
def country_places() -> dict[tuple[str, ...], frozenset[str]]:
    """The places of places.yml's one-country regions (China's provinces and cities, Russia's cities) as their
    folded words ("shenzhen",), ("hong", "kong"), each with the ISO codes of its country."""
    raw, path = read_resource("places.yml", "place names")
    out: dict[tuple[str, ...], set[str]] = {}
    for region, codes in REGION_COUNTRIES.items():
        names = raw.get(region) if isinstance(raw, dict) else None
        if not isinstance(names, list):
            raise DataError(f"place names: the region {region!r} is missing", file=path)
        for n in names:
            words = tuple(fold(str(n).replace("'", ""))[0].split())
            if words:
                out.setdefault(words, set()).update(codes)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """The countries of places.yml (its region ``countries``: "russia", "iran", "usa"), each as one folded word."""
    raw, path = read_resource("places.yml", "place names")
    names = raw.get("countries") if isinstance(raw, dict) else None
    if not isinstance(names, list):
        raise DataError("place names: the region 'countries' is missing", file=path)
    return frozenset(fold(str(n).replace("'", ""))[0].replace(" ", "") for n in names)


@lru_cache(maxsize=1)
def world_cities() -> frozenset[tuple[str, ...]]:
    """The cities of address_words.yml (the world's capitals, trading and port cities, India's, Korea's and
    Somalia's larger towns) as their folded words: what a free text may name as where something is made or goes."""
    raw, path = read_resource("address_words.yml", "address words")
    names = raw.get("cities") if isinstance(raw, dict) else None
    if not isinstance(names, list):
        raise DataError("address words: expected the list 'cities'", file=path, field="cities")
    return frozenset(words for n in names if (words := tuple(fold(str(n).replace("'", ""))[0].split())))


@lru_cache(maxsize=1)
def branch_qualifiers() -> frozenset[str]:
    """Folded words that an office or subsidiary abroad adds to a company's name beside its brand ("Hikvision
    Middle East FZE", "DJI Europe B.V."): address_words.yml's ``world_regions`` and ``office_words``, the one-word
    cities there, and every place and country of places.yml."""
    raw, path = read_resource("address_words.yml", "address words")
    out: set[str] = set(places()) | set(country_words())
    for key in ("world_regions", "office_words"):
        names = raw.get(key) if isinstance(raw, dict) else None
        if not isinstance(names, list):
            raise DataError(f"address words: expected the list {key!r}", file=path, field=key)
        out.update(w for n in names for w in fold(str(n).replace("'", ""))[0].split())
    out.update(words[0] for words in world_cities() if len(words) == 1)
    return frozenset(out)


PLACE_SYLLABLES = 3  # a place name written in Chinese characters reads as up to this many pinyin syllables


def join_place_syllables(toks: list[str], terms: Container[str] = frozenset(),
                         ) -> tuple[list[str], list[tuple[str, str]]]:
    """Pinyin syllables of a name written in Chinese characters that spell a place ("bei jing" from 北京, "si chuan"
    from 四川, "shang hai" from 上海) joined into the place's word, longest run first; and the runs joined (as
    written, joined). A syllable alone is rare ("jing") or reads as another word ("shang", 商, business). A run that
    a term of two or more syllables of ``terms`` (written joined) straddles is no place: "chang he fei ji"
    (昌河飞机, Changhe Aircraft) holds the term "fei ji" (aircraft), not the city "he fei"."""
    table = places()
    out: list[str] = []
    joined: list[tuple[str, str]] = []
    i = 0
    while i < len(toks):
        for n in range(min(PLACE_SYLLABLES, len(toks) - i), 1, -1):
            run = toks[i:i + n]
            word = "".join(run)
            if all(t.isalpha() and len(t) <= 6 for t in run) and word in table and not _straddled(toks, i, i + n,
                                                                                                 terms):
                out.append(word)
                joined.append((" ".join(run), word))
                i += n
                break
        else:
            out.append(toks[i])
            i += 1
    return out, joined


def _straddled(toks: list[str], start: int, end: int, terms: Container[str]) -> bool:
    """A run of two or more of ``toks`` that is a term (written joined) begins inside [start, end) and ends after it,
    or begins before it and ends inside it."""
    for j in range(max(0, start - PLACE_SYLLABLES), end):
        for k in range(j + 2, min(len(toks), j + PLACE_SYLLABLES + 1) + 1):
            inside = start <= j < end or start < k <= end
            if inside and not (start <= j and k <= end) and "".join(toks[j:k]) in terms:
                return True
    return False
