"""Licence applications at the desk: filed, waiting for BIS, then granted (a licence), denied or returned.

An application file (YAML or JSON; a list, or a mapping with ``applications``) holds, per application, its
``reference`` (the application control number), ``applicant``, ``submitted`` date, ``status`` (``submitted``
or ``pending``; default ``submitted``) and the export applied for, written like a desk order: ``to``,
``parties`` by role, and one ``item`` with its ``quantity`` or several ``lines``. Every application of the file
is validated before anything is stored; a bad one is a DataError naming the file, line and field.

Each application is evaluated like an order line that no licence covers: its parties screened against the
active lists (reviewers' judgements applied), the EAR determined, and the review policy its licence
requirement would meet ("presumption of denial", "case-by-case", "policy of denial") kept. ``clearance impact``
re-evaluates every application still submitted or pending: on the later of today and its submission date, and
-- with a proposed overlay -- on each later date the overlay changes a rule, so an application still waiting
when "policy of denial from D" takes effect is reported as facing denial.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from clearance.errors import ConfigError, DataError
from clearance.model.desk import Licence, Verdict
from clearance.model.order_input import Day, Name, data_error
from clearance.model.regulation import RuleSet
from clearance.store import applications as app_store
from clearance.store import licences as lic_store
from clearance.store.applications import Application
from clearance.workflows.desk.desk import Desk, decide, screening_problem
from clearance.workflows.desk.orders_input import BadLine, OrderLine, plain, split_order
from clearance.workflows.desk.verdict import desk_answer
from clearance.workflows.order_files import decode, parse_json, parse_yaml, read_bytes

_HEAD = ("reference", "applicant", "submitted", "status")
LICENCE_YEARS = 4  # 15 CFR 750.7(g): a licence is generally valid four years (the licence's own date wins)


class ApplicationHead(BaseModel):
    """What an application states besides the export applied for."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)
    noun: ClassVar[str] = "each application must be a mapping"
    reference: Name = Field(min_length=1)
    applicant: Name = Field(min_length=1)
    submitted: Day
    status: Literal["submitted", "pending"] = "submitted"


def _lines(order: Mapping[str, Any], file: str, line: int) -> list[OrderLine]:
    out: list[OrderLine] = []
    for got in split_order(order, file, line):
        if isinstance(got, BadLine):
            raise DataError(f"application {order.get('id')!r}: {got.message}", file=file, line=got.file_line,
                            field=got.field)
        out.append(got)
    return out


def read_applications(path: str) -> list[Application]:
    """Every application of a file, validated (not yet evaluated)."""
    text = decode(read_bytes(path), path)
    data = parse_json(text, path) if path.lower().endswith(".json") else parse_yaml(text, path)
    if isinstance(data, Mapping) and "applications" in data:
        data = data["applications"]
    if isinstance(data, Mapping):
        data = [data]
    if not isinstance(data, list) or not data:
        raise DataError("expected a list of applications (or a mapping with 'applications')", file=path, line=1)
    out: list[Application] = []
    for i, raw in enumerate(data):
        line = getattr(raw, "line", None) or i + 1
        if not isinstance(raw, Mapping):
            raise DataError(f"application #{i + 1} must be a mapping", file=path, line=line)
        head_raw = {k: raw[k] for k in _HEAD if k in raw}
        try:
            head = ApplicationHead.model_validate(head_raw)
        except ValidationError as exc:
            raise data_error(ApplicationHead, exc, head_raw, file=path, line=line) from None
        order = {**{k: v for k, v in raw.items() if k not in _HEAD}, "id": head.reference,
                 "date": head.submitted.isoformat()}
        _lines(order, path, line)  # every line must read as an order line
        out.append(Application(head.reference, head.applicant, head.submitted, head.status, head.submitted, None,
                               None, plain(order), {}))
    return out


def lines_of(app: Application) -> list[OrderLine]:
    return _lines(app.request, f"application {app.reference}", 0)


def evaluation_days(desk: Desk, start: dt.date) -> list[dt.date]:
    """``start``, and each later date on which the desk's overlays change a rule."""
    days = {start}
    if desk.overlays:
        base, now = desk.clearance.rules(()), desk.rules()
        for name, p in now.parameters.items():
            if base.parameters.get(name) != p:
                days.update(v.start for v in p.values if v.start > start)
    return sorted(days)


def evaluate(desk: Desk, app: Application, today: dt.date, rules: RuleSet | None = None) -> dict[str, Any]:
    """The review policy each line of ``app`` meets: on the first evaluation day on which a line faces denial,
    else on the last one (see :func:`evaluation_days`)."""
    rules = rules or desk.rules()
    got: dict[str, Any] = {}
    for day in evaluation_days(desk, max(today, app.submitted)):
        got = _evaluate_on(desk, app, day, rules)
        if got["denial"]:
            break
    return got


def _evaluate_on(desk: Desk, app: Application, day: dt.date, rules: RuleSet) -> dict[str, Any]:
    ds = desk.desk_screener()  # a fresh one: nothing evaluated here opens a review
    lines = []
    for line in lines_of(app):
        req = dataclasses.replace(line.request, date=day, licences=())
        evidence: dict[str, Any] = {}
        new: list[Any] = []
        listings = ds.listings(req, evidence, new, [])
        decision = decide(desk.clearance, req, rules, listings, evidence)
        answer = desk_answer(decision, screening=screening_problem(evidence, bool(new)))
        policies = sorted({b.policy or "an unstated policy" for b in decision.bases if b.overcome_by is None})
        lines.append({"line": line.line, "eccn": req.item.eccn, "outcome": decision.outcome.value,
                      "verdict": answer.verdict.value, "hold": answer.hold.value if answer.hold else None,
                      "policies": policies, "denial": answer.verdict is Verdict.BLOCK, "reasons": list(answer.reasons)})
    return {"on": day.isoformat(), "rules": rules.version, "lines": lines, "denial": any(x["denial"] for x in lines),
            "policy": summary(lines)}


def summary(lines: list[dict[str, Any]]) -> str:
    """One phrase for an evaluation: the policies met, "no licence required", or why it cannot be told."""
    parts: list[str] = []
    for x in lines:
        if x["outcome"] == "PROHIBITED":
            text = "PROHIBITED"
        elif x["outcome"] == "LICENSE_REQUIRED":
            text = ", ".join(x["policies"])
        elif x["outcome"] == "CANNOT_CLEAR":
            text = f"cannot tell ({x['hold'] or 'cannot_clear'})"
        else:
            text = f"no licence required ({x['outcome']})"
        if text not in parts:
            parts.append(text)
    return "; ".join(parts)


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    def key(ev: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        return [(x["line"], x["verdict"], x["outcome"], tuple(x["policies"])) for x in ev.get("lines", [])]

    return key(before) != key(after)


def add_applications(desk: Desk, path: str, today: dt.date | None = None) -> list[Application]:
    """Read, evaluate and store the applications of ``path`` (all or nothing)."""
    day = today or dt.date.today()
    items = [dataclasses.replace(a, evaluation=evaluate(desk, a, day)) for a in read_applications(path)]
    app_store.add(desk.store.engine, items, [desk.audit("application", a.reference, {
        "event": a.status, "application": {k: v for k, v in a.to_dict().items() if k != "evaluation"},
        "evaluation": a.evaluation, "file": path}) for a in items])
    return items


def applications(desk: Desk, open_only: bool = False) -> list[Application]:
    return app_store.all_applications(desk.store.engine, app_store.OPEN if open_only else None)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def licence_of(app: Application, number: str, day: dt.date, valid_to: dt.date | None, conditions: str) -> Licence:
    """The licence an application granted on ``day`` gives, on the application's terms: its parties, ECCNs and
    destination; the quantities and values applied for as limits; valid ``LICENCE_YEARS`` unless ``valid_to``."""
    lines = lines_of(app)
    quantities = [x.quantity for x in lines]
    values = [x.value for x in lines]
    q_limit = sum((q for q in quantities if q is not None), Fraction(0)) if None not in quantities else None
    v_limit = sum((v for v in values if v is not None), Fraction(0)) if None not in values else None
    if q_limit is None and v_limit is None:
        raise ConfigError(f"application {app.reference} states no quantity or value for every line: add the licence "
                          "as issued with `clearance licenses add FILE` and give its number (--number)")
    until = valid_to or _years_later(day, LICENCE_YEARS)
    if until < day:
        raise ConfigError(f"--valid-to {until} is before the grant date {day}")
    req = lines[0].request
    parties = tuple(dict.fromkeys(p.name for x in lines for p in x.request.parties))
    eccns = tuple(dict.fromkeys(x.request.item.eccn for x in lines if x.request.item.eccn))
    return Licence(number, app.applicant, "own", None, parties, eccns, req.to_country, q_limit, v_limit,
                   Fraction(0), Fraction(0), day, until, conditions)


def set_status(desk: Desk, reference: str, status: str, day: dt.date, reason: str | None = None, *,
               number: str | None = None, valid_to: dt.date | None = None, conditions: str = "") -> Application:
    """Record what became of an application. ``granted`` needs the licence ``number``: a licence already added
    (`clearance licenses add`) is linked, else one is added on the application's terms."""
    licence = None
    if status == "granted":
        if not number:
            raise ConfigError("a granted application needs the licence number (--number)")
        known = {x.number for x in lic_store.all_licences(desk.store.engine)}
        if number not in known:
            licence = licence_of(app_store.get(desk.store.engine, reference), number, day, valid_to, conditions)
    elif number:
        raise ConfigError("--number is given only with a grant")
    if status in ("denied", "returned") and not (reason or "").strip():
        raise ConfigError(f"give the reason BIS gave for the application being {status} (--reason)")
    body: dict[str, Any] = {"event": status, "date": day.isoformat(), "reason": reason}
    if licence is not None:
        body["licence"] = licence.to_dict()
    elif number:
        body["licence_number"] = number
    return app_store.set_status(desk.store.engine, reference, status, day, reason,
                                desk.audit("application", reference, body), licence,
                                number if licence is None else None)
