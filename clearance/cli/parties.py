"""`clearance parties import|list|show`: the customer master, screened on import, with its history."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.common import console, print_json
from clearance.cli.desk_common import desk_session
from clearance.store import audit_log as alog
from clearance.store import desk_records as records
from clearance.workflows.desk.parties import import_parties

parties_app = typer.Typer(name="parties", help="Counterparties (customer master), screened against every loaded "
                          "list on import; each keeps its screening history.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(parties_app)


def _table(items: list[records.Counterparty], title: str) -> Table:
    table = Table(title=title)
    for col in ("id", "name", "aliases", "country", "status", "lists"):
        table.add_column(col)
    colour = {"CLEAR": "green", "POSSIBLE": "yellow", "HIT": "red", "CANNOT_CLEAR": "magenta"}
    for p in items:
        table.add_row(p.party_id, p.name, "; ".join(p.aliases)[:60], p.country or "",
                      f"[{colour.get(p.status, 'white')}]{p.status}[/]",
                      ", ".join((p.screened_versions or {}).values()))
    return table


@parties_app.command("import")
def import_(file: Annotated[str, typer.Argument(help="CSV, XLSX or JSON lines: id, name, aliases (;-separated), "
                                                     "country, address.")]) -> None:
    """Import (or update) counterparties and screen them; hits not yet judged open reviews."""
    with desk_session() as desk:
        done, made = import_parties(desk, file)
    console.print(_table(done, f"imported {len(done)} counterparties"))
    if made:
        console.print(f"{len(made)} review(s) opened: `clearance review list`")


@parties_app.command("list")
def list_(json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    with desk_session() as desk:
        items = records.all_parties(desk.store.engine)
    if json_:
        print_json([p.to_dict() for p in items])
        return
    console.print(_table(items, f"counterparties ({len(items)})"))


@parties_app.command("show")
def show(party_id: Annotated[str, typer.Argument(help="Counterparty id.")],
         json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """One counterparty and its screening history (from the audit trail)."""
    with desk_session() as desk:
        p = records.get_party(desk.store.engine, party_id)
        history = list(alog.records(desk.store.engine, kind="screening", subject=party_id))
    if json_:
        print_json({**p.to_dict(), "history": [r.to_dict() for r in history]})
        return
    console.print(_table([p], f"counterparty {party_id}"))
    table = Table(title="screening history")
    for col in ("audit #", "at", "by", "lists", "status", "hits"):
        table.add_column(col)
    for r in history:
        b = r.data
        table.add_row(str(r.seq), r.at[:19], r.actor, ", ".join(b.get("versions", {}).values()), b.get("status", ""),
                      "; ".join(f"{h['list']} {h['entry_id']} {h['name']} {h['score']:.2f} {h['decision']}"
                                for h in b.get("hits", []))[:200])
    console.print(table)
