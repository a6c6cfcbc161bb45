"""The one normalised entity model every list is parsed into (in the FollowTheMoney spirit).

Objects are frozen, slotted dataclasses: hashable, picklable (for Dask workers) and cheap.
Multi-valued fields are tuples. ``to_dict``/``from_dict`` give the stable JSON form used by the
store and by ``lists diff``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any


class Schema(StrEnum):
    PERSON = "Person"
    COMPANY = "Company"
    ORGANIZATION = "Organization"
    VESSEL = "Vessel"
    AIRCRAFT = "Aircraft"
    ADDRESS = "Address"  # an address-only listing (e.g. an Entity List "address" entry)
    LEGAL_ENTITY = "LegalEntity"  # a person or organisation whose kind the source does not say


class NameKind(StrEnum):
    PRIMARY = "primary"
    ALIAS = "alias"  # a.k.a. / strong alias / alternative name
    WEAK_ALIAS = "weak_alias"  # OFAC "weak" a.k.a., UN "low quality": never a hit on its own
    FORMER = "former"  # f.k.a.
    ORIGINAL_SCRIPT = "original_script"  # the name in its own script (e.g. Chinese characters)


@dataclass(frozen=True, slots=True)
class Name:
    value: str
    kind: NameKind = NameKind.PRIMARY
    lang: str | None = None  # ISO 639 code or script when the source says (e.g. "zh", "ru")


@dataclass(frozen=True, slots=True)
class Address:
    full: str
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, upper case


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: str  # e.g. "Passport", "IMO", "Registration Number", "Unified Social Credit Code"
    value: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One entry of one list version.

    ``entry_id`` is stable across versions of the same list (the source's own id where it has one),
    so versions can be diffed and earlier judgements remembered. Entity List rows with the same name
    under different addresses are distinct entries.
    """

    list_code: str
    entry_id: str
    schema: Schema
    names: tuple[Name, ...]
    addresses: tuple[Address, ...] = ()
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes linked to the entry (addresses, nationality, ...)
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    listed_on: dt.date | None = None
    federal_register: tuple[str, ...] = ()  # e.g. ("84 FR 22961",)
    license_requirement: str | None = None  # Entity List / MEU: the entry's licence requirement text
    license_policy: str | None = None  # Entity List / MEU: the licence review policy text
    footnotes: tuple[int, ...] = ()  # Supp. 4 to Part 744 footnote marks (1 = Entity List FDP rule)
    birth_dates: tuple[str, ...] = ()  # ISO dates or partial dates ("1960", "1960-05") as given
    nationalities: tuple[str, ...] = ()
    remarks: str | None = None
    source_file: str | None = None
    source_line: int | None = None  # 1-based line (or row) of the entry in its source file
    extra: tuple[tuple[str, str], ...] = ()  # further source fields kept verbatim (key, value)

    def __post_init__(self) -> None:
        if not self.names:
            raise ValueError(f"entry {self.entry_id!r} has no name")
        if not self.entry_id:
            raise ValueError("entry without an id")

    @property
    def name(self) -> str:
        """The primary name (the first name of kind PRIMARY, else the first name)."""
        for n in self.names:
            if n.kind is NameKind.PRIMARY:
                return n.value
        return self.names[0].value

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = _jsonable(value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            list_code=data["list_code"],
            entry_id=data["entry_id"],
            schema=Schema(data["schema"]),
            names=tuple(Name(n["value"], NameKind(n["kind"]), n.get("lang")) for n in data["names"]),
            addresses=tuple(Address(**a) for a in data.get("addresses", ())),
            countries=tuple(data.get("countries", ())),
            identifiers=tuple(Identifier(**i) for i in data.get("identifiers", ())),
            programs=tuple(data.get("programs", ())),
            listed_on=dt.date.fromisoformat(data["listed_on"]) if data.get("listed_on") else None,
            federal_register=tuple(data.get("federal_register", ())),
            license_requirement=data.get("license_requirement"),
            license_policy=data.get("license_policy"),
            footnotes=tuple(data.get("footnotes", ())),
            birth_dates=tuple(data.get("birth_dates", ())),
            nationalities=tuple(data.get("nationalities", ())),
            remarks=data.get("remarks"),
            source_file=data.get("source_file"),
            source_line=data.get("source_line"),
            extra=tuple((k, v) for k, v in data.get("extra", ())),
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    return value


@dataclass(frozen=True, slots=True)
class ParsedList:
    """What a parser returns: every entry of one list from one source file (or set of files)."""

    list_code: str
    entities: tuple[Entity, ...]
    source_files: tuple[str, ...]
    checksum: str  # sha256 hex of the source bytes (files concatenated in order)
    parser: str  # "slug@version" of the parser, kept with the version for reproducibility
    data_date: dt.date | None = None  # the date the publisher's data refers to
    warnings: tuple[str, ...] = field(default=())  # e.g. OFAC aliases that did not join

    @property
    def name_count(self) -> int:
        return sum(len(e.names) for e in self.entities)
