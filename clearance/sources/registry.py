"""All source parsers, and discovery of the list files in a folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clearance.sources.base import SourceParser


def all_parsers() -> tuple[SourceParser, ...]:
    """Every parser, most specific first (a file is claimed by the first parser that wants it)."""
    # Imported here so that a broken optional parser cannot stop the others from being listed.
    from clearance.sources import PARSERS

    return PARSERS


@dataclass(frozen=True, slots=True)
class SourceGroup:
    parser: SourceParser
    files: tuple[Path, ...]


def discover(paths: Sequence[Path], only: Sequence[str] | None = None) -> list[SourceGroup]:
    """Find the groups of list files under ``paths`` (files or folders, searched recursively).

    ``only`` limits to parsers that can produce one of those list codes.
    """
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        elif p.is_file():
            files.append(p)
    unclaimed = list(dict.fromkeys(f.resolve() for f in files))
    groups: list[SourceGroup] = []
    for parser in all_parsers():
        if only is not None and not set(only) & set(parser.lists):
            continue
        for group in parser.claim(unclaimed):
            groups.append(SourceGroup(parser, group))
            claimed = set(group)
            unclaimed = [f for f in unclaimed if f not in claimed]
    return groups
