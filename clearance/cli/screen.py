"""`clearance screen` and `clearance compare`: screen names against the loaded lists, score name pairs."""

from __future__ import annotations

import atexit
import csv
import gc
from typing import Annotated, Any

import typer

from clearance.cli.common import console, err_console, print_json, progress_bar, store_session
from clearance.errors import ConfigError, DataError
from clearance.model import Schema, parse_codes
from clearance.screening.model import Match, Query, ScreeningResult
from clearance.screening.registry import algorithms, get_algorithm
from clearance.screening.screen import compare as compare_names
from clearance.text.countries import country_code
from clearance.workflows.batch_output import atomic_output, check_output_path, safe_cell
from clearance.workflows.screening import (
    default_workers,
    open_cached_index,
    open_index,
    read_rows,
    screen_file,
    screen_one,
)

AlgoOpt = Annotated[
    str | None,
    typer.Option("--algorithm", help="Matching algorithm as slug@version (default: the latest clearance-name)."),
]
SchemaOpt = Annotated[
    str | None, typer.Option("--schema", help="Kind of party: Person, Company, Organization, Vessel, Aircraft.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _no_last_collection() -> None:
    """At exit (the file written and closed), every object set out of the cyclic collector's reach: the collection the
    interpreter makes when it shuts down would otherwise walk all that the batch left in memory (the index's
    unpickled entities, the memos of names and pairs): about a second of CPU after 5,000 rows. The operating system
    takes the memory back either way."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def _schema(value: str | None) -> Schema | None:
    if not value:
        return None
    for s in Schema:
        if s.value.lower() == value.strip().lower():
            return s
    raise ConfigError(f"unknown schema {value!r}; one of {', '.join(s.value for s in Schema)}")


def _country(value: str | None) -> str | None:
    if not value:
        return None
    code = country_code(value)
    if code is None:
        raise ConfigError(f"unknown country {value!r}; give an ISO code such as CN or a country name")
    return code


def _explain(features: tuple[Any, ...]) -> str:
    return "\n".join(f"{f.name} {f.value:+.2f}: {f.detail}" if f.name != "name" else f"name {f.value:.2f}: {f.detail}"
                     for f in features)


def _print_result(result: ScreeningResult) -> None:
    colour = {"HIT": "red", "POSSIBLE": "yellow", "CLEAR": "green", "CANNOT_CLEAR": "magenta"}[result.decision.value]
    console.print(f"[bold {colour}]{result.decision.value}[/]  {result.query.name!r}  ({result.algorithm}; lists: "
                  + ", ".join(f"{c}={v}" for c, v in result.list_versions.items()) + ")")
    for reason in result.reasons:
        console.print(f"[magenta]reason:[/] {reason}")
    if not result.hits:
        return
    from rich.table import Table  # only a single name's answer is a table (not imported for --file)

    table = Table(show_lines=True)
    for col in ("score", "decision", "list", "entry id", "entry name", "matched name", "explanation"):
        table.add_column(col)
    for h in result.hits:
        table.add_row(f"{h.score:.2f}", h.decision.value, h.list_code, h.entry_id, h.name,
                      f"{h.matched_name} ({h.matched_kind})", _explain(h.explanation))
    console.print(table)


def screen(
    name: Annotated[str | None, typer.Argument(help="The name to screen (omit with --file).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="The party's country (ISO code or name).")] = None,
    schema: SchemaOpt = None,
    lists: Annotated[str | None, typer.Option("--lists", help="Comma-separated list codes, e.g. el,sdn.")] = None,
    threshold: Annotated[
        float | None, typer.Option("--threshold", min=0.0, max=1.0, help="Lowest score reported (default 0.5).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits per name.")] = 10,
    as_json: JsonOpt = False,
    algorithm: AlgoOpt = None,
    file: Annotated[
        str | None,
        typer.Option("--file", help="Batch input: CSV, Parquet or JSON lines with a `name` column; - = stdin."),
    ] = None,
    out: Annotated[str, typer.Option("--out", help="Batch output (.jsonl, .csv or .parquet); - = stdout.")] = "-",
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes screening a --file (default: one per CPU; 1 = in this "
                     "process). Rows come out in input order whatever the number."),
    ] = None,
) -> None:
    """Screen a party name (or a file of them) against the loaded lists: ranked hits with explanations.

    Scores read like the probability of a true match: HIT at 0.70 or more, POSSIBLE from 0.50.
    A list older than its maximum age gives CANNOT_CLEAR with the reason.
    """
    codes = parse_codes(lists)
    if lists is not None and not codes:
        raise ConfigError(f"--lists {lists!r} names no list; give list codes such as el,sdn (or omit --lists "
                          "to screen against every loaded list)")
    get_algorithm(algorithm)  # fail early on an unknown algorithm
    if (name is None) == (file is None):
        raise ConfigError("give either a NAME or --file FILE")
    if name is not None and not _is_text(name):
        raise ConfigError("NAME is not valid UTF-8 text; check the terminal's or script's encoding")
    check_output_path(out)
    rows = read_rows(file) if file is not None else None  # a bad file is refused before the index is built
    index = open_cached_index(codes)  # no database session when the index of the active lists is cached
    if index is None:
        with store_session(read_only=True) as store:
            index = open_index(codes, store=store)
    if rows is not None:
        try:
            with progress_bar("screening") as update:
                count = screen_file(rows, out, index, algorithm=algorithm, lists=codes, threshold=threshold,
                                    limit=limit, workers=workers or default_workers(),
                                    progress=lambda done: update("rows", done, 0))
                update("rows", count, count)
        finally:
            rows.close()
        _no_last_collection()
        err_console.print(f"screened {count} rows -> {out}")
        return
    assert name is not None
    query = Query(name, _country(country), _schema(schema))
    result = screen_one(query, index, algorithm=algorithm, lists=codes, threshold=threshold, limit=limit)
    if as_json:
        print_json({"input": {"name": name, "country": query.country, "schema": schema}, **result.to_dict()})
    else:
        _print_result(result)


def _print_match(a: str, b: str, m: Match, algo: str) -> None:
    decision = get_algorithm(algo).thresholds.decide(m.score).value
    console.print(f"[bold]{m.score:.4f}[/] {decision} ({algo}; raw {m.raw:.4f})  {a!r} vs {b!r}")
    console.print(_explain(m.features))


def compare(
    name1: Annotated[str | None, typer.Argument(help="First name.")] = None,
    name2: Annotated[str | None, typer.Argument(help="Second name.")] = None,
    schema: SchemaOpt = None,
    as_json: JsonOpt = False,
    algorithm: AlgoOpt = None,
    pairs: Annotated[
        str | None, typer.Option("--pairs", help="CSV of pairs: columns name1, name2, optional schema; - = stdin.")
    ] = None,
    out: Annotated[str, typer.Option("--out", help="Output CSV for --pairs; - = stdout.")] = "-",
) -> None:
    """Score one pair of names with its explanation, or a CSV of pairs (adds `score` and `match`)."""
    algo = get_algorithm(algorithm)
    if pairs is not None:
        _compare_file(pairs, out, algo.id)
        return
    if name1 is None or name2 is None:
        raise ConfigError("give NAME1 NAME2 or --pairs FILE")
    person = _schema(schema) is Schema.PERSON
    m = compare_names(name1, name2, person=person, algorithm=algo)
    if as_json:
        print_json({"name1": name1, "name2": name2, "score": m.score, "raw": m.raw,
                    "match": m.score >= algo.thresholds.hit, "algorithm": algo.id,
                    "explanation": [f.to_dict() for f in m.features]})
    else:
        _print_match(name1, name2, m, algo.id)


def _compare_file(path: str, out: str, algo_id: str) -> None:
    check_output_path(out)
    rows = read_rows(path, required=("name1", "name2"))
    algo = get_algorithm(algo_id)
    try:
        with atomic_output(out, newline="") as fh:
            writer: csv.DictWriter[str] | None = None
            for n, row in enumerate(rows, 1):
                if writer is None:
                    fields = list(rows.columns or row)
                    writer = csv.DictWriter(fh, fieldnames=[*fields, "score", "match"], extrasaction="ignore")
                    writer.writeheader()
                names = []
                for col in ("name1", "name2"):
                    value = row.get(col)
                    if value is not None and not isinstance(value, str):
                        raise DataError(f"row {n}: {col} is not text", file=path, field=col)
                    names.append(value or "")
                person = str(row.get("schema") or "").strip().lower() == "person"
                m = compare_names(names[0], names[1], person=person, algorithm=algo, explain=False)
                writer.writerow({**{k: safe_cell(v) for k, v in row.items()}, "score": f"{m.score:.4f}",
                                 "match": str(m.score >= algo.thresholds.hit).lower()})
                if n == 1:  # the vocabulary and tables are loaded now: long-lived, kept out of collector passes
                    gc.collect()
                    gc.freeze()
            if writer is None and rows.columns is not None:
                csv.writer(fh).writerow([*rows.columns, "score", "match"])
    finally:
        rows.close()
        gc.unfreeze()


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def register(app: typer.Typer) -> None:
    """Add `screen` and `compare`."""
    app.command("screen")(screen)
    app.command("compare", help=(compare.__doc__ or "") + f"\n\nAlgorithms: {', '.join(algorithms())}.")(compare)
