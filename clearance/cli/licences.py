"""`clearance licenses add|list|show|revoke`: licences held, their drawdowns and dated revocations."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.common import console, print_json
from clearance.cli.desk_common import desk_session
from clearance.errors import ConfigError
from clearance.model.desk import Licence, amount_text
from clearance.store import licences as lic_store
from clearance.store.applications import STATUSES, Application
from clearance.workflows.desk import applications as app_flow

licenses_app = typer.Typer(
    name="licenses",
    help=("Licences held (the exporter's own, or a supplier's relied on with its written confirmation): quantity "
          "and value drawn down by each shipment; an overdrawn, expired or revoked licence never covers one. "
          "Licence applications: filed, pending, then granted (a licence), denied or returned without action."),
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(licenses_app)


def _table(items: list[Licence], title: str) -> Table:
    table = Table(title=title)
    for col in ("number", "holder", "kind", "parties", "ECCNs", "to", "valid", "quantity used/limit",
                "value used/limit", "state"):
        table.add_column(col)
    for x in items:
        table.add_row(x.number, x.holder, x.kind, "; ".join(x.parties), ", ".join(x.eccns), x.destination,
                      f"{x.valid_from} – {x.valid_to or 'open'}",
                      f"{amount_text(x.quantity_used)}/{amount_text(x.quantity_limit) or '-'}",
                      f"{amount_text(x.value_used)}/{amount_text(x.value_limit) or '-'}", x.state())
    return table


@licenses_app.command("add")
def add(file: Annotated[str, typer.Argument(help="YAML or JSON file of licences (see docs/workflow.md).")]) -> None:
    """Add licences from a file (all or nothing: a bad licence names its line and field, and none is added)."""
    with desk_session() as desk:
        items = desk.add_licences(file)
    console.print(_table(items, f"added {len(items)} licence(s)"))


@licenses_app.command("list")
def list_(json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Every licence with what is left of it."""
    with desk_session() as desk:
        items = desk.licences()
    if json_:
        print_json([x.to_dict() for x in items])
        return
    console.print(_table(items, f"licences ({len(items)})"))


@licenses_app.command("show")
def show(number: Annotated[str, typer.Argument(help="Licence number.")],
         json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """One licence, its conditions and every drawdown."""
    with desk_session() as desk:
        x = lic_store.get(desk.store.engine, number)
        draws = lic_store.drawdowns(desk.store.engine, number)
    if json_:
        print_json({**x.to_dict(), "drawdowns": [{"order": d.order_id, "line": d.line, "date": d.shipped_on.isoformat(),
                                                  "quantity": amount_text(d.quantity), "value": amount_text(d.value)}
                                                 for d in draws]})
        return
    console.print(_table([x], f"licence {number}"))
    if x.conditions:
        console.print(f"conditions: {x.conditions}")
    if x.supplier_confirmation:
        console.print(f"supplier's written confirmation: {x.supplier_confirmation}")
    if x.revoked_on:
        console.print(f"[red]revoked on {x.revoked_on}[/]: {x.revoke_reason}")
    table = Table(title=f"drawdowns ({len(draws)})")
    for col in ("date", "order", "line", "quantity", "value"):
        table.add_column(col)
    for d in draws:
        table.add_row(d.shipped_on.isoformat(), d.order_id, str(d.line), amount_text(d.quantity),
                      amount_text(d.value))
    console.print(table)


@licenses_app.command("revoke")
def revoke(
    number: Annotated[str, typer.Argument(help="Licence number.")],
    date: Annotated[str, typer.Option("--date", help="Revoked from this date (YYYY-MM-DD).")],
    reason: Annotated[str, typer.Option("--reason", help="Why (kept in the audit trail).")],
) -> None:
    """Record a revocation: shipments from that date on are no longer covered."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise ConfigError(f"--date {date!r} is not a date (YYYY-MM-DD)") from None
    with desk_session() as desk:
        x = desk.revoke_licence(number, day, reason)
    console.print(f"licence {x.number} revoked from {x.revoked_on}: {x.revoke_reason}")


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def _app_table(items: list[Application], title: str) -> Table:
    table = Table(title=title)
    for col in ("reference", "applicant", "submitted", "status", "to", "items", "parties", "review policy met",
                "evaluated on"):
        table.add_column(col)
    for a in items:
        lines = app_flow.lines_of(a)
        items_text = "; ".join(f"{x.request.item.eccn} x{amount_text(x.quantity) or '?'}" for x in lines)
        parties = "; ".join(dict.fromkeys(p.name for x in lines for p in x.request.parties))
        status = a.status + (f" {a.status_date}" if a.status != "submitted" else "") + (
            f" → {a.licence_number}" if a.licence_number else "")
        policy = a.evaluation.get("policy", "") if a.open else ""
        if a.open and a.evaluation.get("denial"):
            policy = f"[red]{policy}[/]"
        table.add_row(a.reference, a.applicant, a.submitted.isoformat(), status, lines[0].request.to_country,
                      items_text, parties, policy, a.evaluation.get("on", "") if a.open else "")
    return table


@licenses_app.command("apply")
def apply(file: Annotated[str, typer.Argument(help="YAML or JSON file of licence applications "
                                                   "(see docs/workflow.md).")]) -> None:
    """Record licence applications filed with BIS (all or nothing), each evaluated: the review policy it meets."""
    with desk_session() as desk:
        items = app_flow.add_applications(desk, file)
    console.print(_app_table(items, f"recorded {len(items)} application(s)"))


@licenses_app.command("applications")
def applications(
    open_only: Annotated[bool, typer.Option("--open", help="Only those still submitted or pending.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Licence applications, their status and (while open) the review policy they meet."""
    with desk_session() as desk:
        items = app_flow.applications(desk, open_only)
    if json_:
        print_json([x.to_dict() for x in items])
        return
    console.print(_app_table(items, f"licence applications ({len(items)})"))


@licenses_app.command("application-status")
def application_status(
    reference: Annotated[str, typer.Argument(help="The application's reference.")],
    status: Annotated[str, typer.Argument(help=f"New status: {', '.join(STATUSES[1:])}.")],
    date: Annotated[str, typer.Option("--date", help="The date of the change (YYYY-MM-DD).")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why (required for denied and returned).")] = None,
    number: Annotated[str | None, typer.Option("--number", help="granted: the licence number (a licence already "
                                                              "added is linked; else one is added on the "
                                                              "application's terms).")] = None,
    valid_to: Annotated[str | None, typer.Option("--valid-to", help="granted: the licence's expiry (default: four "
                                                                  "years, 15 CFR 750.7(g)).")] = None,
    conditions: Annotated[str, typer.Option("--conditions", help="granted: the licence's conditions.")] = "",
) -> None:
    """Record what became of an application: pending, granted (a licence), denied, or returned without action."""
    if status not in STATUSES[1:]:
        raise ConfigError(f"unknown status {status!r} (one of {', '.join(STATUSES[1:])})")
    day = _day(date, "--date")
    assert day is not None
    with desk_session() as desk:
        got = app_flow.set_status(desk, reference, status, day, reason, number=number,
                                  valid_to=_day(valid_to, "--valid-to"), conditions=conditions)
        lic = lic_store.get(desk.store.engine, got.licence_number) if got.licence_number else None
    console.print(f"application {got.reference} {got.status} on {got.status_date}"
                  + (f": {got.status_reason}" if got.status_reason else ""), highlight=False)
    if lic is not None:
        console.print(_table([lic], f"licence {lic.number} (from application {got.reference})"))
