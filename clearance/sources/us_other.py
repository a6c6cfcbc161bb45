"""Other US lists, each a small CSV family with its own list code.

- ``1260h``: DoD s.1260H Chinese military companies (OpenSanctions ``sanctions.csv``), one entry per
  row (a company is listed once per annual tranche; a row with an ``End date`` was delisted then).
- ``fcc``: FCC Covered List; one entry per covered item that names its producer or provider.
  Items that cover a class of equipment from any foreign producer name no party: skipped, with a warning.
- ``ndaa``: NDAA s.889, s.1286, s.154 and s.5949 lists (``special_legislation/section_*.csv``).
- ``inksna``: Iran, North Korea, and Syria Nonproliferation Act sanctions (``inksna.csv``).
- ``s353``: State Department s.353 corrupt and undemocratic actors ("Engel list", ``section_353.csv``).
- ``cuba``: State Department Cuba Restricted List.
- ``mieu``: BIS Military-Intelligence End Users (15 CFR 744.22).
- ``isn``, ``dtc``: the 2016/2018 State Department ISN nonproliferation and ITAR debarred lists.

Ids are built from the source's id where it has one (Cuba), else from the name (and listing date or
notice), so they are stable across versions; a repeated id gets ``~2``, ``~3``... and a warning.
None of these files states a publication date: ``data_date`` is the date in the file name if any,
else the latest listing date in the file (the data are at least that recent).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from clearance.errors import DataError
from clearance.model import Entity, Name, NameKind, ParsedList, Schema
from clearance.sources._intlutil import (
    clean,
    countries_in,
    field_key,
    month_year,
    names_tuple,
    parse_date,
    read_csv,
    slug,
    sniff_header,
    split_cell,
    unique,
)
from clearance.sources.base import sha256_files

Row = dict[str, str]
RowFn = Callable[[Row, int, Path], Entity | None]


@dataclass
class CsvListParser:
    """A parser of one CSV family: recognised by its header columns and, optionally, file names."""

    slug: str
    list_code: str
    header: tuple[str, ...]
    row: RowFn
    stems: tuple[str, ...] = ()  # file stems this family owns (empty: any name with that header)
    id_column: str | None = None  # column holding the source's own id: a repeat is an error
    date_column: str | None = None  # column giving the data date (default: the latest listing date)
    version: str = "1"
    lists: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.lists = (self.list_code,)

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        groups: dict[Path, list[Path]] = {}
        for path in files:
            if path.suffix.lower() != ".csv" or (self.stems and path.stem not in self.stems):
                continue
            header = sniff_header(path)
            if header is not None and set(self.header) <= set(header):
                # a family spread over several files of one folder (NDAA sections) is one group
                key = path.parent if self.stems else path
                groups.setdefault(key, []).append(path)
        return [tuple(sorted(g)) for g in groups.values()]

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        entities: list[Entity] = []
        warnings: list[str] = []
        seen: set[str] = set()
        dates: list[dt.date] = []
        for path in files:
            for line, row in read_csv(path, self.header):
                if self.date_column and (d := _lower_bound(row.get(self.date_column))):
                    dates.append(d)
                entity = self.row(row, line, path)
                if entity is None:
                    warnings.append(f"{path.name}:{line}: names no party, skipped")
                    continue
                entry_id, n = entity.entry_id, 1
                if self.id_column and entry_id in seen:
                    raise DataError(f"duplicate id {entry_id!r}", file=path, line=line, field=self.id_column)
                while entry_id in seen:
                    n += 1
                    entry_id = f"{entity.entry_id}~{n}"
                if n > 1:
                    warnings.append(f"{path.name}:{line}: id {entity.entry_id} repeated, kept as {entry_id}")
                    entity = replace(entity, entry_id=entry_id)
                seen.add(entry_id)
                entities.append(entity)
        if not self.date_column:
            dates = [e.listed_on for e in entities if e.listed_on]
        return [
            ParsedList(
                list_code=self.list_code,
                entities=tuple(entities),
                source_files=tuple(p.name for p in files),
                checksum=sha256_files(files),
                parser=f"{self.slug}@{self.version}",
                data_date=_file_date(files) or max(dates, default=None),
                warnings=tuple(warnings),
            )
        ]


def _file_date(files: Sequence[Path]) -> dt.date | None:
    dates = [parse_date(m[0]) for p in files if (m := re.search(r"\d{4}-\d{2}-\d{2}", p.stem))]
    return max((d for d in dates if d), default=None)


def _lower_bound(text: str | None) -> dt.date | None:
    """A date, or 1 January of a bare year ("2023": the data are at least that recent)."""
    value = clean(text)
    if value and re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1)
    found = [d for d in (parse_date(v) for v in _FIRST_DATE.findall(value or "")) if d]
    return parse_date(value) or max(found, default=None)


def _names(primary: str, *groups: tuple[Sequence[str], NameKind]) -> tuple[Name, ...]:
    names = [Name(primary, NameKind.PRIMARY)]
    names.extend(Name(v, kind) for values, kind in groups for v in values if v and v != primary)
    return names_tuple(names)


def _name(row: Row, column: str, line: int, path: Path) -> str:
    value = clean(row.get(column))
    if value is None:
        raise DataError("empty name", file=path, line=line, field=column)
    return value


def _extra(row: Row, *columns: str) -> tuple[tuple[str, str], ...]:
    return tuple((field_key(c), v) for c in columns if (v := clean(row.get(c))))


# --- DoD 1260H ------------------------------------------------------------------------------


def _dod_1260h(row: Row, line: int, path: Path) -> Entity:
    printed = _name(row, "Name", line, path).rstrip("*").strip()
    primary = clean(row.get("Clean Name")) or printed
    start = parse_date(row.get("Start date"))
    return Entity(
        list_code="1260h",
        entry_id=f"{slug(primary)}:{start.isoformat() if start else '-'}",
        schema=Schema.COMPANY,
        names=_names(
            primary,
            (split_cell(row.get("Alias")), NameKind.ALIAS),
            (split_cell(row.get("Previous Name")), NameKind.FORMER),
        ),
        programs=("NDAA FY2021 s.1260H",),
        listed_on=start,
        remarks=clean(row.get("Note")),
        source_file=path.name,
        source_line=line,
        extra=_extra(row, "Parent Name", "End date", "Source Url"),
    )


# --- FCC Covered List -----------------------------------------------------------------------

_PARTY = re.compile(
    r"\b(?:produced|provided|supplied)(?:,? directly or indirectly,?)? by (?P<party>.+?)"
    r"(?=,| to the extent| subject to| or any of| or its | and any of|\.$|$)"
)
_SUBSIDIARY = re.compile(r"\s+and its wholly-owned subsidiary\s+")
_FIRST_DATE = re.compile(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}")


def fcc_party(text: str) -> tuple[str, ...]:
    """The parties an FCC Covered List item names ("... produced by Huawei Technologies Company, ...")."""
    m = _PARTY.search(text)
    if m is None:
        return ()
    return tuple(p for p in (clean(x) for x in _SUBSIDIARY.split(m["party"])) if p)


def _fcc(row: Row, line: int, path: Path) -> Entity | None:
    text = _name(row, "covered_equipment_or_services", line, path)
    parties = fcc_party(text)
    if not parties:
        return None
    dates = _FIRST_DATE.findall(row.get("date_of_inclusion_on_covered_list", ""))
    return Entity(
        list_code="fcc",
        entry_id=slug(parties[0]),
        schema=Schema.COMPANY,
        names=_names(parties[0], (parties[1:], NameKind.ALIAS)),
        programs=("Secure and Trusted Communications Networks Act",),
        listed_on=parse_date(dates[0]) if dates else None,
        remarks=text,
        source_file=path.name,
        source_line=line,
        extra=tuple(("updated", d) for d in dates[1:]),
    )


# --- special legislation (NDAA sections, INKSNA, s.353) -------------------------------------

_SCHEMAS = {"person": Schema.PERSON, "company": Schema.COMPANY, "organization": Schema.ORGANIZATION}


def _special(code: str) -> RowFn:
    def row_fn(row: Row, line: int, path: Path) -> Entity:
        primary = _name(row, "name", line, path)
        report = clean(row.get("report-date")) or "-"
        return Entity(
            list_code=code,
            entry_id=f"{path.stem}:{slug(primary)}:{report}",
            schema=_SCHEMAS.get((clean(row.get("schema")) or "").lower(), Schema.LEGAL_ENTITY),
            names=_names(primary, (split_cell(row.get("aliases")), NameKind.ALIAS)),
            countries=countries_in(row.get("country")),
            programs=unique(p for p in (clean(row.get("program")),) if p),
            listed_on=parse_date(row.get("start-date")) or parse_date(row.get("report-date")),
            remarks="\n".join(r for r in (clean(row.get("reason")), clean(row.get("notes"))) if r) or None,
            source_file=path.name,
            source_line=line,
            extra=_extra(row, "authority", "report-date", "start-date", "end-date", "source_url"),
        )

    return row_fn


# --- Cuba Restricted List, MIEU -------------------------------------------------------------


def _cuba(row: Row, line: int, path: Path) -> Entity:
    primary = _name(row, "Company", line, path)
    return Entity(
        list_code="cuba",
        entry_id=clean(row.get("Id")) or slug(primary),
        schema=Schema.ORGANIZATION,
        names=_names(primary, ((*split_cell(row.get("Acronym")), *split_cell(row.get("Alias"))), NameKind.ALIAS)),
        countries=("CU",),
        programs=("Cuba Restricted List",),
        listed_on=parse_date(row.get("EffectiveDate")),
        source_file=path.name,
        source_line=line,
        extra=_extra(row, "Sector", "Category", "Parent"),
    )


def _mieu(row: Row, line: int, path: Path) -> Entity:
    primary = _name(row, "Name", line, path)
    return Entity(
        list_code="mieu",
        entry_id=slug(primary),
        schema=_SCHEMAS.get((clean(row.get("Type")) or "").lower(), Schema.ORGANIZATION),
        names=_names(primary, (split_cell(row.get("Alias")), NameKind.ALIAS)),
        countries=countries_in(row.get("Country")),
        programs=unique(p for p in (clean(row.get("Program")),) if p),
        listed_on=parse_date(row.get("Date")),
        source_file=path.name,
        source_line=line,
        extra=_extra(row, "End date", "Source URL"),
    )


# --- State Department ISN and DDTC (2016/2018 files) ----------------------------------------

_LEGAL_TAIL = re.compile(r"^(?:ltd|inc|co|llc|corp|s\.?a|gmbh|plc|limited|l\.?l\.?c)\.?$", re.IGNORECASE)


def isn_aliases(text: str | None) -> tuple[Name, ...]:
    """ISN "Alternative Names": comma-separated, "F.K.A. " marking former names ("Foo, Ltd" kept whole)."""
    parts: list[str] = []
    for piece in (clean(p) for p in (text or "").split(",")):
        if not piece:
            continue
        if parts and _LEGAL_TAIL.match(piece):
            parts[-1] = f"{parts[-1]}, {piece}"
        else:
            parts.append(piece)
    out: list[Name] = []
    for part in parts:
        m = re.match(r"(?i)^f\.?k\.?a\.?\s+(.+)$", part)
        out.append(Name(m[1], NameKind.FORMER) if m else Name(part, NameKind.ALIAS))
    return tuple(out)


def _isn(row: Row, line: int, path: Path) -> Entity:
    primary = _name(row, "Name", line, path)
    listed = parse_date(row.get("Effective Date"), dayfirst=False)
    return Entity(
        list_code="isn",
        entry_id=f"{slug(primary)}:{slug(row.get('Programs', ''))}:{listed.isoformat() if listed else '-'}",
        schema=Schema.LEGAL_ENTITY,
        names=names_tuple((Name(primary), *isn_aliases(row.get("Alternative Names")))),
        countries=countries_in(row.get("Country")),
        programs=split_cell(row.get("Programs")),
        listed_on=listed,
        federal_register=split_cell(row.get("Federal Register Notice")),
        remarks=clean(row.get("Remarks/Notes")),
        source_file=path.name,
        source_line=line,
        extra=_extra(row, "Web Link"),
    )


_AKA = re.compile(r"^(?P<name>.+?)\s*\(a\.k\.a\.\s*(?P<aliases>[^)]*)\)\s*$", re.IGNORECASE)


def dtc_names(text: str) -> tuple[Name, ...]:
    """ "Du, Gia An (a.k.a. Anthony Huynh; Simon Du)" -> primary "Du, Gia An" and two aliases."""
    m = _AKA.match(text)
    if m is None:
        return (Name(text),)
    aliases = tuple(Name(a, NameKind.ALIAS) for a in split_cell(m["aliases"]))
    return names_tuple((Name(m["name"].strip()), *aliases))


def _dtc(row: Row, line: int, path: Path) -> Entity:
    printed = _name(row, "Debarred Party Full Name and Alias", line, path)
    names = dtc_names(printed)
    notices = unique(n for n in (clean(row.get("Notice")), clean(row.get("Corrected Notice"))) if n)
    return Entity(
        list_code="dtc",
        entry_id=f"{slug(names[0].value)}:{slug(notices[0]) if notices else '-'}",
        schema=Schema.LEGAL_ENTITY,
        names=names,
        programs=("AECA statutory debarment (ITAR 127.7)",),
        listed_on=parse_date(row.get("Notice Date"), dayfirst=False),
        federal_register=notices,
        birth_dates=unique(d for d in (month_year(row.get("Date of Birth")),) if d),
        source_file=path.name,
        source_line=line,
        extra=_extra(row, "Corrected Notice Date"),
    )


_SPECIAL_HEADER = ("schema", "name", "aliases", "program", "report-date", "start-date", "country")

DOD_1260H_PARSER = CsvListParser(
    "us-dod-1260h-csv", "1260h", ("Name", "Clean Name", "Alias", "Previous Name", "Start date"), _dod_1260h
)
FCC_PARSER = CsvListParser(
    "us-fcc-covered-csv",
    "fcc",
    ("covered_equipment_or_services", "date_of_inclusion_on_covered_list"),
    _fcc,
    date_column="date_of_inclusion_on_covered_list",
)
NDAA_PARSER = CsvListParser(
    "us-ndaa-csv",
    "ndaa",
    _SPECIAL_HEADER,
    _special("ndaa"),
    stems=("section_889", "section_1286", "section_154", "section_5949"),
    date_column="report-date",
)
INKSNA_PARSER = CsvListParser(
    "us-inksna-csv",
    "inksna",
    _SPECIAL_HEADER,
    _special("inksna"),
    stems=("inksna",),
    date_column="report-date",
)
S353_PARSER = CsvListParser(
    "us-s353-csv",
    "s353",
    _SPECIAL_HEADER,
    _special("s353"),
    stems=("section_353",),
    date_column="report-date",
)
CUBA_PARSER = CsvListParser(
    "us-cuba-restricted-csv",
    "cuba",
    ("Id", "Company", "Acronym", "Alias", "Category", "EffectiveDate"),
    _cuba,
    id_column="Id",
)
MIEU_PARSER = CsvListParser(
    "us-bis-mieu-csv", "mieu", ("Type", "Name", "Alias", "Country", "Program", "Date", "End date"), _mieu
)
ISN_PARSER = CsvListParser(
    "us-state-isn-csv",
    "isn",
    ("Source List", "Programs", "Name", "Alternative Names", "Country", "Federal Register Notice"),
    _isn,
)
DTC_PARSER = CsvListParser(
    "us-state-dtc-csv", "dtc", ("Debarred Party Full Name and Alias", "Notice", "Notice Date"), _dtc
)

PARSERS: tuple[CsvListParser, ...] = (
    DOD_1260H_PARSER,
    FCC_PARSER,
    NDAA_PARSER,
    INKSNA_PARSER,
    S353_PARSER,
    CUBA_PARSER,
    MIEU_PARSER,
    ISN_PARSER,
    DTC_PARSER,
)
