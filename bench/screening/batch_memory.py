"""Peak memory of `clearance screen --file` against the number of input rows (issue 11: it must not grow).

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.batch_memory [--rows 50000,200000] [--workers 1]
     [--lists el,sdn] [--out-format jsonl]

Files are the realistic batch files of ``bench.screening.run_batch`` (same party pool and row generator,
seed 11). Each size is screened by the real CLI in a fresh wrapper process, so the figure is the peak
resident set (``ru_maxrss``) of the CLI and its workers in that run alone, never of an earlier one.
The index is built and cached first (a one-row run), so every measured run reads it from the cache.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.screening.run_batch import check, party_pool, write_file

# Runs the command given as arguments and prints the largest resident set of any process it ran (KiB).
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(peak RSS in MB of the largest process of ``cmd``, wall seconds), measured in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], check=True, env=env, capture_output=True,
                          text=True)
    return int(done.stdout.strip().splitlines()[-1]) / 1024, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--rows", default="50000,200000", help="comma-separated row counts")
    ap.add_argument("--pool", type=int, default=50_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--lists", default="", help="--lists for screen (default: every loaded list)")
    ap.add_argument("--out-format", default="jsonl", choices=["jsonl", "csv", "parquet"])
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    data = Path(args.data).resolve()
    work = Path(tempfile.mkdtemp(prefix="clearance-batch-memory-"))
    env = {**os.environ, "CLEARANCE_DB": str(work / "bench.db"), "CLEARANCE_MAX_AGE_DAYS": "100000",
           "CLEARANCE_DATA": str(data)}
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    cli = [sys.executable, "-m", "clearance.cli.main"]
    subprocess.run([*cli, "lists", "load", "--from", str(data / "us_bis"), str(data / "us_ofac"),
                    str(data / "un"), str(data / "uk")], check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    lists = ["--lists", args.lists] if args.lists else []
    warm = work / "warm.csv"
    warm.write_text("name\nHuawei Technologies Co Ltd\n", encoding="utf-8")
    subprocess.run([*cli, "screen", "--file", str(warm), "--out", str(work / "warm.jsonl"), *lists], check=True,
                   env=env, stdout=subprocess.DEVNULL)
    base, _ = peak_rss_mb([*cli, "screen", "--file", str(warm), "--out", str(work / "warm.jsonl"), *lists], env)
    print(f"one-row file (index from the cache): peak RSS {base:,.0f} MB")
    rng = random.Random(args.seed)
    pool, _kinds = party_pool(data, args.pool, 0.1, rng)
    for n in (int(x) for x in args.rows.split(",")):
        src = work / f"rows-{n}.csv"
        write_file(src, pool, n, random.Random(args.seed + n))
        out = work / f"out-{n}.{args.out_format}"
        rss, wall = peak_rss_mb([*cli, "screen", "--file", str(src), "--out", str(out), "--workers",
                                 str(args.workers), *lists], env)
        if args.out_format == "jsonl":
            check(src, out)  # one output row per input row, in order
        print(f"{n:,} rows -> .{args.out_format}, --workers {args.workers}: peak RSS {rss:,.0f} MB "
              f"({rss - base:+,.0f} MB over the one-row run), {wall:.0f} s, {n / wall:,.0f} rows/s")
        src.unlink()
        out.unlink()


if __name__ == "__main__":
    main()
