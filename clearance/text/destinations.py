"""Places an order's free text names that say where the item may go in the end (``destination_places.yml``).

An end use "for our partner's plant in Minsk" on an order to Kazakhstan names Belarus: if the item goes there, Belarus
is the country of ultimate destination and Part 746 applies (§ 738.4(a); adversarial round 6). The order reader makes
each such place, of a country that is neither the destination nor a party's country, an open question.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.yamlload import safe_load

MAX_WORDS = 6  # the longest place name of the table, in folded words
COVERED_REGIONS = "UA-COVERED"  # Crimea and the covered regions of Ukraine (§ 746.6): never the order's own country


def _read() -> tuple[dict[str, Any], str]:
    """The table as read (a fresh dict each call) and its path."""
    path = str(resources.files("clearance.text").joinpath("destination_places.yml"))
    try:
        raw = safe_load(resources.files("clearance.text").joinpath("destination_places.yml").read_text(
            encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read destination places: {exc}", file=path) from exc
    if not isinstance(raw, dict):
        raise DataError("destination places: expected a mapping of country code to a list of names", file=path)
    return raw, path


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, ...], str], dict[str, frozenset[str]]]:
    raw, path = _read()
    not_after_raw = raw.pop("_not_after", {}) or {}
    for key in ("_united_states", "_presence_words"):
        raw.pop(key, None)
    phrases: dict[tuple[str, ...], str] = {}
    for code, names in raw.items():
        if not isinstance(code, str) or not isinstance(names, list) \
                or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataError(f"destination places: {code!r} must be a list of non-empty names", file=path)
        for name in names:
            words = tuple(fold(name)[0].split())
            if not words or len(words) > MAX_WORDS:
                raise DataError(f"destination places: {name!r} folds to {len(words)} words", file=path)
            if phrases.setdefault(words, code) != code:
                raise DataError(f"destination places: {name!r} is given for two countries", file=path)
    not_after = {fold(k)[0]: frozenset(fold(w)[0] for w in v) for k, v in not_after_raw.items()}
    return phrases, not_after


ORIGIN_WORDS = frozenset({("made", "in"), ("manufactured", "in"), ("produced", "in"), ("fabricated", "in"),
                          ("origin",), ("country", "of", "origin")})  # (folded) words saying where an item was made


def _after_origin_words(words: list[str], i: int) -> bool:
    return any(tuple(words[max(0, i - len(w)):i]) == w for w in ORIGIN_WORDS)


def places_named(text: str, made_in: str | None = None) -> list[tuple[str, str]]:
    """(place as folded, country code) of each place of the table ``text`` names, in order, one per country. With
    ``made_in`` (the item's country of origin), a place of that country that follows "made in", "manufactured in"
    ... (and any place of it right after such a place: "made in Dongguan, Guangdong") says where the item was made,
    not where it goes, and is not counted (adversarial R10-61)."""
    phrases, not_after = _table()
    words = fold(text)[0].split()
    found: dict[str, str] = {}
    i = 0
    origin_end = -1  # the word after the last place read as the item's origin
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            phrase = tuple(words[i:i + n])
            code = phrases.get(phrase)
            if code is None:
                continue
            place = " ".join(phrase)
            if i and words[i - 1] in not_after.get(place, ()):
                continue
            if made_in is not None and code == made_in and (_after_origin_words(words, i) or i == origin_end):
                origin_end = i + n
            else:
                found.setdefault(code, place)
            i += n - 1
            break
        i += 1
    return [(place, code) for code, place in found.items()]


def place_words(text: str) -> frozenset[str]:
    """The folded words of every place of the table ``text`` names, whatever its country ("abu dhabi", "donetsk"):
    the words an end use gives of where it is (docs/facts.md, "An end use no vocabulary reads")."""
    phrases, _ = _table()
    words = fold(text)[0].split()
    out: set[str] = set()
    for i in range(len(words)):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in phrases:
                out.update(words[i:i + n])
                break
    return frozenset(out)


def _phrases(raw: object, key: str, path: str) -> frozenset[tuple[str, ...]]:
    if not isinstance(raw, list) or not all(isinstance(n, str) and n.strip() for n in raw):
        raise DataError(f"destination places: {key!r} must be a list of non-empty names", file=path)
    out = set()
    for name in raw:
        words = tuple(fold(name)[0].split())
        if not words or len(words) > MAX_WORDS:
            raise DataError(f"destination places: {name!r} folds to {len(words)} words", file=path)
        out.add(words)
    return frozenset(out)


@lru_cache(maxsize=1)
def _us_table() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    raw, path = _read()
    return (_phrases(raw.get("_united_states"), "_united_states", path),
            _phrases(raw.get("_presence_words"), "_presence_words", path))


_CLAUSES = re.compile(r"[.;:!?()\[\]\n]+(?:\s|$)|[()\[\]\n;]")
_CAPITAL_US = re.compile(r"\bU\.?S\.?A?\.?(?![a-z])")


def _find(words: list[str], phrases: frozenset[tuple[str, ...]]) -> str | None:
    for i in range(len(words)):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in phrases:
                return " ".join(words[i:i + n])
    return None


def in_the_united_states(text: str) -> str | None:
    """The US place ``text`` names in a sentence (or parenthesis) that also says the item passes through, is stored
    in or is routed via it ("in transit through the United States", "transshipped at Long Beach", "from our FTZ
    warehouse in Miami"); None if no clause does. "US" counts only when written in capitals ("via us" is a
    pronoun)."""
    places, presence = _us_table()
    for clause in _CLAUSES.split(text):
        words = fold(clause)[0].split()
        if not words or _find(words, presence) is None:
            continue
        place = _find(words, places)
        if place is None:
            continue
        if place in ("us", "u s", "usa", "u s a") and not _CAPITAL_US.search(clause):
            continue
        return place
    return None


def is_place_name(text: str) -> bool:
    """Whether ``text`` is, as a whole, a place of the tables (a destination place or a US place)."""
    words = tuple(fold(text)[0].split())
    return words in _table()[0] or words in _us_table()[0]
