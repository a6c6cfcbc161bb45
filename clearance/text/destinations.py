"""Places an order's free text names that say where the item may go in the end (``destination_places.yml``).

An end use "for our partner's plant in Minsk" on an order to Kazakhstan names Belarus: if the item goes there, Belarus
is the country of ultimate destination and Part 746 applies (§ 738.4(a); adversarial round 6). The order reader makes
each such place, of a country that is neither the destination nor a party's country, an open question.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.yamlload import safe_load

MAX_WORDS = 6  # the longest place name of the table, in folded words
COVERED_REGIONS = "UA-COVERED"  # Crimea and the covered regions of Ukraine (§ 746.6): never the order's own country


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, ...], str], dict[str, frozenset[str]]]:
    path = resources.files("clearance.text").joinpath("destination_places.yml")
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read destination places: {exc}", file=str(path)) from exc
    if not isinstance(raw, dict):
        raise DataError("destination places: expected a mapping of country code to a list of names", file=str(path))
    not_after_raw = raw.pop("_not_after", {}) or {}
    phrases: dict[tuple[str, ...], str] = {}
    for code, names in raw.items():
        if not isinstance(code, str) or not isinstance(names, list) \
                or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataError(f"destination places: {code!r} must be a list of non-empty names", file=str(path))
        for name in names:
            words = tuple(fold(name)[0].split())
            if not words or len(words) > MAX_WORDS:
                raise DataError(f"destination places: {name!r} folds to {len(words)} words", file=str(path))
            if phrases.setdefault(words, code) != code:
                raise DataError(f"destination places: {name!r} is given for two countries", file=str(path))
    not_after = {fold(k)[0]: frozenset(fold(w)[0] for w in v) for k, v in not_after_raw.items()}
    return phrases, not_after


def places_named(text: str) -> list[tuple[str, str]]:
    """(place as folded, country code) of each place of the table ``text`` names, in order, one per country."""
    phrases, not_after = _table()
    words = fold(text)[0].split()
    found: dict[str, str] = {}
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            phrase = tuple(words[i:i + n])
            code = phrases.get(phrase)
            if code is None:
                continue
            place = " ".join(phrase)
            if i and words[i - 1] in not_after.get(place, ()):
                continue
            found.setdefault(code, place)
            i += n - 1
            break
        i += 1
    return [(place, code) for code, place in found.items()]
