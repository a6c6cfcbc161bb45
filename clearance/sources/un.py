"""UN Security Council Consolidated List, official XML (``consolidated.xml``).

Root ``CONSOLIDATED_LIST`` with ``dateGenerated``; ``INDIVIDUALS/INDIVIDUAL`` become Person and
``ENTITIES/ENTITY`` Organization entries. The entry id is the UN permanent reference number
(``REFERENCE_NUMBER``, e.g. ``CDi.001``), which survives re-publication; the internal ``DATAID``
is used only when a record has no reference number, and is kept in ``extra`` either way.
Alias quality: ``Good`` and ``a.k.a.`` are aliases, ``Low`` is a weak alias, ``f.k.a.`` a former name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from clearance.errors import DataError
from clearance.model import Address, Entity, Identifier, Name, NameKind, ParsedList, Schema
from clearance.sources._intlutil import clean, country_of, join_parts, names_tuple, require_date, unique
from clearance.sources.base import read_head, sha256_files

_ROOT = "CONSOLIDATED_LIST"
_QUALITY: dict[str, NameKind] = {
    "": NameKind.ALIAS,
    "good": NameKind.ALIAS,
    "a.k.a.": NameKind.ALIAS,
    "low": NameKind.WEAK_ALIAS,
    "f.k.a.": NameKind.FORMER,
}
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _line(el: etree._Element) -> int | None:
    line: int | None = getattr(el, "sourceline", None)  # lxml-stubs mistype sourceline
    return line


def _text(el: etree._Element, path: str) -> str | None:
    found = el.find(path)
    return clean(found.text) if found is not None else None


def _texts(el: etree._Element, path: str) -> tuple[str, ...]:
    return unique(t for t in (clean(v.text) for v in el.iterfind(path)) if t)


class UNParser:
    slug = "un-xml"
    version = "1"
    lists: tuple[str, ...] = ("un",)

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        groups: list[tuple[Path, ...]] = []
        for path in files:
            if path.suffix.lower() != ".xml":
                continue
            try:
                head = read_head(path, 2048)
            except OSError:
                continue
            if b"<" + _ROOT.encode() in head:
                groups.append((path,))
        return groups

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        (path,) = files
        root = _load(path)
        entities: list[Entity] = []
        seen: dict[str, int] = {}
        for tag, schema in (
            ("INDIVIDUALS/INDIVIDUAL", Schema.PERSON),
            ("ENTITIES/ENTITY", Schema.ORGANIZATION),
        ):
            for record in root.iterfind(tag):
                entity = _entity(record, schema, path)
                if entity.entry_id in seen:
                    raise DataError(
                        f"duplicate reference number {entity.entry_id!r} (first on line {seen[entity.entry_id]})",
                        file=path,
                        line=_line(record),
                        field="REFERENCE_NUMBER",
                    )
                seen[entity.entry_id] = _line(record) or 0
                entities.append(entity)
        if not entities:
            raise DataError("no INDIVIDUAL or ENTITY records", file=path, line=_line(root), field=_ROOT)
        return [
            ParsedList(
                list_code="un",
                entities=tuple(entities),
                source_files=(path.name,),
                checksum=sha256_files(files),
                parser=f"{self.slug}@{self.version}",
                data_date=_data_date(root, path),
            )
        ]


def _load(path: Path) -> etree._Element:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read file: {exc}", file=path) from None
    if not data.strip():
        raise DataError("empty file", file=path, line=1)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise DataError(f"malformed or truncated XML: {exc.msg}", file=path, line=line) from None
    if root.tag != _ROOT:
        raise DataError(
            f"root element is <{root.tag}>, expected <{_ROOT}> (not a UN consolidated list?)",
            file=path,
            line=_line(root),
            field=str(root.tag),
        )
    return root


def _data_date(root: etree._Element, path: Path) -> dt.date | None:
    generated = clean(root.get("dateGenerated"))
    if generated is None:
        return None
    return require_date(generated[:10], file=path, line=_line(root), field="dateGenerated")


def _entity(record: etree._Element, schema: Schema, path: Path) -> Entity:
    line = _line(record)
    dataid = _text(record, "DATAID")
    ref = _text(record, "REFERENCE_NUMBER")
    entry_id = ref or dataid
    if not entry_id:
        raise DataError("record has neither REFERENCE_NUMBER nor DATAID", file=path, line=line, field="DATAID")
    primary = join_parts(_text(record, p) for p in _NAME_PARTS)
    if not primary:
        raise DataError(f"record {entry_id} has no name", file=path, line=line, field="FIRST_NAME")
    prefix = "INDIVIDUAL" if schema is Schema.PERSON else "ENTITY"
    names = [Name(primary, NameKind.PRIMARY)]
    for alias in record.iterfind(f"{prefix}_ALIAS"):
        value = _text(alias, "ALIAS_NAME")
        if value:
            quality = (_text(alias, "QUALITY") or "").lower()
            names.append(Name(value, _QUALITY.get(quality, NameKind.ALIAS)))
    for original in _texts(record, "NAME_ORIGINAL_SCRIPT"):
        names.append(Name(original, NameKind.ORIGINAL_SCRIPT))

    addresses = tuple(a for a in (_address(el) for el in record.iterfind(f"{prefix}_ADDRESS")) if a)
    nationalities = unique(c for c in (country_of(v) for v in _texts(record, "NATIONALITY/VALUE")) if c)
    birth_countries = unique(
        c for c in (country_of(v) for v in _texts(record, "INDIVIDUAL_PLACE_OF_BIRTH/COUNTRY")) if c
    )
    listed = (_text(record, "LISTED_ON") or "")[:10]
    extra = [("un_dataid", dataid)] if dataid else []
    for key in ("VERSIONNUM", "GENDER"):
        if value := _text(record, key):
            extra.append((key.lower(), value))
    for key in ("TITLE", "DESIGNATION", "LAST_DAY_UPDATED"):
        extra.extend((key.lower(), v) for v in _texts(record, f"{key}/VALUE"))
    return Entity(
        list_code="un",
        entry_id=entry_id,
        schema=schema,
        names=names_tuple(names),
        addresses=addresses,
        countries=unique((*(a.country for a in addresses if a.country), *nationalities, *birth_countries)),
        identifiers=tuple(_documents(record)),
        programs=_texts(record, "UN_LIST_TYPE"),
        listed_on=require_date(listed, file=path, line=line, field="LISTED_ON") if listed else None,
        birth_dates=_birth_dates(record),
        nationalities=nationalities,
        remarks=_text(record, "COMMENTS1"),
        source_file=path.name,
        source_line=line,
        extra=tuple(extra),
    )


def _address(el: etree._Element) -> Address | None:
    street, city = _text(el, "STREET"), _text(el, "CITY")
    region, postal = _text(el, "STATE_PROVINCE"), _text(el, "ZIP_CODE")
    country_name, note = _text(el, "COUNTRY"), _text(el, "NOTE")
    parts = [p for p in (street, city, region, postal, country_name) if p]
    if not parts:
        return None
    full = ", ".join(parts) + (f" ({note})" if note else "")
    return Address(full, street, city, region, postal, country_of(country_name))


def _documents(record: etree._Element) -> list[Identifier]:
    out: list[Identifier] = []
    for doc in record.iterfind("INDIVIDUAL_DOCUMENT"):
        number = _text(doc, "NUMBER")
        if not number:
            continue
        kind = join_parts((_text(doc, "TYPE_OF_DOCUMENT"), _text(doc, "TYPE_OF_DOCUMENT2"))) or "Document"
        country = country_of(_text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE"))
        out.append(Identifier(kind, number, country))
    return out


def _birth_dates(record: etree._Element) -> tuple[str, ...]:
    dates: list[str] = []
    for dob in record.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        if date := _text(dob, "DATE"):
            dates.append(date[:10])
        elif year := _text(dob, "YEAR"):
            dates.append(year)
        else:
            start, end = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
            if start and end and start.isdigit() and end.isdigit() and 0 <= int(end) - int(start) <= 20:
                dates.extend(str(y) for y in range(int(start), int(end) + 1))
            else:
                dates.extend(y for y in (start, end) if y)
    return unique(dates)


PARSER = UNParser()
