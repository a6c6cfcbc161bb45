"""The customer master: import counterparties (CSV, XLSX, JSON lines), screen them, remember the history.

Every row is validated before anything is written: a broken row (no id, no name, an unknown country, an id given
twice, an unknown column) is a DataError naming the file, line and field, and nothing is stored. Each imported
counterparty is screened against every loaded list (its name and each alias); its status is the screening's
decision after the reviewers' judgements; each HIT or POSSIBLE match not yet judged for that entry's content
opens a review. Each screening is an audit record, so a counterparty's screening history is the audit trail
of its id (`clearance parties show ID`).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from clearance.errors import DataError
from clearance.model.order_input import Country, Name, Text, data_error
from clearance.screening import Decision, Query, ScreeningIndex, screen
from clearance.store import audit_log as alog
from clearance.store import desk_records as records
from clearance.store.desk_records import Counterparty, NewReview
from clearance.store.engine import write_transaction
from clearance.workflows.desk.desk import Desk
from clearance.workflows.desk.screening import DeskScreener
from clearance.workflows.determination import PartyScreening
from clearance.workflows.order_files import decode, parse_json, read_bytes, read_order_lines
from clearance.workflows.screening import open_index

COLUMNS = ("id", "name", "aliases", "country", "address")
_RANK = {"CLEAR": 0, "POSSIBLE": 1, "HIT": 2, "CANNOT_CLEAR": 3}


class CounterpartyInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)
    id: Name = Field(min_length=1)
    name: Name = Field(min_length=1)
    aliases: list[Name] = Field(default_factory=list, max_length=200)
    country: Country | None = None
    address: Text | None = None

    @field_validator("aliases", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [a.strip() for a in value.split(";") if a.strip()]
        return value


def _rows(path: str) -> Iterator[tuple[int, Any]]:
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        for n, chunk in read_order_lines(path):
            yield n, parse_json(decode(chunk, path, n), path, n)
        return
    if suffix == ".xlsx":
        import openpyxl

        try:
            wb = openpyxl.load_workbook(io.BytesIO(read_bytes(path)), read_only=True, data_only=True)
        except Exception as exc:
            raise DataError(f"not a readable XLSX workbook ({type(exc).__name__})", file=path) from None
        rows = wb.active.iter_rows(values_only=True) if wb.active is not None else iter(())
        header = [str(c).strip().lower() if c is not None else "" for c in next(rows, ())]
        _check_header(header, path)
        for n, cells in enumerate(rows, 2):
            if all(c is None or str(c).strip() == "" for c in cells):
                continue
            yield n, {h: (str(c).strip() if c is not None and str(c).strip() != "" else None)
                      for h, c in zip(header, cells, strict=False) if h}
        return
    text = decode(read_bytes(path), path)
    reader = csv.DictReader(io.StringIO(text))
    _check_header([h.strip().lower() for h in reader.fieldnames or []], path)
    for row in reader:
        if None in row:
            raise DataError("more cells than the header has columns", file=path, line=reader.line_num)
        yield reader.line_num, {k.strip().lower(): (v.strip() or None if isinstance(v, str) else v)
                                for k, v in row.items()}


def _check_header(header: list[str], path: str) -> None:
    missing = [c for c in ("id", "name") if c not in header]
    if missing:
        raise DataError(f"the header lacks {', '.join(missing)} (columns: {', '.join(COLUMNS)})", file=path, line=1)
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise DataError(f"unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})", file=path, line=1,
                        field=unknown[0])


def read_parties(path: str) -> list[Counterparty]:
    """Every counterparty of a file, all validated (a DataError names the first bad row and field)."""
    out: list[Counterparty] = []
    seen: dict[str, int] = {}
    for n, raw in _rows(path):
        if not isinstance(raw, dict):
            raise DataError("each record must be a mapping (id, name, aliases, country, address)", file=path, line=n)
        try:
            x = CounterpartyInput.model_validate(raw)
        except ValidationError as exc:
            raise data_error(CounterpartyInput, exc, raw, file=path, line=n) from None
        if x.id in seen:
            raise DataError(f"counterparty id {x.id!r} is given twice (first on line {seen[x.id]})", file=path,
                            line=n, field="id")
        seen[x.id] = n
        out.append(Counterparty(x.id, x.name, tuple(x.aliases), x.country, x.address))
    if not out:
        raise DataError("the file holds no counterparties", file=path)
    return out


def screen_parties(desk: Desk, parties: list[Counterparty], ds: DeskScreener,
                   index: ScreeningIndex, today: dt.date) -> tuple[list[Counterparty], list[NewReview],
                                                                    list[alog.AuditEntry]]:
    """Screen each counterparty (name and aliases); its status after the judgements, reviews to open, and the
    audit record of each screening."""
    done: list[Counterparty] = []
    reviews: list[NewReview] = []
    audit: list[alog.AuditEntry] = []
    versions = {c: v.version_id for c, v in index.versions.items()}
    for p in parties:
        status = "CLEAR"
        hits: dict[tuple[str, str], Any] = {}
        reasons: list[str] = []
        for name in (p.name, *p.aliases):
            result = screen(Query(name, p.country), index, today=today)
            if result.decision is Decision.CANNOT_CLEAR:
                status = "CANNOT_CLEAR"
                reasons.extend(result.reasons)
            for h in result.hits:
                key = (h.list_code, h.entry_id)
                if key not in hits or hits[key].score < h.score:
                    hits[key] = h
        ps = PartyScreening(p.name, p.country, status, tuple(sorted(hits.values(), key=lambda h: -h.score)),
                            versions, "", tuple(reasons))
        applied: list[str] = []
        judged = ds.judge(p.party_id, p.name, ps, None, reviews, applied, possible_only=False)
        if status != "CANNOT_CLEAR":
            status = max((h.decision.value for h in judged.hits), key=lambda d: _RANK[d], default="CLEAR")
        done.append(dataclasses.replace(p, status=status, screened_versions=versions,
                                        screened_at=dt.datetime.now(dt.UTC)))
        audit.append(desk.audit("screening", p.party_id, {
            "party": p.to_dict(), "date": today.isoformat(), "versions": versions, "status": status,
            "reasons": reasons, "judgements": applied,
            "hits": [{"list": h.list_code, "entry_id": h.entry_id, "name": h.name, "score": round(h.score, 4),
                      "decision": h.decision.value} for h in judged.hits]}))
    return done, reviews, audit


def import_parties(desk: Desk, path: str, today: dt.date | None = None) -> tuple[list[Counterparty], list[int]]:
    """Read, screen and store the counterparties of ``path`` (all or nothing); the reviews opened."""
    parties = read_parties(path)
    return store_screened(desk, parties, today)


def store_screened(desk: Desk, parties: list[Counterparty],
                   today: dt.date | None = None) -> tuple[list[Counterparty], list[int]]:
    day = today or dt.date.today()
    ds = desk.desk_screener()
    index = open_index(None, store=desk.store, settings=desk.clearance.settings, today=day)
    done, reviews, audit = screen_parties(desk, parties, ds, index, day)
    now = dt.datetime.now(dt.UTC)
    with write_transaction(desk.store.engine) as conn:
        alog.lock_in(conn)  # before reading which reviews are open: concurrent desks never open one twice
        records.upsert_parties(conn, done, now)
        made = [x for x in records.open_reviews_in(conn, reviews, now) if x is not None]
        if made:
            audit.append(desk.audit("review", ",".join(map(str, made)), {
                "event": "opened", "reviews": [dataclasses.asdict(r) for r in reviews]}))
        alog.append_in(conn, audit, now)
    return done, made
