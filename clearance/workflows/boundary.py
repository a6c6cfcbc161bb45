"""The one error boundary of every interface: any failure a user can cause becomes a ClearanceError (the CLI
prints it as one ``error:`` line with exit code 2; the HTTP API answers with its status and envelope).

``as_clearance_error`` maps operating-system, database, CSV, Unicode, download and settings errors to the
ClearanceError classes (which carry a ``code`` and an ``http_status``), naming the input and what to do.
Anything else is a bug: one line saying so, exit code 70, and the traceback only with CLEARANCE_DEBUG set.

SQLAlchemy, httpx and pydantic are not imported here (a CLI command that needs neither starts without them): an error of
theirs can only have been raised once they were imported, so they are looked up in ``sys.modules``.
"""

from __future__ import annotations

import csv
import os
import sys
from typing import TYPE_CHECKING

import yaml

from clearance.errors import ClearanceError, ConfigError, DataError, DownloadError, StorageError

if TYPE_CHECKING:
    import sqlalchemy as sa

INTERNAL_ERROR_EXIT = 70  # EX_SOFTWARE: a bug, not a bad input


def _db_name() -> str:
    """The configured database, password hidden (never raises)."""
    try:
        import sqlalchemy as sa

        from clearance.settings import get_settings

        url = get_settings().db_url
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return os.environ.get("CLEARANCE_DB", "the database")


def _db_error(exc: sa.exc.SQLAlchemyError) -> ClearanceError:
    db = _db_name()
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = text.lower()
    if "locked" in low or "busy" in low:
        hint = "is locked by another process (a load or update still running); run the command again when it ends"
    elif "not a database" in low or "malformed" in low or "corrupt" in low:
        hint = "is not a readable SQLite database (damaged?); restore it from a backup or use another --db"
    elif "readonly" in low or "read-only" in low or "read only" in low:
        hint = "cannot be written (read-only file or folder); use a writable --db, or run a read-only command"
    elif "full" in low or "no space" in low:
        hint = "cannot be written: the disk is full; free some space and run the command again"
    elif "unable to open" in low:
        hint = "cannot be opened; check that its folder exists and that you may read and write it"
    elif "connect" in low or "connection" in low or "server" in low or "timeout" in low:
        hint = "cannot be reached; check that the server is running and the URL in --db / CLEARANCE_DB"
    else:
        hint = "failed; check the database URL and that the database is reachable and intact"
    return StorageError(f"database {db} {hint} ({text})")


def as_clearance_error(exc: BaseException) -> ClearanceError | None:
    """The ClearanceError a user should see for ``exc``; None when ``exc`` is a bug."""
    if isinstance(exc, ClearanceError):
        return exc
    sa_module = sys.modules.get("sqlalchemy")
    if sa_module is not None and isinstance(exc, sa_module.exc.SQLAlchemyError):
        return _db_error(exc)
    if isinstance(exc, OSError):
        return StorageError.from_os_error(exc)
    if isinstance(exc, csv.Error):
        return DataError(f"malformed CSV: {exc}; check the quoting and that each row has the header's columns")
    if isinstance(exc, UnicodeError):
        return DataError(f"text is not valid Unicode/UTF-8 ({exc.__class__.__name__}: {exc}); save the input as UTF-8")
    httpx = sys.modules.get("httpx")
    if httpx is not None and isinstance(exc, httpx.InvalidURL | httpx.HTTPError):
        return DownloadError(f"download failed: {exc}; check CLEARANCE_UPDATE_URLS and the network")
    pydantic = sys.modules.get("pydantic")
    if pydantic is not None and isinstance(exc, pydantic.ValidationError):
        return ConfigError(f"invalid setting or input: {exc.errors()[0].get('msg', exc)}")
    if isinstance(exc, yaml.YAMLError):
        return DataError(f"not valid YAML: {' '.join(str(exc).split())}; fix the file given to the command")
    if isinstance(exc, RecursionError):
        return DataError("input nested too deeply to read; check the file given to the command")
    if isinstance(exc, MemoryError):
        return StorageError("out of memory; screen a smaller file or use fewer --workers")
    return None
