"""UK HM Treasury / OFSI Consolidated List of Financial Sanctions Targets ("ConList").

Official spreadsheet (sheet ``Data``: row 1 a "Last Updated" banner, row 2 the header) or the CSV of
the same layout (with or without the banner line, optionally gzipped). One row per name variation;
the rows of one ``Group ID`` are one target and become one entry (entry id = Group ID).

Alias Type ``Primary name`` is the primary name; ``Primary name variation`` and ``AKA`` are aliases
(``AKA`` with Alias Quality ``Low quality`` a weak alias); ``FKA`` a former name; ``Name Non-Latin
Script`` an original-script name. When the xlsx and the csv of the same list (same file stem) lie in
one folder, they form one group and only the xlsx is parsed: one folder load gives one ``uk`` version.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from clearance.errors import DataError
from clearance.model import Address, Entity, Identifier, Name, NameKind, ParsedList, Schema
from clearance.sources._intlutil import (
    clean,
    countries_in,
    country_of,
    field_key,
    join_parts,
    names_tuple,
    numbered,
    parse_date,
    read_csv,
    require_date,
    sniff_header,
    unique,
)
from clearance.sources.base import read_head, sha256_files

_SCHEMAS = {"individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "ship": Schema.VESSEL}
_ALIAS_TYPES = {
    "primary name": NameKind.PRIMARY,
    "primary name variation": NameKind.ALIAS,
    "aka": NameKind.ALIAS,
    "fka": NameKind.FORMER,
}
_LABELLED = re.compile(
    r"\((UK Sanctions List Ref)\):\s*([A-Z]{2,5}\d{2,6})"
    r"|\((IMO number)\):\s*(\d{7})"
    r"|\((Flag of ship)\):\s*([^()]+?)\.?\s*(?=\(|$)"
)
_LANGS = {
    "russian": "ru", "persian": "fa", "arabic": "ar", "belarusian": "be", "ukrainian": "uk",
    "chinese": "zh", "georgian": "ka", "hebrew": "he", "korean": "ko", "japanese": "ja",
}  # fmt: skip

Row = tuple[int, dict[str, str | None]]
_REQUIRED = ("Name 6", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID")
_BANNER = "Last Updated"


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".csv", ".xlsx"):
        name = name.removesuffix(suffix)
    return name


def _is_header(cells: Sequence[object]) -> bool:
    names = {str(c).strip() for c in cells if c is not None}
    return "Group ID" in names and "Alias Type" in names and "Name 6" in names


def is_conlist(path: Path) -> bool:
    """Whether the file looks like a ConList xlsx or csv (cheap; never raises)."""
    name = path.name.lower()
    if name.endswith(".xlsx"):
        try:
            import openpyxl  # here, not at the top: a server or CLI run that reads no workbook does not load it

            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                ws = wb["Data"] if "Data" in wb.sheetnames else wb.worksheets[0]
                head = list(ws.iter_rows(min_row=1, max_row=2, values_only=True))
            finally:
                wb.close()
        except Exception:  # claim must not raise on foreign or broken files
            return False
        return any(_is_header(r) for r in head)
    if name.endswith((".csv", ".csv.gz")):
        header = sniff_header(path)
        if header is None:
            return False
        if header and header[0] == _BANNER:
            try:
                lines = read_head(path, 16384).decode("utf-8", errors="ignore").splitlines()
            except (OSError, EOFError, ValueError):
                return False
            return len(lines) > 1 and _is_header(lines[1].split(","))
        return _is_header(header)
    return False


def read_rows(path: Path) -> tuple[dt.date | None, list[Row]]:
    """The banner date (if any) and the data rows (line, {column: text}) of a ConList file."""
    if path.name.lower().endswith(".xlsx"):
        return _read_xlsx(path)
    skip = 0
    banner: dt.date | None = None
    header = sniff_header(path)
    if header and header[0] == _BANNER:
        skip = 1
        banner = parse_date(header[1] if len(header) > 1 else None)
    rows: list[Row] = [(line, dict(row)) for line, row in read_csv(path, _REQUIRED, skip_lines=skip)]
    return banner, rows


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path) -> tuple[dt.date | None, list[Row]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, InvalidFileException) as exc:
        raise DataError(f"not a readable xlsx workbook: {exc}", file=path) from None
    try:
        ws = wb["Data"] if "Data" in wb.sheetnames else wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        first = next(it, None)
        if first is None:
            raise DataError("empty workbook: no header row", file=path, line=1)
        banner: dt.date | None = None
        header_line = 1
        header = first
        if first and _cell(first[0]) == _BANNER:
            b1 = first[1] if len(first) > 1 else None
            banner = b1.date() if isinstance(b1, dt.datetime) else parse_date(_cell(b1))
            header_line = 2
            header = next(it, None) or ()
        columns = [clean(_cell(c)) or "" for c in header]
        missing = [c for c in _REQUIRED if c not in columns]
        if missing:
            raise DataError(
                f"header lacks column(s) {', '.join(missing)} (is this the ConList 'Data' sheet?)",
                file=path,
                line=header_line,
                field=missing[0],
            )
        rows: list[Row] = []
        for line, values in enumerate(it, start=header_line + 1):
            cells = [_cell(v) for v in values]
            if not any(c and c.strip() for c in cells):
                continue
            rows.append((line, {col: cells[i] if i < len(cells) else None for i, col in enumerate(columns) if col}))
        return banner, rows
    finally:
        wb.close()


class UKConListParser:
    slug = "uk-conlist"
    version = "1"
    lists: tuple[str, ...] = ("uk",)

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        by_stem: dict[tuple[Path, str], list[Path]] = {}
        for path in files:
            if is_conlist(path):
                by_stem.setdefault((path.parent, _stem(path)), []).append(path)
        # xlsx first in each group: it is the file parsed
        return [tuple(sorted(g, key=lambda p: (not p.name.endswith(".xlsx"), p.name))) for g in by_stem.values()]

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        path = files[0]
        banner_date, rows = read_rows(path)
        groups: dict[str, list[Row]] = {}
        latest: dt.date | None = None
        for line, row in rows:
            gid = clean(row.get("Group ID"))
            if gid is None:
                raise DataError("row without a Group ID", file=path, line=line, field="Group ID")
            groups.setdefault(gid, []).append((line, row))
            updated = parse_date(row.get("Last Updated"))
            if updated and (latest is None or updated > latest):
                latest = updated
        if not groups:
            raise DataError("no data rows under the header", file=path, line=2)
        entities = tuple(_entity(gid, rows_, path) for gid, rows_ in groups.items())
        warnings = tuple(f"{other.name}: same list as {path.name}, not parsed again" for other in files[1:])
        return [
            ParsedList(
                list_code="uk",
                entities=entities,
                source_files=(path.name,),
                checksum=sha256_files((path,)),
                parser=f"{self.slug}@{self.version}",
                data_date=banner_date or latest,
                warnings=warnings,
            )
        ]


def _values(rows: list[Row], column: str) -> Iterator[tuple[int, str]]:
    for line, row in rows:
        value = clean(row.get(column))
        if value is not None:
            yield line, value


def _entity(gid: str, rows: list[Row], path: Path) -> Entity:
    first_line, first = rows[0]
    group_type = (clean(first.get("Group Type")) or "").lower()
    if group_type not in _SCHEMAS:
        raise DataError(
            f"unknown Group Type {first.get('Group Type')!r} (expected Individual, Entity or Ship)",
            file=path,
            line=first_line,
            field="Group Type",
        )
    names: list[Name] = []
    for line, row in rows:
        names.extend(_names(row, line, path))
    if not names:
        raise DataError(f"group {gid} has no name", file=path, line=first_line, field="Name 6")
    identifiers: list[Identifier] = []
    countries: list[str] = []
    for kind, column in (
        ("Passport", "Passport Number"),
        ("National Identification Number", "National Identification Number"),
    ):
        for _, value in _values(rows, column):
            identifiers.extend(Identifier(kind, v) for v in numbered(value))
    remarks = unique(v for _, v in _values(rows, "Other Information"))
    for text in remarks:
        for match in _LABELLED.finditer(text):
            label, value = next((match[i], match[i + 1]) for i in (1, 3, 5) if match[i])
            if label == "Flag of ship":
                countries.extend(countries_in(value))
            else:
                identifiers.append(Identifier("IMO" if label == "IMO number" else label, value))
    addresses = unique(a for a in (_address(row) for _, row in rows) if a)
    nationalities = unique(c for _, v in _values(rows, "Nationality") for c in countries_in(v))
    births = unique(c for _, v in _values(rows, "Country of Birth") for c in countries_in(v))
    listed = next(_values(rows, "Listed On"), None)
    extra = [
        (field_key(key), value)
        for key in ("Title", "Position", "Town of Birth", "UK Sanctions List Date Designated", "Last Updated")
        for value in unique(v for _, v in _values(rows, key))
    ]
    return Entity(
        list_code="uk",
        entry_id=gid,
        schema=_SCHEMAS[group_type],
        names=names_tuple(names),
        addresses=addresses,
        countries=unique((*(a.country for a in addresses if a.country), *nationalities, *births, *countries)),
        identifiers=unique(identifiers),
        programs=unique(v for _, v in _values(rows, "Regime")),
        listed_on=require_date(listed[1], file=path, line=listed[0], field="Listed On") if listed else None,
        birth_dates=unique(d for _, v in _values(rows, "DOB") if (d := uk_dob(v))),
        nationalities=nationalities,
        remarks="\n".join(remarks) or None,
        source_file=path.name,
        source_line=first_line,
        extra=tuple(extra),
    )


def _names(row: dict[str, str | None], line: int, path: Path) -> list[Name]:
    out: list[Name] = []
    latin = join_parts(row.get(f"Name {i}") for i in (1, 2, 3, 4, 5, 6))
    alias_type = (clean(row.get("Alias Type")) or "").lower()
    if alias_type not in _ALIAS_TYPES:
        raise DataError(f"unknown Alias Type {row.get('Alias Type')!r}", file=path, line=line, field="Alias Type")
    kind = _ALIAS_TYPES[alias_type]
    if kind is NameKind.ALIAS and (clean(row.get("Alias Quality")) or "").lower() == "low quality":
        kind = NameKind.WEAK_ALIAS
    if latin:
        out.append(Name(latin, kind))
    if script := clean(row.get("Name Non-Latin Script")):
        lang = clean(row.get("Non-Latin Script Language"))
        out.append(Name(script, NameKind.ORIGINAL_SCRIPT, _LANGS.get(lang.lower(), lang) if lang else None))
    return out


def _address(row: dict[str, str | None]) -> Address | None:
    lines = [v for v in (clean(row.get(f"Address {i}")) for i in range(1, 7)) if v]
    postal, country_name = clean(row.get("Post/Zip Code")), clean(row.get("Country"))
    parts = [*lines, *(p for p in (postal, country_name) if p)]
    if not parts:
        return None
    return Address(", ".join(parts), ", ".join(lines) or None, None, None, postal, country_of(country_name))


def uk_dob(text: str | None) -> str | None:
    """A ConList date of birth as an ISO (partial) date: 00/00/1970 -> 1970, 00/05/1970 -> 1970-05."""
    value = clean(text)
    if value is None:
        return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if not m:
        return value
    day, month, year = int(m[1]), int(m[2]), m[3]
    if month == 0 or month > 12:
        return year
    if day == 0:
        return f"{year}-{month:02d}"
    full = parse_date(value)
    return full.isoformat() if full else f"{year}-{month:02d}"


PARSER = UKConListParser()
