"""A signed on-disk cache of bytes: what the screening index is serialised to between CLI runs.

Each entry is ``MAGIC + HMAC-SHA256(key, MAGIC + name + payload) + payload``. The HMAC key is random,
made once per install and kept in a private folder (0700, file 0600) under the user's config folder, so a
file planted beside the database cannot pass as a cache entry: only bytes this install wrote are ever
returned, and only those are unpickled by the caller. Entries are written to a unique temporary file and
renamed into place (two processes filling a cold cache at once both succeed). Any problem reading,
verifying or writing means "no cache": the caller rebuilds.

The screening index (``write_index``/``read_index``) is stored in two files: a signed entry as above with
everything a query needs first (blocking postings as one sorted key tuple, offsets and one array; the flat
name arrays; each entity's offset and SHA-256 digest) and a plain file of the entities, pickled one by one,
memory-mapped at load and unpickled one entity at a time on first use, each only after its digest matched.
The signed entry is itself memory-mapped (``write_mapped``/``read_mapped``): its numpy arrays are views of the file
(pickle protocol 5 out-of-band buffers) and its word lists and blocking keys one string each (``Strings``), so
loading it unpickles a few thousand objects instead of a million, after one HMAC check of the file.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import hashlib
import hmac
import io
import mmap
import os
import pickle
import secrets
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, cast, overload

import numpy as np
from numpy.typing import NDArray
from platformdirs import user_config_dir

from clearance.errors import CannotClear
from clearance.model.entity import Address, Entity, Identifier, Name
from clearance.screening import towns
from clearance.screening.index import ScreeningIndex
from clearance.screening.prefilter import FlatNames
from clearance.screening.prepared import PreparedEntity, PreparedName
from clearance.screening.strings import Strings
from clearance.text.names import NameForm

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
    return _atomic_write(folder, name, MAGIC, _mac(key, name, payload), payload)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


# ---- the screening index: a small signed core and a memory-mapped file of entities ---------------------

ENTITIES_SUFFIX = ".entities"
_DIGEST = hashlib.sha256().digest_size


class LazyEntities(Sequence[PreparedEntity]):
    """The index's entities, each unpickled on first use from a memory-mapped file.

    Every entity's bytes are checked against its SHA-256 digest, kept in the signed core, before they are
    unpickled: a changed file is never unpickled (``CannotClear``: run again, the cache is rebuilt).
    """

    def __init__(self, buffer: mmap.mmap | bytes, offsets: NDArray[np.int64], digests: bytes, path: Path,
                 entity_keys: Sequence[tuple[str, str]] | bytes | memoryview | None = None) -> None:
        self._buffer = buffer
        # (list code, entry id) of each entity, kept in the signed core: a server maps its entries without
        # unpickling them (None: a cache written before they were kept); pickled bytes are unpickled when first
        # asked for (a CLI run never asks)
        self._entity_keys = entity_keys
        self._offsets = offsets.tolist()
        self._digests = digests
        self._path = path
        self._got: list[PreparedEntity | None] = [None] * (len(self._offsets) - 1)

    @property
    def entity_keys(self) -> Sequence[tuple[str, str]] | None:
        """(list code, entry id) of each entity, or None when the cache did not keep them."""
        if isinstance(self._entity_keys, bytes | memoryview):
            self._entity_keys = cast(Sequence[tuple[str, str]], pickle.loads(self._entity_keys))  # signed bytes
        return self._entity_keys

    def __len__(self) -> int:
        return len(self._got)

    @overload
    def __getitem__(self, i: int) -> PreparedEntity: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[PreparedEntity, ...]: ...

    def __getitem__(self, i: int | slice) -> PreparedEntity | tuple[PreparedEntity, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        got = self._got[i]
        if got is None:
            n = i + len(self._got) if i < 0 else i
            raw = self._buffer[self._offsets[n] : self._offsets[n + 1]]
            if hashlib.sha256(raw).digest() != self._digests[n * _DIGEST : (n + 1) * _DIGEST]:
                _discard(self._path)
                raise CannotClear(f"the screening index cache {self._path} changed while in use (entity {n}); "
                                  "run the command again (the index is rebuilt)")
            got = self._got[n] = pickle.loads(raw)
        return got

    def __iter__(self) -> Iterator[PreparedEntity]:
        return (self[i] for i in range(len(self._got)))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (to another process) as the plain tuple of its entities: a mapped file does not travel."""
        return (tuple, (tuple(self),))


class Postings(Mapping[str, NDArray[np.int32]]):
    """key -> numbers, as one sorted key tuple, offsets and one array (a view per key: nothing is copied).

    The first look-ups search the sorted keys (``bisect``); after DICT_AFTER of them a dict of every key is made
    (a one-query CLI run need not pay for a dict of half a million keys, a batch gets dict look-ups)."""

    DICT_AFTER = 5_000

    def __init__(self, keys: Sequence[str], offsets: NDArray[np.int64], values: NDArray[np.int32]) -> None:
        self._keys = keys
        self._offsets = offsets
        self._values = values
        self._at: dict[str, int] | None = None
        self._bounds: list[int] = []  # the offsets as Python ints (a numpy scalar per look-up costs more)
        self._searches = 0

    def make_dict(self) -> None:
        """Make the dict of every key now (a batch: it would be made after its first DICT_AFTER look-ups anyway, each
        of those a bisection through the joined keys)."""
        self._where()

    def _where(self) -> dict[str, int]:
        if self._at is None:
            self._at = dict(zip(self._keys, range(len(self._keys)), strict=True))
            self._bounds = self._offsets.tolist()
        return self._at

    def numbered(self) -> tuple[dict[str, int], NDArray[np.int64], NDArray[np.int32]] | None:
        """(key -> number, offsets, values) once the dict of every key is made (``ScreeningIndex.candidates_many``
        then looks a chunk's keys up by number); None before: a few queries look their keys up by bisection."""
        if self._at is None:
            if self._searches < self.DICT_AFTER:
                return None
            self._where()
        assert self._at is not None
        return self._at, self._offsets, self._values

    def get(self, key: str, default: Any = None) -> Any:
        where = self._at
        if where is None:
            if self._searches < self.DICT_AFTER:
                self._searches += 1
                k = bisect.bisect_left(self._keys, key)
                if k == len(self._keys) or self._keys[k] != key:
                    return default
                return self._values[int(self._offsets[k]) : int(self._offsets[k + 1])]
            where = self._where()
        at = where.get(key)
        if at is None:
            return default
        bounds = self._bounds
        return self._values[bounds[at] : bounds[at + 1]]

    def __getitem__(self, key: str) -> NDArray[np.int32]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return cast(NDArray[np.int32], found)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    @staticmethod
    def pack(mapping: Mapping[str, NDArray[np.int32]], joined: bool = False) -> dict[str, Any]:
        """The mapping as sorted keys (a tuple, or ``Strings`` when ``joined``), offsets and one array."""
        keys: Sequence[str] = tuple(sorted(mapping))
        lengths = np.array([len(mapping[k]) for k in keys], dtype=np.int64)
        offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        values = (np.concatenate([np.asarray(mapping[k], dtype=np.int32) for k in keys]) if keys
                  else np.zeros(0, dtype=np.int32))
        return {"keys": Strings.of(keys) if joined else keys, "offsets": offsets, "values": values}

    @classmethod
    def unpack(cls, packed: dict[str, Any]) -> Postings:
        return cls(packed["keys"], packed["offsets"], packed["values"])


class _Loaded:
    """A ``LazyFlatNames`` field with a class-level default: read from the loaded names."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: LazyFlatNames | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return getattr(obj._load(), self.name)


class LazyFlatNames(FlatNames):
    """An index's ``FlatNames``, unpickled from their (signed) bytes when first used: a run with clearance-name@3
    never reads @1/@2's flat names, and a one-query run would otherwise unpickle every flat array up front.

    After the first use its fields are plain instance attributes (no cost per access); pickled, it travels as
    the plain ``FlatNames``."""

    def __init__(self, blob: bytes | memoryview | Callable[[], bytes]) -> None:
        self.__dict__["_blob"] = blob  # the fields come from ``blob``, or from what it returns (see ``_load``)

    def _load(self) -> FlatNames:
        real = self.__dict__.get("_real")
        if real is None:
            blob = self.__dict__["_blob"]
            real = pickle.loads(blob() if callable(blob) else blob)  # bytes this install signed (``read_index``)
            if not isinstance(real, FlatNames):
                raise CannotClear("the screening index cache holds no flat names where it should; run the command "
                                  "again (the index is rebuilt)")
            self.__dict__.update(real.__dict__)
            self.__dict__["_real"] = real
            self.__dict__.pop("_blob", None)
        return cast(FlatNames, real)

    def __getattr__(self, name: str) -> Any:  # only for what is not yet an instance attribute: the fields
        if name.startswith("__") or "_real" in self.__dict__:
            raise AttributeError(name)
        return getattr(self._load(), name)

    # fields with a class-level default are found on the class, not through __getattr__: a non-data descriptor
    # loads them, and once loaded the instance attribute takes precedence (no cost per access)
    scripts = _Loaded()
    script_sets = _Loaded()

    def __reduce__(self) -> tuple[Any, ...]:
        return (_same, (self._load(),))


def _same(value: FlatNames) -> FlatNames:
    return value


_FLATS = ("flat", "flat_person", "flat3", "flat3_person")
_APART = ("flat", "flat_person")  # @1/@2's flat names: a signed entry of their own, read (and checked) when first used
APART_SUFFIX = ".flat12"


class _ApartFlats:
    """The signed entry holding the flat names kept apart from the core, read once when first asked for. A missing
    or changed entry discards the core too (the next run rebuilds the index) and fails closed."""

    def __init__(self, folder: Path, name: str, core: str, key_dir: Path | None) -> None:
        self._folder, self._name, self._core, self._key_dir = folder, name, core, key_dir
        self._got: dict[str, bytes] | None = None
        self._lock = threading.Lock()

    def blob(self, field: str) -> bytes:
        with self._lock:
            if self._got is None:
                raw = read(self._folder, self._name, key_dir=self._key_dir)
                got = pickle.loads(raw) if raw is not None else None  # bytes this install signed
                if not isinstance(got, dict) or not isinstance(got.get(field), bytes):
                    _discard(self._folder / self._core)
                    raise CannotClear(f"the screening index cache {self._folder / self._name} is missing or changed; "
                                      "run the command again (the index is rebuilt)")
                self._got = got
            return self._got[field]


# The entities' frozen slotted dataclasses are pickled as their class called with their field values: the default
# (``dataclasses``' ``__setstate__``) looks up the class's fields again for every object, which made unpickling an
# entity (a dozen such objects) cost about as much as scoring it. None of these classes has a field left out of
# ``__init__``, and only ``Entity`` has a ``__post_init__`` (checks that raise, nothing changed): the objects
# rebuilt are equal field for field (tests/workflows/test_index_cache_pickle.py).
_FAST_CLASSES: tuple[type, ...] = (PreparedEntity, PreparedName, NameForm, Entity, Name, Address, Identifier)


@cache
def _field_names(cls: Any) -> tuple[str, ...]:
    fields = dataclasses.fields(cls)
    assert all(f.init for f in fields), f"{cls.__name__} has a field not set by __init__"
    return tuple(f.name for f in fields)


class _EntityPickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        cls: Any = type(obj)
        if cls in _FAST_CLASSES:
            return cls, tuple(getattr(obj, n) for n in _field_names(cls))
        return NotImplemented


def dumps_entity(pe: PreparedEntity) -> bytes:
    """``pe`` pickled as the cache stores it (``pickle.loads`` reads it back)."""
    buf = io.BytesIO()
    _EntityPickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(pe)
    return buf.getvalue()


MAPPED_MAGIC = b"clearance-mapped-v1\n"
_ALIGN = 64  # each array's bytes start at a multiple of this in the file
_U64 = 8


def write_mapped(folder: Path, name: str, obj: Any, *, key_dir: Path | None = None) -> bool:
    """Store ``obj`` signed, its numpy arrays out of the pickle (protocol 5 out-of-band buffers), each at an aligned
    offset of the file: ``read_mapped`` gives them back as views of the memory-mapped file (nothing unpickled or
    copied for them). Layout: MAPPED_MAGIC, HMAC, header (body length, buffer count, each buffer's offset and
    length), the pickle body, the buffers; the HMAC covers everything after it."""
    key = install_key(key_dir)
    if key is None:
        return False
    buffers: list[pickle.PickleBuffer] = []
    body = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    head_len = 2 * _U64 + 2 * _U64 * len(raws)
    at = len(MAPPED_MAGIC) + _MAC_BYTES + head_len + len(body)
    table: list[int] = []
    chunks: list[bytes | memoryview] = []
    for raw in raws:
        pad = -at % _ALIGN
        chunks.append(b"\0" * pad)
        at += pad
        table += [at, raw.nbytes]
        chunks.append(raw)
        at += raw.nbytes
    head = np.array([len(body), len(raws), *table], dtype="<u8").tobytes()
    mac = hmac.new(key, MAPPED_MAGIC, hashlib.sha256)
    mac.update(name.encode("utf-8") + b"\0")
    for chunk in (head, body, *chunks):
        mac.update(chunk)
    return _atomic_write(folder, name, MAPPED_MAGIC, mac.digest(), head, body, *chunks)


def read_mapped(folder: Path, name: str, *, key_dir: Path | None = None) -> Any | None:
    """The object ``write_mapped`` stored under ``name`` if this install wrote it unchanged (else None), its arrays
    read-only views of the memory-mapped file. The header and pickle body are copied before the HMAC is checked:
    what is unpickled is what was verified."""
    key = install_key(key_dir)
    if key is None:
        return None
    path = folder / name
    try:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    view = memoryview(mm)
    start = len(MAPPED_MAGIC) + _MAC_BYTES
    if len(view) < start + 2 * _U64 or bytes(view[: len(MAPPED_MAGIC)]) != MAPPED_MAGIC:
        _discard(path)
        return None
    body_len, count = (int(v) for v in np.frombuffer(bytes(view[start : start + 2 * _U64]), dtype="<u8"))
    head_end = start + 2 * _U64 + 2 * _U64 * count
    if head_end + body_len > len(view):
        _discard(path)
        return None
    head = bytes(view[start:head_end])
    table = np.frombuffer(head, dtype="<u8")[2:].reshape(-1, 2).tolist()
    body = bytes(view[head_end : head_end + body_len])
    mac = hmac.new(key, MAPPED_MAGIC, hashlib.sha256)
    mac.update(name.encode("utf-8") + b"\0")
    mac.update(head)
    mac.update(body)
    mac.update(view[head_end + body_len :])
    if any(o + n > len(view) for o, n in table) or not hmac.compare_digest(bytes(view[len(MAPPED_MAGIC) : start]),
                                                                           mac.digest()):
        _discard(path)
        return None
    return pickle.loads(body, buffers=[view[o : o + n] for o, n in table])  # bytes this install signed


def write_index(folder: Path, name: str, index: ScreeningIndex, *, key_dir: Path | None = None) -> bool:
    """Store ``index``: its entities, pickled one by one, in a plain file named after its digest; the rest (the
    blocking postings and flat arrays, the entities' offsets and digests) signed under ``name``, its arrays mapped
    at load (``write_mapped``); @1/@2's flat names in a signed entry of their own."""
    blobs = [dumps_entity(pe) for pe in index.entities]
    offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
    np.cumsum(np.array([len(b) for b in blobs], dtype=np.int64), out=offsets[1:])
    digests = b"".join(hashlib.sha256(b).digest() for b in blobs)
    data = b"".join(blobs)
    ents = f"{name}.{hashlib.sha256(digests).hexdigest()[:16]}{ENTITIES_SUFFIX}"
    flats = {f: getattr(index, f) for f in _FLATS if getattr(index, f) is not None}
    for f in _FLATS:
        if f in flats and f not in _APART:  # their strings kept as ``Strings`` (one str each, not many objects)
            flats[f] = dataclasses.replace(flats[f], vocab=Strings.of(flats[f].vocab),
                                           compact=Strings.of(flats[f].compact), run_text=Strings.of(flats[f].run_text))
    core = dataclasses.replace(index, entities=(), postings={}, identifiers={}, stored_towns=None)
    core = dataclasses.replace(core, **{f: None for f in flats})  # type: ignore[arg-type]
    apart = {f: pickle.dumps(flats.pop(f), protocol=pickle.HIGHEST_PROTOCOL) for f in _APART if f in flats}
    apart_name = f"{name}{APART_SUFFIX}" if apart else None
    keys = [(pe.entity.list_code, pe.entity.entry_id) for pe in index.entities]
    payload = {"core": core, "entities": ents, "size": len(data), "offsets": offsets,
               "digests": digests, "postings": Postings.pack(index.postings, joined=True),
               "identifiers": Postings.pack(index.identifiers, joined=True), "flats": flats,
               "apart": (apart_name, tuple(apart)) if apart_name is not None else None,
               "keys": pickle.dumps(keys, protocol=pickle.HIGHEST_PROTOCOL)}
    if not _write_plain(folder, ents, data):
        return False
    # the town tables (``towns``), each pickled on its own: a run reads the one it needs, the first time it does
    tables = (towns.listed_towns(index), towns.entry_addresses(index))
    if not write(folder, f"{name}{TOWNS_SUFFIX}",
                 pickle.dumps(tuple(pickle.dumps(t, protocol=pickle.HIGHEST_PROTOCOL) for t in tables),
                              protocol=pickle.HIGHEST_PROTOCOL), key_dir=key_dir):
        return False
    if apart_name is not None and not write(folder, apart_name, pickle.dumps(apart, protocol=pickle.HIGHEST_PROTOCOL),
                                            key_dir=key_dir):
        return False
    return write_mapped(folder, name, payload, key_dir=key_dir)


def read_index(folder: Path, name: str, *, key_dir: Path | None = None) -> ScreeningIndex | None:
    """The index stored under ``name`` by this install, its arrays and entities mapped from their files; None if
    absent."""
    try:
        got = read_mapped(folder, name, key_dir=key_dir)
        if not isinstance(got, dict):
            return None
        path = folder / got["entities"]
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size != got["size"]:
                return None
            buffer: mmap.mmap | bytes = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        core = got["core"]
        if not isinstance(core, ScreeningIndex):
            return None
        flats = {f: got["flats"][f] for f in _FLATS if isinstance(got["flats"].get(f), FlatNames)}
        apart = got.get("apart")
        lazy: dict[str, LazyFlatNames] = {}
        if apart is not None:
            loader = _ApartFlats(folder, apart[0], name, key_dir)
            lazy.update((f, LazyFlatNames(functools.partial(loader.blob, f))) for f in apart[1] if f in _APART)
        return dataclasses.replace(core, entities=LazyEntities(buffer, got["offsets"], got["digests"], path,
                                                               got.get("keys")),
                                   stored_towns=_StoredTowns(folder, f"{name}{TOWNS_SUFFIX}", key_dir),
                                   postings=Postings.unpack(got["postings"]),
                                   identifiers=Postings.unpack(got["identifiers"]),
                                   **flats, **lazy)  # type: ignore[arg-type]
    except (OSError, ValueError, KeyError, TypeError, pickle.UnpicklingError):
        return None


TOWNS_SUFFIX = ".towns"


class _StoredTowns:
    """The signed entry of an index's town tables (``towns.listed_towns``, ``towns.entry_addresses``), read and
    checked when first asked for, each table unpickled when first asked for. A missing or changed entry answers
    None: ``towns`` then makes the table from the entities (the same table, in seconds instead of milliseconds)."""

    def __init__(self, folder: Path, name: str, key_dir: Path | None) -> None:
        self._folder, self._name, self._key_dir = folder, name, key_dir
        self._blobs: tuple[bytes, ...] | None = None
        self._tables: dict[int, Any] = {}

    def _table(self, n: int, kind: type) -> Any:
        if n not in self._tables:
            if self._blobs is None:
                raw = read(self._folder, self._name, key_dir=self._key_dir)
                got = pickle.loads(raw) if raw is not None else None  # bytes this install signed
                self._blobs = got if isinstance(got, tuple) and all(isinstance(b, bytes) for b in got) else ()
            table = pickle.loads(self._blobs[n]) if n < len(self._blobs) else None  # (signed, as above)
            self._tables[n] = table if isinstance(table, kind) else None
        return self._tables[n]

    def listed(self) -> dict[str, frozenset[tuple[str, str]]] | None:
        return cast(dict[str, frozenset[tuple[str, str]]] | None, self._table(0, dict))

    def addressed(self) -> dict[tuple[str, str], tuple[str, frozenset[str]]] | None:
        return cast(dict[tuple[str, str], tuple[str, frozenset[str]]] | None, self._table(1, dict))


def _write_plain(folder: Path, name: str, data: bytes) -> bool:
    """``data`` stored under ``name`` (atomically); an existing file of that name (same digest) is kept."""
    if (folder / name).exists() and (folder / name).stat().st_size == len(data):
        return True
    return _atomic_write(folder, name, data)


def _atomic_write(folder: Path, name: str, *chunks: bytes | memoryview) -> bool:
    """``chunks`` written to a temporary file in ``folder``, then renamed to ``name``; False on any OS error."""
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial")
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
        os.replace(tmp, folder / name)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
