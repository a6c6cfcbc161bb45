"""The hash-chained audit log: append, read, verify.

Each record's hash is SHA-256 over its number, time, actor, kind, subject, body (canonical JSON) and the
previous record's hash; the first record's previous hash is 64 zeros. Appends are serialised (SQLite: the
write lock taken by BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), so two processes
appending at once still give one unbroken chain. The ``audit_head`` row, written in the same transaction,
holds the last number and hash: a record removed from the end is noticed as well as one altered, removed
or moved in the middle. Records are never updated or deleted by Clearance (15 CFR Part 762 asks for five
years; the log keeps everything).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clearance.store.desk_schema import audit_head, audit_log
from clearance.store.engine import write_transaction

GENESIS = "0" * 64
_LOCK = "clearance.audit"
READ_CHUNK = 2_000


def canonical(value: Any) -> str:
    """The one JSON text of a value that is hashed and stored (sorted keys, no spaces, UTF-8 as is)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def record_hash(seq: int, at: str, actor: str, kind: str, subject: str, body: str, prev_hash: str) -> str:
    text = "\x1f".join((str(seq), at, actor, kind, subject, body, prev_hash))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """What to append: the decision's kind, what it is about, and its inputs, outputs and versions."""

    kind: str
    subject: str
    body: Mapping[str, Any]
    actor: str = "clearance"


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    kind: str
    subject: str
    body: str
    prev_hash: str
    hash: str

    @property
    def data(self) -> Any:
        return json.loads(self.body)

    def expected_hash(self) -> str:
        return record_hash(self.seq, self.at, self.actor, self.kind, self.subject, self.body, self.prev_hash)

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "kind": self.kind, "subject": self.subject,
                "body": self.data, "prev_hash": self.prev_hash, "hash": self.hash}


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(_LOCK))))


def lock_in(conn: Connection) -> None:
    """Take the audit lock now (held until the transaction ends): a writer that reads before it writes (is a
    review open for this hit already?) is then serialised with every other desk writer, on PostgreSQL too."""
    _lock(conn)


def append_in(conn: Connection, entries: Sequence[AuditEntry], now: dt.datetime | None = None) -> list[int]:
    """Append ``entries`` inside the caller's write transaction; returns their numbers.

    The caller's transaction must hold the write lock (``write_transaction``): on PostgreSQL this takes the
    audit advisory lock until it commits, so records of concurrent writers never interleave in the chain.
    """
    if not entries:
        return []
    _lock(conn)
    head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).first()
    seq, prev = (int(head.seq), str(head.hash)) if head is not None else (0, GENESIS)
    at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="microseconds")
    rows: list[dict[str, Any]] = []
    for e in entries:
        seq += 1
        body = canonical(e.body)
        h = record_hash(seq, at, e.actor, e.kind, e.subject, body, prev)
        rows.append({"seq": seq, "at": at, "actor": e.actor, "kind": e.kind, "subject": e.subject, "body": body,
                     "prev_hash": prev, "hash": h})
        prev = h
    conn.execute(sa.insert(audit_log), rows)
    if head is None:
        conn.execute(sa.insert(audit_head).values(id=1, seq=seq, hash=prev))
    else:
        conn.execute(sa.update(audit_head).where(audit_head.c.id == 1).values(seq=seq, hash=prev))
    return [r["seq"] for r in rows]


def append(engine: Engine, entries: Sequence[AuditEntry]) -> list[int]:
    """Append ``entries`` in a transaction of their own."""
    with write_transaction(engine) as conn:
        return append_in(conn, entries)


def _record(row: Any) -> AuditRecord:
    return AuditRecord(int(row.seq), row.at, row.actor, row.kind, row.subject, row.body, row.prev_hash, row.hash)


def records(engine: Engine, *, kind: str | None = None, subject: str | None = None, since: int | None = None,
            limit: int | None = None) -> Iterator[AuditRecord]:
    """Records in chain order (streamed), optionally of one kind or subject."""
    last = (since or 1) - 1
    got = 0
    while True:
        q = sa.select(audit_log).where(audit_log.c.seq > last).order_by(audit_log.c.seq).limit(READ_CHUNK)
        if kind is not None:
            q = q.where(audit_log.c.kind == kind)
        if subject is not None:
            q = q.where(audit_log.c.subject == subject)
        with engine.connect() as conn:
            rows = conn.execute(q).all()
        if not rows:
            return
        for row in rows:
            yield _record(row)
            got += 1
            if limit is not None and got >= limit:
                return
        last = int(rows[-1].seq)


def record(engine: Engine, seq: int) -> AuditRecord | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(audit_log).where(audit_log.c.seq == seq)).first()
    return _record(row) if row is not None else None


@dataclass(frozen=True, slots=True)
class Head:
    """The chain head: the last record's number, time and hash. Anchored outside the database (sent to an
    auditor, committed elsewhere, time-stamped), it proves later that no record up to it was changed."""

    seq: int
    hash: str
    at: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "at": self.at}

    def text(self) -> str:
        return f"{self.seq}:{self.hash}"


def head(engine: Engine) -> Head:
    with engine.connect() as conn:
        row = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).first()
        if row is None:
            return Head(0, GENESIS, None)
        at = conn.execute(sa.select(audit_log.c.at).where(audit_log.c.seq == row.seq)).scalar()
    return Head(int(row.seq), str(row.hash), at)


def parse_anchor(text: str) -> tuple[int, str]:
    """``SEQ:HASH`` (as printed by `clearance audit head`)."""
    seq, _, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not seq.strip().isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"an anchor is RECORD:SHA256 as `clearance audit head` prints it, not {text!r}")
    return int(seq), digest


def check_anchor(engine: Engine, seq: int, digest: str) -> str | None:
    """Why the log does not hold record ``seq`` with hash ``digest`` (None: it does)."""
    r = record(engine, seq)
    if r is None:
        return f"the anchored record {seq} is not in the log"
    if r.hash != digest:
        return f"record {seq} has hash {r.hash}, not the anchored {digest}: the chain up to it was rewritten"
    return None


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    count: int
    first_bad: int | None = None  # the number of the first record that does not verify
    problem: str | None = None


def verify(engine: Engine) -> Verification:
    """Walk the chain from the first record: numbers without gaps, each hash right, each link right, and the
    head row naming the last record."""
    expected_seq = 1
    prev = GENESIS
    count = 0
    for r in records(engine):
        if r.seq != expected_seq:
            return Verification(False, count, expected_seq,
                                f"record {expected_seq} is missing (the next record is {r.seq})")
        if r.prev_hash != prev:
            return Verification(False, count, r.seq, f"record {r.seq} does not follow record {r.seq - 1} (its previous "
                                "hash differs): a record before it was altered, removed or moved")
        if r.expected_hash() != r.hash:
            return Verification(False, count, r.seq, f"record {r.seq} was altered (its content does not match its "
                                "hash)")
        prev = r.hash
        expected_seq += 1
        count += 1
    with engine.connect() as conn:
        head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).first()
    head_seq, head_hash = (int(head.seq), str(head.hash)) if head is not None else (0, GENESIS)
    if head_seq != count or head_hash != prev:
        first = min(head_seq, count) + 1
        return Verification(False, count, first, f"the log ends at record {count} but its head names record "
                            f"{head_seq}: records after {count} were removed, or the head was altered")
    return Verification(True, count)
