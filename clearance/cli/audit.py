"""`clearance audit verify|show|export|replay`: the hash-chained audit trail."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.common import console, print_json
from clearance.cli.desk_common import desk_session
from clearance.errors import ConfigError
from clearance.store import audit_log as alog
from clearance.workflows.batch_output import atomic_output
from clearance.workflows.desk.audit import replay as run_replay

audit_app = typer.Typer(
    name="audit",
    help=("The audit trail: every screening, determination, review decision, licence event and list activation "
          "made through the desk, in a hash-chained log kept for at least five years (15 CFR Part 762)."),
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app)


@audit_app.command("verify")
def verify(anchor: Annotated[list[str] | None, typer.Option(
        "--anchor", help="RECORD:SHA256 printed by `clearance audit head` (or export) and kept outside the "
                         "database: the record must still have that hash.")] = None) -> None:
    """Check the whole chain; exit 1 naming the first record altered, removed or re-ordered."""
    try:
        anchors = [alog.parse_anchor(a) for a in anchor or ()]
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    with desk_session() as desk:
        got = alog.verify(desk.store.engine)
        problems = [p for s, h in anchors if (p := alog.check_anchor(desk.store.engine, s, h)) is not None]
    if got.ok and not problems:
        console.print(f"audit log intact: {got.count:,} records, chain verified from record 1 to {got.count}")
        for s, _h in anchors:
            console.print(f"anchor record {s}: hash as anchored")
        return
    if not got.ok:
        typer.echo(f"audit log BROKEN at record {got.first_bad}: {got.problem} ({got.count:,} records verified "
                   "before it)", err=True)
    for p in problems:
        typer.echo(f"audit log does not match its anchor: {p}", err=True)
    raise typer.Exit(1)


@audit_app.command("head")
def head(json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """The chain head (last record number and hash) to keep outside the database; check it later with
    `clearance audit verify --anchor RECORD:SHA256`."""
    with desk_session() as desk:
        h = alog.head(desk.store.engine)
    if json_:
        print_json(h.to_dict())
        return
    console.print(f"chain head: {h.text()}" + (f" (record {h.seq} at {h.at})" if h.at else " (empty log)"),
                  highlight=False)


def _summary(r: alog.AuditRecord) -> str:
    b = r.data
    if r.kind == "determination":
        return f"{b.get('verdict')} {b['decision'].get('outcome')} {'; '.join(b.get('reasons', []))[:90]}"
    if r.kind == "screening":
        return str(b.get("status") or ("cannot clear" if "cannot_clear" in b else
                                       f"{len(b.get('entries', []))} entries"))
    if "event" in b:
        return f"{b['event']} " + ", ".join(f"{k}={v}" for k, v in b.items()
                                            if k in ("reason", "date", "order", "quantity", "value"))[:100]
    return ", ".join(f"{k}={v}" for k, v in list(b.items())[:3])[:100]


@audit_app.command("show")
def show(
    kind: Annotated[str | None, typer.Option("--kind", help="screening, determination, review, licence, "
                                                           "list_activation, parties.")] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="An order line (SO-1#1), a licence, a "
                                                                 "counterparty id, a review id.")] = None,
    since: Annotated[int | None, typer.Option("--since", help="First record number.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many records.")] = 50,
    json_: Annotated[bool, typer.Option("--json", help="Full records as JSON lines.")] = False,
) -> None:
    """Show audit records (number, time, actor, kind, subject, what was decided)."""
    with desk_session() as desk:
        found = list(alog.records(desk.store.engine, kind=kind, subject=subject, since=since, limit=limit))
    if json_:
        for r in found:
            print_json(r.to_dict())
        return
    table = Table(title=f"audit records ({len(found)})")
    for col in ("#", "at (UTC)", "actor", "kind", "subject", "what"):
        table.add_column(col)
    for r in found:
        table.add_row(str(r.seq), r.at[:19], r.actor, r.kind, r.subject, _summary(r))
    console.print(table)


@audit_app.command("export")
def export(out: Annotated[str, typer.Option("--out", help="File to write (JSON lines); - for stdout.")] = "-") -> None:
    """Every record as JSON lines (with its hashes), for an auditor or an archive."""
    last: alog.AuditRecord | None = None
    with desk_session() as desk:
        if out == "-":
            for r in alog.records(desk.store.engine):
                sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
                last = r
            if last is not None:
                typer.echo(f"chain head of the export: {last.seq}:{last.hash}", err=True)
            return
        n = 0
        with atomic_output(out) as fh:
            for r in alog.records(desk.store.engine):
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
                n += 1
                last = r
    console.print(f"wrote {n:,} audit records to {out}")
    if last is not None:
        console.print(f"chain head of the export: {last.seq}:{last.hash} (keep it outside the database; "
                      "`clearance audit verify --anchor` checks it later)", highlight=False)


@audit_app.command("replay")
def replay(
    seq: Annotated[int, typer.Argument(help="The number of a determination record (`clearance audit show`).")],
    json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Re-compute a recorded determination from the stored list versions and say whether it is identical
    (exit 1 when it is not)."""
    with desk_session() as desk:
        got = run_replay(desk, seq)
    if json_:
        print_json(got.to_dict())
    else:
        head = "IDENTICAL" if got.identical else "DIFFERENT"
        console.print(f"{head}: record {got.seq} ({got.subject}) recorded {got.recorded_outcome} under "
                      f"{got.rules_recorded}; re-computed {got.outcome} under {got.rules_now}")
        for d in got.differences:
            console.print(f"  {d}")
    if not got.identical:
        raise typer.Exit(1)
