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
from functools import cache
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clearance.errors import DataError
from clearance.screening.index import ScreeningIndex
from clearance.screening.nameline import is_place
from clearance.screening.prepared import worldwide
from clearance.text.countries import country_code
from clearance.text.fold import fold
from clearance.text.names import prepare
from clearance.text.places import country_places
from clearance.text.yamlload import read_resource

MAX_TOWN_WORDS = 3  # a trailing segment of more words is not read as a town
MIN_TOWN_CHARS = 3
FUZZY_TOWN_CHARS = 8  # a town this long spelt one letter otherwise is the same town
MIN_PREFIX_CHARS = 4  # the leading words of a town read as the town ("Konstanz" of "Konstanz am Bodensee")

_CACHE: dict[int, tuple[ScreeningIndex, dict[str, frozenset[tuple[str, str]]]]] = {}
_ADDRESSED: dict[int, tuple[ScreeningIndex, dict[tuple[str, str], tuple[str, frozenset[str]]]]] = {}


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


def _after_number(part: str) -> str:
    """A comma-separated part of an address without its street and postal code: the words after its last word with
    a digit ("Goethestrasse 4-8 D-60313 Frankfurt am Main" -> "Frankfurt am Main", as European addresses write the
    town after the postal code); the part itself when it has no digit ("" when nothing follows the number)."""
    words = part.split()
    last = max((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), default=-1)
    return " ".join(words[last + 1:])


def town_keys(text: str) -> list[str]:
    """``town_key`` of a town as written, then of its leading words, longest first: a town of several words whose
    first is the town of the listing ("Konstanz am Bodensee", "Berlin-Reinickendorf": a district after the city)."""
    whole = town_key(text)
    words = [w for w in fold(text)[0].split() if not any(ch.isdigit() for ch in w)]
    out = [whole] if whole is not None else []
    for n in range(min(len(words), MAX_TOWN_WORDS + 1) - 1, 0, -1):
        key = "".join(words[:n])
        if (len(key) >= MIN_PREFIX_CHARS and len(words[n - 1]) > 3 and key not in out
                and country_code(" ".join(words[:n])) is None):
            out.append(key)
    return out


def listed_towns(index: ScreeningIndex) -> dict[str, frozenset[tuple[str, str]]]:
    """Town key -> the entries of ``index`` with an address naming it (its city, or a comma-separated part of the
    full address without a number)."""
    found = _CACHE.get(id(index))
    if found is not None and found[0] is index:
        return found[1]
    stored = index.stored_towns.listed() if index.stored_towns is not None else None
    if stored is not None:  # (a cached index: the table made when it was built)
        return _remember(_CACHE, index, stored)
    return _remember(_CACHE, index, make_listed_towns(index))


def make_listed_towns(index: ScreeningIndex) -> dict[str, frozenset[tuple[str, str]]]:
    """``listed_towns`` made from the entities (every one unpickled, when the index is a cached one)."""
    towns: dict[str, set[tuple[str, str]]] = {}
    for pe in index.entities:
        entity = pe.entity
        for a in entity.addresses:
            parts = [_after_number(p) for p in a.full.split(",")]
            for part in (*parts, a.city or ""):
                key = town_key(part) if part.strip() else None
                if key is not None:
                    towns.setdefault(key, set()).add((entity.list_code, entity.entry_id))
    return {k: frozenset(v) for k, v in towns.items()}


_T = TypeVar("_T")


def _remember(memo: dict[int, tuple[ScreeningIndex, _T]], index: ScreeningIndex, table: _T) -> _T:
    if len(memo) >= 4:
        memo.clear()
    memo[id(index)] = (index, table)
    return table


def entry_addresses(index: ScreeningIndex) -> dict[tuple[str, str], tuple[str, frozenset[str]]]:
    """(list code, entry id) -> the entry's addresses and names folded, one line (" | " between them), and its
    addresses' countries, for the entries with an address naming some town (``listed_towns``), but those listed
    "wherever located" (``prepared.worldwide``: PMC Wagner in Bamako is the listed Wagner of Russian addresses)."""
    found = _ADDRESSED.get(id(index))
    if found is not None and found[0] is index:
        return found[1]
    stored = index.stored_towns.addressed() if index.stored_towns is not None else None
    if stored is not None:  # (a cached index: the table made when it was built)
        return _remember(_ADDRESSED, index, stored)
    return _remember(_ADDRESSED, index, make_entry_addresses(index))


def make_entry_addresses(index: ScreeningIndex) -> dict[tuple[str, str], tuple[str, frozenset[str]]]:
    """``entry_addresses`` made from the entities (every one unpickled, when the index is a cached one)."""
    known = frozenset().union(*listed_towns(index).values())
    out: dict[tuple[str, str], tuple[str, frozenset[str]]] = {}
    for pe in index.entities:
        entity = pe.entity
        key = (entity.list_code, entity.entry_id)
        if key in known and not worldwide(entity):  # (an entry "wherever located" reaches any town)
            text = " | ".join(fold(t)[0] for t in (*(f"{a.full} {a.city or ''}" for a in entity.addresses),
                                                  *(n.value for n in entity.names)))
            out[key] = (text, frozenset(a.country.upper() for a in entity.addresses if a.country))
    return out


def aside_towns(address: str) -> tuple[str, ...]:
    """The places an address set aside from a name line names ("Sheung Shui" of "Room 102 Kerry Warehouse, Sheung
    Shui"; "Shenzhen" and "Guangdong" of "Shenzhen, Guangdong"): its comma-separated segments that are known places
    (places.yml, address_words.yml), as written; countries, postal codes, streets and buildings left out."""
    out: list[str] = []
    for part in address.split(","):
        if not part.strip() or country_code(part.strip()) is not None or town_key(part) is None:
            continue
        if is_place(fold(part)[0].split()):
            out.append(part.strip())
    return tuple(out)


def towns_disagree(towns: tuple[str, ...], country: str | None, entry: tuple[str, str], index: ScreeningIndex,
                   ) -> bool:
    """Whether ``towns`` (``aside_towns``) of a party in ``country`` say it is not the entry: the entry's addresses
    name towns, none of these, and are all in other countries than the party's. Another town of the same country
    says little (a company registered in one town trades from another: Entity List 'Tro.Ya, LLC' of Bishkek is
    SDN 'TRO YA LLC' of Tokmok), nor does a party of no stated country, nor a town that is in the entry's country
    however it is spelt (``places.country_places``: "Laboratoriya Kasperskovo ZAO, ..., Moskva" of a party in AE /
    the Entity List's AO Kaspersky Lab of Moscow, adversarial R28-24)."""
    found = entry_addresses(index).get(entry)
    if found is None or not towns or country is None:
        return False
    text, countries = found
    if not countries or (country_code(country) or country.upper()) in countries:
        return False
    words = text.split()
    known = country_places()
    for town in towns:
        folded = " ".join(fold(town)[0].split())
        if f" {folded} " in f" {text} " or folded.replace(" ", "") in words:
            return False
        if known.get(tuple(folded.split()), frozenset()) & countries:
            return False  # a town of the entry's own country spelt otherwise ("Moskva", "Москва" / "Moscow")
    return True


@cache
def _form_countries() -> dict[str, frozenset[str]]:
    raw, path = read_resource("legal_form_countries.yml", "the legal forms' countries")
    if not isinstance(raw, dict) or not all(isinstance(v, list) and v for v in raw.values()):
        raise DataError("legal forms' countries: expected form: [countries]", file=path)
    return {str(k): frozenset(str(c) for c in v) for k, v in raw.items()}


def form_of_entry_country(name: str, country: str | None, entry: tuple[str, str], index: ScreeningIndex) -> bool:
    """Whether ``name`` carries a legal form that only the law of some countries provides (legal_form_countries.yml),
    the entry's addresses are in one of them and the party's ``country`` is in none: the line names the company of the
    entry's country at a place abroad ("Laboratoriya Kasperskovo ZAO, Dubai Internet City", AE: a Russian ZAO), so a
    town there is no evidence of another party (adversarial R28b-24)."""
    found = entry_addresses(index).get(entry)
    if found is None or country is None:
        return False
    table = _form_countries()
    code = country_code(country) or country.upper()
    for form in prepare(name).legal_forms:
        lands = table.get(form.form)
        if lands and code not in lands and lands & found[1]:
            return True
    return False


def entry_town(line: str, index: ScreeningIndex) -> EntryTown | None:
    """The line read as a name and, after its last comma, the town of some listed entries' addresses; None when the
    last segment is no listed town (or the line has no comma, or nothing before it)."""
    name, sep, town = line.rpartition(",")
    if not sep or not fold(name)[0].strip() or any(ch.isdigit() for ch in town):
        return None
    listed = listed_towns(index)
    keys = town_keys(town)
    for key in keys:
        entries = listed.get(key)
        if entries:
            return EntryTown(name.strip(), town.strip(), entries)
    if keys and len(keys[0]) >= FUZZY_TOWN_CHARS:  # the town spelt otherwise ("Nischni Tagil" / "Nizhni Tagil")
        found = process.extractOne(keys[0], _town_names(listed), scorer=Levenshtein.distance, score_cutoff=1)
        if found is not None:
            return EntryTown(name.strip(), town.strip(), listed[found[0]])
    return None


_NAMES: dict[int, tuple[dict[str, frozenset[tuple[str, str]]], list[str]]] = {}


def _town_names(listed: dict[str, frozenset[tuple[str, str]]]) -> list[str]:
    """The keys of ``listed`` as a list (made once per table)."""
    found = _NAMES.get(id(listed))
    if found is None or found[0] is not listed:
        _NAMES.clear()
        found = _NAMES[id(listed)] = (listed, [k for k in listed if len(k) >= FUZZY_TOWN_CHARS])
    return found[1]
