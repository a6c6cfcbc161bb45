"""Licence applications in the store: add (all-or-nothing), read, change status, keep the last evaluation.

An application is submitted, then pending (BIS registered it and reviews it), then granted (a licence, added
in the same transaction), denied or returned without action. Only a submitted or pending application
changes status; each change is a dated event in the audit trail with who and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clearance.errors import ConfigError, NotFoundError
from clearance.model.desk import Licence
from clearance.store.audit_log import AuditEntry, append_in
from clearance.store.desk_schema import licence_applications, licences
from clearance.store.engine import write_transaction
from clearance.store.licences import add_in as add_licences_in

STATUSES = ("submitted", "pending", "granted", "denied", "returned")
OPEN = ("submitted", "pending")  # still waiting for BIS: what a policy change can still affect
FINAL = ("granted", "denied", "returned")


@dataclass(frozen=True, slots=True)
class Application:
    reference: str
    applicant: str
    submitted: dt.date
    status: str
    status_date: dt.date
    status_reason: str | None
    licence_number: str | None
    request: dict[str, Any]  # the application as an order mapping (id = reference, date = submitted)
    evaluation: dict[str, Any]  # the review policy each line met when last evaluated

    @property
    def open(self) -> bool:
        return self.status in OPEN

    def to_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "applicant": self.applicant, "submitted": self.submitted.isoformat(),
                "status": self.status, "status_date": self.status_date.isoformat(),
                "status_reason": self.status_reason, "licence": self.licence_number, "request": self.request,
                "evaluation": self.evaluation}


def _application(r: Any) -> Application:
    return Application(r.reference, r.applicant, r.submitted, r.status, r.status_date, r.status_reason,
                       r.licence_number, dict(r.request), dict(r.evaluation))


def add(engine: Engine, items: Sequence[Application], audit: Sequence[AuditEntry]) -> None:
    """Store new applications (a reference already stored is refused, and then nothing is stored)."""
    now = dt.datetime.now(dt.UTC)
    with write_transaction(engine) as conn:
        refs = [x.reference for x in items]
        dup = sorted({n for n in refs if refs.count(n) > 1})
        known = conn.execute(sa.select(licence_applications.c.reference)
                             .where(licence_applications.c.reference.in_(refs))).scalars().all()
        if dup or known:
            raise ConfigError(f"application {', '.join(dup or sorted(known))} is already "
                              f"{'given twice in the file' if dup else 'stored'}; nothing was added (change its "
                              "status with `clearance licenses application-status`)")
        conn.execute(sa.insert(licence_applications), [{
            "reference": x.reference, "applicant": x.applicant, "submitted": x.submitted, "status": x.status,
            "status_date": x.status_date, "status_reason": x.status_reason, "licence_number": None,
            "request": x.request, "evaluation": x.evaluation, "added_at": now, "updated_at": now} for x in items])
        append_in(conn, audit)


def all_applications(engine: Engine, status: Sequence[str] | None = None) -> list[Application]:
    q = sa.select(licence_applications).order_by(licence_applications.c.submitted, licence_applications.c.reference)
    if status is not None:
        q = q.where(licence_applications.c.status.in_(list(status)))
    with engine.connect() as conn:
        return [_application(r) for r in conn.execute(q)]


def get(engine: Engine, reference: str, conn: Connection | None = None) -> Application:
    q = sa.select(licence_applications).where(licence_applications.c.reference == reference)
    if conn is None:
        with engine.connect() as c:
            row = c.execute(q).first()
    else:
        row = conn.execute(q).first()
    if row is None:
        raise NotFoundError(f"no licence application {reference!r}; see `clearance licenses applications`")
    return _application(row)


def set_status(engine: Engine, reference: str, status: str, day: dt.date, reason: str | None,
               audit: AuditEntry, licence: Licence | None = None, licence_number: str | None = None) -> Application:
    """Record a status change (and, for a grant, add ``licence`` or link the stored ``licence_number``)."""
    if status not in STATUSES:
        raise ConfigError(f"unknown application status {status!r} (one of {', '.join(STATUSES)})")
    with write_transaction(engine) as conn:
        q = sa.select(licence_applications).where(licence_applications.c.reference == reference)
        if conn.dialect.name == "postgresql":
            q = q.with_for_update()
        row = conn.execute(q).first()
        if row is None:
            raise NotFoundError(f"no licence application {reference!r}; see `clearance licenses applications`")
        app = _application(row)
        if app.status in FINAL:
            raise ConfigError(f"application {reference} was already {app.status} on {app.status_date}; a decided "
                              "application does not change (file a new one)")
        if status == app.status:
            raise ConfigError(f"application {reference} is already {status}")
        if status == "submitted":
            raise ConfigError(f"application {reference} is {app.status}: it cannot go back to submitted")
        if day < app.submitted:
            raise ConfigError(f"--date {day} is before the application was submitted ({app.submitted})")
        number = None
        if status == "granted":
            if licence is not None:
                add_licences_in(conn, [licence], [])
                number = licence.number
            elif licence_number is not None:
                if conn.execute(sa.select(licences.c.number).where(licences.c.number == licence_number)).first() \
                        is None:
                    raise NotFoundError(f"no licence {licence_number!r}; see `clearance licenses list`")
                number = licence_number
            else:
                raise ConfigError("a granted application needs its licence (number and terms)")
        conn.execute(sa.update(licence_applications).where(licence_applications.c.reference == reference).values(
            status=status, status_date=day, status_reason=reason, licence_number=number,
            updated_at=dt.datetime.now(dt.UTC)))
        append_in(conn, [audit])
        return get(engine, reference, conn)


def set_evaluation(engine: Engine, items: Sequence[tuple[str, dict[str, Any]]], audit: Sequence[AuditEntry]) -> None:
    """Keep the new evaluations of applications (reference, evaluation) with their audit records."""
    if not items:
        return
    with write_transaction(engine) as conn:
        for reference, evaluation in items:
            conn.execute(sa.update(licence_applications).where(licence_applications.c.reference == reference)
                         .values(evaluation=evaluation, updated_at=dt.datetime.now(dt.UTC)))
        append_in(conn, audit)
