"""`clearance impact`: what a list update or a policy change does to the desk's counterparties, orders, licences."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from clearance.cli.common import console, print_json
from clearance.cli.desk_common import desk_session
from clearance.workflows.desk.impact import impact as run_impact


def register(app: typer.Typer) -> None:
    app.command("impact")(impact)


def impact(
    since: Annotated[str | None, typer.Option("--since", help="A list version (el-3): also report counterparties "
                                                             "hitting entries added or changed since it.")] = None,
    overlay: Annotated[list[Path] | None, typer.Option("--overlay", help="A proposed rule or policy (what-if: "
                                                                         "nothing is recorded).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report only; record nothing.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Re-evaluate every counterparty, checked order line, pending licence application and licence against the
    active lists (and a proposed overlay); report newly listed counterparties, orders newly held or blocked,
    applications whose review policy changed (facing denial), licences no longer usable.

    Without --overlay or --dry-run the new answers are recorded (audit trail, review queue, order verdicts)."""
    with desk_session(tuple(overlay or ())) as desk:
        report = run_impact(desk, since=since, record=not dry_run)
    if json_:
        print_json(report.to_dict())
        return
    c = report.checked
    console.print(("WHAT-IF (nothing recorded): " if report.what_if else "")
                  + f"re-evaluated {c.get('counterparties', 0)} counterparties, {c.get('order_lines', 0)} order lines, "
                  f"{c.get('licences', 0)} licences, {c.get('applications', 0)} pending applications")
    if report.since:
        s = report.since
        console.print(f"since {s['version']} (active {s['active']}): +{s['added']} added, {s['changed']} changed, "
                      f"-{s['removed']} removed entries")
    t = Table(title=f"counterparties newly listed or changed ({len(report.parties)})")
    for col in ("id", "name", "before", "after", "entry changed"):
        t.add_column(col)
    for p in report.parties:
        t.add_row(p["id"], p["name"], p["before"], p["after"], "yes" if p["entry_changed"] else "")
    console.print(t)
    t = Table(title=f"order lines whose answer changed ({len(report.orders)})")
    for col in ("order", "line", "date", "before", "after", "why"):
        t.add_column(col)
    for o in report.orders:
        t.add_row(o["order"], str(o["line"]), o["date"], o["before"], o["after"],
                  escape((f"({o['hold']}) " if o["hold"] else "") + "; ".join(o["reasons"])[:150]))
    console.print(t)
    t = Table(title=f"licences that can no longer cover a shipment ({len(report.licences)})")
    for col in ("licence", "state", "why", "lines no longer covered"):
        t.add_column(col)
    for x in report.licences:
        t.add_row(x["number"], x["state"], x["why"] or "", ", ".join(x["lines_no_longer_covered"]))
    console.print(t)
    t = Table(title=f"pending licence applications whose review policy changed ({len(report.applications)})")
    for col in ("application", "submitted", "before", "after", "on", "facing denial"):
        t.add_column(col)
    for a in report.applications:
        t.add_row(a["reference"], a["submitted"], escape(a["before"] or "(not evaluated)"), escape(a["after"]),
                  a["on"], "[red]YES[/]" if a["facing_denial"] else "")
    console.print(t)
    if report.reviews_opened:
        console.print(f"{len(report.reviews_opened)} review(s) opened or re-opened: `clearance review list`")
