"""EU restrictive measures, as transcribed per framework act from the Official Journal / EUR-Lex
consolidated texts by OpenSanctions (``datasets/eu/journal_sanctions/data/consolidated/*.csv``).

Every consolidated file of one folder (one per framework act, named by its CELEX number) is loaded
together as one ``eu`` list. Each row is one designation in one legal context and becomes one entry.

Entry ids are stable across versions: ``{celex}:{annex}:{recordId}`` from the number printed in the
annex; rows whose act prints no number get ``{celex}:{annex}:h{hash}``, a hash of schema, name,
birth date, passport number and nationality (and ``~2``, ``~3``... for identical rows, with a warning).
The files carry no publication date: ``data_date`` is the latest designation date (``startDate``)
found, i.e. the data are at least that recent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from clearance.errors import DataError
from clearance.model import Address, Entity, Identifier, Name, NameKind, ParsedList, Schema
from clearance.sources._intlutil import (
    clean,
    countries_in,
    field_key,
    is_non_latin,
    names_tuple,
    parse_date,
    read_csv,
    sniff_header,
    split_cell,
    unique,
)
from clearance.sources.base import sha256_files

_HEAD = ("celex", "recordId", "programKey", "annex", "measure", "startDate", "reason", "schema", "name")
_SCHEMAS = {
    "Person": Schema.PERSON,
    "LegalEntity": Schema.LEGAL_ENTITY,
    "Organization": Schema.ORGANIZATION,
    "Company": Schema.COMPANY,
    "Vessel": Schema.VESSEL,
    # A restricted thing that is not a legal entity (ports, a digital currency): no model schema fits,
    # so it is screened as an organisation and the source schema is kept in ``extra``.
    "Asset": Schema.ORGANIZATION,
}
_NAME_KINDS = (
    ("alias", NameKind.ALIAS),
    ("weakAlias", NameKind.WEAK_ALIAS),
    ("previousName", NameKind.FORMER),
)
_IDENTIFIERS = (
    ("passportNumber", "Passport"),
    ("idNumber", "ID Number"),
    ("registrationNumber", "Registration Number"),
    ("taxNumber", "Tax Number"),
    ("innCode", "INN"),
    ("ogrnCode", "OGRN"),
    ("kppCode", "KPP"),
    ("okpoCode", "OKPO"),
    ("leiCode", "LEI"),
    ("swiftBic", "SWIFT/BIC"),
    ("ticker", "Ticker"),
    ("imoNumber", "IMO"),
    ("mmsi", "MMSI"),
)
_EXTRA = ("legalForm", "position", "gender", "birthPlace", "incorporationDate", "sector", "phone", "email")


class EUJournalParser:
    slug = "eu-journal-csv"
    version = "1"
    lists: tuple[str, ...] = ("eu",)

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        by_folder: dict[Path, list[Path]] = {}
        for path in files:
            if path.suffix.lower() == ".csv" and (sniff_header(path) or ())[: len(_HEAD)] == _HEAD:
                by_folder.setdefault(path.parent, []).append(path)
        return [tuple(sorted(group)) for group in by_folder.values()]

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        entities: list[Entity] = []
        warnings: list[str] = []
        seen: set[str] = set()
        latest: dt.date | None = None
        for path in files:
            for line, row in read_csv(path, _HEAD):
                entity = _entity(row, line, path)
                entry_id = entity.entry_id
                n = 1
                while entry_id in seen:
                    if row["recordId"].strip():
                        raise DataError(
                            f"duplicate entry {entry_id} (record id repeated in the same annex)",
                            file=path,
                            line=line,
                            field="recordId",
                        )
                    n += 1
                    entry_id = f"{entity.entry_id}~{n}"
                if n > 1:
                    warnings.append(f"{path.name}:{line}: same unnumbered entry as before, kept as {entry_id}")
                    entity = _with_id(entity, entry_id)
                seen.add(entry_id)
                entities.append(entity)
                if entity.listed_on and (latest is None or entity.listed_on > latest):
                    latest = entity.listed_on
        return [
            ParsedList(
                list_code="eu",
                entities=tuple(entities),
                source_files=tuple(p.name for p in files),
                checksum=sha256_files(files),
                parser=f"{self.slug}@{self.version}",
                data_date=latest,
                warnings=tuple(warnings),
            )
        ]


def _with_id(entity: Entity, entry_id: str) -> Entity:
    data = entity.to_dict()
    data["entry_id"] = entry_id
    return Entity.from_dict(data)


def _entry_id(row: dict[str, str]) -> str:
    celex, annex, record = row["celex"].strip(), clean(row["annex"]) or "-", clean(row["recordId"])
    if record:
        return f"{celex}:{annex}:{record}"
    key = "|".join(clean(row.get(c)) or "" for c in ("schema", "name", "birthDate", "passportNumber", "nationality"))
    return f"{celex}:{annex}:h{hashlib.sha1(key.encode()).hexdigest()[:12]}"


def _entity(row: dict[str, str], line: int, path: Path) -> Entity:
    celex = clean(row["celex"])
    if celex != path.stem:
        raise DataError(
            f"celex {celex!r} differs from the file name {path.stem!r}", file=path, line=line, field="celex"
        )
    schema = _SCHEMAS.get(row["schema"].strip())
    if schema is None:
        raise DataError(f"unknown schema {row['schema']!r}", file=path, line=line, field="schema")
    primary = clean(row["name"])
    if primary is None:
        raise DataError("empty name", file=path, line=line, field="name")
    names = [Name(primary, NameKind.PRIMARY)]
    for column, kind in _NAME_KINDS:
        for value in split_cell(row.get(column)):
            names.append(Name(value, NameKind.ORIGINAL_SCRIPT if is_non_latin(value) else kind))
    nationalities = unique(c for v in split_cell(row.get("nationality")) for c in countries_in(v))
    other = unique(
        c for col in ("country", "jurisdiction", "flag") for v in split_cell(row.get(col)) for c in countries_in(v)
    )
    addresses = tuple(_address(v) for v in split_cell(row.get("address")))
    start = clean(row["startDate"])
    extra = [("celex", celex), ("annex", clean(row["annex"]) or ""), ("measure", clean(row["measure"]) or "")]
    if record := clean(row["recordId"]):
        extra.append(("record_id", record))
    if row["schema"].strip() == "Asset":
        extra.append(("eu_schema", "Asset"))
    if start and parse_date(start) is None:
        extra.append(("start_date", start))
    extra.extend((field_key(c), v) for c in _EXTRA for v in split_cell(row.get(c)))
    remarks = [r for r in (clean(row["reason"]), *split_cell(row.get("notes"))) if r]
    return Entity(
        list_code="eu",
        entry_id=_entry_id(row),
        schema=schema,
        names=names_tuple(names),
        addresses=addresses,
        countries=unique((*(a.country for a in addresses if a.country), *nationalities, *other)),
        identifiers=unique(Identifier(kind, v) for col, kind in _IDENTIFIERS for v in split_cell(row.get(col))),
        programs=(row["programKey"].strip(),) if row["programKey"].strip() else (),
        listed_on=parse_date(start),
        birth_dates=tuple(_birth_date(v) for v in split_cell(row.get("birthDate"))),
        nationalities=nationalities,
        remarks="\n".join(remarks) or None,
        source_file=path.name,
        source_line=line,
        extra=tuple(extra),
    )


def _address(text: str) -> Address:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    country = None
    for candidate in (parts[-1], parts[0]) if parts else ():
        found = countries_in(candidate)
        if len(found) == 1:
            country = found[0]
            break
    return Address(text, country=country)


def _birth_date(text: str) -> str:
    """An ISO date when the text is a full date, the bare year for "1964", else the text as printed."""
    full = parse_date(text)
    return full.isoformat() if full else text


PARSER = EUJournalParser()
