"""A town written after a comma that is the town of a listed entry's own address ("Ali Asghar Manzarpour, Brighton").

``nameline.read_name_line`` sets a trailing place aside only when it knows the place (places.yml) or the segment reads
as an address; any other town after a comma is compared as a word of the name, unmatched, and lowers the score of
the very entry that lists the party in that town (DPL 'ALI AGAR MANZARPOUR', Brighton GB: 0.31 with the town, 0.57
without). ``entry_town`` reads such a line as the name before the comma and the town, with the entries whose
addresses name that town; screening scores the name without the town and keeps those entries' hits only (the
town agrees with the listing: it is evidence for the match, never a reason to find other entries).
"""

from __future__ import annotations

from dataclasses import dataclass

from clearance.screening.index import ScreeningIndex
from clearance.text.countries import country_code
from clearance.text.fold import fold

MAX_TOWN_WORDS = 3  # a trailing segment of more words is not read as a town
MIN_TOWN_CHARS = 3

_CACHE: dict[int, tuple[ScreeningIndex, dict[str, frozenset[tuple[str, str]]]]] = {}


@dataclass(frozen=True, slots=True)
class EntryTown:
    name: str  # the line before the town, as written
    town: str  # the town as written
    entries: frozenset[tuple[str, str]]  # (list code, entry id) of the entries whose addresses name the town


def town_key(text: str) -> str | None:
    """A place's words folded and written together, numbers (postal codes) left out; None when it is not one
    (digits only, too short, too many words, a country)."""
    words = [w for w in fold(text)[0].split() if not any(ch.isdigit() for ch in w)]
    if not words or len(words) > MAX_TOWN_WORDS or country_code(text.strip()) is not None:
        return None
    key = "".join(words)
    return key if len(key) >= MIN_TOWN_CHARS else None


def listed_towns(index: ScreeningIndex) -> dict[str, frozenset[tuple[str, str]]]:
    """Town key -> the entries of ``index`` with an address naming it (its city, or a comma-separated part of the
    full address without a number)."""
    found = _CACHE.get(id(index))
    if found is not None and found[0] is index:
        return found[1]
    towns: dict[str, set[tuple[str, str]]] = {}
    for pe in index.entities:
        entity = pe.entity
        for a in entity.addresses:
            parts = [p for p in a.full.split(",") if not any(ch.isdigit() for ch in p)]
            for part in (*parts, a.city or ""):
                key = town_key(part) if part.strip() else None
                if key is not None:
                    towns.setdefault(key, set()).add((entity.list_code, entity.entry_id))
    out = {k: frozenset(v) for k, v in towns.items()}
    if len(_CACHE) >= 4:
        _CACHE.clear()
    _CACHE[id(index)] = (index, out)
    return out


def entry_town(line: str, index: ScreeningIndex) -> EntryTown | None:
    """The line read as a name and, after its last comma, the town of some listed entries' addresses; None when the
    last segment is no listed town (or the line has no comma, or nothing before it)."""
    name, sep, town = line.rpartition(",")
    if not sep or not fold(name)[0].strip() or any(ch.isdigit() for ch in town):
        return None
    key = town_key(town)
    if key is None:
        return None
    entries = listed_towns(index).get(key)
    if not entries:
        return None
    return EntryTown(name.strip(), town.strip(), entries)
