"""The compliance desk as calls on in-memory data, for a long-running server (the HTTP API and the web desk).

The CLI's desk commands read files and act as the operating-system user; a server receives JSON bodies and acts
for the API key that signed the request. ``DeskService`` keeps one :class:`Desk` over the server's facade (one
screener and rule cache, reopened when list versions change) and serialises the calls on it, each with its own
actor, so that every write -- an order check, a licence added or revoked, a review decided, an impact recorded --
is appended to the hash-chained audit log under the name of whoever asked. Reads go through the same object, so
the interfaces never open the store themselves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from clearance.errors import ConfigError, DataError, NotFoundError
from clearance.model.desk import Licence, amount_text, validate_licences
from clearance.store import audit_log as alog
from clearance.store import desk_records as records
from clearance.store import licences as lic_store
from clearance.workflows.desk import review as review_flow
from clearance.workflows.desk.activations import record_activations
from clearance.workflows.desk.desk import Desk, LineResult
from clearance.workflows.desk.impact import ImpactReport
from clearance.workflows.desk.impact import impact as run_impact
from clearance.workflows.desk.orders_input import BadLine, OrderLine, split_order
from clearance.workflows.facade import Clearance

MAX_ORDERS = 500  # orders per request (each may have several lines)
DECISIONS = ("clear", "confirm")


class DeskService:
    """The desk of one server: every call runs under one lock (the facade's screener and caches are not shared
    between threads), with ``actor`` recorded on each audit record it appends."""

    def __init__(self, clearance: Clearance, lock: threading.Lock | threading.RLock | None = None) -> None:
        self.clearance = clearance
        self.lock = lock or threading.RLock()
        self._desk: Desk | None = None

    def close(self) -> None:
        with self.lock:
            if self._desk is not None and self._desk._screener is not None:
                self._desk._screener.close()
            self._desk = None  # the facade is the server's: closed by its owner

    @contextmanager
    def session(self, actor: str, *, write: bool = False) -> Iterator[Desk]:
        """The desk, acting for ``actor``; before a write, list activations not yet in the audit log are."""
        with self.lock:
            if self._desk is None:
                self._desk = Desk(self.clearance, actor=actor)
            desk = self._desk
            desk.actor = actor
            desk.drawn = set()
            if write:
                record_activations(desk)
            yield desk

    # ---- orders ------------------------------------------------------------------------------------------

    def check(self, orders: Sequence[Any], actor: str, *, record: bool = True) -> list[LineResult]:
        """Check orders given as mappings (the schema of `clearance orders check`); a bad order is a bad line
        naming ``orders[i]`` and its field, the rest are checked. With ``record``, licences are drawn down and
        every screening and determination is appended to the audit log as ``actor``."""
        if not orders:
            raise DataError("give at least one order", field="orders")
        if len(orders) > MAX_ORDERS:
            raise DataError(f"at most {MAX_ORDERS} orders per request ({len(orders)} given)", field="orders")
        lines: list[OrderLine | BadLine] = []
        for i, raw in enumerate(orders):
            for got in split_order(raw, f"orders[{i}]", i):
                if isinstance(got, BadLine):
                    got = dataclasses.replace(got, file_line=i)
                lines.append(got)
        with self.session(actor, write=record) as desk:
            return list(desk.check(lines, record=record))

    def order(self, order_id: str) -> list[records.CheckedLine]:
        """The last recorded answer for each line of one order (NotFoundError when it was never checked)."""
        with self.session("reader") as desk:
            found = [x for x in records.checked_lines(desk.store.engine) if x.order_id == order_id]
        if not found:
            raise NotFoundError(f"no checked order {order_id!r}; check it first (POST /v1/orders/check or "
                                "`clearance orders check`)")
        return found

    def orders(self, *, verdict: str | None = None, limit: int = 200) -> list[records.CheckedLine]:
        """Recorded order lines, newest order date first (optionally of one verdict)."""
        with self.session("reader") as desk:
            found = [x for x in records.checked_lines(desk.store.engine) if verdict is None or x.verdict == verdict]
        found.reverse()
        return found[:limit]

    # ---- licences ----------------------------------------------------------------------------------------

    def licences(self) -> list[Licence]:
        with self.session("reader") as desk:
            return desk.licences()

    def licence(self, number: str) -> dict[str, Any]:
        """One licence with every drawdown."""
        with self.session("reader") as desk:
            x = lic_store.get(desk.store.engine, number)
            draws = lic_store.drawdowns(desk.store.engine, number)
        return {**x.to_dict(), "drawdowns": [{"order": d.order_id, "line": d.line, "date": d.shipped_on.isoformat(),
                                              "quantity": amount_text(d.quantity), "value": amount_text(d.value)}
                                             for d in draws]}

    def add_licences(self, data: Any, actor: str, *, source: str = "licences") -> list[Licence]:
        """Add licences given as data (a list, or a mapping with ``licences``); all or nothing."""
        given = data.get("licences") if isinstance(data, dict) else data
        items: list[Licence] = []
        for i, one in enumerate(given if isinstance(given, list) else [given]):
            try:  # one at a time, so that an error names the licence's place in the request
                items += [Licence.of(x) for x, _line in validate_licences([one], file=source)]
            except DataError as exc:
                exc.field = f"{source}[{i}]" + (f".{exc.field}" if exc.field else "")
                exc.message = exc.message.replace("licence #1 ", f"licence #{i + 1} ", 1)
                raise
        numbers = [x.number for x in items]
        if len(set(numbers)) != len(numbers):
            dup = next(n for n in numbers if numbers.count(n) > 1)
            second = numbers.index(dup, numbers.index(dup) + 1)
            raise DataError(f"licence {dup} is given twice", field=f"{source}[{second}].number")
        with self.session(actor, write=True) as desk:
            audit = [desk.audit("licence", x.number, {"event": "added", "licence": x.to_dict(), "file": source})
                     for x in items]
            lic_store.add(desk.store.engine, items, audit)
        return items

    def revoke_licence(self, number: str, day: dt.date, reason: str, actor: str) -> Licence:
        with self.session(actor, write=True) as desk:
            return desk.revoke_licence(number, day, reason)

    # ---- reviews -----------------------------------------------------------------------------------------

    def reviews(self, status: str | None = "open") -> list[records.Review]:
        with self.session("reader") as desk:
            return records.list_reviews(desk.store.engine, status)

    def review(self, review_id: int) -> dict[str, Any]:
        with self.session("reader") as desk:
            return review_flow.details(desk, review_id)

    def decide(self, review_ids: Sequence[int], decision: str, reason: str, actor: str) -> list[records.Review]:
        """Clear or confirm reviews with the reason; every id must exist and be open before any is decided."""
        if decision not in DECISIONS:
            raise DataError(f"decision {decision!r}: use clear or confirm", field="decision")
        if not reason.strip():
            raise DataError("give the reason for the decision: it is kept for the auditor", field="reason")
        if not review_ids:
            raise DataError("give at least one review id", field="ids")
        with self.session(actor, write=True) as desk:
            for review_id in review_ids:
                r = records.get_review(desk.store.engine, review_id)
                if r.status != "open":
                    raise ConfigError(f"review {review_id} was already decided ({r.status} by {r.actor}: "
                                      f"{r.reason}); nothing was decided")
            return [review_flow.decide(desk, review_id, decision, reason) for review_id in review_ids]

    # ---- change impact and audit -------------------------------------------------------------------------

    def impact(self, actor: str, *, since: str | None = None, record: bool = False) -> ImpactReport:
        """Re-evaluate the desk against the active lists; with ``record`` the new answers are kept (as ``actor``),
        else it is a what-if and nothing is written."""
        with self.session(actor, write=record) as desk:
            if since is not None:
                desk.store.version(since)  # an unknown version is an error even when no counterparty is held
            return run_impact(desk, since=since, record=record)

    def verify(self) -> alog.Verification:
        with self.session("reader") as desk:
            return alog.verify(desk.store.engine)

    def audit_records(self, *, kind: str | None = None, subject: str | None = None, since: int | None = None,
                      limit: int | None = None) -> Iterator[alog.AuditRecord]:
        """Records in chain order, streamed in chunks (each chunk its own read: the desk is not held meanwhile)."""
        with self.session("reader") as desk:
            engine = desk.store.engine
        return alog.records(engine, kind=kind, subject=subject, since=since, limit=limit)
