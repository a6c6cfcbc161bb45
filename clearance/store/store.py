"""The versioned list store: one immutable, checksummed version per load, all-or-nothing.

Every load is a single transaction: the version row, its entities and names are inserted, counted
back, and only then does the list's active pointer move to it. A failure (bad data, a database
error, an exception from the progress callback, or the process being killed) leaves the store
exactly as it was.

A load moves the active pointer only to data that is whole and not older: a version that loses more
than the allowed share of the active version's entries or names is stored *pending* (see
``guard.py``), older data is stored as *history*, and loading bytes already stored changes nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, RowMapping

from clearance.errors import NotFoundError
from clearance.model import Entity, ParsedList
from clearance.settings import acting_user
from clearance.store.audit_log import AuditEntry, append_in
from clearance.store.bulk import insert_rows
from clearance.store.diff import ListDiff, diff_entities
from clearance.store.engine import create_store_engine, write_transaction
from clearance.store.guard import DEFAULT_MAX_SHRINK, ShrinkRefused, shrink_reason
from clearance.store.info import Hold, LoadResult, VersionInfo
from clearance.store.revision import at_head
from clearance.store.schema import active_versions, entities, list_versions, names
from clearance.store.validate import prepare

# (list code, rows written, rows to write) after each chunk of a load; may raise to abort the load.
LoadProgress = Callable[[str, int, int], None]

CHUNK_SIZE = 2_000  # rows per executemany (also the progress granularity)
READ_CHUNK = 5_000  # entities per query when streaming a version


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """Aware UTC datetime (SQLite returns naive values, which the store always writes in UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _version_info(row: RowMapping, active_id: str | None) -> VersionInfo:
    active_seq = row["active_seq"]
    loaded_at = _utc(row["loaded_at"])
    assert loaded_at is not None
    return VersionInfo(
        version_id=row["version_id"],
        list_code=row["list_code"],
        seq=row["seq"],
        checksum=row["checksum"],
        source_files=tuple(row["source_files"]),
        parser=row["parser"],
        data_date=row["data_date"],
        retrieved_at=_utc(row["retrieved_at"]),
        loaded_at=loaded_at,
        entity_count=row["entity_count"],
        name_count=row["name_count"],
        warnings=tuple(row["warnings"]),
        active=row["version_id"] == active_id,
        hold=row["hold"],
        hold_reason=row["hold_reason"],
        newer_than_active=active_seq is None or row["seq"] > active_seq,
    )


_active_row = list_versions.alias("active_row")
_VERSION_QUERY = (
    sa.select(list_versions, active_versions.c.version_id.label("active_id"), _active_row.c.seq.label("active_seq"))
    .join(active_versions, active_versions.c.list_code == list_versions.c.list_code, isouter=True)
    .join(_active_row, _active_row.c.version_id == active_versions.c.version_id, isouter=True)
)


class Store:
    """Versioned restricted-party lists in SQLite (default) or PostgreSQL."""

    def __init__(self, engine: Engine, actor: str | None = None) -> None:
        self.engine = engine
        self.actor = actor  # who loads and activates versions (the audit trail); None: acting_user()

    @classmethod
    def open(cls, url: str) -> Store:
        """Open the database at ``url`` (SQLAlchemy URL or SQLite file path), migrating it to head."""
        engine = create_store_engine(url)
        try:
            with engine.connect() as conn:
                done = at_head(conn)  # read without Alembic: most opens find the database at the newest migration
            if not done:
                from clearance.store import migrate  # Alembic decides every other case

                migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading versions

    def _versions(self, conn: Connection, where: Sequence[sa.ColumnElement[bool]] = ()) -> list[VersionInfo]:
        query = _VERSION_QUERY.where(*where).order_by(
            list_versions.c.loaded_at.desc(), list_versions.c.list_code, list_versions.c.seq.desc()
        )
        return [_version_info(r, r["active_id"]) for r in conn.execute(query).mappings()]

    def versions(self, list_code: str | None = None) -> list[VersionInfo]:
        """Every version (of one list, or of all), newest first."""
        where = [] if list_code is None else [list_versions.c.list_code == list_code]
        with self.engine.connect() as conn:
            return self._versions(conn, where)

    def active(self) -> dict[str, VersionInfo]:
        """The active version of each loaded list, by list code."""
        with self.engine.connect() as conn:
            found = self._versions(conn, [list_versions.c.version_id == active_versions.c.version_id])
        return {v.list_code: v for v in sorted(found, key=lambda v: v.list_code)}

    def version(self, ref: str, list_code: str | None = None) -> VersionInfo:
        """A version by id (``"sdn-3"``) or by number with its list (``"3"``, ``list_code="sdn"``)."""
        ref = ref.strip()
        if ref.isdigit():
            if list_code is None:
                raise NotFoundError(f"version {ref!r} needs a list code (e.g. 'sdn-{ref}')")
            version_id = f"{list_code}-{int(ref)}"
        else:
            version_id = ref
        with self.engine.connect() as conn:
            found = self._versions(conn, [list_versions.c.version_id == version_id])
        if not found or (list_code is not None and found[0].list_code != list_code):
            of = f" of list {list_code!r}" if list_code else ""
            raise NotFoundError(f"no version {ref!r}{of}; see `clearance lists versions`")
        return found[0]

    # ------------------------------------------------------------------ reading entities

    def entities(self, version_id: str) -> Iterator[Entity]:
        """The entities of a version, in source order (streamed in chunks)."""
        info = self.version(version_id)
        query = (
            sa.select(entities.c.payload)
            .where(entities.c.version_id == info.version_id)
            .where(entities.c.position >= sa.bindparam("lo"), entities.c.position < sa.bindparam("hi"))
            .order_by(entities.c.position)
        )
        for lo in range(0, info.entity_count, READ_CHUNK):
            with self.engine.connect() as conn:
                rows = conn.execute(query, {"lo": lo, "hi": lo + READ_CHUNK}).scalars().all()
            for payload in rows:
                yield Entity.from_dict(payload)

    def entity(self, entry_id: str, list_code: str | None = None, version_id: str | None = None) -> Entity:
        """One entry, from the given version or else from the active version(s)."""
        if version_id is not None:
            version_ids = [self.version(version_id, list_code).version_id]
        else:
            active = self.active()
            if list_code is not None:
                if list_code not in active:
                    raise NotFoundError(f"no version of list {list_code!r} is loaded")
                active = {list_code: active[list_code]}
            version_ids = [v.version_id for v in active.values()]
        query = sa.select(entities.c.version_id, entities.c.payload).where(
            entities.c.entry_id == entry_id, entities.c.version_id.in_(version_ids)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            where = ", ".join(version_ids) or "no loaded list"
            raise NotFoundError(f"no entry {entry_id!r} in {where}")
        if len(rows) > 1:
            found = ", ".join(sorted(r.version_id for r in rows))
            raise NotFoundError(f"entry id {entry_id!r} is in several lists ({found}); give the list code")
        return Entity.from_dict(rows[0].payload)

    def diff(self, list_code: str, v1_ref: str, v2_ref: str) -> ListDiff:
        """Entries added, removed and changed (field by field) from version ``v1_ref`` to ``v2_ref``."""
        old = self.version(v1_ref, list_code)
        new = self.version(v2_ref, list_code)
        d = diff_entities(self.entities(old.version_id), self.entities(new.version_id))
        return ListDiff(list_code, old, new, d.added, d.removed, d.changed)

    # ------------------------------------------------------------------ writing

    def activate(
        self,
        ref: str,
        list_code: str | None = None,
        *,
        confirm_shrink: bool = False,
        max_shrink: float = DEFAULT_MAX_SHRINK,
    ) -> VersionInfo:
        """Make an existing version the active one of its list (e.g. to go back to an earlier one).

        A pending version, or one that would lose more than ``max_shrink`` of the active version's
        entries or names, is refused (``ShrinkRefused``) unless ``confirm_shrink``; a pending version
        activated on purpose is marked "confirmed".
        """
        info = self.version(ref, list_code)
        with write_transaction(self.engine) as conn:
            current = self._active_info(conn, info.list_code)
            if not confirm_shrink and (current is None or current.version_id != info.version_id):
                reason = info.hold_reason if info.hold == "pending" else None
                if reason is None and current is not None:
                    reason = shrink_reason(info.entity_count, info.name_count, current, max_shrink)
                if reason is not None:
                    raise ShrinkRefused(
                        f"{info.version_id} was not activated: {reason}. If this is the list you mean to "
                        f"screen against: clearance lists activate {info.version_id} --confirm-shrink"
                    )
            if current is None or current.version_id != info.version_id:
                self._set_active(conn, info.list_code, info.version_id, dt.datetime.now(dt.UTC))
                self._audit_activation(conn, info.version_id, current, "activated")
            if info.hold == "pending":
                conn.execute(
                    list_versions.update()
                    .where(list_versions.c.version_id == info.version_id)
                    .values(hold="confirmed")
                )
        return self.version(info.version_id)

    def _active_info(self, conn: Connection, list_code: str) -> VersionInfo | None:
        found = self._versions(
            conn, [list_versions.c.list_code == list_code, list_versions.c.version_id == active_versions.c.version_id]
        )
        return found[0] if found else None

    def load(
        self,
        parsed: ParsedList,
        *,
        retrieved_at: dt.datetime | None = None,
        progress: LoadProgress | None = None,
        only_if_newer: bool = True,
        max_shrink: float = DEFAULT_MAX_SHRINK,
        extract: bool = False,
        hold: Hold | None = None,
    ) -> LoadResult:
        """Store ``parsed`` as a new version and make it active unless it must be held, all-or-nothing.

        The version is stored without becoming active (``activated`` False, ``version.hold`` saying why):

        * ``hold`` given by the caller (e.g. a companion file was empty: "pending");
        * with ``only_if_newer`` (the default), when the active version has a later data date ("history");
        * when it loses more than ``max_shrink`` (0.10 = 10 %) of the active version's entries or
          names ("pending"; ``extract`` words the reason for a multi-list file such as the CSL).

        ``activate()`` can still select such a version (a pending one with ``confirm_shrink``).
        Raises ``DataError`` (file, line, field) before writing anything if the list is invalid. If a
        version of the same list with the same checksum and parser exists, nothing is written and
        which version is active does not change (``unchanged=True``). A naive ``retrieved_at`` is UTC.
        """
        started = time.perf_counter()
        prepared = prepare(parsed)
        now = dt.datetime.now(dt.UTC)
        code = parsed.list_code
        with write_transaction(self.engine) as conn:
            if conn.dialect.name == "postgresql":  # one load per list at a time
                conn.execute(
                    sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(f"clearance.load.{code}")))
                )
            previous = self._active_info(conn, code)
            same = conn.execute(
                sa.select(list_versions.c.version_id)
                .where(
                    list_versions.c.list_code == code,
                    list_versions.c.checksum == parsed.checksum,
                    list_versions.c.parser == parsed.parser,
                )
                .order_by(list_versions.c.seq.desc())
                .limit(1)
            ).scalar()
            if same is not None:
                version_id = same  # known bytes: nothing written, the active version stays as it is
            else:
                if hold is None and previous is not None:
                    hold = self._hold_for(parsed, len(prepared.name_rows), previous, only_if_newer, max_shrink, extract)
                version_id = self._insert_version(
                    conn, parsed, prepared.entity_rows, prepared.name_rows, retrieved_at, now, progress, hold
                )
                if hold is None:
                    self._set_active(conn, code, version_id, now)
                    self._audit_activation(conn, version_id, previous, "loaded")
            found = self._versions(conn, [list_versions.c.version_id == version_id])
        return LoadResult(found[0], same is not None, previous, time.perf_counter() - started)

    @staticmethod
    def _hold_for(
        parsed: ParsedList, name_count: int, active: VersionInfo, only_if_newer: bool, max_shrink: float, extract: bool
    ) -> Hold | None:
        """Why ``parsed`` must not replace the ``active`` version, or None."""
        older = parsed.data_date is not None and active.data_date is not None and active.data_date > parsed.data_date
        if only_if_newer and older:
            return Hold(
                "history", f"older data ({parsed.data_date}) than the active {active.version_id} ({active.data_date})"
            )
        reason = shrink_reason(len(parsed.entities), name_count, active, max_shrink, extract=extract)
        return Hold("pending", reason) if reason else None

    def _insert_version(
        self,
        conn: Connection,
        parsed: ParsedList,
        entity_rows: list[dict[str, Any]],
        name_rows: list[dict[str, Any]],
        retrieved_at: dt.datetime | None,
        now: dt.datetime,
        progress: LoadProgress | None,
        hold: Hold | None,
    ) -> str:
        code = parsed.list_code
        last = conn.execute(
            sa.select(sa.func.max(list_versions.c.seq)).where(list_versions.c.list_code == code)
        )
        seq = (last.scalar() or 0) + 1
        version_id = f"{code}-{seq}"
        conn.execute(
            list_versions.insert().values(
                version_id=version_id,
                list_code=code,
                seq=seq,
                checksum=parsed.checksum,
                parser=parsed.parser,
                source_files=list(parsed.source_files),
                data_date=parsed.data_date,
                retrieved_at=_utc(retrieved_at),
                loaded_at=now,
                entity_count=len(entity_rows),
                name_count=len(name_rows),
                warnings=list(parsed.warnings),
                hold=hold.kind if hold else None,
                hold_reason=hold.reason if hold else None,
            )
        )
        total = len(entity_rows) + len(name_rows)
        done = 0
        for table, rows in ((entities, entity_rows), (names, name_rows)):
            for start in range(0, len(rows), CHUNK_SIZE):
                chunk = [{**row, "version_id": version_id} for row in rows[start : start + CHUNK_SIZE]]
                insert_rows(conn, table, chunk)
                done += len(chunk)
                if progress is not None:
                    progress(code, done, total)
        self._check_counts(conn, version_id, len(entity_rows), len(name_rows))
        return version_id

    @staticmethod
    def _check_counts(conn: Connection, version_id: str, n_entities: int, n_names: int) -> None:
        """Count back what was written before the version may become active."""
        got_e = conn.execute(
            sa.select(sa.func.count()).select_from(entities).where(entities.c.version_id == version_id)
        ).scalar()
        got_n = conn.execute(
            sa.select(sa.func.count()).select_from(names).where(names.c.version_id == version_id)
        ).scalar()
        if (got_e, got_n) != (n_entities, n_names):
            raise RuntimeError(
                f"store check failed for {version_id}: wrote {got_e}/{n_entities} entities, "
                f"{got_n}/{n_names} names"
            )

    def _audit_activation(self, conn: Connection, version_id: str, previous: VersionInfo | None, how: str) -> None:
        """Append a ``list_activation`` record to the audit trail in the activating transaction (who, which
        version with its checksum and data date, the version it replaces)."""
        v = self._versions(conn, [list_versions.c.version_id == version_id])[0]
        append_in(conn, [AuditEntry("list_activation", f"{v.list_code}:{v.version_id}", {
            "event": how, "list": v.list_code, "version": v.version_id, "checksum": v.checksum,
            "entries": v.entity_count, "data_date": v.data_date.isoformat() if v.data_date else None,
            "loaded_at": v.loaded_at.isoformat(), "source_files": list(v.source_files),
            "replaces": previous.version_id if previous is not None else None}, self.actor or acting_user())])

    @staticmethod
    def _set_active(conn: Connection, list_code: str, version_id: str, now: dt.datetime) -> None:
        updated = conn.execute(
            active_versions.update()
            .where(active_versions.c.list_code == list_code)
            .values(version_id=version_id, activated_at=now)
        )
        if updated.rowcount == 0:
            conn.execute(
                active_versions.insert().values(list_code=list_code, version_id=version_id, activated_at=now)
            )
