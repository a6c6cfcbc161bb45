"""A file of distinct parties (customer master data: no party repeats) screened by the real CLI.

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.run_distinct [--data ../shared/data] [--rows 100000]
     [--workers 1 2] [--keep DIR] [--seed 13] [--code DIR] [--latency 2000]

The file is generated from a fixed seed: 5 % listed names typed as users would (``run_batch.party_pool``'s
recipe: legal form swapped or dropped, case and punctuation changed, a typo in a quarter), 30 % real person
names (Wikidata, the name_matching sets; upper-cased or not, with a country on some), the rest synthesised
unlisted companies (a real surname + one or two trade words + a legal form), every (name, country) distinct.
It loads every list of us_bis, us_ofac, un and uk into a temporary store, warms the index cache with a
one-row run, then times ``clearance screen --file`` as a subprocess: wall time, CPU time of the child
(user + system) per row, start-up (the one-row run), and the load average before and after. With several
``--workers`` values it checks that the outputs are byte-identical. ``--code DIR`` runs the CLI of another
checkout (``git archive COMMIT | tar -x -C DIR``) through PYTHONPATH, to compare code in the same conditions;
``--latency N`` also times N single queries (the file's first rows) in one process: p50 and p99. ``--tag NAME`` names
the outputs ``out-NAME-wN.jsonl``, so that two ``--code`` trees run in one ``--keep`` folder can be compared with cmp.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.screening.run_batch import COUNTRIES, LEGAL_FORMS, TRADE_WORDS, typo
from bench.screening.run_index import as_typed, load

LISTS = ("us_bis", "us_ofac", "un", "uk")


def person_names(data: Path) -> list[str]:
    names: set[str] = set()
    folder = data / "name_matching" / "name_eval_wikidata_persons"
    for path in sorted(folder.glob("*.tsv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                names.update(v for k in ("name1", "name2") if (v := (row.get(k) or "").strip()))
    return sorted(names)


def parties(data: Path, rows: int, rng: random.Random) -> list[tuple[str, str]]:
    """``rows`` distinct (name, country) parties."""
    listed = sorted({n.value for e in load(data) for n in e.names if n.value.strip()})
    persons = person_names(data)
    surnames = sorted({p.split()[-1] for p in persons if p.split() and p.split()[-1].isalpha()})
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(name: str) -> None:
        country = rng.choice(COUNTRIES) if rng.random() < 0.5 else ""
        if name.strip() and (name, country) not in seen:
            seen.add((name, country))
            out.append((name, country))

    for name in rng.sample(listed, min(len(listed), rows // 20)):
        typed = as_typed(name)
        add(typo(typed, rng) if rng.random() < 0.25 else typed)
    for name in rng.sample(persons, min(len(persons), rows * 3 // 10)):
        add(name if rng.random() < 0.5 else name.upper())
    while len(out) < rows:
        words = [rng.choice(surnames), rng.choice(TRADE_WORDS)]
        if rng.random() < 0.4:
            words.append(rng.choice(TRADE_WORDS))
        form = rng.choice(LEGAL_FORMS)
        add(" ".join(w for w in (*words, form) if w))
    rng.shuffle(out)
    return out


def write(path: Path, rows: list[tuple[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "country", "customer_no"])
        for i, (name, country) in enumerate(rows):
            w.writerow([name, country, f"C-{i:07d}"])


LATENCY = """
import csv, os, sys, time
from clearance.screening import screen
from clearance.workflows.screening import open_index, row_query
index = open_index()
with open(sys.argv[1], encoding="utf-8") as fh:
    queries = [row_query(r)[0] for r in csv.DictReader(fh)][: int(sys.argv[2])]
for q in queries[:200]:
    screen(q, index)  # warm the caches of the entities and names most queries meet
times = []
for q in queries:
    t = time.perf_counter()
    screen(q, index)
    times.append(time.perf_counter() - t)
times.sort()
print(f"{len(times)} single queries in process: p50 {times[len(times) // 2] * 1000:.2f} ms, "
      f"p99 {times[int(len(times) * 0.99)] * 1000:.2f} ms")
"""


def run(src: Path, out: Path, workers: int, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the child and its workers) of one CLI run.

    Run from the work folder: ``python -m`` puts the current folder first on the path, so the project root
    would shadow the ``--code`` checkout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-m", "clearance.cli.main", "screen", "--file", str(src), "--out", str(out),
           "--workers", str(workers)]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, cwd=src.parent)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--keep", default="", help="folder to keep the files (and the loaded store) in")
    ap.add_argument("--code", default="", help="run the CLI of this checkout instead (through PYTHONPATH)")
    ap.add_argument("--latency", type=int, default=0, help="also time this many single queries in process")
    ap.add_argument("--tag", default="", help="name the outputs out-TAG-wN.jsonl (default: 'other' with --code, "
                    "else 'this'): two --code runs in one --keep folder then keep both outputs for cmp")
    args = ap.parse_args()
    data = Path(args.data).resolve()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="clearance-distinct-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CLEARANCE_DB": str(work / "bench.db"), "CLEARANCE_MAX_AGE_DAYS": "100000",
           "CLEARANCE_DATA": str(data)}
    if args.code:
        env["PYTHONPATH"] = str(Path(args.code).resolve())
    else:
        env.pop("PYTHONPATH", None)  # the installed (editable) checkout
    code = subprocess.run([sys.executable, "-c", "import clearance; print(clearance.__file__)"], env=env, cwd=work,
                          capture_output=True, text=True, check=True).stdout.strip()
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python {platform.python_version()}; "
          f"code: {code}")
    src = work / f"distinct-{args.rows}-{args.seed}.csv"
    if not src.exists():
        write(src, parties(data, args.rows, random.Random(args.seed)))
    if not (work / "bench.db").exists():
        subprocess.run([sys.executable, "-m", "clearance.cli.main", "lists", "load", "--from",
                        *(str(data / c) for c in LISTS)], check=True, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, cwd=work)
    warm = work / "warm.csv"
    warm.write_text("name\nHuawei Technologies Co Ltd\n", encoding="utf-8")
    run(warm, work / "warm.jsonl", 1, env)  # builds and caches the index if needed
    start_wall, start_cpu = run(warm, work / "warm.jsonl", 1, env)
    print(f"start-up, one row, cached index: {start_wall:.2f} s wall, {start_cpu:.2f} s CPU")
    if args.latency:
        subprocess.run([sys.executable, "-c", LATENCY, str(src), str(args.latency)], check=True, env=env, cwd=work)
    outs: list[Path] = []
    for workers in args.workers:
        out = work / f"out-{args.tag or ('other' if args.code else 'this')}-w{workers}.jsonl"
        load_before = os.getloadavg()[0]
        wall, cpu = run(src, out, workers, env)
        load_after = os.getloadavg()[0]
        print(f"{args.rows:,} distinct rows, --workers {workers}: {wall:.1f} s wall, {args.rows / wall:,.0f} rows/s; "
              f"CPU {cpu:.1f} s = {cpu / args.rows * 1000:.3f} ms a row; load average {load_before:.2f} -> "
              f"{load_after:.2f}")
        outs.append(out)
    for other in outs[1:]:
        same = filecmp.cmp(outs[0], other, shallow=False)
        print(f"{outs[0].name} and {other.name}: {'byte-identical' if same else 'DIFFER'}")


if __name__ == "__main__":
    main()
