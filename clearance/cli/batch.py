"""`clearance batch screen` and `clearance batch determine`: files larger than memory, on a Dask cluster."""

from __future__ import annotations

from typing import Annotated

import typer

from clearance.cli.common import err_console, progress_bar, store_session
from clearance.errors import ConfigError
from clearance.model import parse_codes
from clearance.screening.registry import get_algorithm
from clearance.workflows.batch.partitions import DEFAULT_PARTITION_ROWS
from clearance.workflows.screening import default_workers, open_index

batch_app = typer.Typer(
    name="batch",
    no_args_is_help=True,
    help=(
        "Screen or determine files larger than memory on a Dask cluster (or on this machine's cores).\n\n"
        "The input (CSV, JSON lines or Parquet) is cut into partitions; each worker loads the frozen screening "
        "index once and writes one Parquet file per partition into the output folder, with the list versions, "
        "rules version and algorithm in each file's metadata. `_manifest.json` is written last: a folder without "
        "it is incomplete. Rows come out exactly as `clearance screen --file` gives them (same decisions, hits "
        "and reasons, in input order); a row that cannot be read is CANNOT_CLEAR naming its partition and line.\n\n"
        "Without --dask a LocalCluster of --workers processes runs here. On a cluster: start `dask scheduler`, "
        "then `dask worker tcp://HOST:8786` on each machine (same Clearance install), put --index-dir on storage "
        "every worker reads, and pass --dask tcp://HOST:8786 (docs/scale.md)."
    ),
)

DaskOpt = Annotated[str | None, typer.Option(
    "--dask", help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster here).")]
WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Worker processes of the LocalCluster (default: one per CPU); ignored with --dask.")]
RowsOpt = Annotated[int, typer.Option(
    "--partition-rows", min=1, help="Rows per partition: one task each (a worker holds one partition's results).")]
OutOpt = Annotated[str, typer.Option(
    "--out", help="Output folder (new or empty): part-NNNNN.parquet files and _manifest.json.")]


@batch_app.command("screen")
def batch_screen(
    source: Annotated[str, typer.Argument(metavar="INPUT", help="CSV, JSON lines or Parquet with a `name` column.")],
    out: OutOpt,
    dask: DaskOpt = None,
    workers: WorkersOpt = None,
    partition_rows: RowsOpt = DEFAULT_PARTITION_ROWS,
    index_dir: Annotated[str | None, typer.Option(
        "--index-dir", help="Folder for the frozen index the workers load (default: OUT/_index). On a cluster: "
        "shared storage (NFS, a mounted bucket) every worker can read.")] = None,
    lists: Annotated[str | None, typer.Option("--lists", help="Comma-separated list codes, e.g. el,sdn.")] = None,
    algorithm: Annotated[str | None, typer.Option("--algorithm", help="slug@version (default: the latest).")] = None,
    threshold: Annotated[float | None, typer.Option("--threshold", min=0.0, max=1.0,
                                                    help="Lowest score reported (default 0.5).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits per row.")] = 10,
    previous: Annotated[str | None, typer.Option(
        "--previous", help="Output folder of an earlier `batch screen` run (any input) against older list "
        "versions: a party whose candidate entries did not change keeps that result (exactly what a full run "
        "gives); the others are re-scored. The summary says how many were skipped and why. Exact, but slower than a "
        "full re-screen (docs/scale.md): use it to learn which parties an update touches.")] = None,
) -> None:
    """Screen every row of INPUT against the loaded lists, on Dask.

    Example (this machine, 2 processes):

      clearance batch screen transactions.csv --out results/ --workers 2

    Example (a cluster): clearance batch screen s3-mounted/tx.parquet --out /shared/results --dask
    tcp://scheduler:8786 --index-dir /shared/index

    Read the results with any Parquet reader, e.g. polars.read_parquet("results/*.parquet").
    """
    from clearance.workflows.batch.partitions import plan
    from clearance.workflows.batch.run import screen_batch

    codes = parse_codes(lists)
    if lists is not None and not codes:
        raise ConfigError(f"--lists {lists!r} names no list; give list codes such as el,sdn")
    get_algorithm(algorithm)
    plan(source, partition_rows)  # a bad file is refused before the index is opened
    with store_session(read_only=True) as store:
        index = open_index(codes, store=store)
    with progress_bar("screening") as update:
        manifest = screen_batch(source, out, index, address=dask, workers=workers or default_workers(),
                                partition_rows=partition_rows, index_dir=index_dir, algorithm=algorithm,
                                lists=codes, threshold=threshold, limit=limit, previous=previous,
                                progress=lambda done, total: update("rows", done, total))
    _report(manifest, out)
    prev = manifest.get("previous")
    if isinstance(prev, dict):
        for reason, count in sorted(prev["parties"].items()):
            err_console.print(f"  {count:,} parties: {reason}")
        for note in prev["notes"]:
            err_console.print(f"  {note}")


@batch_app.command("determine")
def batch_determine(
    source: Annotated[str, typer.Argument(metavar="INPUT", help=(
        "Orders: JSON lines (one order per line, the schema of `clearance determine --order`), or CSV / Parquet "
        "with one order per row in the columns id, date, to, end_use, transaction, eccn, description, origin, "
        "kind, value, purchaser, intermediate_consignee, ultimate_consignee, end_user and <role>_country."))],
    out: OutOpt,
    dask: DaskOpt = None,
    workers: WorkersOpt = None,
    partition_rows: RowsOpt = DEFAULT_PARTITION_ROWS,
    overlay: Annotated[str | None, typer.Option("--overlay", help="A proposed-rule overlay file.")] = None,
    listings: Annotated[str, typer.Option(
        "--listings", help="'screen' the parties against the loaded lists of each order's date, or 'none-found' "
        "(you screened them: not listed).")] = "screen",
) -> None:
    """Determine every order of INPUT (is a licence required, and why), on Dask.

    Each record is the one `clearance determine --orders` writes for that line (the `record` column, JSON),
    with its outcome, partition and line beside it; the rules version is in each file's metadata. A line
    that is not a valid order is CANNOT_CLEAR naming the file and line. Workers open the database named by
    --db / CLEARANCE_DB: on a cluster, a PostgreSQL URL every worker reaches.

    Example: clearance batch determine orders.jsonl --out determinations/ --workers 2
    """
    from clearance.workflows.batch.run import determine_batch

    with progress_bar("determining") as update:
        manifest = determine_batch(source, out, overlay=overlay, listings=listings, address=dask,
                                   workers=workers or default_workers(), partition_rows=partition_rows,
                                   progress=lambda done, total: update("orders", done, total))
    _report(manifest, out)


def _report(manifest: dict[str, object], out: str) -> None:
    decisions = manifest.get("decisions") or {}
    assert isinstance(decisions, dict)
    summary = ", ".join(f"{k} {v:,}" for k, v in sorted(decisions.items()))
    parts = manifest.get("partitions") or []
    assert isinstance(parts, list)
    err_console.print(f"{manifest['rows']:,} rows in {len(parts)} partitions ({summary}) -> {out} "
                      f"[{manifest['workers']}; {manifest['cpu_seconds']} CPU s, {manifest['wall_seconds']} s]")
    if manifest.get("unreadable_rows"):
        err_console.print(f"{manifest['unreadable_rows']:,} rows could not be read: CANNOT_CLEAR naming partition "
                          "and line (see the `reasons` column)")


def register(app: typer.Typer) -> None:
    """Add the `batch` command group."""
    app.add_typer(batch_app)
