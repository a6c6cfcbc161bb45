"""A signed on-disk cache of bytes: what the screening index is serialised to between CLI runs.

Each entry is ``MAGIC + HMAC-SHA256(key, MAGIC + name + payload) + payload``. The HMAC key is random,
made once per install and kept in a private folder (0700, file 0600) under the user's config folder, so a
file planted beside the database cannot pass as a cache entry: only bytes this install wrote are ever
returned, and only those are unpickled by the caller. Entries are written to a unique temporary file and
renamed into place (two processes filling a cold cache at once both succeed). Any problem reading,
verifying or writing means "no cache": the caller rebuilds.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from pathlib import Path

from platformdirs import user_config_dir

MAGIC = b"clearance-cache-v1\n"
KEY_BYTES = 32
_MAC_BYTES = hashlib.sha256().digest_size


def default_key_dir() -> Path:
    """The private folder holding this install's cache key."""
    return Path(user_config_dir("clearance", appauthor=False)) / "private"


def _private_dir(folder: Path) -> Path | None:
    """``folder`` created 0700 and owned by this user, or None if it cannot be made private."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
        if st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(folder, 0o700)
            st = folder.stat()
        if st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) & 0o077:
            return None
        return folder
    except OSError:
        return None


def install_key(key_dir: Path | None = None) -> bytes | None:
    """This install's HMAC key (made on first use); None when no private key can be kept."""
    folder = _private_dir(key_dir or default_key_dir())
    if folder is None:
        return None
    path = folder / "cache.key"
    try:
        if not path.exists():
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key.")
            try:
                os.write(fd, secrets.token_bytes(KEY_BYTES))
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(tmp, path)  # fails if another process made the key first: theirs wins
            except FileExistsError:
                pass
            finally:
                os.unlink(tmp)
        st = path.stat()
        if st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) & 0o077:
            return None
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


def _mac(key: bytes, name: str, payload: bytes | memoryview) -> bytes:
    h = hmac.new(key, MAGIC, hashlib.sha256)
    h.update(name.encode("utf-8") + b"\0")
    h.update(payload)
    return h.digest()


def read(folder: Path, name: str, *, key_dir: Path | None = None) -> memoryview | None:
    """The payload stored under ``name`` if this install wrote it unchanged; otherwise None."""
    key = install_key(key_dir)
    if key is None:
        return None
    path = folder / name
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + _MAC_BYTES
    view = memoryview(data)
    if len(data) < head or not data.startswith(MAGIC):
        _discard(path)
        return None
    payload = view[head:]
    if not hmac.compare_digest(bytes(view[len(MAGIC) : head]), _mac(key, name, payload)):
        _discard(path)
        return None
    return payload


def write(folder: Path, name: str, payload: bytes, *, key_dir: Path | None = None) -> bool:
    """Store ``payload`` under ``name`` (atomically); False when it could not be stored."""
    key = install_key(key_dir)
    if key is None:
        return False
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial")
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC)
            fh.write(_mac(key, name, payload))
            fh.write(payload)
        os.replace(tmp, folder / name)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
