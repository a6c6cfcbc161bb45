"""Batch output files written atomically, and CSV cells made safe to open in a spreadsheet.

``atomic_output(path)`` writes to a unique temporary file in the same folder and renames it over ``path``
only when the block ends normally: an error or Ctrl-C leaves no file that looks complete (and an older
``path`` untouched). ``-`` is stdout, written as it comes.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from clearance.errors import ConfigError, StorageError

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection): prefix it with '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet shows as text: a formula-like string gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def check_output_path(out: str) -> None:
    """Refuse an output path that cannot become a file, before any work is done."""
    if out == "-":
        return
    p = Path(out)
    if p.is_dir():
        raise ConfigError(f"--out {out} is a folder; give a file path such as {p / 'results.jsonl'}")
    if not p.parent.is_dir():
        raise ConfigError(f"--out {out}: folder {p.parent} does not exist")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(out: str) -> Iterator[Path]:
    """A unique temporary path beside ``out``; renamed to ``out`` when the block ends normally, else removed."""
    check_output_path(out)
    target = Path(out)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as exc:
        raise StorageError.from_os_error(exc, out) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError.from_os_error(exc, out) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_output(out: str, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file (UTF-8) for ``out`` written atomically; stdout for ``-``."""
    if out == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(out) as tmp, open(tmp, "w", encoding="utf-8", newline=newline) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
