"""BIS Entity List as a 9-column CSV extract of the CSL (``us_bis/entity_list_*.csv``).

Columns: ``source, name, alt_names, addresses, federal_register_notice, start_date,
license_requirement, license_policy, remarks``. One row is one entry: rows with the same name under
different addresses stay distinct.

Entry id (the file has none): ``el-`` + 12 hex of sha256(normalised name, sorted address countries).
It survives re-ordering of the file and changes to other fields. When two rows share that key, each
gets a suffix from the hash of its normalised addresses; rows identical in name and addresses get a
further ``-n`` suffix in the order of the hash of their whole row, so the ids never depend on file order.

Names: ``alt_names`` is split on ";" (commas belong to names such as "Co., Ltd."). A trailing
parenthesised short form ("Huawei Technologies Co., Ltd. (Huawei)") adds the short form and the long
form as aliases. "P (X). Affiliated Entity: Y" rows (Huawei affiliates) have Y as primary name; the
text as listed and the parent P are kept in ``extra`` (``listed_as``, ``affiliate_of``).
Non-Latin names are ORIGINAL_SCRIPT. Schema: Address for address-only entries ("Address 01"),
Company when a legal form is in the name, Organization for institutes, ministries and the like,
else LegalEntity (the file does not say whether an entry is a person).

When the claimed group also holds an eCFR Part 744 XML (the newest one given), its Supplement No. 4
table is joined on (see :mod:`clearance.sources.el_join`): footnotes and FR citations are added and the
join counts are reported in ``ParsedList.warnings``. The eCFR XML alone is not claimed.
Data date: the date in the CSV file name, else the latest ``start_date``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from clearance.errors import DataError
from clearance.model import Entity, Name, NameKind, ParsedList, Schema
from clearance.sources._csvutil import (
    address_of,
    check_header,
    clean,
    csv_records,
    date_in_name,
    first_line,
    is_non_latin,
    iso_date,
    norm_key,
    read_text,
    short_form,
    short_hash,
    split_multi,
    town_after,
    unique,
)
from clearance.sources.base import sha256_files
from clearance.sources.ecfr744 import is_part744, parse_supplement4
from clearance.sources.el_join import join_supplement4

COLUMNS: tuple[str, ...] = (
    "source", "name", "alt_names", "addresses", "federal_register_notice", "start_date",
    "license_requirement", "license_policy", "remarks",
)  # fmt: skip
SOURCE = "Entity List (EL) - Bureau of Industry and Security"
_AFFILIATE = re.compile(r"^(?P<parent>.+?)\.?\s+Affiliated Entity:\s*(?P<name>.+)$")
_ADDRESS_ENTRY = re.compile(r"^address\s+\d+\b", re.IGNORECASE)
_COMPANY = re.compile(
    r"\b(co|ltd|limited|llc|l\.l\.c|inc|corp|corporation|company|gmbh|jsc|pjsc|ojsc|cjsc|llp|plc|pte|pvt|"
    r"srl|s\.r\.l|s\.a|sa|bv|b\.v|ag|sarl|fze|fzco|fz|llc|ooo|oao|zao|ao|sdn bhd|bhd|kft|spa|s\.p\.a|"
    r"pty|ltda|trading|enterprises?|industries|industrial|holdings?|group)\b\.?",
    re.IGNORECASE,
)
_ORGANIZATION = re.compile(
    r"\b(institute|university|academy|bureau|ministry|cent(?:er|re)|laborator(?:y|ies)|school|department|"
    r"administration|agency|armed forces|army|navy|force|college|hospital|commission|council|"
    r"office|committee|organi[sz]ation|directorate|authority|base|brigade|regiment|division|"
    r"police|guard|service|foundation|association|society|factory|plant|works)\b",
    re.IGNORECASE,
)


def is_el_header(line: str | None) -> bool:
    if not line:
        return False
    return [c.strip().strip('"') for c in line.split(",")] == list(COLUMNS)


def schema_of(name: str) -> Schema:
    """Address / Company / Organization from the name's words; LegalEntity when they do not say."""
    if _ADDRESS_ENTRY.match(name):
        return Schema.ADDRESS
    if _COMPANY.search(name):
        return Schema.COMPANY
    if _ORGANIZATION.search(name):
        return Schema.ORGANIZATION
    return Schema.LEGAL_ENTITY


def el_names(listed: str, alt_names: str | None, addresses: Sequence[str] = (),
             ) -> tuple[tuple[Name, ...], tuple[tuple[str, str], ...]]:
    """Names of one row and the ``extra`` pairs it adds (listed_as / affiliate_of for affiliates); ``addresses``:
    the row's, whose towns in parentheses after a name are no short form of it (``short_form``)."""
    extra: list[tuple[str, str]] = []
    primary = listed
    m = _AFFILIATE.match(listed)
    if m:
        primary = m.group("name").strip()
        extra = [("listed_as", listed), ("affiliate_of", m.group("parent").strip())]
    candidates: list[Name] = [
        Name(primary, NameKind.ORIGINAL_SCRIPT if is_non_latin(primary) else NameKind.PRIMARY)
    ]
    for alias in split_multi(alt_names, ";"):
        candidates.append(Name(alias, NameKind.ORIGINAL_SCRIPT if is_non_latin(alias) else NameKind.ALIAS))
    for n in list(candidates):
        if sf := short_form(n.value, addresses):
            candidates.extend(Name(v, NameKind.ALIAS) for v in sf)
        elif bare := town_after(n.value, addresses):  # (the name without its town, the town no name of it)
            candidates.append(Name(bare, NameKind.ALIAS))
    seen: dict[str, Name] = {}
    for n in candidates:
        seen.setdefault(n.value, n)
    return tuple(seen.values()), tuple(extra)


def split_citations(cell: str | None) -> tuple[str, ...]:
    """"84 FR 22961, 84 FR 43495; 85 FR 1" -> each citation (the cell mixes "," and ";")."""
    if not cell:
        return ()
    return unique(clean(p) for p in re.split(r"[;,]", cell))


class EntityListParser:
    slug = "bis-entity-list-csv"
    version = "2"  # 2: a town of the row's addresses in parentheses after a name is no short form
    lists: tuple[str, ...] = ("el",)

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        csvs = [p for p in files if p.suffix.lower() == ".csv" and is_el_header(first_line(p))]
        if not csvs:
            return []
        xmls = [p for p in files if is_part744(p)]
        newest = max(xmls, key=lambda p: (date_in_name(p) or dt.date.min, p.name)) if xmls else None
        return [(p, newest) if newest else (p,) for p in csvs]

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        csvs = [p for p in files if not is_part744(p)]
        xmls = [p for p in files if is_part744(p)]
        if len(csvs) != 1 or len(xmls) > 1:
            raise DataError(
                "an Entity List group is one CSV file and at most one eCFR Part 744 XML",
                file=", ".join(map(str, files)),
            )
        return [self.parse_csv(csvs[0], ecfr=xmls[0] if xmls else None)]

    def parse_csv(self, path: Path, *, ecfr: Path | None = None) -> ParsedList:
        text = read_text(path)
        check_header(text, path, COLUMNS, what="Entity List CSV")
        records = csv_records(text, path, len(COLUMNS), header=COLUMNS)
        next(records)  # the header, checked above
        rows = [(line, dict(zip(COLUMNS, row, strict=True))) for line, row in records]
        if not rows:
            raise DataError("no data rows", file=path)
        entities = [_entity(cell, path, line) for line, cell in rows]
        entities = _assign_ids(entities, [cell for _, cell in rows])
        warnings: tuple[str, ...] = ()
        files: tuple[Path, ...] = (path,)
        if ecfr is not None:
            joined, report = join_supplement4(entities, parse_supplement4(ecfr))
            entities = joined
            warnings = report.warnings(ecfr)
            files = (path, ecfr)
        latest = max((e.listed_on for e in entities if e.listed_on), default=None)
        return ParsedList(
            list_code="el",
            entities=tuple(entities),
            source_files=tuple(str(f) for f in files),
            checksum=sha256_files(files),
            parser=f"{self.slug}@{self.version}",
            data_date=date_in_name(path) or latest,
            warnings=warnings,
        )


def _entity(cell: dict[str, str], path: Path, line: int) -> Entity:
    source = clean(cell["source"])
    if source != SOURCE:
        raise DataError(f"not an Entity List row: source {source!r}", file=path, line=line, field="source")
    listed = clean(cell["name"])
    if listed is None:
        raise DataError("empty name", file=path, line=line, field="name")
    written = split_multi(cell["addresses"], ";")
    names, extra = el_names(listed, cell["alt_names"], written)
    addresses = tuple(address_of(a) for a in written)
    return Entity(
        list_code="el",
        entry_id="pending",
        schema=schema_of(names[0].value),
        names=names,
        addresses=addresses,
        countries=unique(a.country for a in addresses),
        listed_on=iso_date(cell["start_date"], path, line, "start_date"),
        federal_register=split_citations(cell["federal_register_notice"]),
        license_requirement=clean(cell["license_requirement"]),
        license_policy=clean(cell["license_policy"]),
        remarks=clean(cell["remarks"]),
        source_file=str(path),
        source_line=line,
        extra=extra,
    )


def base_id(listed_name: str, countries: Sequence[str]) -> str:
    return "el-" + short_hash(norm_key(listed_name), ",".join(sorted(countries)))


def _assign_ids(entities: list[Entity], cells: list[dict[str, str]]) -> list[Entity]:
    """Stable ids (see the module docstring); the result is in file order."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (e, cell) in enumerate(zip(entities, cells, strict=True)):
        groups[base_id(clean(cell["name"]) or "", e.countries)].append(i)
    ids: dict[int, str] = {}
    for base, members in groups.items():
        if len(members) == 1:
            ids[members[0]] = base
            continue
        by_address: dict[str, list[int]] = defaultdict(list)
        for i in members:
            key = short_hash(*sorted(norm_key(a.full) for a in entities[i].addresses), size=6)
            by_address[f"{base}-{key}"].append(i)
        for sub, same in by_address.items():
            if len(same) == 1:
                ids[same[0]] = sub
                continue
            ranked = sorted(same, key=lambda i: (short_hash(*cells[i].values()), i))
            for n, i in enumerate(ranked, start=1):
                ids[i] = sub if n == 1 else f"{sub}-{n}"
    return [replace(e, entry_id=ids[i]) for i, e in enumerate(entities)]


PARSER = EntityListParser()
