"""`clearance lists ...`: load, update, show, version history, diffs and single entries."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.common import console, err_console, print_json, progress_bar, store_session
from clearance.errors import DataError
from clearance.model import LISTS, Entity, parse_codes
from clearance.settings import get_settings
from clearance.store import ShrinkRefused, VersionInfo
from clearance.workflows.lists import LoadOutcome, load_paths, stale_reason
from clearance.workflows.update import update as run_update

lists_app = typer.Typer(
    name="lists",
    help=(
        "The restricted-party lists: load files, download updates, show what is loaded, "
        "list versions, diff two versions, show one entry.\n\n"
        "Every load is one immutable, checksummed version; a bad file never replaces a good version, and a "
        "version that may be incomplete (it loses more than CLEARANCE_MAX_SHRINK_PERCENT of the active version, "
        "a companion file is empty, it is a CSL extract) is stored pending, not active."
    ),
    no_args_is_help=True,
)

OnlyOpt = Annotated[
    str | None,
    typer.Option("--only", help="Comma-separated list codes to limit to, e.g. el,sdn (see `clearance lists show`)."),
]


def register(app: typer.Typer) -> None:
    """Add the `lists` command group."""
    app.add_typer(lists_app)


def _files(files: tuple[str, ...]) -> str:
    """The first source file's name, and how many more were read with it."""
    if not files:
        return "-"
    more = f" (+{len(files) - 1})" if len(files) > 1 else ""
    return Path(files[0]).name + more


def _outcome_table(outcomes: list[LoadOutcome], title: str) -> Table:
    table = Table(title=title)
    for col, justify in [
        ("list", "left"),
        ("version", "left"),
        ("entries", "right"),
        ("names", "right"),
        ("data date", "left"),
        ("source file", "left"),
        ("checksum", "left"),
        ("status", "left"),
    ]:
        table.add_column(col, justify=justify, no_wrap=col not in ("source file", "status"))  # type: ignore[arg-type]
    for o in sorted(outcomes, key=lambda o: (o.list_code, o.error is None)):
        files = _files(o.source_files)
        if o.result is None:
            table.add_row(o.list_code, "-", "-", "-", "-", files, "-", "[red]FAILED (below)[/]")
            continue
        v = o.result.version
        status = _load_status(o)
        if o.warnings:
            status += f" [yellow]({len(o.warnings)} warning{'s' if len(o.warnings) > 1 else ''})[/]"
        table.add_row(
            o.list_code,
            v.version_id,
            f"{v.entity_count:,}",
            f"{v.name_count:,}",
            str(v.data_date or "unknown"),
            files,
            v.checksum[:8],
            status,
        )
    return table


def _load_status(o: LoadOutcome) -> str:
    assert o.result is not None
    v = o.result.version
    if o.result.unchanged:
        state = "active" if v.active else v.state
        return f"unchanged (already loaded as {v.version_id}, {state}; which version is active did not change)"
    if v.state == "pending":
        return "[red]PENDING, not active (why: below)[/]"
    if not v.active:
        return f"[yellow]kept as history: {v.hold_reason}[/]"
    return "[green]loaded[/]"


def _pending_line(v: VersionInfo, has_active: bool = True) -> str:
    kept = (
        "The active version stays in use"
        if has_active
        else f"No version of {v.list_code} is active, so screening against it stops with an error"
    )
    return (
        f"{v.list_code}: {v.version_id} is PENDING, not active: {v.hold_reason}. "
        f"{kept}; to use {v.version_id} on purpose: clearance lists activate {v.version_id} --confirm-shrink"
    )


def _report(outcomes: list[LoadOutcome], title: str, show_warnings: bool) -> None:
    console.print(_outcome_table(outcomes, title))
    pending = False
    for o in outcomes:
        if o.error:
            typer.echo(f"error: {o.list_code}: {o.error}", err=True)  # one unwrapped line per failure
        if o.result is not None and not o.result.unchanged and o.result.version.state == "pending":
            typer.echo(f"pending: {_pending_line(o.result.version, o.result.previous is not None)}", err=True)
            pending = True
        if show_warnings:
            for w in o.warnings:
                err_console.print(f"[yellow]warning[/]: {o.list_code}: {w}")
        elif o.warnings:
            err_console.print(
                f"[yellow]{o.list_code}: {len(o.warnings)} warning(s); see `clearance lists versions "
                f"{o.list_code}` or rerun with --warnings[/]"
            )
    if any(o.error for o in outcomes):
        err_console.print("[red]Some lists failed to load; they keep their previous version.[/]")
        raise typer.Exit(2)
    if pending:
        err_console.print("[red]Some versions are pending (possibly incomplete data); they were not activated.[/]")
        raise typer.Exit(2)


@lists_app.command("load")
def load(
    sources: Annotated[
        list[Path] | None,
        typer.Argument(help="List files or folders (same as --from)."),
    ] = None,
    from_: Annotated[
        list[Path] | None,
        typer.Option("--from", help="A folder (searched recursively) or file of official list files."),
    ] = None,
    only: OnlyOpt = None,
    warnings: Annotated[bool, typer.Option("--warnings", help="Print every parser warning.")] = False,
) -> None:
    """Load every list file recognised in the given folders or files, one new version per list.

    Example: clearance lists load --from ../shared/data --only el,sdn

    Each list loads on its own and all-or-nothing: a malformed file is reported (file, line, field),
    its list keeps its previous version, the others load, and the exit code is 2. A version that may be
    incomplete is stored pending with the reason, the active version stays, and the exit code is 2
    (`clearance lists activate VERSION --confirm-shrink` uses it on purpose).
    """
    paths = [*(sources or []), *(from_ or [])]
    if not paths:
        raise DataError("give a folder or file: clearance lists load --from DIR")
    codes = parse_codes(only)
    with store_session(bootstrap=False) as store, progress_bar("loading") as progress:
        outcomes = load_paths(store, paths, only=codes, progress=progress)
    _report(outcomes, "Loaded lists", warnings)


@lists_app.command("update")
def update(
    only: OnlyOpt = None,
    warnings: Annotated[bool, typer.Option("--warnings", help="Print every parser warning.")] = False,
) -> None:
    """Download the current official files (CSL, OFAC, UN, UK) and load them.

    The URLs are settings (CLEARANCE_UPDATE_URLS, see docs/settings.md). A list whose download or
    parse fails keeps its previous version; the exit code is then 2.
    """
    codes = parse_codes(only)
    with store_session(bootstrap=False) as store, progress_bar("updating") as progress:
        outcomes = run_update(store, only=codes, progress=progress)
    _report(outcomes, "Updated lists", warnings)


def _age(v: VersionInfo) -> str:
    age = v.age_days(dt.date.today())
    return "?" if age is None else f"{age} d"


@lists_app.command("show")
def show(json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Every list Clearance knows, its short code, and the active version with its age.

    Codes are used everywhere: `--only`, `--lists`, the API and all output.
    """
    settings = get_settings()
    with store_session() as store:
        active = store.active()
        pending = [v for v in store.versions() if v.state == "pending"]
    rows = []
    for code, info in LISTS.items():
        v = active.get(code)
        stale = stale_reason(v, settings) if v else None
        rows.append(
            {
                "code": code,
                "title": info.title,
                "authority": info.authority,
                "version": v.version_id if v else None,
                "entries": v.entity_count if v else None,
                "data_date": v.data_date.isoformat() if v and v.data_date else None,
                "age_days": v.age_days(dt.date.today()) if v else None,
                "status": "not loaded" if v is None else ("stale" if stale else "current"),
                "stale_reason": stale,
                "pending": [
                    {"version": p.version_id, "entries": p.entity_count, "reason": p.hold_reason}
                    for p in pending
                    if p.list_code == code
                ],
            }
        )
    if json_:
        print_json(rows)
        return
    table = Table(title="Lists (codes used by --only / --lists)")
    for col in ["code", "list", "authority", "active version", "entries", "data date", "age", "status"]:
        table.add_column(col)
    for r, (code, _) in zip(rows, LISTS.items(), strict=True):
        v = active.get(code)
        status = {"not loaded": "[dim]not loaded[/]", "stale": "[red]STALE[/]", "current": "[green]current[/]"}[
            str(r["status"])
        ]
        table.add_row(
            code,
            str(r["title"]),
            str(r["authority"]),
            v.version_id if v else "-",
            f"{v.entity_count:,}" if v else "-",
            str(r["data_date"] or "-"),
            _age(v) if v else "-",
            status + "".join(f" [red]+ PENDING {p.version_id}[/]" for p in pending if p.list_code == code),
        )
    console.print(table)
    for p in pending:
        err_console.print(f"[red]PENDING[/]: {_pending_line(p, p.list_code in active)}", soft_wrap=True)
    if any(r["status"] == "stale" for r in rows):
        err_console.print(
            f"[yellow]STALE: older than {settings.max_age_days} days (CLEARANCE_MAX_AGE_DAYS); screening against "
            "a stale list says CANNOT_CLEAR. Run `clearance lists update`.[/]"
        )


@lists_app.command("versions")
def versions(
    list_code: Annotated[str | None, typer.Argument(help="A list code, e.g. sdn; all lists when omitted.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """The version history of one list (or all), newest first: checksum, data date, source files."""
    if list_code is not None:
        parse_codes(list_code)
    with store_session(bootstrap=False) as store:
        history = store.versions(list_code)
    if json_:
        print_json([_version_json(v) for v in history])
        return
    table = Table(title=f"Versions of {list_code}" if list_code else "All list versions")
    for col in ["version", "state", "entries", "names", "data date", "loaded at", "parser", "source files",
                "checksum", "warnings"]:
        table.add_column(col)
    for v in history:
        table.add_row(
            v.version_id,
            {"active": "[green]active[/]", "pending": "[red]PENDING[/]"}.get(v.state, "history"),
            f"{v.entity_count:,}",
            f"{v.name_count:,}",
            str(v.data_date or "unknown"),
            v.loaded_at.strftime("%Y-%m-%d %H:%M:%S"),
            v.parser,
            _files(v.source_files),
            v.checksum[:8],
            str(len(v.warnings)),
        )
    console.print(table)
    with_active = {v.list_code for v in history if v.state == "active"}
    for v in history:
        if v.state == "pending":
            err_console.print(f"[red]PENDING[/]: {_pending_line(v, v.list_code in with_active)}", soft_wrap=True)
        elif v.hold_reason and list_code is not None:
            err_console.print(f"{v.version_id} ({v.state}): {v.hold_reason}", soft_wrap=True)
    if list_code is not None:
        for v in history:
            for w in v.warnings:
                err_console.print(f"[yellow]{v.version_id} warning[/]: {w}")


def _version_json(v: VersionInfo) -> dict[str, object]:
    return {
        "version": v.version_id,
        "list": v.list_code,
        "active": v.active,
        "state": v.state,
        "hold_reason": v.hold_reason,
        "entries": v.entity_count,
        "names": v.name_count,
        "data_date": v.data_date.isoformat() if v.data_date else None,
        "retrieved_at": v.retrieved_at.isoformat() if v.retrieved_at else None,
        "loaded_at": v.loaded_at.isoformat(),
        "parser": v.parser,
        "source_files": list(v.source_files),
        "checksum": v.checksum,
        "warnings": list(v.warnings),
    }


@lists_app.command("diff")
def diff(
    list_code: Annotated[str, typer.Argument(help="List code, e.g. sdn.")],
    v1: Annotated[str, typer.Argument(help="Older version: 'sdn-1' or '1'.")],
    v2: Annotated[str, typer.Argument(help="Newer version: 'sdn-2' or '2'.")],
    json_: Annotated[bool, typer.Option("--json", help="JSON: added, removed, changed field by field.")] = False,
    limit: Annotated[int, typer.Option(help="Entries shown per section in the table output.")] = 20,
) -> None:
    """What changed between two versions of a list: entries added, removed, and changed field by field.

    Example: clearance lists diff sdn 1 2 --json
    """
    parse_codes(list_code)
    with store_session(bootstrap=False) as store:
        d = store.diff(list_code, v1, v2)
    if json_:
        sys.stdout.write(d.to_json() + "\n")
        return
    console.print(
        f"[bold]{list_code}[/] {d.old.version_id} ({d.old.data_date}) → {d.new.version_id} ({d.new.data_date}): "
        f"[green]+{len(d.added)} added[/], [red]-{len(d.removed)} removed[/], [yellow]{len(d.changed)} changed[/]"
    )
    for title, entities, style in (("Added", d.added, "green"), ("Removed", d.removed, "red")):
        if entities:
            table = Table(title=f"{title} ({len(entities)})", title_style=style)
            table.add_column("entry id")
            table.add_column("name")
            table.add_column("schema")
            table.add_column("programs / countries")
            for e in entities[:limit]:
                table.add_row(e.entry_id, e.name, e.schema.value, ", ".join((*e.programs, *e.countries)))
            console.print(table)
    if d.changed:
        table = Table(title=f"Changed ({len(d.changed)})", title_style="yellow")
        for col in ["entry id", "name", "field", "old", "new"]:
            table.add_column(col, overflow="fold")
        for ch in d.changed[:limit]:
            for i, fc in enumerate(ch.fields):
                if isinstance(fc.old, list) and isinstance(fc.new, list):
                    old, new = "\n".join(f"- {_brief(v)}" for v in fc.removed), "\n".join(
                        f"+ {_brief(v)}" for v in fc.added
                    )
                else:
                    old, new = _brief(fc.old), _brief(fc.new)
                table.add_row(ch.entry_id if i == 0 else "", ch.name if i == 0 else "", fc.field, old, new)
        console.print(table)
    shown = max(len(d.added), len(d.removed), len(d.changed))
    if shown > limit:
        err_console.print(f"(first {limit} per section; use --limit N or --json for all)")


def _brief(value: object, width: int = 80) -> str:
    if isinstance(value, dict) and "value" in value:  # a name or identifier: its value and kind
        value = f"{value['value']} ({value.get('kind', '')})"
    elif isinstance(value, dict) and "full" in value:  # an address
        value = value["full"]
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


@lists_app.command("entity")
def entity(
    entry_id: Annotated[str, typer.Argument(help="The entry id, as shown by screening and diffs.")],
    list_code: Annotated[str | None, typer.Option("--list", help="List code when the id is ambiguous.")] = None,
    version: Annotated[str | None, typer.Option(help="A version such as el-2 (default: the active one).")] = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """One list entry in full: names with their kind, addresses, countries, identifiers, programmes,
    Federal Register citations, listing date, licence requirement and review policy, source line."""
    with store_session() as store:
        e = store.entity(entry_id, list_code=list_code, version_id=version)
    if json_:
        print_json(e.to_dict())
        return
    _print_entity(e)


def _print_entity(e: Entity) -> None:
    table = Table(show_header=False, title=f"{e.list_code} {e.entry_id}: {e.name}")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    table.add_row("list", f"{e.list_code} — {LISTS[e.list_code].title}" if e.list_code in LISTS else e.list_code)
    table.add_row("schema", e.schema.value)
    table.add_row("names", "\n".join(f"{n.value}  [dim]({n.kind.value}{', ' + n.lang if n.lang else ''})[/]"
                                      for n in e.names))
    rows: list[tuple[str, str]] = [
        ("addresses", "\n".join(f"{a.full}  [dim]{a.country or ''}[/]" for a in e.addresses)),
        ("countries", ", ".join(e.countries)),
        ("identifiers", "\n".join(f"{i.kind}: {i.value}" + (f" ({i.country})" if i.country else "")
                                  for i in e.identifiers)),
        ("programmes", ", ".join(e.programs)),
        ("birth dates", ", ".join(e.birth_dates)),
        ("nationalities", ", ".join(e.nationalities)),
        ("Federal Register", "; ".join(e.federal_register)),
        ("listed on", str(e.listed_on or "")),
        ("licence requirement", e.license_requirement or ""),
        ("licence review policy", e.license_policy or ""),
        ("footnotes", ", ".join(str(f) + (" (Entity List FDP rule, 15 CFR 734.9(e))" if f == 1 else "")
                                for f in e.footnotes)),
        ("remarks", e.remarks or ""),
        ("source", f"{e.source_file}:{e.source_line}" if e.source_file else ""),
    ]
    for k, v in rows:
        if v:
            table.add_row(k, v)
    console.print(table)


@lists_app.command("activate")
def activate(
    version: Annotated[str, typer.Argument(help="The version to make active, e.g. el-2.")],
    confirm_shrink: Annotated[
        bool,
        typer.Option(
            "--confirm-shrink",
            help="Activate a pending version, or one with far fewer entries or names than the active one, on purpose.",
        ),
    ] = False,
) -> None:
    """Make an earlier (or older-data, or pending) version the active one. Nothing is deleted or rewritten.

    Loads never activate data older than the active version's, nor a version that loses more than
    CLEARANCE_MAX_SHRINK_PERCENT of its entries or names (stored pending); this command does, on
    purpose: a pending or shrinking version needs --confirm-shrink (without it: exit 2, nothing changes).
    """
    settings = get_settings()
    with store_session(bootstrap=False) as store:
        target = store.version(version)
        try:
            v = store.activate(
                version, confirm_shrink=confirm_shrink, max_shrink=settings.max_shrink_for(target.list_code)
            )
        except ShrinkRefused as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    console.print(f"{v.list_code}: active version is now {v.version_id} (data date {v.data_date or 'unknown'})")


aliases_app = typer.Typer(
    name="aliases",
    help="Alias tables: extra names of listed entries (e.g. Chinese registered names) used by screening.",
    no_args_is_help=True,
)
lists_app.add_typer(aliases_app)


@aliases_app.command("load")
def aliases_load(
    file: Annotated[Path, typer.Argument(help="CSV with the columns list, entry_key, alias, script, source.")],
    name: Annotated[str | None, typer.Option(help="Table name (default: the file name); same name replaces.")] = None,
) -> None:
    """Add your own alias table; screening finds the entries under these names too.

    Example: clearance lists aliases load my_aliases.csv

    Every row must name an entry of a loaded list (`clearance lists entity ID`); a bad row is reported
    with its file, line and field, and nothing is stored. Hits through an alias say "matched alias from <source>".
    """
    from clearance.sources.aliases import read_table
    from clearance.workflows.aliases import load_user_table

    read_table(file)  # a malformed file fails here, before the store is opened
    with store_session() as store:
        result = load_user_table(file, name=name, store=store)
    verb = "replaced" if result.replaced else "added"
    console.print(f"alias table {result.table!r} {verb}: {result.rows:,} aliases")
