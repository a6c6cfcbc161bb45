"""Counterparties, reviews and checked order lines in the store (the desk's memory)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clearance.errors import ConfigError, NotFoundError
from clearance.store.audit_log import AuditEntry, append_in
from clearance.store.desk_schema import counterparties, desk_orders, review_orders, reviews
from clearance.store.engine import write_transaction

REVIEW_STATES = ("open", "cleared", "confirmed")


@dataclass(frozen=True, slots=True)
class Counterparty:
    party_id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    address: str | None
    status: str = "not screened"
    screened_versions: dict[str, str] | None = None
    screened_at: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.party_id, "name": self.name, "aliases": list(self.aliases), "country": self.country,
                "address": self.address, "status": self.status, "screened_versions": self.screened_versions or {},
                "screened_at": self.screened_at.isoformat() if self.screened_at else None}


def _party(r: Any) -> Counterparty:
    return Counterparty(r.party_id, r.name, tuple(r.aliases), r.country, r.address, r.status,
                        dict(r.screened_versions), r.screened_at)


def upsert_parties(conn: Connection, parties: Sequence[Counterparty], now: dt.datetime) -> None:
    ids = [p.party_id for p in parties]
    conn.execute(sa.delete(counterparties).where(counterparties.c.party_id.in_(ids)))
    if parties:
        conn.execute(sa.insert(counterparties), [
            {"party_id": p.party_id, "name": p.name, "aliases": list(p.aliases), "country": p.country,
             "address": p.address, "status": p.status, "screened_at": p.screened_at or now,
             "screened_versions": p.screened_versions or {}, "imported_at": now} for p in parties])


def all_parties(engine: Engine) -> list[Counterparty]:
    with engine.connect() as conn:
        return [_party(r) for r in conn.execute(sa.select(counterparties).order_by(counterparties.c.party_id))]


def get_party(engine: Engine, party_id: str) -> Counterparty:
    with engine.connect() as conn:
        r = conn.execute(sa.select(counterparties).where(counterparties.c.party_id == party_id)).first()
    if r is None:
        raise NotFoundError(f"no counterparty {party_id!r}; see `clearance parties list`")
    return _party(r)


# ---- reviews -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Review:
    review_id: int
    party_key: str
    party_name: str
    list_code: str
    entry_id: str
    entry_name: str
    version_id: str
    entry_digest: str
    score: float
    decision: str
    hit: dict[str, Any]
    order_id: str | None
    status: str
    reason: str | None
    actor: str | None
    opened_at: dt.datetime
    decided_at: dt.datetime | None
    reopens: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.review_id, "party_key": self.party_key, "party": self.party_name, "list": self.list_code,
                "entry_id": self.entry_id, "entry_name": self.entry_name, "version": self.version_id,
                "entry_digest": self.entry_digest, "score": round(self.score, 4), "decision": self.decision,
                "hit": self.hit, "order": self.order_id, "status": self.status, "reason": self.reason,
                "actor": self.actor, "opened_at": self.opened_at.isoformat(),
                "decided_at": self.decided_at.isoformat() if self.decided_at else None, "reopens": self.reopens}


def _review(r: Any) -> Review:
    return Review(r.review_id, r.party_key, r.party_name, r.list_code, r.entry_id, r.entry_name, r.version_id,
                  r.entry_digest, r.score, r.decision, dict(r.hit), r.order_id, r.status, r.reason, r.actor,
                  r.opened_at, r.decided_at, r.reopens)


@dataclass(frozen=True, slots=True)
class NewReview:
    party_key: str
    party_name: str
    list_code: str
    entry_id: str
    entry_name: str
    version_id: str
    entry_digest: str
    score: float
    decision: str
    hit: dict[str, Any]
    order_id: str | None = None
    reopens: int | None = None


def open_reviews_in(conn: Connection, items: Sequence[NewReview], now: dt.datetime) -> list[int | None]:
    """Open a review for each new hit, unless one is already open for that party, entry and entry content
    (then None in its place)."""
    made: list[int | None] = []
    for x in items:
        exists = conn.execute(sa.select(reviews.c.review_id).where(
            reviews.c.party_key == x.party_key, reviews.c.list_code == x.list_code, reviews.c.entry_id == x.entry_id,
            reviews.c.entry_digest == x.entry_digest, reviews.c.status == "open")).first()
        if exists is not None:
            made.append(None)
            continue
        got = conn.execute(sa.insert(reviews).values(
            party_key=x.party_key, party_name=x.party_name, list_code=x.list_code, entry_id=x.entry_id,
            entry_name=x.entry_name, version_id=x.version_id, entry_digest=x.entry_digest, score=x.score,
            decision=x.decision, hit=x.hit, order_id=x.order_id, status="open", reason=None, actor=None,
            opened_at=now, decided_at=None, reopens=x.reopens).returning(reviews.c.review_id))
        made.append(int(got.scalar_one()))
    return made


def link_reviews_in(conn: Connection, refs: Sequence[tuple[tuple[str, str, str, str], str, int]],
                    now: dt.datetime) -> int:
    """Link each order line to the open review of its hit: ((party key, list, entry, entry digest), order, line).
    One review per hit, referenced by every order line waiting for it. Returns the number of new links."""
    made = 0
    ids: dict[tuple[str, str, str, str], int | None] = {}
    for key4, order_id, line in dict.fromkeys(refs):
        if key4 not in ids:
            ids[key4] = conn.execute(sa.select(reviews.c.review_id).where(
                reviews.c.party_key == key4[0], reviews.c.list_code == key4[1], reviews.c.entry_id == key4[2],
                reviews.c.entry_digest == key4[3], reviews.c.status == "open")
                .order_by(reviews.c.review_id).limit(1)).scalar()
        rid = ids[key4]
        if rid is None:
            continue
        known = conn.execute(sa.select(review_orders.c.review_id).where(
            review_orders.c.review_id == rid, review_orders.c.order_id == order_id,
            review_orders.c.line == line)).first()
        if known is None:
            conn.execute(sa.insert(review_orders).values(review_id=rid, order_id=order_id, line=line, linked_at=now))
            made += 1
    return made


def review_order_lines(engine: Engine, review_id: int | None = None) -> dict[int, list[tuple[str, int]]]:
    """(order, line) of the order lines each review holds (of one review, or of all)."""
    q = sa.select(review_orders.c.review_id, review_orders.c.order_id, review_orders.c.line).order_by(
        review_orders.c.review_id, review_orders.c.order_id, review_orders.c.line)
    if review_id is not None:
        q = q.where(review_orders.c.review_id == review_id)
    out: dict[int, list[tuple[str, int]]] = {}
    with engine.connect() as conn:
        for r in conn.execute(q):
            out.setdefault(int(r.review_id), []).append((str(r.order_id), int(r.line)))
    return out


def judgements(engine: Engine) -> dict[tuple[str, str, str], Review]:
    """The latest decided review of each (party key, list, entry)."""
    q = sa.select(reviews).where(reviews.c.status != "open").order_by(reviews.c.review_id)
    with engine.connect() as conn:
        return {(r.party_key, r.list_code, r.entry_id): _review(r) for r in conn.execute(q)}


def open_review_keys(engine: Engine) -> set[tuple[str, str, str, str]]:
    """(party key, list, entry, entry digest) of every open review."""
    q = sa.select(reviews.c.party_key, reviews.c.list_code, reviews.c.entry_id, reviews.c.entry_digest).where(
        reviews.c.status == "open")
    with engine.connect() as conn:
        return {(r[0], r[1], r[2], r[3]) for r in conn.execute(q)}


def list_reviews(engine: Engine, status: str | None = "open") -> list[Review]:
    q = sa.select(reviews).order_by(reviews.c.review_id)
    if status is not None:
        q = q.where(reviews.c.status == status)
    with engine.connect() as conn:
        return [_review(r) for r in conn.execute(q)]


def get_review(engine: Engine, review_id: int) -> Review:
    with engine.connect() as conn:
        r = conn.execute(sa.select(reviews).where(reviews.c.review_id == review_id)).first()
    if r is None:
        raise NotFoundError(f"no review {review_id}; see `clearance review list`")
    return _review(r)


def decide(engine: Engine, review_id: int, status: str, reason: str, actor: str, audit: AuditEntry) -> Review:
    if status not in ("cleared", "confirmed"):
        raise ConfigError(f"unknown review decision {status!r}")
    if not reason.strip():
        raise ConfigError("give the reason for the decision (--reason): it is kept for the auditor")
    with write_transaction(engine) as conn:
        q = sa.select(reviews).where(reviews.c.review_id == review_id)
        if conn.dialect.name == "postgresql":
            q = q.with_for_update()
        r = conn.execute(q).first()
        if r is None:
            raise NotFoundError(f"no review {review_id}; see `clearance review list`")
        if r.status != "open":
            raise ConfigError(f"review {review_id} was already decided ({r.status} by {r.actor} on "
                              f"{r.decided_at}: {r.reason})")
        conn.execute(sa.update(reviews).where(reviews.c.review_id == review_id).values(
            status=status, reason=reason, actor=actor, decided_at=dt.datetime.now(dt.UTC)))
        append_in(conn, [audit])
    return get_review(engine, review_id)


# ---- checked order lines -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckedLine:
    order_id: str
    line: int
    order_date: dt.date
    request: dict[str, Any]
    verdict: str
    outcome: str
    reasons: list[str]
    licence_number: str | None
    audit_seq: int | None


def save_lines_in(conn: Connection, lines: Sequence[CheckedLine], now: dt.datetime) -> None:
    if not lines:
        return
    keys = [(x.order_id, x.line) for x in lines]
    for start in range(0, len(keys), 400):
        conn.execute(sa.delete(desk_orders).where(sa.tuple_(desk_orders.c.order_id, desk_orders.c.line)
                                                  .in_(keys[start:start + 400])))
    conn.execute(sa.insert(desk_orders), [
        {"order_id": x.order_id, "line": x.line, "order_date": x.order_date, "request": x.request,
         "verdict": x.verdict, "outcome": x.outcome, "reasons": x.reasons, "licence_number": x.licence_number,
         "checked_at": now, "audit_seq": x.audit_seq} for x in lines])


def checked_lines(engine: Engine) -> list[CheckedLine]:
    q = sa.select(desk_orders).order_by(desk_orders.c.order_date, desk_orders.c.order_id, desk_orders.c.line)
    with engine.connect() as conn:
        return [CheckedLine(r.order_id, r.line, r.order_date, dict(r.request), r.verdict, r.outcome, list(r.reasons),
                            r.licence_number, r.audit_seq) for r in conn.execute(q)]


def write(engine: Engine, audit: Sequence[AuditEntry]) -> list[int]:
    with write_transaction(engine) as conn:
        return append_in(conn, audit)
