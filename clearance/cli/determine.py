"""`clearance determine` and `clearance rules show`: EAR determinations for any date, from dated rule data."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from clearance.cli.common import err_console, progress_bar
from clearance.errors import ConfigError
from clearance.model.determination import Determination, Fact, Item, Party, Request, Role, Transaction
from clearance.model.order_input import parse_amount
from clearance.model.regulation import RuleSet, summarise
from clearance.settings import get_settings
from clearance.text.countries import country_code
from clearance.workflows.batch_output import atomic_output
from clearance.workflows.determination import (
    ACCEPT_ANY_AGE,
    EAR_LISTS,
    PartyScreening,
    determine_order_lines,
    with_accepted_ages,
)
from clearance.workflows.facade import LISTINGS_MODES, Clearance
from clearance.workflows.order_files import read_order, read_order_lines, read_scenarios

console = Console()

DETERMINE_HELP = """Is a licence required to ship this item to this party on this date, and why?

Every answer cites the CFR rule and Federal Register document of each dated value it used.

{screening}

Examples:

  clearance determine --eccn 3A991 --to CN --end-user "Huawei Technologies Co., Ltd." --date 2019-06-01

  clearance determine --eccn 3A001.a.2 --to DE --end-user "Acme GmbH" --listings none-found --json

  clearance determine --order order.yaml --overlay proposal.yaml

  clearance determine --orders orders.jsonl --out results.jsonl

  clearance determine --scenarios ../shared/regulatory/ear-scenarios.yaml --listings none-found --json
""".format(screening=(  # one paragraph per line: the help formatter re-wraps it to the terminal
    "Every party is screened against the Entity List, Unverified List, MEU list, Denied Persons List and SDN List "
    "in the loaded versions (see `clearance lists versions`); listings an order gives are cross-checked, and a HIT "
    "they do not name is CANNOT_CLEAR. A near-certain Denied Persons or SDN match gives PROHIBITED. A weaker or "
    "possible match, a stale list, lists describing a later day than the order, or an order naming no party give "
    "CANNOT_CLEAR with the reason. Pass --listings none-found only if you screened the parties yourself."))

OUTCOME_STYLE = {
    "NOT_SUBJECT": "bold green",
    "NO_LICENSE_REQUIRED": "bold green",
    "LICENSE_EXCEPTION": "bold yellow",
    "LICENSE_REQUIRED": "bold red",
    "PROHIBITED": "bold red reverse",
    "CANNOT_CLEAR": "bold magenta",
}


def accept_stale(values: list[str] | None) -> dict[str, int]:
    """``--accept-stale LIST[:DAYS]`` (repeatable, or comma-separated): the maximum list ages the caller accepts for
    this run, per list code (without DAYS: any age). Unknown list codes and bad days are errors."""
    out: dict[str, int] = {}
    for value in values or []:
        for part in (p.strip() for p in value.split(",") if p.strip()):
            code, _, days = part.partition(":")
            code = code.strip().lower()
            if code not in EAR_LISTS:
                raise ConfigError(f"--accept-stale {part!r}: unknown list {code!r} (lists: {', '.join(EAR_LISTS)})")
            if days and not days.strip().isdigit():
                raise ConfigError(f"--accept-stale {part!r}: DAYS must be a whole number of days")
            out[code] = int(days) if days else ACCEPT_ANY_AGE
    return out


class _Decider:
    """The facade's determinations with the chosen listings mode ('screen' or 'none-found')."""

    def __init__(self, mode: str, overlays: list[Path] | None, stale: dict[str, int] | None = None,
                 historical: bool = False) -> None:
        if mode not in LISTINGS_MODES:
            raise ConfigError(f"--listings {mode!r}: use 'screen' (the loaded lists, the default) or 'none-found'")
        self.mode = mode
        settings = get_settings()
        self.stale = dict(stale or {})
        if self.stale:  # the caller accepts these ages for this run: every answer records it (lists consulted)
            settings = settings.model_copy(update={"max_age_overrides": {**settings.max_age_overrides, **self.stale}})
        self.app = Clearance(settings=settings, historical_lists=historical)
        base = self.app.rules()
        self.rulesets = [base] + [self.app.rules([p]) for p in overlays or []]

    def __call__(self, req: Request, rules: RuleSet) -> tuple[Determination, list[PartyScreening]]:
        decision, record = self.app.determine_with_screening(req, listings=self.mode, rules=rules)
        return with_accepted_ages(decision, self.stale), record

    def close(self) -> None:
        self.app.close()


def _parse_date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--date {text!r}: use YYYY-MM-DD") from None


def _country(text: str, option: str) -> str:
    code = country_code(text)
    if code is None:
        raise ConfigError(f"{option} {text!r}: unknown country (use an ISO code such as CN)")
    return code


def _tri(value: bool | None) -> str:
    return "indeterminate" if value is None else str(value)


def render(d: Determination, title: str = "") -> None:
    out = d.to_dict()
    style = OUTCOME_STYLE[out["outcome"]]
    head = f"[{style}]{out['outcome']}[/]  license required: {_tri(d.license_required)}  " \
           f"subject to the EAR: {_tri(d.subject_to_ear)}  as of {out['as_of']}"
    lines = [head]
    for b in out["subject_basis"]:
        lines.append(f"  subject: {b}")
    if out["review_policy"] != "n/a":
        lines.append(f"  review policy an application would meet: [bold]{out['review_policy']}[/]")
    for q in d.open_questions:
        lines.append(f"  [magenta]open question[/]{f' ({q.fact})' if q.fact else ''}: {q.text}")
    for q in d.data_gaps:
        lines.append(f"  [magenta]rule data gap[/]{f' ({q.rule})' if q.rule else ''}: {q.text}")
    for q in d.to_confirm:
        lines.append(f"  [yellow]to be confirmed (review item)[/]: {q.text}")
    console.print(Panel("\n".join(lines), title=title or f"determination {out['id']}".strip(), expand=False))
    if d.bases:
        t = Table(title="License bases", show_lines=True)
        for col in ("code", "party", "policy", "overcome by", "citation"):
            t.add_column(col, overflow="fold")
        for b in d.bases:
            over = b.overcome_by.text() if b.overcome_by else (f"to confirm: {b.indeterminate}" if b.indeterminate
                                                                else "")
            if b.previously_covered_by:
                over = f"{over} (previously {b.previously_covered_by})".strip()
            t.add_row(b.code, b.party or "", b.policy, over, b.cite)
        console.print(t)
    for x in d.exceptions:
        what = {"ALL": "all licence exceptions", "ALL_OTHERS": "all other licence exceptions"}.get(x.symbol, x.symbol)
        console.print(f"  [bold]{x.status.value}:[/] {what} -- {x.reason}" + (f" ({x.citation})" if x.citation else ""))
    for label, values in (("excluded", out["excluded"]), ("obligations", out["obligations"]), ("notes", out["notes"])):
        for v in values:
            console.print(f"  [bold]{label}:[/] {v}")
    not_used = ", ".join(f"{u.code} ({u.why})" for u in d.lists_not_consulted)
    if not_used:
        console.print(f"  [bold]lists not consulted:[/] {not_used}")
    t = Table(title=f"Rules consulted ({out['versions']['rules']})")
    for col in ("rule", "effective", "value", "citation"):
        t.add_column(col, overflow="fold")
    for tr in out["trace"]:
        cite = tr["cite"] + (f" ({tr['fr']})" if tr["fr"] and tr["fr"] not in tr["cite"] else "")
        t.add_row(tr["rule"], tr["effective"], tr["value"], cite)
    console.print(t)


def render_screening(record: list[PartyScreening]) -> None:
    t = Table(title="Parties screened against the loaded lists")
    for col in ("party", "decision", "best entry", "score", "list versions", "reasons"):
        t.add_column(col, overflow="fold")
    for s in record:
        best = s.hits[0] if s.hits else None
        t.add_row(s.name, s.decision, f"{best.list_code} {best.entry_id} {best.name}" if best else "",
                  f"{best.score:.2f}" if best else "", ", ".join(s.list_versions.values()), "; ".join(s.reasons))
    console.print(t)


def _emit(results: list[tuple[Determination, list[PartyScreening]]], as_json: bool, labels: list[str]) -> None:
    if as_json:
        for d, record in results:
            out = d.to_dict()
            if record:
                out["screening"] = [s.to_dict() for s in record]
            sys.stdout.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")
        return
    for (d, record), label in zip(results, labels, strict=True):
        if record:
            render_screening(record)
        render(d, label)


def _single_request(
    eccn: str | None, to: str | None, origin: str, from_: str, end_user: str | None, purchaser: str | None,
    consignee: str | None, intermediate: str | None, date: str | None, value: float | None,
    facts: list[str] | None, transaction: str,
) -> Request:
    if to is None:
        raise ConfigError("--to COUNTRY is required (or use --order FILE / --scenarios FILE)")
    if eccn is None:
        raise ConfigError("--eccn is required (an ECCN such as 3A991, or EAR99)")
    parties = [Party(role, name) for role, name in (
        (Role.END_USER, end_user), (Role.PURCHASER, purchaser), (Role.ULTIMATE_CONSIGNEE, consignee),
        (Role.INTERMEDIATE_CONSIGNEE, intermediate)) if name]
    try:
        fact_set = frozenset(Fact(f) for f in facts or [])
    except ValueError as exc:
        raise ConfigError(f"--fact: {exc} (valid: {', '.join(f.value for f in Fact)}; see docs/facts.md)") from None
    try:
        txn = Transaction(transaction)
    except ValueError:
        raise ConfigError(f"--transaction {transaction!r}: use one of {', '.join(t.value for t in Transaction)}"
                          ) from None
    try:
        amount = parse_amount(value) if value is not None else None
    except ValueError as exc:
        raise ConfigError(f"--value {value!r}: {exc}") from None
    return Request(
        date=_parse_date(date),
        item=Item(eccn=eccn, origin=_country(origin, "--origin"), value=amount),
        to_country=_country(to, "--to"),
        from_country=_country(from_, "--from"),
        transaction=txn,
        parties=tuple(parties),
        facts=fact_set,
        id="cli",
    )


def determine_cmd(
    eccn: Annotated[str | None, typer.Option("--eccn", help="ECCN (3A001.a.2) or EAR99.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Destination country (ISO code or name).")] = None,
    end_user: Annotated[str | None, typer.Option("--end-user", help="End user's name.")] = None,
    purchaser: Annotated[str | None, typer.Option("--purchaser", help="Purchaser's name.")] = None,
    consignee: Annotated[str | None, typer.Option("--ultimate-consignee", help="Ultimate consignee.")] = None,
    intermediate: Annotated[str | None, typer.Option("--intermediate-consignee",
                                                     help="Intermediate consignee.")] = None,
    date: Annotated[str | None, typer.Option("--date", "--as-of", help="Transaction date (default today).")] = None,
    value: Annotated[float | None, typer.Option("--value", help="Item value (USD).")] = None,
    origin: Annotated[str, typer.Option("--origin", help="Where the item was made.")] = "US",
    from_: Annotated[str, typer.Option("--from", help="Country shipped from.")] = "US",
    transaction: Annotated[str, typer.Option("--transaction", help="export, reexport, ...")] = "export",
    fact: Annotated[list[str] | None, typer.Option("--fact", help="A known fact, e.g. military_end_use.")] = None,
    order: Annotated[Path | None, typer.Option("--order", help="Order file (YAML/JSON, scenario schema).")] = None,
    orders: Annotated[str | None, typer.Option(
        "--orders", help="JSON-lines file of orders (one object per line, schema of --order; '-' for stdin): "
        "one JSON result per order line, a bad line gives a CANNOT_CLEAR result naming file and line.")] = None,
    out: Annotated[str, typer.Option("--out", help="Where --orders results go (JSON lines; '-' = stdout).")] = "-",
    scenarios: Annotated[Path | None, typer.Option("--scenarios", help="ear-scenarios.yaml-style file.")] = None,
    overlay: Annotated[list[Path] | None, typer.Option("--overlay", help="Proposed-rule overlay file.")] = None,
    listings: Annotated[str, typer.Option(
        "--listings", help="How parties without given listings are resolved: 'screen' them against the loaded "
        "lists of the date, or 'none-found' (you screened them: not listed).")] = "screen",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    stale: Annotated[list[str] | None, typer.Option(
        "--accept-stale", metavar="LIST[:DAYS]",
        help="Accept a list version older than its maximum age for this run (e.g. el:1200, or dpl for any age); "
             "recorded in every answer. Repeatable.")] = None,
    historical: Annotated[bool, typer.Option(
        "--historical-lists",
        help="Screen an order dated before the loaded list versions against them as they stood on its date (entries "
             "listed later left out); the answer says what this can miss (entries removed since).")] = False,
) -> None:
    accepted = accept_stale(stale)  # (an unknown list is an error before anything is read)
    requests: list[Request] = []  # read and validated before any rule set or list is opened
    if orders is not None and orders != "-":
        lines = read_order_lines(orders)
        next(lines, None)  # a missing, empty, unreadable or UTF-16 file fails here
        lines.close()
    elif orders is None and scenarios is not None:
        requests = [req for req, _notes, _raw in read_scenarios(scenarios)]
    elif orders is None and order is not None:
        requests = [read_order(order)[0]]
    elif orders is None:
        requests = [_single_request(eccn, to, origin, from_, end_user, purchaser, consignee, intermediate, date,
                                    value, fact, transaction)]
    decide = _Decider(listings, overlay, accepted, historical)
    rulesets = decide.rulesets
    try:
        if orders is not None:
            _run_orders(orders, out, rulesets, decide)
            return
        label = "[{}]" if scenarios is not None else "under {}"
        for req in requests:
            _emit([decide(req, rs) for rs in rulesets], as_json,
                  [f"{req.id} {label.format(rs.version)}" for rs in rulesets])
    finally:
        decide.close()


def _run_orders(path: str, out: str, rulesets: list[RuleSet], decide: _Decider) -> None:
    total = 0 if path == "-" else sum(1 for _ in read_order_lines(path))
    counts: Counter[str] = Counter()
    # written to a temporary file renamed on success: an interrupted batch leaves no file that looks complete
    with atomic_output(out) as sink, progress_bar("determining") as progress:
        for rs in rulesets:
            results = determine_order_lines(read_order_lines(path), partial(decide, rules=rs), path, rs)
            for i, result in enumerate(results, 1):
                sink.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
                counts[result["outcome"]] += 1
                if i % 500 == 0:
                    progress(f"{rs.version}", i, total)
    summary = ", ".join(f"{k} {v:,}" for k, v in counts.most_common())
    err_console.print(f"{sum(counts.values()):,} determinations ({summary})" + ("" if out == "-" else f" → {out}"))


def rules_show(
    section: Annotated[str, typer.Argument(help="CFR section, e.g. 744.11, 734.9(e)(1), 738 (or a rule key).")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date (default today).")] = None,
    overlay: Annotated[list[Path] | None, typer.Option("--overlay", help="Apply a proposed-rule overlay.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Print the dated values (and their citations) of a CFR section in force on a date.

    Example: clearance rules show 744.11 --as-of 2020-06-01
    """
    rules = Clearance().rules(overlay[-1:] if overlay else [])
    day = _parse_date(as_of)
    params = rules.in_section(section) or ([rules.param(section)] if rules.has(section) else [])
    if not params:
        raise ConfigError(f"no rules for section {section!r} (try 744.11, 734.9(e)(1), 734.4, 744.21)")
    rows: list[dict[str, Any]] = []
    for p in sorted(params, key=lambda p: p.key):
        dv = p.find(day)
        rows.append({
            "rule": p.key, "section": p.section,
            "effective": dv.start.isoformat() if dv else None,
            "until": (dv.end - dt.timedelta(days=1)).isoformat() if dv and dv.end else None,
            "value": summarise(dv.value) if dv else "(no value on this date)",
            "cite": dv.citation.text() if dv else "", "verification": dv.citation.verification if dv else None,
        })
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    t = Table(title=f"§ {section} as of {day.isoformat()} ({rules.version})", show_lines=True)
    for col in ("rule", "in force", "value", "citation", "checked"):
        t.add_column(col, overflow="fold")
    for r in rows:
        span = f"{r['effective']} → {r['until'] or ''}" if r["effective"] else "—"
        t.add_row(r["rule"], span, r["value"], r["cite"], r["verification"] or "")
    console.print(t)


def register(app: typer.Typer) -> None:
    """Add `determine` and the `rules` group to the main app."""
    app.command("determine", help=DETERMINE_HELP, no_args_is_help=True)(determine_cmd)
    rules_app = typer.Typer(help="Inspect the dated, cited EAR rule data.", no_args_is_help=True)
    rules_app.command("show")(rules_show)
    app.add_typer(rules_app, name="rules")
