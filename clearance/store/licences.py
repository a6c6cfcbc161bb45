"""Licences in the store: add (all-or-nothing), read, revoke, and draw down without ever overdrawing.

A drawdown is one write transaction that locks the licence row (PostgreSQL ``SELECT ... FOR UPDATE``; SQLite
takes the database write lock at BEGIN IMMEDIATE), re-reads what is left, and only then records the shipment
and the new totals together with its audit record. Two processes drawing on one licence at once are thus
serialised, and the second sees the first's drawdown. Drawing again for the same order line changes nothing
(re-checking an order file never draws twice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clearance.errors import ConfigError, NotFoundError
from clearance.model.desk import Licence, amount_text
from clearance.store.audit_log import AuditEntry, append_in
from clearance.store.desk_schema import licence_drawdowns, licences
from clearance.store.engine import write_transaction


def _frac(text: str | None) -> Fraction | None:
    return None if text is None else Fraction(text)


def _licence(row: Any) -> Licence:
    return Licence(row.number, row.holder, row.kind, row.supplier_confirmation, tuple(row.parties),
                   tuple(row.eccns), row.destination, _frac(row.quantity_limit), _frac(row.value_limit),
                   Fraction(row.quantity_used), Fraction(row.value_used), row.valid_from, row.valid_to,
                   row.conditions, row.revoked_on, row.revoke_reason)


def add(engine: Engine, items: Sequence[Licence], audit: Sequence[AuditEntry]) -> None:
    """Store new licences (a number already stored is refused, and then nothing is stored)."""
    with write_transaction(engine) as conn:
        add_in(conn, items, audit)


def add_in(conn: Connection, items: Sequence[Licence], audit: Sequence[AuditEntry]) -> None:
    """:func:`add` inside the caller's write transaction."""
    now = dt.datetime.now(dt.UTC)
    numbers = [x.number for x in items]
    dup = sorted({n for n in numbers if numbers.count(n) > 1})
    known = conn.execute(sa.select(licences.c.number).where(licences.c.number.in_(numbers))).scalars().all()
    if dup or known:
        raise ConfigError(f"licence {', '.join(dup or sorted(known))} is already "
                          f"{'given twice in the file' if dup else 'stored'}; nothing was added (a licence is "
                          "added once; record a change to it as a revocation and a new licence)")
    conn.execute(sa.insert(licences), [{
        "number": x.number, "holder": x.holder, "kind": x.kind, "supplier_confirmation": x.supplier_confirmation,
        "parties": list(x.parties), "eccns": list(x.eccns), "destination": x.destination,
        "quantity_limit": amount_text(x.quantity_limit), "value_limit": amount_text(x.value_limit),
        "quantity_used": "0", "value_used": "0", "valid_from": x.valid_from, "valid_to": x.valid_to,
        "conditions": x.conditions, "revoked_on": None, "revoke_reason": None, "added_at": now}
        for x in items])
    append_in(conn, audit)


def all_licences(engine: Engine) -> list[Licence]:
    with engine.connect() as conn:
        return [_licence(r) for r in conn.execute(sa.select(licences).order_by(licences.c.number))]


def get(engine: Engine, number: str, conn: Connection | None = None) -> Licence:
    q = sa.select(licences).where(licences.c.number == number)
    if conn is None:
        with engine.connect() as c:
            row = c.execute(q).first()
    else:
        row = conn.execute(q).first()
    if row is None:
        raise NotFoundError(f"no licence {number!r}; see `clearance licenses list`")
    return _licence(row)


@dataclass(frozen=True, slots=True)
class Drawdown:
    licence_number: str
    order_id: str
    line: int
    shipped_on: dt.date
    quantity: Fraction
    value: Fraction


def drawdowns(engine: Engine, number: str) -> list[Drawdown]:
    q = (sa.select(licence_drawdowns).where(licence_drawdowns.c.licence_number == number)
         .order_by(licence_drawdowns.c.shipped_on, licence_drawdowns.c.order_id, licence_drawdowns.c.line))
    with engine.connect() as conn:
        return [Drawdown(r.licence_number, r.order_id, r.line, r.shipped_on, Fraction(r.quantity), Fraction(r.value))
                for r in conn.execute(q)]


def revoke(engine: Engine, number: str, day: dt.date, reason: str, audit: AuditEntry) -> Licence:
    """Record the revocation of a licence from ``day`` (a dated event: earlier shipments stay covered)."""
    with write_transaction(engine) as conn:
        lic = _locked(conn, number)
        if lic.revoked_on is not None:
            raise ConfigError(f"licence {number} was already revoked on {lic.revoked_on}")
        if day < lic.valid_from:
            raise ConfigError(f"--date {day} is before the licence was valid ({lic.valid_from})")
        late = conn.execute(sa.select(sa.func.count()).select_from(licence_drawdowns).where(
            licence_drawdowns.c.licence_number == number, licence_drawdowns.c.shipped_on >= day)).scalar()
        conn.execute(sa.update(licences).where(licences.c.number == number)
                     .values(revoked_on=day, revoke_reason=reason))
        append_in(conn, [audit])
        if late:
            # the shipments were covered when they were checked; the audit record says so
            append_in(conn, [AuditEntry("licence", number, {"event": "note", "text": f"{late} drawdown(s) dated on "
                                        f"or after the revocation date {day} were recorded before the revocation"},
                                        audit.actor)])
        return get(engine, number, conn)


def _locked(conn: Connection, number: str) -> Licence:
    q = sa.select(licences).where(licences.c.number == number)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    row = conn.execute(q).first()
    if row is None:
        raise NotFoundError(f"no licence {number!r}; see `clearance licenses list`")
    return _licence(row)


@dataclass(frozen=True, slots=True)
class DrawResult:
    ok: bool
    licence: Licence
    reason: str | None = None  # why it could not cover the line
    again: bool = False  # this order line had drawn on the licence before (nothing new drawn)


def draw(engine: Engine, number: str, order_id: str, line: int, day: dt.date, quantity: Fraction,
         value: Fraction, audit: AuditEntry | None = None) -> DrawResult:
    """Draw ``quantity`` and ``value`` for one order line shipped on ``day``, or say why the licence cannot."""
    with write_transaction(engine) as conn:
        lic = _locked(conn, number)
        before = conn.execute(sa.select(licence_drawdowns.c.quantity, licence_drawdowns.c.value).where(
            licence_drawdowns.c.licence_number == number, licence_drawdowns.c.order_id == order_id,
            licence_drawdowns.c.line == line)).first()
        if before is not None:
            return DrawResult(True, lic, again=True)
        why = lic.unusable_on(day) or lic.shortfall(quantity, value)
        if why is not None:
            return DrawResult(False, lic, why)
        q_used, v_used = lic.quantity_used + quantity, lic.value_used + value
        conn.execute(sa.insert(licence_drawdowns).values(
            licence_number=number, order_id=order_id, line=line, shipped_on=day, quantity=amount_text(quantity),
            value=amount_text(value), at=dt.datetime.now(dt.UTC)))
        conn.execute(sa.update(licences).where(licences.c.number == number).values(
            quantity_used=amount_text(q_used), value_used=amount_text(v_used)))
        if audit is not None:
            append_in(conn, [audit])
        return DrawResult(True, get(engine, number, conn))
