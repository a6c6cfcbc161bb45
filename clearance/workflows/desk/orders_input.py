"""Desk order files (YAML, JSON, JSON lines, CSV) → one validated order line per item, or a bad line.

A desk order is the order of ``clearance determine --order`` (date, route, parties by role, end use,
knowledge, facts) with its items either as ``item`` (one line, ``quantity`` beside it) or as ``lines``
(each an item mapping with its ``quantity``). The desk needs what the engine alone may do without: a date,
at least one party and each line's ECCN; an order missing one is a bad line naming the file, line and field.
Each bad line is reported and the rest of the file is processed.

CSV: one row per order line, columns ``id, date, to, eccn`` and optionally ``description, origin, kind,
quantity, value, end_use, transaction`` and one column per party role (``purchaser``,
``intermediate_consignee``, ``ultimate_consignee``, ``end_user``, each with ``<role>_country``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from clearance.errors import DataError
from clearance.model.determination import Request
from clearance.model.order_input import parse_amount, validate_order
from clearance.workflows.order_files import decode, parse_json, parse_yaml, read_bytes, read_order_lines
from clearance.workflows.order_requests import to_request

ROLES = ("purchaser", "intermediate_consignee", "ultimate_consignee", "end_user")
_DESK_KEYS = ("lines", "quantity")
_CSV_ITEM = ("eccn", "description", "origin", "kind", "value")
_CSV_ORDER = ("id", "date", "to", "end_use", "transaction")


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line of one order, ready to determine."""

    file_line: int  # where it is in the file
    order_id: str
    line: int  # 1-based line of the order
    raw: dict[str, Any]  # the order input of this line (an OrderInput mapping): what the audit log keeps
    request: Request
    notes: tuple[str, ...]
    quantity: Fraction | None
    value: Fraction | None


@dataclass(frozen=True, slots=True)
class BadLine:
    file_line: int | None
    order_id: str
    field: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.file_line, "order": self.order_id, "field": self.field, "error": self.message}


def _id(raw: Any, fallback: str) -> str:
    oid = raw.get("id") if isinstance(raw, Mapping) else None
    return str(oid) if isinstance(oid, str | int) and not isinstance(oid, bool) and str(oid).strip() else fallback


def _plain(value: Any) -> Any:
    """Parsed YAML/JSON as plain JSON values (dates as ISO text, exact numbers as text) for the store."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


plain = _plain  # for the other desk inputs written like orders (licence applications)


def split_order(raw: Any, file: str, file_line: int) -> Iterator[OrderLine | BadLine]:
    """The lines of one order mapping (validated), or the bad line saying what is wrong."""
    oid = _id(raw, f"line {file_line}")
    if not isinstance(raw, Mapping):
        yield BadLine(file_line, oid, None, "an order must be a mapping (id, date, to, parties, item or lines)")
        return
    base = {k: v for k, v in raw.items() if k not in _DESK_KEYS}
    if "lines" in raw:
        lines = raw["lines"]
        if "item" in raw:
            yield BadLine(file_line, oid, "lines", "give either 'item' or 'lines', not both")
            return
        if not isinstance(lines, list) or not lines:
            yield BadLine(file_line, oid, "lines", "'lines' must be a non-empty list of items")
            return
        items = [(f"lines[{i}]", x) for i, x in enumerate(lines)]
    else:
        items = [("item", raw.get("item"))]
    for n, (where, item) in enumerate(items, 1):
        line_at = getattr(item, "line", None) or file_line
        qty: Any = raw.get("quantity")
        if where != "item":
            if not isinstance(item, Mapping):
                yield BadLine(line_at, oid, where, "each line must be a mapping (eccn, quantity, value, ...)")
                continue
            qty = item.get("quantity")
            item = {k: v for k, v in item.items() if k != "quantity"}
        one = {**base, "item": item}
        if len(items) > 1 or where != "item":
            one["id"] = oid
        try:
            got = _line(one, file, line_at, oid, n, qty, where)
        except DataError as exc:
            fld = exc.field
            if fld and fld.startswith("item") and where != "item":
                fld = where + fld[len("item"):]
            yield BadLine(exc.line or line_at, oid, fld, exc.message)
            continue
        yield got


def _line(data: dict[str, Any], file: str, line: int, oid: str, n: int, qty: Any, where: str) -> OrderLine:
    if data.get("date") is None and data.get("time_local") is None:
        raise DataError("required field missing: the desk needs the order's date (YYYY-MM-DD)", file=file,
                        line=line, field="date")
    route = data.get("route")
    if data.get("to") is None and not (isinstance(route, Mapping) and route.get("to") is not None):
        raise DataError("required field missing: the order's destination country", file=file, line=line,
                        field="to")
    order = validate_order(data, file=file, line=line)
    if not order.parties:
        raise DataError("required field missing: the desk needs the order's parties (at least the end user or "
                        "ultimate consignee)", file=file, line=line, field="parties")
    if not order.item.eccn:
        raise DataError("required field missing: each line needs its ECCN (or EAR99)", file=file, line=line,
                        field="item.eccn")
    try:
        quantity = None if qty is None else parse_amount(qty)
    except ValueError as exc:
        raise DataError(str(exc), file=file, line=line,
                        field="quantity" if where == "item" else f"{where}.quantity") from None
    req, notes = to_request(order, oid)
    return OrderLine(line, req.id or oid, n, _plain(data), req, tuple(notes), quantity, order.item.value)


def _csv_order(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {k: row[k] for k in _CSV_ORDER if row.get(k)}
    item = {k: row[k] for k in _CSV_ITEM if row.get(k)}
    out["item"] = item
    if row.get("quantity"):
        out["quantity"] = row["quantity"]
    parties = []
    for role in ROLES:
        if row.get(role):
            p: dict[str, Any] = {"role": role, "name": row[role]}
            if row.get(f"{role}_country"):
                p["country"] = row[f"{role}_country"]
            parties.append(p)
    if parties:
        out["parties"] = parties
    known = (*_CSV_ORDER, *_CSV_ITEM, "quantity", *ROLES, *(f"{r}_country" for r in ROLES))
    unknown = [k for k in row if k not in known]
    if unknown:
        out["_unknown"] = unknown
    return out


def read_desk_orders(path: str) -> Iterator[OrderLine | BadLine]:
    """Every order line of a file, in file order; bad lines are yielded (never raised) after the file opened."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        for n, chunk in read_order_lines(path):
            try:
                data = parse_json(decode(chunk, path, n), path, n)
            except DataError as exc:
                yield BadLine(n, f"line {n}", exc.field, exc.message)
                continue
            yield from split_order(data, path, n)
        return
    text = decode(read_bytes(path), path)
    if not text.strip():
        raise DataError("the file is empty", file=path)
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in ("id", "date", "to", "eccn") if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"the CSV header lacks {', '.join(missing)} (columns: id, date, to, eccn, quantity, value, "
                            "end_user, ...)", file=path, line=1)
        seen: dict[str, int] = {}
        for row in reader:
            n = reader.line_num
            data = _csv_order({k: (v or "").strip() for k, v in row.items() if k is not None})
            unknown = data.pop("_unknown", None)
            if unknown:
                yield BadLine(n, data.get("id", f"line {n}"), unknown[0], f"unknown column {unknown[0]!r}")
                continue
            oid = _id(data, f"line {n}")
            seen[oid] = seen.get(oid, 0) + 1
            for got in split_order(data, path, n):
                if isinstance(got, OrderLine):
                    got = OrderLine(got.file_line, got.order_id, seen[oid], got.raw, got.request, got.notes,
                                    got.quantity, got.value)
                yield got
        return
    data = parse_json(text, path) if suffix == ".json" else parse_yaml(text, path)
    if isinstance(data, Mapping) and "orders" in data:
        data = data["orders"]
    if isinstance(data, Mapping):
        data = [data]
    if not isinstance(data, list):
        raise DataError("expected a list of orders (or a mapping with 'orders')", file=path, line=1)
    for i, raw in enumerate(data):
        yield from split_order(raw, path, getattr(raw, "line", None) or i + 1)
