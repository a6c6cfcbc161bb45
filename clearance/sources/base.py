"""What every source parser provides, and helpers they share.

A parser recognises its files among those in a folder (``claim``) and parses one group of files
into one or more ``ParsedList`` (a CSL file holds many lists; an OFAC set of four files holds one).
Parsers never touch the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from clearance.model import ParsedList


@runtime_checkable
class SourceParser(Protocol):
    slug: str  # e.g. "ofac-legacy-csv"
    version: str  # bump when parsing output changes; stored with each list version
    lists: tuple[str, ...]  # list codes this parser can produce

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        """Groups of files (from ``files``) this parser recognises; each group is parsed together.

        May sniff file contents (a header line), must be cheap, must not raise on foreign files.
        """
        ...

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        """Parse one claimed group. Raises clearance.errors.DataError (file, line, field) on bad input."""
        ...


def sha256_files(files: Iterable[Path]) -> str:
    """sha256 hex of the files' bytes, concatenated in the given order."""
    h = hashlib.sha256()
    for path in files:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def parser_id(parser: SourceParser) -> str:
    return f"{parser.slug}@{parser.version}"


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a file (for sniffing); gzip files are read decompressed."""
    if path.suffix == ".gz":
        import gzip

        with gzip.open(path, "rb") as fh:
            return fh.read(size)
    with open(path, "rb") as fh:
        return fh.read(size)
