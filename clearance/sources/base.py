"""What every source parser provides, and helpers they share.

A parser recognises its files among those in a folder (``claim``) and parses one group of files
into one or more ``ParsedList`` (a CSL file holds many lists; an OFAC set of four files holds one).
Parsers never touch the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

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


_BLANK = b" \t\r\n\x1a\x00\xef\xbb\xbf\xff\xfe"  # whitespace, DOS EOF, NUL and BOM bytes


def is_blank_file(path: Path) -> bool:
    """True when the file holds no data at all: empty, or only whitespace, BOMs and end-of-file bytes.

    A list assembled from several files (an OFAC primary file and its alias file) with a blank
    companion is incomplete even though it parses; callers hold such a version back.
    """
    opener = _gzip_open if path.suffix == ".gz" else _plain_open
    try:
        with opener(path) as fh:
            for chunk in iter(lambda: fh.read(1 << 16), b""):
                if chunk.strip(_BLANK):
                    return False
    except (OSError, EOFError):
        return False  # unreadable is not blank: the parser reports it
    return True


def _plain_open(path: Path) -> BinaryIO:
    return open(path, "rb")


def _gzip_open(path: Path) -> BinaryIO:
    import gzip

    return gzip.open(path, "rb")  # type: ignore[return-value]
