"""Benchmark: batch screening throughput with 1 and 2 local Dask workers, against the single-process path.

    .venv/bin/python bench/bench_batch.py [--rows 200000] [--pool 1000] [--partition-rows 25000]

The input is a transaction file: ``--rows`` rows, each naming one of ``--pool`` distinct real names (Entity
List 2025-11-08 and SDN 2024-05-03 primary names and aliases, drawn at random, plus unlisted names) with one of
four country spellings -- parties recur on many rows, as in a real file. The index is the Entity List and the
SDN List (built once here, frozen for the workers). Reported for each run: wall time, CPU seconds (the
workers' own process time for the batch; this process's for the single-process path), rows per CPU second,
and the CPU per distinct party and per repeated row: the batch first screens a file of the distinct parties
only (CPU per party), then the transaction file, whose parties the workers then remember (CPU per row).
On a busy machine the wall times mean little; the CPU figures are what to compare.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clearance.screening.index import build_index  # noqa: E402
from clearance.screening.model import ListVersion  # noqa: E402
from clearance.sources import entity_list, ofac  # noqa: E402
from clearance.workflows.batch.results import digest, folder_rows  # noqa: E402
from clearance.workflows.batch.run import dask_client, screen_batch  # noqa: E402
from clearance.workflows.batch_input import read_rows  # noqa: E402
from clearance.workflows.screening import screen_rows  # noqa: E402

DATA = Path(os.environ.get("CLEARANCE_DATA", ROOT.parent / "shared" / "data"))
TODAY = dt.date(2026, 12, 1)
COUNTRIES = ["", "CN", "China", "RU"]


def entities() -> list:  # type: ignore[type-arg]
    out = []
    for parser, files in ((entity_list.PARSER, (DATA / "us_bis" / "entity_list_2025-11-08.csv",)),
                          (ofac.PARSER, tuple(DATA / "us_ofac" / f for f in (
                              "sdn_2024-05-03.csv", "add_2025-12-24.csv", "alt_2025-12-24.csv",
                              "sdn_comments_2025-12-24.csv")))):
        for pl in parser.parse(files):
            out.extend(pl.entities)
    return out


def write_input(path: Path, names: list[str], rows: int, seed: int) -> None:
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "country", "order_ref"])
        for i in range(rows):
            w.writerow([rng.choice(names), rng.choice(COUNTRIES), f"SO-{i}"])


def single(path: Path, index) -> tuple[float, float, tuple[str, int]]:  # type: ignore[no-untyped-def]
    t, c = time.monotonic(), time.process_time()
    rows = read_rows(str(path))
    got = digest(screen_rows(rows, index, today=TODAY))
    rows.close()
    return time.monotonic() - t, time.process_time() - c, got


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--pool", type=int, default=1_000)
    ap.add_argument("--partition-rows", type=int, default=25_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    ents = entities()
    t = time.process_time()
    index = build_index(ents, {"el": ListVersion("el", "el-bench", dt.date(2025, 11, 8), 100_000),
                               "sdn": ListVersion("sdn", "sdn-bench", dt.date(2024, 5, 3), 100_000)})
    print(f"index: {len(index):,} entities, {index.name_count:,} names, built in {time.process_time() - t:.0f} CPU s")
    rng = random.Random(5)
    names = rng.sample(sorted({n.value for e in ents for n in e.names}), args.pool - 20)
    names += [f"Unlisted Trading Company {i}" for i in range(20)]
    big, distinct = work / "tx.csv", work / "distinct.csv"
    write_input(big, names, args.rows, 1)
    with open(distinct, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "country", "order_ref"])
        for i, (n, c) in enumerate((n, c) for n in names for c in COUNTRIES):
            w.writerow([n, c, f"D-{i}"])
    n_distinct = len(names) * len(COUNTRIES)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at start; {args.rows:,} rows from {args.pool:,} names x {len(COUNTRIES)} "
          f"countries ({n_distinct:,} distinct parties); partitions of {args.partition_rows:,} rows")
    wall, cpu, expected = single(big, index)
    print(f"single process ({big.name}): {wall:.1f} s wall, {cpu:.1f} CPU s, {args.rows / cpu:,.0f} rows/CPU s")
    _, dcpu, _ = single(distinct, index)
    print(f"single process, {n_distinct:,} distinct parties only: {dcpu:.1f} CPU s = {1000 * dcpu / n_distinct:.2f} "
          f"ms CPU per distinct party")
    print(f"  => per repeated row: {1e6 * (cpu - dcpu) / (args.rows - n_distinct):.1f} us CPU")
    for workers in (1, 2):
        with dask_client(None, workers) as client:
            # the distinct parties first: each worker's memo then holds them, and the rows run measures the
            # cost per row alone (a worker remembers a party across the runs of one job)
            for label, path in (("distinct", distinct), ("rows", big)):
                out = work / f"out-{workers}-{label}"
                t = time.monotonic()
                m = screen_batch(str(path), str(out), index, client=client, partition_rows=args.partition_rows,
                                 today=TODAY, index_dir=str(work / "index"))
                wall = time.monotonic() - t
                if label == "rows":
                    assert digest(folder_rows(out)) == expected, "batch differs from the single process"
                print(f"batch, {workers} worker(s), {label}: {m['rows']:,} rows, {wall:.1f} s wall "
                      f"({m['rows'] / wall:,.0f} rows/s), {m['cpu_seconds']:.1f} CPU s in workers = "
                      f"{m['rows'] / m['cpu_seconds']:,.0f} rows/CPU s; load average {os.getloadavg()[0]:.1f}")
                shutil.rmtree(out)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
