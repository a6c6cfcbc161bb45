"""The exception hierarchy shared by every layer.

Every error a user can cause names what is wrong and, where it applies, the file, line and field,
so that the CLI can print one clear line and exit with code 2. Each class carries a machine-readable
``code`` and the ``http_status`` an HTTP interface answers with (one table, here, for every interface).
"""

from __future__ import annotations

from pathlib import Path


class ClearanceError(Exception):
    """Base class of every error Clearance raises on purpose."""

    exit_code: int = 2
    code: str = "error"
    http_status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(ClearanceError):
    """A setting or argument is invalid."""

    code = "config_error"
    http_status = 400


class DataError(ClearanceError):
    """Input data is malformed. Carries the file, line (1-based) and field when known."""

    code = "data_error"
    http_status = 422

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        super().__init__(message)

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field {self.field!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class StaleDataError(ClearanceError):
    """A list version is older than its maximum age, or no list is loaded at all."""

    code = "stale_data"
    http_status = 409


class NotFoundError(ClearanceError):
    """A requested list, version or entry does not exist."""

    code = "not_found"
    http_status = 404


class CannotClear(ClearanceError):
    """The engine cannot decide; the decision must be CANNOT_CLEAR with this reason."""

    code = "cannot_clear"
    http_status = 422

    def __init__(self, reason: str, lists: tuple[str, ...] = (), found: tuple[object, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        # the list codes whose screening could not be decided (a possible match there), when that is all that is
        # undecided; empty: not known, so any list may be concerned
        self.lists = lists
        # what was decided beside it (a party's near-certain listings on the other lists)
        self.found = found


class StorageError(ClearanceError):
    """The database or a file cannot be read or written (locked, corrupt, read-only, full, unreachable)."""

    code = "storage_error"
    http_status = 503

    @classmethod
    def from_os_error(cls, exc: OSError, name: str | Path | None = None) -> StorageError:
        """One line naming the file (``name``, else the one the error names) and what to do."""
        import errno

        where = name if name is not None else (exc.filename if exc.filename is not None else "a file")
        what = {
            errno.ENOSPC: "no space left on the device; free some space and run the command again",
            errno.EDQUOT: "disk quota exceeded; free some space and run the command again",
            errno.EROFS: "read-only file system; write somewhere writable (--out, --db)",
            errno.EACCES: "permission denied; choose a path you may read or write",
            errno.EPERM: "operation not permitted; choose a path you may read or write",
            errno.EISDIR: "is a folder; give a file path",
            errno.ENOTDIR: "a part of the path is not a folder",
            errno.ENOENT: "no such file or folder",
            errno.ENAMETOOLONG: "file name too long",
        }.get(exc.errno or 0, f"{exc.strerror or type(exc).__name__}; check the path and run the command again")
        return cls(f"{where}: {what}")


class DownloadError(ClearanceError):
    """An official list file cannot be downloaded (bad URL, network, too large, too slow)."""

    code = "download_error"
    http_status = 502
