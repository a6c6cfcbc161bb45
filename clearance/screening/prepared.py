"""Entities and queries prepared once for fast comparison (picklable, frozen)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearance.model.entity import Entity, NameKind, Schema
from clearance.screening.forms3 import prepare3
from clearance.screening.model import Query
from clearance.text.names import NameForm, prepare
from clearance.text.wade_giles import pinyin_readings

_ID_CHARS = re.compile(r"[^0-9A-Z]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def id_key(value: str) -> str:
    """Identifiers compared without spaces, dashes or case ("AB-123 45" == "ab12345")."""
    return _ID_CHARS.sub("", value.upper())


def birth_years(values: tuple[str, ...]) -> frozenset[int]:
    return frozenset(int(m) for v in values for m in _YEAR.findall(v))


@dataclass(frozen=True, slots=True)
class PreparedName:
    form: NameForm
    kind: NameKind
    source: str | None = None  # an alias added from an alias table: where it comes from (URL or document)
    form3: NameForm | None = None  # the name prepared for clearance-name@3 (organisation reading), at index build
    # ... and as a person's name (``prepare3(name, True)``), at index build for the names of a listed person: @3
    # compares them as persons when the query has no schema (None: prepared when needed)
    form3_person: NameForm | None = None


@dataclass(frozen=True, slots=True)
class PreparedEntity:
    entity: Entity
    names: tuple[PreparedName, ...]
    countries: frozenset[str]
    birth_years: frozenset[int]
    id_keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    query: Query
    form: NameForm
    country: str | None
    birth_years: frozenset[int]
    id_keys: frozenset[str]


def prepare_entity(entity: Entity, extra: tuple[tuple[str, str], ...] = ()) -> PreparedEntity:
    """``entity`` prepared; ``extra``: (alias, source) names from alias tables, added as strong aliases."""
    seen: set[tuple[str, NameKind]] = set()
    names: list[PreparedName] = []
    person = entity.schema is Schema.PERSON
    for n in entity.names:
        if (n.value, n.kind) in seen or not n.value.strip():
            continue
        seen.add((n.value, n.kind))
        names.append(PreparedName(prepare(n.value), n.kind, None, prepare3(n.value),
                                  prepare3(n.value, True) if person else None))
    for n in entity.names:
        bare = without_initials(n.value)
        if bare is None or (bare, n.kind) in seen:
            continue
        seen.add((bare, n.kind))
        names.append(PreparedName(prepare(bare), n.kind, f"the listed name {n.value!r} without its initials in "
                                  "parentheses", prepare3(bare), prepare3(bare, True) if person else None))
    for n in entity.names:
        bare = without_inner_initials(n.value)
        if bare is None or (bare, n.kind) in seen:
            continue
        seen.add((bare, n.kind))
        # (for clearance-name@3 only: the earlier versions read the listed name as written, ``form``, as before)
        names.append(PreparedName(prepare(n.value), n.kind, f"the listed name {n.value!r} without its initials in "
                                  "parentheses", prepare3(bare), prepare3(bare, True) if person else None))
    for alias, source in extra:
        if (alias, NameKind.ALIAS) in seen or not alias.strip():
            continue
        seen.add((alias, NameKind.ALIAS))
        names.append(PreparedName(prepare(alias), NameKind.ALIAS, source, prepare3(alias),
                                  prepare3(alias, True) if person else None))
    if not person:
        for alias in _wade_giles_aliases(entity, seen):
            names.append(PreparedName(prepare(alias), NameKind.WEAK_ALIAS, WADE_GILES_SOURCE, prepare3(alias)))
    countries = set(entity.countries) | {a.country for a in entity.addresses if a.country}
    countries |= set(entity.nationalities)
    if worldwide(entity):
        countries = set()  # no country agrees or conflicts: the entry reaches its units in any country
    return PreparedEntity(
        entity=entity,
        names=tuple(names),
        countries=frozenset(c.upper() for c in countries if c),
        birth_years=birth_years(entity.birth_dates),
        id_keys=frozenset(k for i in entity.identifiers if len(k := id_key(i.value)) >= 5),
    )


_TRAILING_INITIALS = re.compile(r"^(?P<name>.*\S)\s*\((?P<initials>[A-Za-z]{2,8})\)\s*$")
SKIPPED = 3  # a word this short ("of", "and", "Co", "Ltd") may give no letter of the initials


def without_initials(name: str) -> str | None:
    """The name without the initials of its own words written after it in parentheses ("Shanghai Aircraft
    Manufacturing Co. Ltd. (SAMC)" -> "Shanghai Aircraft Manufacturing Co. Ltd."), or None. The initials are an
    alias the name carries, not a word of it: a party written without them, or with its parent's name before it
    ("COMAC Shanghai Aircraft Mfg. Co.", adversarial R16-113), keeps no word the listed name lacks but those."""
    m = _TRAILING_INITIALS.match(name)
    if m is None:
        return None
    words = [w for w in re.split(r"[^0-9a-z]+", m["name"].lower()) if w]
    if len(words) > 4 * len(m["initials"]):
        return None
    return m["name"].strip() if _initials_of(m["initials"].lower(), words) else None


_INNER_INITIALS = re.compile(
    r"^(?P<name>.*\S)\s*\((?P<initials>[A-Za-z]{2,8})\)\s*(?P<form>,?\s*[^()\s,][^(),]{0,24})$")


def without_inner_initials(name: str) -> str | None:
    """The name without the initials of its own words written in parentheses before its legal form ("Petersburg
    Electronic Company (PEC), LLC" -> "Petersburg Electronic Company, LLC"), or None: as ``without_initials`` for
    initials that end the name, the initials are an alias the name carries (adversarial R31-38)."""
    m = _INNER_INITIALS.match(name)
    if m is None or not prepare(m["form"].strip(" ,")).legal_forms or prepare(m["form"].strip(" ,")).tokens:
        return None  # (what follows must be a legal form and nothing else)
    bare = without_initials(f"{m['name']} ({m['initials']})")
    form = m["form"] if m["form"].startswith(",") else " " + m["form"]
    return None if bare is None else f"{bare}{form}"


def _initials_of(initials: str, words: list[str]) -> bool:
    """``initials`` are the first letters of ``words`` in order, every word read (a short one may give none)."""
    if not words:
        return not initials
    w = words[0]
    if initials and w[0] == initials[0] and _initials_of(initials[1:], words[1:]):
        return True
    return len(w) <= SKIPPED and _initials_of(initials, words[1:])


WADE_GILES_SOURCE = "the name's Wade-Giles syllables read in pinyin (clearance/text/wade_giles.yml)"


def _wade_giles_aliases(entity: Entity, seen: set[tuple[str, NameKind]]) -> list[str]:
    """An organisation's names written in Wade-Giles syllables ("Kuang-Su Corporation") read in pinyin ("Guangsu
    Corporation"; ``clearance.text.wade_giles``), as weak aliases: a customer or a Chinese-character name read in
    pinyin writes the pinyin (adversarial R13-35), and a reading the table only makes possible is a match a person
    confirms, never a hit on its own. Names in their own script are not read."""
    out: list[str] = []
    written = {v for v, _ in seen}
    for n in entity.names:
        if n.kind is NameKind.ORIGINAL_SCRIPT or "-" not in n.value:
            continue
        for alias in pinyin_readings(n.value):
            if alias not in written:
                written.add(alias)
                out.append(alias)
    return out


_WORLDWIDE = re.compile(r"\bwherever located\b", re.IGNORECASE)


def worldwide(entity: Entity) -> bool:
    """Whether the entry covers the entity "wherever located" (the Entity List's Russian and Belarusian Ministries of
    Defence with "all operating units wherever located", PMC Wagner "wherever located worldwide"): a party's country
    then says nothing against the match (adversarial R8-37: the Russian 102nd Military Base in Gyumri, Armenia)."""
    return any(_WORLDWIDE.search(t) for t in (entity.license_requirement or "", entity.remarks or "",
                                             *(n.value for n in entity.names)))


def prepare_query(query: Query) -> PreparedQuery:
    return PreparedQuery(
        query=query,
        form=prepare(query.name),
        country=query.country.upper() if query.country else None,
        birth_years=birth_years((query.birth_date,)) if query.birth_date else frozenset(),
        id_keys=frozenset(k for v in query.identifiers if len(k := id_key(v)) >= 5),
    )


def is_person(schema: Schema | None) -> bool:
    return schema is Schema.PERSON
