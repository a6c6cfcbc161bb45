"""The screening index frozen into a folder that every worker can read, addressed by its SHA-256 digest.

The driver writes two files: ``entities-<digest>.bin``, each prepared entity pickled one after another (the
same layout as the CLI's index cache, see ``workflows.index_cache``), and ``index-<digest>.core``, the
blocking postings, flat name arrays and each entity's offset and SHA-256 digest. The driver passes the core's
digest to each task; a worker unpickles the core only when its bytes have that digest, and an entity only when
its bytes match the digest the core holds. So a worker on another machine, reading the folder over shared
storage, needs no key: only the files the driver wrote are ever unpickled. Each worker process loads an
index once (``load_index`` keeps it by digest); entities are unpickled from the memory-mapped file on first use.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import mmap
import os
import pickle
import tempfile
import threading
from pathlib import Path

import numpy as np

from clearance.errors import CannotClear
from clearance.screening.index import ScreeningIndex
from clearance.workflows.index_cache import LazyEntities, Postings

_LOADED: dict[tuple[str, str], ScreeningIndex] = {}
_COUNT: dict[str, int] = {}
KEEP = 2  # indexes a process keeps: the current one, and the previous one while re-screening (``incremental``)
_LOCK = threading.Lock()


def export_index(folder: Path, index: ScreeningIndex) -> str:
    """Write ``index`` into ``folder`` (kept if already there); returns the digest that names it."""
    folder.mkdir(parents=True, exist_ok=True)
    ents = index.entities
    if isinstance(ents, LazyEntities):  # from the CLI's cache: its bytes and digests as they are
        offsets = np.asarray(ents._offsets, dtype=np.int64)
        digests = ents._digests
        data = bytes(ents._buffer[int(offsets[0]) : int(offsets[-1])])
        offsets = offsets - offsets[0]
    else:
        blobs = [pickle.dumps(pe, protocol=pickle.HIGHEST_PROTOCOL) for pe in ents]
        offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
        np.cumsum(np.array([len(b) for b in blobs], dtype=np.int64), out=offsets[1:])
        digests = b"".join(hashlib.sha256(b).digest() for b in blobs)
        data = b"".join(blobs)
    ents_name = f"entities-{hashlib.sha256(digests).hexdigest()[:32]}.bin"
    core = dataclasses.replace(index, entities=(), postings={}, identifiers={})
    payload = pickle.dumps({"core": core, "entities": ents_name, "size": len(data), "offsets": offsets,
                            "digests": digests, "postings": Postings.pack(index.postings),
                            "identifiers": Postings.pack(index.identifiers)}, protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.sha256(payload).hexdigest()
    _write(folder / ents_name, data)
    _write(folder / f"index-{digest}.core", payload)
    return digest


def _write(path: Path, data: bytes) -> None:
    if path.exists() and path.stat().st_size == len(data):
        return  # content-addressed: the same name holds the same bytes (checked again when loaded)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def load_index(folder: str, digest: str) -> ScreeningIndex:
    """The index named ``digest`` in ``folder``: loaded once per process, checked against its digest."""
    key = (folder, digest)
    with _LOCK:
        found = _LOADED.get(key)
        if found is not None:
            return found
        path = Path(folder) / f"index-{digest}.core"
        try:
            payload = path.read_bytes()
        except OSError as exc:
            raise CannotClear(f"the frozen screening index {path} cannot be read on this worker ({exc}); the "
                              "index folder must be shared storage every worker can read (--index-dir)") from exc
        if hashlib.sha256(payload).hexdigest() != digest:
            raise CannotClear(f"the frozen screening index {path} is not the one this batch was started with")
        got = pickle.loads(payload)  # bytes with the digest the driver computed over what it wrote
        ents = Path(folder) / got["entities"]
        with open(ents, "rb") as fh:
            if os.fstat(fh.fileno()).st_size != got["size"]:
                raise CannotClear(f"the frozen screening index's entities {ents} have the wrong size")
            buffer: mmap.mmap | bytes = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if got["size"] else b""
        core: ScreeningIndex = got["core"]
        index = dataclasses.replace(core, entities=LazyEntities(buffer, got["offsets"], got["digests"], ents),
                                    postings=Postings.unpack(got["postings"]),
                                    identifiers=Postings.unpack(got["identifiers"]))
        _COUNT[digest] = _COUNT.get(digest, 0) + 1
        while len(_LOADED) >= KEEP:  # the oldest goes: a new list version replaces an old one
            del _LOADED[next(iter(_LOADED))]
        _LOADED[key] = index
        return index


def loads(digest: str | None = None) -> int:
    """How many times this process loaded the index ``digest`` (a test checks: once per batch), or how many
    indexes it holds (None)."""
    return len(_LOADED) if digest is None else _COUNT.get(digest, 0)
