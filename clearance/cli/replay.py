"""`clearance replay DIR`: an exporter's history checked day by day in a fresh database, with a timeline chart."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from clearance.cli.common import console, err_console, print_json
from clearance.errors import DataError
from clearance.settings import Settings, get_settings
from clearance.workflows.desk import Desk
from clearance.workflows.desk.chart import write_chart
from clearance.workflows.desk.history import overlays_of, replay_history
from clearance.workflows.facade import Clearance
from clearance.workflows.lists import ensure_lists


def register(app: typer.Typer) -> None:
    app.command("replay")(replay)


def _timeline(given: Path | None, settings: Settings) -> Path | None:
    if given is not None:
        if not given.is_file():
            raise DataError("timeline file not found", file=given)
        return given
    guess = settings.data.expanduser().resolve().parent / "regulatory" / "ear-timeline.yaml"
    return guess if guess.is_file() else None


def replay(
    folder: Annotated[Path, typer.Argument(help="A folder with orders.yaml (and licences.yaml, revocations.yaml, "
                                                "overlays/, parties.csv), e.g. examples/huawei.")],
    out: Annotated[Path, typer.Option("--out", help="The timeline chart (PNG).")] = Path("replay-timeline.png"),
    timeline: Annotated[Path | None, typer.Option("--timeline", help="ear-timeline.yaml (default: "
                                                                     "CLEARANCE_DATA/../regulatory/).")] = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Replay a folder's orders date by date in a fresh, temporary database (your database is not touched):
    what Clearance decides for each order line and why, licence events, and a timeline chart."""
    if not (folder / "orders.yaml").is_file():
        raise DataError("no orders.yaml in the folder", file=folder)
    base = get_settings()
    tl = _timeline(timeline, base)
    with tempfile.TemporaryDirectory(prefix="clearance-replay-") as tmp:
        settings = base.model_copy(update={"db": str(Path(tmp) / "replay.db"), "snapshot": True,
                                           "max_age_days": 100_000})
        with Desk(Clearance(settings=settings), actor="replay", overlays=overlays_of(folder)) as desk:
            loaded = ensure_lists(desk.store, settings)
            history = replay_history(desk, folder)
    chart = write_chart(history, out, tl, f"Clearance replay of {folder.name}: order lines by date and verdict")
    if json_:
        print_json({**history.to_dict(), "chart": str(chart), "timeline": str(tl) if tl else None})
        return
    if loaded:
        err_console.print("lists: the embedded dated snapshot (" + ", ".join(
            f"{o.list_code} {o.result.version.data_date}" for o in loaded if o.result is not None) + ")")
    table = Table(title=f"{folder.name}: {len(history.rows)} order lines replayed")
    for col in ("date", "order", "line", "verdict", "outcome", "why"):
        table.add_column(col)
    colour = {"RELEASE": "green", "HOLD": "yellow", "BLOCK": "red"}
    for r in history.rows:
        assert r.answer is not None and r.decision is not None
        v = r.answer.verdict.value
        why = (f"({r.answer.hold.value}) " if r.answer.hold else "") + "; ".join(r.answer.reasons)
        table.add_row(str(r.decision.as_of), r.order_id, str(r.line), f"[{colour[v]}]{v}[/]", r.decision.outcome.value,
                      escape(why[:150]))
    console.print(table)
    for e in history.licence_events:
        console.print(f"{e.day}  licence {e.text}", highlight=False)
    if history.parties:
        console.print("counterparties screened today: " + ", ".join(f"{p.party_id} {p.status}"
                                                                    for p in history.parties), highlight=False)
    console.print(f"audit trail: {history.audit_records} records, "
                  f"{'intact' if history.audit_ok else 'BROKEN'}; chart: {chart}"
                  + ("" if tl else " (no ear-timeline.yaml found: EAR events not drawn; --timeline PATH)"))
