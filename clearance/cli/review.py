"""`clearance review list|show|clear|confirm`: the review queue."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from clearance.cli.common import console, print_json
from clearance.cli.desk_common import desk_session
from clearance.errors import ConfigError
from clearance.store import desk_records as records
from clearance.workflows.desk import review as review_flow

review_app = typer.Typer(
    name="review",
    help=("Hits waiting for a person. A cleared hit is remembered for that counterparty and that list entry as it "
          "was, and re-opened when the entry changes in a later list version."),
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app)


@review_app.command("list")
def list_(
    all_: Annotated[bool, typer.Option("--all", help="Decided reviews too.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Open reviews (with --all: every review and its decision)."""
    with desk_session() as desk:
        items = records.list_reviews(desk.store.engine, None if all_ else "open")
        held = review_flow.orders_held(desk)
    if json_:
        print_json([{**r.to_dict(), "orders_held": [f"{o}#{n}" for o, n in held.get(r.review_id, [])]}
                    for r in items])
        return
    table = Table(title=f"reviews ({len(items)})")
    cols = ["id", "party", "list", "entry", "score", "match", "orders held"] + (
        ["status", "by", "reason"] if all_ else [])
    for col in cols:
        table.add_column(col)
    for r in items:
        row = [str(r.review_id), r.party_name, r.version_id, f"{r.entry_id} {r.entry_name}", f"{r.score:.2f}",
               r.decision + (f" (re-opens {r.reopens})" if r.reopens else ""),
               ", ".join(f"{o}#{n}" for o, n in held.get(r.review_id, []))]
        if all_:
            row += [r.status, r.actor or "", r.reason or ""]
        table.add_row(*row)
    console.print(table)


@review_app.command("show")
def show(review_id: Annotated[int, typer.Argument(help="Review id.")],
         json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """The hit, its explanation, the list entry and the order lines waiting for it."""
    with desk_session() as desk:
        got = review_flow.details(desk, review_id)
    if json_:
        print_json(got)
        return
    r = got["review"]
    console.print(escape(f"review {r['id']} [{r['status']}]: {r['party']!r} vs {r['list']} entry {r['entry_id']} "
                         f"{r['entry_name']!r} ({r['version']}), score {r['score']:.2f} {r['decision']}"),
                  highlight=False)
    for f in r["hit"].get("explanation", []):
        console.print(f"  {f.get('feature')} {f.get('value')}: {f.get('detail')}", highlight=False)
    console.print("entry: " + json.dumps(got["entry"], ensure_ascii=False)[:1500], highlight=False)
    for o in got.get("order", []):
        console.print(f"order {o['order']} line {o['line']} ({o['date']}): {o['verdict']} {o['outcome']} -- "
                      + "; ".join(o["reasons"])[:300], highlight=False)
    if r["status"] != "open":
        console.print(f"{r['status']} by {r['actor']} on {r['decided_at']}: {r['reason']}")


def _decide(review_ids: list[int], decision: str, reason: str) -> None:
    with desk_session() as desk:
        for review_id in review_ids:  # every id must exist and be open before any is decided
            r = records.get_review(desk.store.engine, review_id)
            if r.status != "open":
                raise ConfigError(f"review {review_id} was already decided ({r.status} by {r.actor}: {r.reason}); "
                                  "nothing was decided")
        for review_id in review_ids:
            r = review_flow.decide(desk, review_id, decision, reason)
            console.print(f"review {r.review_id} {r.status} by {r.actor}: {r.party_name!r} vs {r.list_code} "
                          f"{r.entry_id} {r.entry_name!r}", highlight=False)


@review_app.command("clear")
def clear(review_ids: Annotated[list[int], typer.Argument(help="Review id(s).")],
          reason: Annotated[str, typer.Option("--reason", help="Why the party is not the listed one.")]) -> None:
    """Clear hits: the party is not the listed one (remembered for this entry as it is now)."""
    _decide(review_ids, "clear", reason)


@review_app.command("confirm")
def confirm(review_ids: Annotated[list[int], typer.Argument(help="Review id(s).")],
            reason: Annotated[str, typer.Option("--reason", help="Why the party is the listed one.")]) -> None:
    """Confirm hits: the party is the listed one (its orders are decided as listed)."""
    _decide(review_ids, "confirm", reason)
