"""All source parsers, and discovery of the list files in a folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from clearance.sources.base import SourceParser


def all_parsers() -> tuple[SourceParser, ...]:
    """Every parser, most specific first (a file is claimed by the first parser that wants it)."""
    # Imported here so that a broken optional parser cannot stop the others from being listed.
    from clearance.sources import PARSERS

    return PARSERS


# File names that say what a file is: (pattern, parser slug, what it is, its list code), lower case.
# A file named so that no parser claimed by its content is damaged (a column missing, another text
# encoding, empty, CSV under an .xlsx name): it is handed to that parser anyway, whose error names
# the file and the reason, instead of being skipped as a foreign file.
NAMED_FILES: tuple[tuple[str, str, str, str], ...] = (
    ("entity_list*.csv", "bis-entity-list-csv", "Entity List CSV", "el"),
    ("dpl*.txt", "bis-dpl-txt", "Denied Persons List", "dpl"),
    ("sdn.csv", "ofac-legacy-csv", "OFAC SDN file", "sdn"),
    ("sdn_[0-9]*.csv", "ofac-legacy-csv", "OFAC SDN file", "sdn"),
    ("cons_prim*.csv", "ofac-legacy-csv", "OFAC consolidated (non-SDN) file", "ofac-cons"),
    ("conlist*.xlsx", "uk-conlist", "UK ConList workbook", "uk"),
    ("conlist*.csv", "uk-conlist", "UK ConList CSV", "uk"),
    ("conlist*.csv.gz", "uk-conlist", "UK ConList CSV", "uk"),
    ("un_consolidated*.xml", "un-xml", "UN Consolidated List XML", "un"),
    ("consolidated*.csv", "csl-csv", "Consolidated Screening List CSV", "csl-csv"),
    ("*csl*.csv", "csl-csv", "Consolidated Screening List CSV", "csl-csv"),
)


@dataclass(frozen=True, slots=True)
class SourceGroup:
    parser: SourceParser
    files: tuple[Path, ...]
    # Set when no parser claimed the file by its content but its name says what it is (NAMED_FILES):
    # (what the name says, the list code it would feed).
    named: tuple[str, str] | None = None


def named_as(path: Path) -> tuple[str, str, str] | None:
    """(parser slug, what it is, list code) when the file's name says which list file it is."""
    name = path.name.lower()
    for pattern, slug, what, code in NAMED_FILES:
        if fnmatch(name, pattern):
            return slug, what, code
    return None


def discover(paths: Sequence[Path], only: Sequence[str] | None = None) -> list[SourceGroup]:
    """Find the groups of list files under ``paths`` (files or folders, searched recursively).

    ``only`` limits to parsers that can produce one of those list codes. A file no parser claims
    but whose name says what it is (``NAMED_FILES``) becomes a group of its own marked ``named``.
    """
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        elif p.is_file():
            files.append(p)
    unclaimed = list(dict.fromkeys(f.resolve() for f in files))
    groups: list[SourceGroup] = []
    parsers = [p for p in all_parsers() if only is None or set(only) & set(p.lists)]
    for parser in parsers:
        for group in parser.claim(unclaimed):
            groups.append(SourceGroup(parser, group))
            claimed = set(group)
            unclaimed = [f for f in unclaimed if f not in claimed]
    by_slug = {p.slug: p for p in parsers}
    for f in unclaimed:
        found = named_as(f)
        if found is not None and found[0] in by_slug and (only is None or found[2] in only or found[2] == found[0]):
            groups.append(SourceGroup(by_slug[found[0]], (f,), named=(found[1], found[2])))
    return groups
