"""Running a batch on dask.distributed: a scheduler given by address, or a LocalCluster of worker processes.

The driver plans the partitions, freezes the index into the index folder, submits one task per partition
(``client.map``: a task whose worker dies is run again on another worker by the scheduler; a task that raises
is retried ``TASK_RETRIES`` times), reports progress as partitions finish, and writes ``_manifest.json`` last:
an output folder without a manifest is incomplete. A partition that still fails stops the run with an error
naming it (never a silently missing partition).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from clearance.errors import CannotClear, ConfigError
from clearance.screening.index import ScreeningIndex
from clearance.screening.screen import stale_reasons
from clearance.settings import Settings, get_settings
from clearance.workflows.batch.determine import DetermineJob, check_columns, determine_partition
from clearance.workflows.batch.frozen import export_index
from clearance.workflows.batch.incremental import freeze_previous
from clearance.workflows.batch.partitions import DEFAULT_PARTITION_ROWS, Partition, Plan, plan
from clearance.workflows.batch.tasks import PartDone, ScreenJob, screen_partition
from clearance.workflows.determination import EAR_LISTS
from clearance.workflows.facade import LISTINGS_MODES, Clearance
from clearance.workflows.screening import open_index

MANIFEST = "_manifest.json"
INDEX_FOLDER = "_index"
TASK_RETRIES = 2
Progress = Callable[[int, int], None]  # (rows done, rows planned)
Job = TypeVar("Job")


@contextlib.contextmanager
def dask_client(address: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a LocalCluster of ``workers`` single-threaded processes."""
    from dask.distributed import Client, LocalCluster

    if address:
        try:
            client = Client(address, timeout="20s")
        except OSError as exc:
            raise ConfigError(f"--dask {address}: cannot reach the Dask scheduler ({exc}); start one with "
                              "`dask scheduler` and workers with `dask worker ADDRESS` (docs/scale.md)") from exc
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def prepare_out_dir(out_dir: str) -> Path:
    """``out_dir`` created, refused when it already holds files (an older run's partitions would mix in)."""
    p = Path(out_dir)
    if p.exists() and not p.is_dir():
        raise ConfigError(f"--out {out_dir} is a file; batch output is a folder of Parquet partitions")
    if p.is_dir() and any(not f.name.startswith(".") and f.name != INDEX_FOLDER for f in p.iterdir()):
        raise ConfigError(f"--out {out_dir} is not empty; give a new folder (partitions of an older run must not "
                          "mix with this one's)")
    p.mkdir(parents=True, exist_ok=True)
    return p


def run_tasks(client: Any, task: Callable[[Partition], PartDone], parts: Sequence[Partition], label: str,
              total: int, progress: Progress | None) -> list[PartDone]:
    """Run ``task`` on every partition; results in partition order. Raises naming the first partition that failed."""
    from dask.distributed import as_completed

    futures = client.map(task, list(parts), key=[f"{label}-{p.number}" for p in parts], retries=TASK_RETRIES,
                         pure=False)
    number = {f.key: p.number for f, p in zip(futures, parts, strict=True)}
    done: dict[int, PartDone] = {}
    rows = 0
    try:
        for fut in as_completed(futures):
            try:
                got: PartDone = fut.result()
            except Exception as exc:
                part = number[fut.key]
                raise CannotClear(f"input partition {part} failed after {TASK_RETRIES} retries "
                                  f"({type(exc).__name__}: {exc}); no manifest was written: the output is "
                                  "incomplete") from exc
            done[got.number] = got
            rows += got.rows
            if progress is not None:
                progress(rows, max(total, rows))
    finally:
        client.cancel(futures)
    return [done[p.number] for p in parts]


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".manifest.", suffix=".partial")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True, default=str)
    os.replace(tmp, out / MANIFEST)


def summarise(kind: str, the_plan: Plan, results: list[PartDone], meta: dict[str, Any], started: float,
              workers: str) -> dict[str, Any]:
    decisions: Counter[str] = Counter()
    for r in results:
        decisions.update(r.decisions)
    return {
        **meta, "kind": kind, "input": the_plan.path, "format": the_plan.format,
        "rows": sum(r.rows for r in results), "unreadable_rows": sum(r.unreadable for r in results),
        "decisions": dict(decisions), "partitions": [r.to_dict() for r in results],
        "cpu_seconds": round(sum(r.cpu_seconds for r in results), 3),
        "wall_seconds": round(time.monotonic() - started, 3), "workers": workers,
    }


def screen_batch(source: str, out_dir: str, index: ScreeningIndex, *, address: str | None = None,
                 workers: int = 2, partition_rows: int = DEFAULT_PARTITION_ROWS, index_dir: str | None = None,
                 algorithm: str | None = None, lists: Sequence[str] | None = None, threshold: float | None = None,
                 limit: int = 10, today: dt.date | None = None, progress: Progress | None = None,
                 client: Any = None, previous: str | None = None) -> dict[str, Any]:
    """Screen every row of ``source`` on Dask into ``out_dir``; returns the manifest (also written there).

    ``client``: an existing Dask client (tests); otherwise one is made from ``address`` / ``workers``.
    ``previous``: the output folder of an earlier run (older list versions): parties whose candidates did not
    change keep its results (``incremental``); the manifest's ``parties`` counts what was skipped and why.
    """
    started = time.monotonic()
    the_plan = plan(source, partition_rows)  # a bad file is refused before anything is written
    if lists is not None and not lists:
        raise CannotClear("no list selected to screen against (an empty --lists); name at least one list")
    out = prepare_out_dir(out_dir)
    folder = Path(index_dir) if index_dir else out / INDEX_FOLDER
    digest = export_index(folder, index)
    job = ScreenJob(str(folder.resolve()), digest, str(out.resolve()), today or dt.date.today(), algorithm,
                    tuple(lists) if lists is not None else None, threshold, limit)
    notes: list[str] = []
    if previous is not None:
        stale = stale_reasons(list(index.versions.values()), job.today)
        if stale:
            notes.append(f"--previous not used: a list is stale ({'; '.join(stale)}), every row is CANNOT_CLEAR")
        else:
            job = dataclasses.replace(job, previous=freeze_previous(previous, folder, job.metadata()))
    task = partial(screen_partition, job)
    label = f"clearance-screen-{digest[:12]}-{os.getpid()}-{int(time.time() * 1000)}"
    with _client(client, address, workers) as c:
        results = run_tasks(c, task, the_plan.partitions, label, the_plan.records, progress)
        n_workers = len(c.scheduler_info().get("workers", {}))
    manifest = summarise("screen", the_plan, results, job.metadata(), started,
                         f"{address or 'local'} ({n_workers} workers)")
    if previous is not None:
        parties: Counter[str] = Counter()
        for r in results:
            parties.update(r.parties)
        manifest["previous"] = {"folder": previous, "parties": dict(parties), "notes": notes,
                                "counted": "distinct parties per worker (a party met by two workers counts twice)"}
    write_manifest(out, manifest)
    return manifest


@contextlib.contextmanager
def _client(client: Any, address: str | None, workers: int) -> Iterator[Any]:
    if client is not None:
        yield client
        return
    with dask_client(address, workers) as c:
        yield c


def determine_batch(source: str, out_dir: str, *, settings: Settings | None = None, overlay: str | None = None,
                    listings: str = "screen", address: str | None = None, workers: int = 2,
                    partition_rows: int = DEFAULT_PARTITION_ROWS, progress: Progress | None = None,
                    client: Any = None) -> dict[str, Any]:
    """Determine every order of ``source`` on Dask into ``out_dir``; returns the manifest (also written there)."""
    started = time.monotonic()
    if listings not in LISTINGS_MODES:
        raise ConfigError(f"--listings {listings!r}: use 'screen' (the loaded lists, the default) or 'none-found'")
    the_plan = plan(source, partition_rows, required=())
    if the_plan.format != "jsonl":
        check_columns(the_plan.columns, source)
    settings = settings or get_settings()
    with Clearance(settings=settings) as app:
        rules = app.rules([Path(overlay)] if overlay else [])
        if listings == "screen":
            _warm_index(app, settings)
    out = prepare_out_dir(out_dir)
    job = DetermineJob(str(out.resolve()), settings, rules.version, overlay, listings)
    label = f"clearance-determine-{os.getpid()}-{int(time.time() * 1000)}"
    with _client(client, address, workers) as c:
        results = run_tasks(c, partial(determine_partition, job), the_plan.partitions, label, the_plan.records,
                            progress)
        n_workers = len(c.scheduler_info().get("workers", {}))
    manifest = summarise("determine", the_plan, results, job.metadata(rules), started,
                         f"{address or 'local'} ({n_workers} workers)")
    write_manifest(out, manifest)
    return manifest


def _warm_index(app: Clearance, settings: Settings) -> None:
    """Build the screening index of the active EAR lists once here, so that workers load it from the cache
    instead of each building it (an order dated before the active versions is answered as usual)."""
    active = [c for c in EAR_LISTS if c in app.lists.active()]
    if active:
        with contextlib.suppress(CannotClear):
            open_index(active, store=app.store, settings=settings)
