"""BIS Denied Persons List in BIS's own download format (``dpl.txt``).

Tab-separated, every field double-quoted, one header row, dates MM/DD/YYYY. Columns: Name,
Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order,
Last_Update, Action, FR_Citation. One row is one denial order address for one person.

Entry id (the file has none): ``dpl-`` + 12 hex of sha256(normalised name, street, city, country,
effective date): a person listed at two addresses has two entries; the id survives re-ordering and
changes to the other fields (expiration, action, last update). A row that repeats an earlier row
in all of these gets ``-2``, ``-3``... (the 2023-11-30 file has two such exact repeats; they are kept, so
the entry count equals the row count, and reported in the warnings).
``Last_Update`` is kept verbatim in ``extra`` (one row reads "3033-09-30", a typo in the source).
A Country cell that is no country code (one row has the US state "NM" there) leaves the address
without country and is reported in the warnings. An empty Country cell with a US state in State (289 of the 666
rows of the 2023-11-30 file, all US addresses) gives the country US; the id still hashes the cell as given.
Data date: the date in the file name, else the latest Effective_Date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pycountry

from clearance.errors import DataError
from clearance.model import Address, Entity, Name, ParsedList
from clearance.sources._csvutil import (
    check_header,
    clean,
    csv_records,
    date_in_name,
    first_line,
    norm_key,
    read_text,
    short_hash,
    unique,
    us_date,
)
from clearance.sources.base import sha256_files
from clearance.sources.entity_list import schema_of
from clearance.text.countries import country_code

COLUMNS: tuple[str, ...] = (
    "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
    "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation",
)  # fmt: skip
_FR = re.compile(r"\d+\s*F\.?\s?R\.?\s*\d+(?:\s+\d{1,2}/\d{1,2}/\d{2,4})?")
_EXTRA = ("Expiration_Date", "Standard_Order", "Last_Update", "Action")


def is_dpl_header(line: str | None) -> bool:
    if not line or "\t" not in line:
        return False
    return [c.strip().strip('"') for c in line.split("\t")] == list(COLUMNS)


def split_fr(cell: str | None) -> tuple[str, ...]:
    """"68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06" -> ("68 F.R. 38290 6/27/03", "71 F.R. 38843 7/10/06")."""
    text = clean(cell)
    if not text:
        return ()
    found = tuple(re.sub(r"\s+", " ", m) for m in _FR.findall(text))
    return found or (text,)


class DPLParser:
    slug = "bis-dpl-txt"
    version = "2"  # 2: an empty Country with a US state gives the country US
    lists: tuple[str, ...] = ("dpl",)

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        return [(p,) for p in files if is_dpl_header(first_line(p))]

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        return [self.parse_file(p) for p in files]

    def parse_file(self, path: Path) -> ParsedList:
        text = read_text(path)
        check_header(text, path, COLUMNS, delimiter="\t", what="Denied Persons List")
        records = csv_records(text, path, len(COLUMNS), delimiter="\t", header=COLUMNS)
        next(records)  # the header, checked above
        entities: list[Entity] = []
        row_hash: list[str] = []
        unknown: list[str] = []
        for line, row in records:
            cell = dict(zip(COLUMNS, row, strict=True))
            entity = _entity(cell, path, line)
            raw_country = clean(cell["Country"])
            if raw_country and not entity.countries:
                unknown.append(f"line {line}: {raw_country!r}")
            entities.append(entity)
            row_hash.append(short_hash(*row))
        entities, repeats = _suffix_repeats(entities, row_hash)
        if not entities:
            raise DataError("no data rows", file=path)
        warnings: tuple[str, ...] = (
            (f"{len(repeats)} rows repeat an earlier row's name, address and date (lines "
             f"{', '.join(map(str, repeats))}); kept as separate entries",)
            if repeats
            else ()
        )  # fmt: skip
        if unknown:
            note = f"Country is not a country code, kept in the address only: {'; '.join(unknown)}"
            warnings = (*warnings, note)
        latest = max((e.listed_on for e in entities if e.listed_on), default=None)
        return ParsedList(
            list_code="dpl",
            entities=tuple(entities),
            source_files=(str(path),),
            checksum=sha256_files([path]),
            parser=f"{self.slug}@{self.version}",
            data_date=date_in_name(path) or latest,
            warnings=warnings,
        )


def _suffix_repeats(entities: list[Entity], row_hash: list[str]) -> tuple[list[Entity], list[int]]:
    """Entries sharing an id get -2, -3... in the order of their whole row's hash (not file order)."""
    groups: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        groups.setdefault(e.entry_id, []).append(i)
    out = list(entities)
    repeats: list[int] = []
    for members in groups.values():
        for n, i in enumerate(sorted(members, key=lambda i: (row_hash[i], i))[1:], start=2):
            out[i] = replace(entities[i], entry_id=f"{entities[i].entry_id}-{n}")
            repeats.append(entities[i].source_line or 0)
    return out, sorted(repeats)


US = "US"


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    """The codes of the US states, DC and territories (ISO 3166-2:US without "US-")."""
    return frozenset(s.code.split("-", 1)[1] for s in pycountry.subdivisions if s.country_code == US)


def _entity(cell: dict[str, str], path: Path, line: int) -> Entity:
    name = clean(cell["Name"])
    if name is None:
        raise DataError("empty name", file=path, line=line, field="Name")
    raw_country = clean(cell["Country"])
    street, city, state, postal = (clean(cell[k]) for k in ("Street_Address", "City", "State", "Postal_Code"))
    id_country = country_code(raw_country)  # the id hashes the Country cell as given (ids stay stable)
    country = id_country or (US if raw_country is None and state is not None and state.upper() in _us_states()
                             else None)
    parts = [street, city, state, postal, id_country or raw_country]
    addresses = (
        (Address(full=", ".join(p for p in parts if p), street=street, city=city, region=state,
                 postal_code=postal, country=country),)
        if any(parts)
        else ()
    )  # fmt: skip
    effective = us_date(cell["Effective_Date"], path, line, "Effective_Date")
    us_date(cell["Expiration_Date"], path, line, "Expiration_Date")  # validated, kept verbatim in extra
    entry_id = "dpl-" + short_hash(
        norm_key(name), norm_key(street or ""), norm_key(city or ""), id_country or "",
        effective.isoformat() if effective else "",
    )  # fmt: skip
    return Entity(
        list_code="dpl",
        entry_id=entry_id,
        schema=schema_of(name),
        names=(Name(name),),
        addresses=addresses,
        countries=unique([country]),
        listed_on=effective,
        federal_register=split_fr(cell["FR_Citation"]),
        source_file=str(path),
        source_line=line,
        extra=tuple((k, v) for k in _EXTRA if (v := clean(cell[k]) or "")),
    )


PARSER = DPLParser()
