"""15 CFR Part 744 as eCFR XML: the Entity List table of Supplement No. 4, as published.

The table has five cells per row: Country (blank on continuation rows: the last country carries
forward), Entity (name, ``a.k.a.`` aliases after ``<br/>—``, then addresses), License requirement
(with ``<sup>n</sup>`` footnote marks), License review policy and Federal Register citations.
Footnote texts are single-cell rows at the end of the table (``<sup>1</sup> For this entity ...``).

This module only reads the table; :mod:`clearance.sources.entity_list` joins it onto the Entity
List CSV (the eCFR alone does not make an ``el`` version: it is an enrichment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from clearance.errors import DataError
from clearance.sources._csvutil import clean, head_text
from clearance.text.countries import country_code

SUPPLEMENT = "Supplement No. 4 to Part 744"
_FR = re.compile(r"\d+\s*FR\s*\d+(?:\s*,\s*\d{1,2}/\d{1,2}/\d{2,4})?")
_ALIAS_LINE = re.compile(r"^[\u2014\u2013-]+\s*")
_TO_INCLUDE = re.compile(r",?\s+and to include\b", re.IGNORECASE)
_AKA = re.compile(r",?\s*(?:a\.k\.a\.|also known as)", re.IGNORECASE)
# Country headings the eCFR writes that are not country names.
_COUNTRIES: dict[str, str] = {"crimea region of ukraine": "UA"}


@dataclass(frozen=True, slots=True)
class Supp4Row:
    """One 5-cell row of the Entity List table."""

    line: int  # line of the <TR> in the XML file
    country: str  # the Country cell as written (carried forward on continuation rows)
    country_code: str  # ISO alpha-2
    entity: str  # the Entity cell's text, one line per <br/>
    name: str  # best effort: the text before the first alias or address
    aliases: tuple[str, ...]  # the "—alias" lines of the Entity cell
    license_requirement: str
    license_policy: str
    federal_register: tuple[str, ...]  # e.g. ("84 FR 22963, 5/21/19", ...)
    footnotes: tuple[int, ...]  # footnote marks of the License requirement cell (1 = § 734.9(e) FDP rule)


def is_part744(path: Path) -> bool:
    """True for an eCFR XML file of 15 CFR Part 744 (sniffs the root element)."""
    if path.suffix.lower() != ".xml":
        return False
    head = head_text(path, 1024)
    return head is not None and re.search(r"<DIV5\s+N=\"744\"", head) is not None


def _cell_text(td: etree._Element, *, drop_marks: bool) -> tuple[str, tuple[int, ...]]:
    """The cell's text, <br/> as newlines; ``drop_marks`` removes numeric <sup> marks and returns them."""
    marks: list[int] = []
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag == "sup" and drop_marks and re.fullmatch(r"[\s,]*\d+\s*", el.text or ""):
            marks.append(int(re.sub(r"\D", "", el.text or "")))
        else:
            if el.text:
                parts.append(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

    if td.text:
        parts.append(td.text)
    for child in td:
        walk(child)
        if child.tail:
            parts.append(child.tail)
    lines = (clean(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line), tuple(sorted(set(marks)))


def _split_entity(text: str) -> tuple[str, tuple[str, ...]]:
    lines = text.split("\n")
    first = lines[0] if lines else ""
    m = _AKA.search(first)
    name = first[: m.start()] if m else first
    aliases = tuple(
        a
        for a in (
            re.sub(r"[;,.]?\s*(?:and)?\s*$", "", _TO_INCLUDE.split(_ALIAS_LINE.sub("", line))[0]).strip()
            for line in lines[1:]
            if _ALIAS_LINE.match(line)
        )
        if a
    )
    return name.strip(" ,;"), aliases


def _line(el: etree._Element) -> int:
    line: int | None = getattr(el, "sourceline", None)
    return line or 0


def _table(path: Path) -> etree._Element:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        tree = etree.parse(str(path), parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        raise DataError(f"not a readable XML file: {exc}", file=path) from exc
    for div in tree.iter("DIV9"):
        if div.get("N") == SUPPLEMENT:
            table = div.find(".//TABLE")
            if table is None:
                raise DataError(f"{SUPPLEMENT} has no table", file=path, line=_line(div))
            return table
    raise DataError(f"no {SUPPLEMENT} in this file", file=path)


def parse_supplement4(path: Path) -> list[Supp4Row]:
    """The Entity List rows of an eCFR Part 744 XML file, in table order."""
    rows: list[Supp4Row] = []
    country = ""
    for tr in _table(path).iter("TR"):
        tds = tr.findall("TD")
        if len(tds) != 5:
            continue  # header, footnote and spacer rows
        cell0, _ = _cell_text(tds[0], drop_marks=False)
        if cell0:
            country = cell0
        if not country:
            raise DataError("entity row before any country", file=path, line=_line(tr), field="Country")
        code = _COUNTRIES.get(country.lower()) or country_code(country)
        if code is None:
            raise DataError(f"unknown country {country!r}", file=path, line=_line(tr), field="Country")
        entity, _ = _cell_text(tds[1], drop_marks=False)
        if not entity:
            raise DataError("empty entity cell", file=path, line=_line(tr), field="Entity")
        requirement, marks = _cell_text(tds[2], drop_marks=True)
        policy, _ = _cell_text(tds[3], drop_marks=False)
        fr_text, _ = _cell_text(tds[4], drop_marks=False)
        name, aliases = _split_entity(entity)
        rows.append(
            Supp4Row(
                line=_line(tr),
                country=country,
                country_code=code,
                entity=entity,
                name=name,
                aliases=aliases,
                license_requirement=requirement.replace("\n", " "),
                license_policy=policy.replace("\n", " "),
                federal_register=tuple(re.sub(r"\s+", " ", m) for m in _FR.findall(fr_text)),
                footnotes=marks,
            )
        )
    if not rows:
        raise DataError(f"{SUPPLEMENT} table has no entity rows", file=path)
    return rows


def footnote_texts(path: Path) -> dict[int, str]:
    """The footnotes of the Entity List table: {1: "For this entity, “items subject to the EAR” ...", ...}."""
    out: dict[int, str] = {}
    for tr in _table(path).iter("TR"):
        tds = tr.findall("TD")
        if len(tds) != 1:
            continue
        sup = tds[0].find("sup")
        if sup is None or not (sup.text or "").strip().isdigit():
            continue
        text, _ = _cell_text(tds[0], drop_marks=True)
        out[int((sup.text or "").strip())] = text.replace("\n", " ")
    return out
