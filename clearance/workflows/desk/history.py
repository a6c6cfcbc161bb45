"""Replaying an exporter's history: a folder of counterparties, licences, licence events, policy overlays and
orders, checked day by day in a fresh database, as the desk would have checked them on each order date.

The folder (see examples/huawei/): ``orders.yaml`` (required), ``licences.yaml``, ``revocations.yaml`` (a list
of ``{number, date, reason}``), ``overlays/*.yaml`` (proposed or practised policy, dated inside) and
``parties.csv`` (the customer master, screened at the end against the lists loaded today). Licences are added
first (each covers from its ``valid_from``); on each date, that day's revocations are recorded, then that
day's orders are checked (drawing licences down). Nothing touches the user's own database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.errors import DataError
from clearance.store import audit_log as alog
from clearance.store import licences as lic_store
from clearance.store.desk_records import Counterparty
from clearance.workflows.desk.desk import Desk, LineResult
from clearance.workflows.desk.orders_input import BadLine, OrderLine, read_desk_orders
from clearance.workflows.desk.parties import import_parties
from clearance.workflows.order_files import decode, parse_yaml, read_bytes


@dataclass(frozen=True, slots=True)
class LicenceEvent:
    day: dt.date
    number: str
    kind: str  # granted / expires / revoked
    text: str


@dataclass
class History:
    rows: list[LineResult] = field(default_factory=list)
    licence_events: list[LicenceEvent] = field(default_factory=list)
    parties: list[Counterparty] = field(default_factory=list)
    audit_records: int = 0
    audit_ok: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"orders": [{"date": str(r.decision.as_of) if r.decision else None, "order": r.order_id,
                            "line": r.line, "verdict": r.answer.verdict.value if r.answer else None,
                            "hold": r.answer.hold.value if r.answer and r.answer.hold else None,
                            "outcome": r.decision.outcome.value if r.decision else None,
                            "reasons": list(r.answer.reasons) if r.answer else [],
                            "licences": list(r.answer.licences) if r.answer else []} for r in self.rows],
                "licence_events": [{"date": e.day.isoformat(), "licence": e.number, "event": e.kind, "text": e.text}
                                   for e in self.licence_events],
                "counterparties": [p.to_dict() for p in self.parties],
                "audit": {"records": self.audit_records, "intact": self.audit_ok}}


def _revocations(path: Path) -> list[tuple[str, dt.date, str]]:
    if not path.is_file():
        return []
    name = str(path)
    data = parse_yaml(decode(read_bytes(name), name), name)
    if not isinstance(data, list):
        raise DataError("expected a list of {number, date, reason}", file=name, line=1)
    out = []
    for i, x in enumerate(data):
        line = getattr(x, "line", None) or i + 1
        if not isinstance(x, Mapping) or set(x) != {"number", "date", "reason"}:
            raise DataError("each revocation is {number, date, reason}", file=name, line=line)
        try:
            day = x["date"] if isinstance(x["date"], dt.date) else dt.date.fromisoformat(str(x["date"]))
        except ValueError:
            raise DataError(f"not a date: {x['date']!r}", file=name, line=line, field="date") from None
        out.append((str(x["number"]), day, str(x["reason"])))
    return out


def overlays_of(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted((folder / "overlays").glob("*.yaml"))) if (folder / "overlays").is_dir() else ()


def replay_history(desk: Desk, folder: Path, today: dt.date | None = None, *, parties: bool = True) -> History:
    """Check the folder's orders date by date with ``desk`` (whose overlays should be the folder's)."""
    out = History()
    orders = folder / "orders.yaml"
    lines: list[OrderLine] = []
    for got in read_desk_orders(str(orders)):
        if isinstance(got, BadLine):
            raise DataError(got.message, file=orders, line=got.file_line, field=got.field)
        lines.append(got)
    if (folder / "licences.yaml").is_file():
        items = desk.read_licences(str(folder / "licences.yaml"))
        lic_store.add(desk.store.engine, items, [desk.audit("licence", x.number, {"event": "added",
                                                                                  "licence": x.to_dict()})
                                                 for x in items])
        for x in items:
            out.licence_events.append(LicenceEvent(x.valid_from, x.number, "granted",
                                                   f"{x.number} granted ({x.kind}): {', '.join(x.eccns)} to "
                                                   f"{'; '.join(x.parties)}"))
            if x.valid_to is not None:
                out.licence_events.append(LicenceEvent(x.valid_to, x.number, "expires", f"{x.number} expires"))
    revocations = _revocations(folder / "revocations.yaml")
    for number, day, reason in revocations:
        out.licence_events.append(LicenceEvent(day, number, "revoked", f"{number} revoked: {reason}"))
    days = sorted({x.request.date for x in lines} | {d for _, d, _ in revocations})
    for day in days:
        for number, d, reason in revocations:
            if d == day:
                desk.revoke_licence(number, d, reason)
        out.rows.extend(desk.check([x for x in lines if x.request.date == day]))
    if parties and (folder / "parties.csv").is_file():
        out.parties, _ = import_parties(desk, str(folder / "parties.csv"), today)
    v = alog.verify(desk.store.engine)
    out.audit_records, out.audit_ok = v.count, v.ok
    out.licence_events.sort(key=lambda e: (e.day, e.number))
    return out
