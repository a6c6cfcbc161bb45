"""`clearance orders check FILE`: every party screened, every line determined, licence cover applied."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from clearance.cli.common import console, err_console
from clearance.cli.desk_common import desk_session
from clearance.workflows.desk import LineResult, read_desk_orders

orders_app = typer.Typer(name="orders", help="Check orders: RELEASE, HOLD (and why) or BLOCK per order line.",
                         no_args_is_help=True)

PARTIAL_EXIT = 1  # some lines could not be read (the others were checked)


def register(app: typer.Typer) -> None:
    app.add_typer(orders_app)


def _count_lines(path: str) -> int | None:
    if path == "-" or not Path(path).is_file():
        return None
    if Path(path).suffix.lower() not in (".jsonl", ".ndjson", ".csv"):
        return None
    with open(path, "rb") as fh:
        n = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return n - (1 if path.lower().endswith(".csv") else 0)


@orders_app.command("check")
def check(
    file: Annotated[str, typer.Argument(help="Orders: YAML, JSON, JSON lines or CSV (see docs/workflow.md).")],
    json_: Annotated[bool, typer.Option("--json", help="One JSON object per order line on stdout.")] = False,
    overlay: Annotated[list[Path] | None, typer.Option("--overlay", help="Proposed rules (what-if).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Answer only: draw down no licence, record "
                                                           "nothing.")] = False,
) -> None:
    """Check each order line: RELEASE, HOLD (review, licence needed, missing fact) or BLOCK.

    Lines that cannot be read are reported by file line and field; the rest are checked; the exit code is 1
    when any line could not be read. Licences relied on are drawn down and every screening and determination
    is appended to the audit trail (unless --dry-run). A CANNOT_CLEAR line is always HOLD, never RELEASE.
    """
    counts: Counter[str] = Counter()
    holds: Counter[str] = Counter()
    bad: list[LineResult] = []
    total = _count_lines(file)
    bar = Progress(TextColumn("[bold]checking orders"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err_console, transient=True, disable=not err_console.is_terminal)
    task = bar.add_task("orders", total=total)
    rows: list[LineResult] = []
    with desk_session(tuple(overlay or ())) as desk, bar:
        for r in desk.check(read_desk_orders(file), record=not dry_run,
                            progress=lambda n: bar.update(task, completed=n)):
            if r.error is not None:
                bad.append(r)
                counts["bad line"] += 1
                if json_:
                    sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
                continue
            assert r.answer is not None
            counts[r.answer.verdict.value] += 1
            if r.answer.hold is not None:
                holds[r.answer.hold.value] += 1
            if json_:
                sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False, default=str) + "\n")
            elif len(rows) < 200:
                rows.append(r)
    for b in bad:
        assert b.error is not None
        e = b.error
        err_console.print(f"error: {file}:{e.file_line}: order {e.order_id!r}"
                          + (f", field {e.field!r}" if e.field else "") + f": {e.message}", highlight=False)
    if not json_:
        _print(rows, counts)
    summary = ", ".join(f"{k}: {v:,}" for k, v in sorted(counts.items()))
    if holds:
        summary += " (holds: " + ", ".join(f"{k} {v:,}" for k, v in sorted(holds.items())) + ")"
    err_console.print(f"checked {sum(counts.values()):,} order lines -- {summary}", highlight=False)
    if bad:
        raise typer.Exit(PARTIAL_EXIT)


def _print(rows: list[LineResult], counts: Counter[str]) -> None:
    table = Table(title="order lines" + (" (first 200)" if sum(counts.values()) > 200 else ""))
    for col in ("order", "line", "date", "verdict", "outcome", "why", "licence"):
        table.add_column(col)
    colour = {"RELEASE": "green", "HOLD": "yellow", "BLOCK": "red"}
    for r in rows:
        assert r.answer is not None and r.decision is not None
        v = r.answer.verdict.value
        why = (f"({r.answer.hold.value}) " if r.answer.hold else "") + "; ".join(r.answer.reasons)
        table.add_row(r.order_id, str(r.line), str(r.decision.as_of), f"[{colour[v]}]{v}[/]", r.decision.outcome.value,
                      escape(why[:160]), ", ".join(r.answer.licences) or "; ".join(r.licence_notes)[:90])
    console.print(table)
