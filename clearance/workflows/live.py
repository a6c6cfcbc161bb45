"""A screening index that follows the store: what a long-running server screens with.

The CLI opens an index per run; a server keeps one in memory and must still never screen against a list
version that is no longer the active one, nor call a list fresh after it went stale. ``LiveIndex`` checks
the store's active versions at most every ``check_seconds`` and rebuilds (from the signed on-disk cache
when it can) as soon as they change; each use re-judges staleness against today's date. A store whose
lists cannot be used (a list with only held-back versions, nothing loaded) is remembered as the error
every screening call raises, so that no caller ever gets an empty "no hits" answer instead.

Screening is a pure function of (query, index, algorithm, day), so the same party asked again on the same list
versions and day is answered from memory (at most ``memo_size`` parties; forgotten at any version change).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from clearance.errors import ClearanceError, DataError
from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex
from clearance.screening.model import ListVersion, Query, ScreeningResult
from clearance.screening.prepared import PreparedEntity
from clearance.screening.screen import screen_many
from clearance.settings import Settings
from clearance.store import Store, VersionInfo
from clearance.text.fold import tokens
from clearance.workflows.lists import stale_reason
from clearance.workflows.screening import name_problem, open_index, screen_one


class Entries(Mapping[tuple[str, str], Entity]):
    """The index's entries by (list code, entry id). An index read from the on-disk cache knows each entity's key
    without unpickling it: an entry is unpickled when first asked for (a server starts in a second or two instead
    of unpickling every entry first); an index built in memory is mapped directly."""

    def __init__(self, entities: Sequence[PreparedEntity]) -> None:
        self._entities = entities
        keys = getattr(entities, "entity_keys", None)
        if keys is not None and len(keys) == len(entities):
            self._at = {(str(k[0]), str(k[1])): i for i, k in enumerate(keys)}
        else:
            self._at = {(pe.entity.list_code, pe.entity.entry_id): i for i, pe in enumerate(entities)}

    def __getitem__(self, key: tuple[str, str]) -> Entity:
        return self._entities[self._at[key]].entity

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One consistent view: the index, its versions and its entries by (list, entry id)."""

    index: ScreeningIndex
    active: dict[str, VersionInfo]
    entities: Mapping[tuple[str, str], Entity]
    day: dt.date

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(sorted(v.version_id for v in self.active.values()))


def _prefetch(entities: Sequence[PreparedEntity], done: threading.Event) -> None:
    """Touch every entity of a lazily read index (each is unpickled once), yielding between small chunks so that
    requests are served meanwhile; ``done`` is set at the end."""
    try:
        for i in range(len(entities)):
            entities[i]
            if i % 64 == 63:
                time.sleep(0)
    except ClearanceError:  # the cache file changed: the requests that need an entity will say so
        return
    finally:
        done.set()


class LiveIndex:
    """The screening index of every active list, kept in step with the store (thread-safe)."""

    def __init__(self, store: Store, settings: Settings, *, check_seconds: float = 2.0,
                 memo_size: int = 100_000) -> None:
        self.store = store
        self.settings = settings
        self.check_seconds = check_seconds
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None
        self._error: ClearanceError | None = None
        self._checked = 0.0
        self.memo_size = memo_size
        self._memo: dict[object, object] = {}  # the same party asked again on the same versions and day: one screen
        self._words: list[tuple[Entity, list[frozenset[str]]]] = []
        self._words_key: tuple[str, ...] | None = None
        # unpickle a cached index's entities in a background thread once it is open: the server is ready in
        # seconds and at full speed soon after, instead of paying for each entity on its first match
        self.prefetch = True
        self.warm = threading.Event()  # set once every entry of the current index is in memory

    def snapshot(self, today: dt.date | None = None) -> Snapshot:
        """The current view; raises the store's problem (a ClearanceError) when its lists cannot be used."""
        now = time.monotonic()
        day = today or dt.date.today()
        snap, error = self._snap, self._error
        if now - self._checked < self.check_seconds and (snap is None or snap.day == day):
            if error is not None:
                raise error
            if snap is not None:
                return snap
        with self._lock:
            if now - self._checked >= self.check_seconds or self._snap is None or self._snap.day != day:
                self._refresh(day)
                self._checked = time.monotonic()
            if self._error is not None:
                raise self._error
            assert self._snap is not None
            return self._snap

    def _refresh(self, day: dt.date) -> None:
        try:
            active = self.store.active()
            key = tuple(sorted(v.version_id for v in active.values()))
            if self._snap is not None and self._snap.key == key and self._error is None:
                if self._snap.day != day:
                    self._snap = self._restamp(self._snap, day)
                return
            for _attempt in range(3):  # a load may activate a version meanwhile (or the first-use snapshot)
                index = open_index(None, store=self.store, settings=self.settings, today=day)
                active = self.store.active()
                got = {c: active.get(c) for c in index.versions}
                if all(g is not None and g.version_id == index.versions[c].version_id for c, g in got.items()):
                    break
            else:
                raise DataError("the active list versions keep changing while the index is built; try again")
            actives = {c: g for c, g in got.items() if g is not None}
            self._snap = self._restamp(Snapshot(index, actives, Entries(index.entities), day), day)
            if self.prefetch and not isinstance(index.entities, tuple):
                self.warm.clear()
                threading.Thread(target=_prefetch, args=(index.entities, self.warm), name="clearance-index-prefetch",
                                 daemon=True).start()
            else:
                self.warm.set()
            self._error = None
        except ClearanceError as exc:
            self._snap, self._error = None, exc

    def _restamp(self, snap: Snapshot, day: dt.date) -> Snapshot:
        versions = {  # a version without a data date is as old as its retrieval (VersionInfo.age_days)
            c: ListVersion(c, v.version_id, v.data_date or (v.retrieved_at.date() if v.retrieved_at else None),
                           self.settings.max_age_for(c), stale_reason(v, self.settings, day))
            for c, v in snap.active.items()
        }
        return dataclasses.replace(snap, index=dataclasses.replace(snap.index, versions=versions), day=day)

    def words(self, snap: Snapshot) -> list[tuple[Entity, list[frozenset[str]]]]:
        """Each entry of ``snap`` with the folded word sets of its names (for word searches), built once."""
        with self._lock:
            if self._words_key != snap.key:
                self._words = [(e, [frozenset(tokens(n.value)) for n in e.names]) for e in snap.entities.values()]
                self._words_key = snap.key
            return self._words

    def screen(self, query: Query, *, lists: Sequence[str] | None = None, algorithm: str | None = None,
               threshold: float | None = None, limit: int = 10, today: dt.date | None = None) -> ScreeningResult:
        """Screen one party against the active versions of ``lists`` (every active list when None).

        A list asked for but not loaded is an error naming it (never a silent "no hits")."""
        snap = self.snapshot(today)
        if lists is not None:
            missing = [c for c in lists if c not in snap.index.versions]
            if missing:
                raise DataError(f"no version of list(s) {', '.join(missing)} is loaded; load or update them first",
                                field="lists")
        key = (query, tuple(lists) if lists is not None else None, algorithm, threshold, limit)
        memo = self._memo
        if memo.get("key") != (snap.key, snap.day):  # a new version or a new day: nothing remembered holds
            memo = self._memo = {"key": (snap.key, snap.day)}
        found = memo.get(key)
        if isinstance(found, ScreeningResult):
            return found
        result = screen_one(query, snap.index, algorithm=algorithm, lists=lists, threshold=threshold, limit=limit,
                            today=today or snap.day)
        if today is None:
            if len(memo) > self.memo_size:
                memo.clear()
                memo["key"] = (snap.key, snap.day)
            memo[key] = result
        return result

    def screen_batch(self, queries: Sequence[Query], *, lists: Sequence[str] | None = None,
                     algorithm: str | None = None, threshold: float | None = None, limit: int = 10,
                     ) -> list[ScreeningResult]:
        """``screen`` of each of ``queries`` (the same results, in order), on one snapshot: the parties not
        remembered are screened together (``screen_many``: their candidates pre-filtered at once, which costs far
        less per party than one by one)."""
        snap = self.snapshot(None)
        if lists is not None:
            missing = [c for c in lists if c not in snap.index.versions]
            if missing:
                raise DataError(f"no version of list(s) {', '.join(missing)} is loaded; load or update them first",
                                field="lists")
        opts = (tuple(lists) if lists is not None else None, algorithm, threshold, limit)
        memo = self._memo
        if memo.get("key") != (snap.key, snap.day):
            memo = self._memo = {"key": (snap.key, snap.day)}
        got: dict[Query, ScreeningResult] = {}
        todo: dict[Query, None] = {}  # in first-seen order
        for q in queries:
            found = memo.get((q, *opts))
            if isinstance(found, ScreeningResult):
                got[q] = found
            elif name_problem(q.name) is None:
                todo[q] = None
        new = list(todo)
        fresh = dict(zip(new, screen_many(new, snap.index, algorithm=algorithm, lists=lists, threshold=threshold,
                                          limit=limit, today=snap.day), strict=True))
        for q in queries:
            if q not in got and q not in fresh:  # a name that cannot be screened in full: CANNOT_CLEAR and why
                fresh[q] = screen_one(q, snap.index, algorithm=algorithm, lists=lists, threshold=threshold,
                                      limit=limit, today=snap.day)
        for q, result in fresh.items():
            if len(memo) > self.memo_size:
                memo.clear()
                memo["key"] = (snap.key, snap.day)
            memo[(q, *opts)] = result
        got.update(fresh)
        return [got[q] for q in queries]
