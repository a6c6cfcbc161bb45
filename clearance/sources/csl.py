"""US Consolidated Screening List (trade.gov / ITA), CSV download: the 29-column layout.

One file holds many lists; each row's ``source`` names its list, and the file gives one
``ParsedList`` per list code found. Choices (documented here because the CSL does not say):

* entry id: the CSL ``_id`` (a hash in the 2025 layout, the OFAC ent_num for Treasury rows), else
  ``entity_number``. A row with neither is an error. The same id twice under the same ``source`` is an
  error; the same id under two ``source`` values that map to the same list code (OFAC publishes one
  non-SDN entry on both the SSI and the NS-MBS list) is merged into one entry (names, programs and
  addresses united; both sources kept in ``extra``).
* data date: the date in the file name (``..._2023-11-30.csv``) when there is one, else the latest
  ``start_date`` in the whole file (the CSL is one download: its lists share one date).
* the header line may appear twice (the 2023 subset file repeats it on line 2): a record equal to the
  header is skipped. Missing or unknown columns, a cut-off row, non-UTF-8 bytes, an empty file or an
  unknown ``source`` are DataErrors naming file, line and field.
* Entity List rows: a trailing parenthesised short form ("... Co., Ltd. (Huawei)") is an alias too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from clearance.errors import DataError
from clearance.model import Entity, Identifier, Name, NameKind, ParsedList, Schema
from clearance.sources._csvutil import (
    address_of,
    check_header,
    clean,
    csv_records,
    date_in_name,
    first_line,
    is_non_latin,
    iso_date,
    read_text,
    short_form,
    split_multi,
    unique,
)
from clearance.sources.base import sha256_files
from clearance.text.countries import country_code

COLUMNS: tuple[str, ...] = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
)  # fmt: skip

# The CSL ``source`` value's abbreviation (in parentheses) -> list code.
SOURCES: dict[str, str] = {
    "EL": "el",
    "DPL": "dpl",
    "UVL": "uvl",
    "MEU": "meu",
    "SDN": "sdn",
    "CMIC": "cmic",
    "SSI": "ofac-cons",
    "PLC": "ofac-cons",
    "NS-MBS List": "ofac-cons",
    "NS-MBS": "ofac-cons",
    "FSE": "ofac-cons",
    "CAP": "ofac-cons",
    "NS-ISA": "ofac-cons",
    "ISN": "isn",
    "DTC": "dtc",
}

# The fewest entries a whole list can have in a CSL file: about a quarter of the list's size in the
# dated public files of ../shared/data, rounded down (el 3,421 in 2025-11; sdn 8,976 in 2021-07 and
# 14,965 in 2024-05; dpl 665 in 2023-11; uvl 186, meu 71 and cmic 68 rows in the cut-off 2023 CSL
# subset; dtc 515 in 2018; isn 213 in 2016; ofac-cons 442). A whole list of recent years is far above
# (the lists grow); a search export of the CSL (the rows matching one query: a handful to a few
# hundred) is below for some list. A CSL file in which any list is below its floor is an extract, not
# a whole list (see ``short_lists``); docs/reliability.md gives the table and its limits.
WHOLE_LIST_MIN_ENTRIES: dict[str, int] = {
    "el": 800,
    "sdn": 2_000,
    "dpl": 150,
    "dtc": 120,
    "ofac-cons": 100,
    "isn": 50,
    "uvl": 40,
    "meu": 15,
    "cmic": 15,
}


def short_lists(lists: Sequence[ParsedList]) -> list[tuple[str, int, int]]:
    """(list code, entries, floor) of each list of one CSL file with fewer entries than a whole list has.

    Non-empty means the file is an extract (a search export, a cut-off or filtered file): every list
    it carries may be partial, so none of them may become active unnoticed.
    """
    return [
        (pl.list_code, len(pl.entities), WHOLE_LIST_MIN_ENTRIES[pl.list_code])
        for pl in lists
        if len(pl.entities) < WHOLE_LIST_MIN_ENTRIES.get(pl.list_code, 0)
    ]


_SCHEMAS: dict[str, Schema] = {
    "": Schema.LEGAL_ENTITY,
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}

# Kept verbatim in Entity.extra when not blank.
_EXTRA = (
    "source", "entity_number", "title", "end_date", "standard_order", "call_sign", "vessel_type",
    "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner", "places_of_birth",
    "source_list_url",
)  # fmt: skip


def list_code_of(source: str) -> str | None:
    """List code of a CSL ``source`` value such as "Entity List (EL) - Bureau of Industry and Security"."""
    start, end = source.find("("), source.find(")")
    if start < 0 or end < start:
        return None
    return SOURCES.get(source[start + 1 : end].strip())


def is_csl_header(line: str | None) -> bool:
    if not line:
        return False
    cols = [c.strip().strip('"') for c in line.split(",")]
    return set(cols) == set(COLUMNS)


def parse_ids(cell: str | None) -> tuple[Identifier, ...]:
    """CSL ``ids`` cell: "Type, value, CC; Type, value" -> Identifiers (country when an ISO code ends it)."""
    out: list[Identifier] = []
    for item in split_multi(cell):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2:
            out.append(Identifier(kind="Identifier", value=item))
            continue
        country = None
        if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-1].isupper():
            country = country_code(parts[-1])
        value_parts = parts[1:-1] if country else parts[1:]
        value = ", ".join(p for p in value_parts if p)
        if value:
            out.append(Identifier(kind=parts[0] or "Identifier", value=value, country=country))
    return tuple(out)


def names_of(primary: str, aliases: Sequence[str], *, short_forms: bool) -> tuple[Name, ...]:
    """Primary name + aliases; non-Latin names become ORIGINAL_SCRIPT; optional short-form aliases."""
    def kind(value: str, default: NameKind) -> NameKind:
        return NameKind.ORIGINAL_SCRIPT if is_non_latin(value) else default

    names: list[Name] = [Name(primary, kind(primary, NameKind.PRIMARY))]
    names.extend(Name(a, kind(a, NameKind.ALIAS)) for a in aliases)
    if short_forms:
        for value in (primary, *aliases):
            if sf := short_form(value):
                names.extend(Name(v, NameKind.ALIAS) for v in sf)
    seen: dict[str, Name] = {}
    for n in names:
        seen.setdefault(n.value, n)  # first kind wins: the primary name is never also an alias
    return tuple(seen.values())


@dataclass
class _Builder:
    code: str
    rows: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


class CSLParser:
    slug = "csl-csv"
    version = "1"
    lists: tuple[str, ...] = ("el", "dpl", "uvl", "meu", "sdn", "ofac-cons", "cmic", "isn", "dtc")

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        suffixes = {".csv", ".txt", ""}
        return [(p,) for p in files if p.suffix.lower() in suffixes and is_csl_header(first_line(p))]

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        out: list[ParsedList] = []
        for path in files:
            out.extend(self.parse_file(path))
        return out

    def parse_file(self, path: Path) -> list[ParsedList]:
        text = read_text(path)
        header = check_header(text, path, COLUMNS, ordered=False, what="CSL")
        records = csv_records(text, path, len(COLUMNS), header=tuple(header))
        next(records)  # the header, checked above
        idx = {name: i for i, name in enumerate(header)}
        builders: dict[str, _Builder] = {}
        latest: dt.date | None = None
        for line, row in records:
            if [c.strip() for c in row] == header:
                continue  # a repeated header line (documented above)
            cell = {name: row[i] for name, i in idx.items()}
            entity = _entity(cell, path, line)
            source = cell["source"].strip()
            b = builders.setdefault(entity.list_code, _Builder(entity.list_code))
            prev = b.rows.get(entity.entry_id)
            if prev is None:
                b.rows[entity.entry_id] = entity
                b.sources[entity.entry_id] = source
            elif b.sources[entity.entry_id] == source:
                raise DataError(
                    f"duplicate id {entity.entry_id!r} in {source!r} (first on line {prev.source_line})",
                    file=path,
                    line=line,
                    field="_id",
                )
            else:
                b.rows[entity.entry_id] = _merge(prev, entity)
            if entity.listed_on and (latest is None or entity.listed_on > latest):
                latest = entity.listed_on
        if not builders:
            raise DataError("no data rows", file=path)
        checksum = sha256_files([path])
        data_date = date_in_name(path) or latest
        return [
            ParsedList(
                list_code=code,
                entities=tuple(b.rows.values()),
                source_files=(str(path),),
                checksum=checksum,
                parser=f"{self.slug}@{self.version}",
                data_date=data_date,
            )
            for code, b in sorted(builders.items())
        ]


def _entity(cell: dict[str, str], path: Path, line: int) -> Entity:
    source = clean(cell["source"])
    if source is None:
        raise DataError("empty source", file=path, line=line, field="source")
    code = list_code_of(source)
    if code is None:
        raise DataError(f"unknown CSL source {source!r}", file=path, line=line, field="source")
    entry_id = clean(cell["_id"]) or clean(cell["entity_number"])
    if entry_id is None:
        raise DataError("row has neither _id nor entity_number", file=path, line=line, field="_id")
    name = clean(cell["name"])
    if name is None:
        raise DataError("empty name", file=path, line=line, field="name")
    kind = (clean(cell["type"]) or "").lower()
    if kind not in _SCHEMAS:
        raise DataError(f"unknown type {cell['type']!r}", file=path, line=line, field="type")
    addresses = tuple(address_of(a) for a in split_multi(cell["addresses"]))
    nationalities = unique(country_code(c) for c in (*split_multi(cell["nationalities"]),
                                                     *split_multi(cell["citizenships"])))  # fmt: skip
    flag = country_code(clean(cell["vessel_flag"]))
    return Entity(
        list_code=code,
        entry_id=entry_id,
        schema=_SCHEMAS[kind],
        names=names_of(name, split_multi(cell["alt_names"]), short_forms=code == "el"),
        addresses=addresses,
        countries=unique((*(a.country for a in addresses), *nationalities, flag)),
        identifiers=parse_ids(cell["ids"]),
        programs=split_multi(cell["programs"]),
        listed_on=iso_date(cell["start_date"], path, line, "start_date"),
        federal_register=split_multi(cell["federal_register_notice"]),
        license_requirement=clean(cell["license_requirement"]),
        license_policy=clean(cell["license_policy"]),
        birth_dates=split_multi(cell["dates_of_birth"]),
        nationalities=nationalities,
        remarks=clean(cell["remarks"]),
        source_file=str(path),
        source_line=line,
        extra=tuple((k, v) for k in _EXTRA if (v := clean(cell[k]) or "")),
    )


def _merge(a: Entity, b: Entity) -> Entity:
    """One OFAC entry published under two CSL sources of the same list: unite what differs."""
    names = tuple(dict.fromkeys((*a.names, *(n for n in b.names if n.value != a.name))))
    return replace(
        a,
        names=names,
        addresses=tuple(dict.fromkeys((*a.addresses, *b.addresses))),
        countries=tuple(dict.fromkeys((*a.countries, *b.countries))),
        identifiers=tuple(dict.fromkeys((*a.identifiers, *b.identifiers))),
        programs=tuple(dict.fromkeys((*a.programs, *b.programs))),
        extra=tuple(dict.fromkeys((*a.extra, *b.extra))),
    )


PARSER = CSLParser()
