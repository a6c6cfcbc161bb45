"""A realistic 1,000,000-row batch file screened end to end by the real CLI (read, screen, write).

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.run_batch [--data ../shared/data] [--rows 1000000]
     [--workers 2] [--pool 50000] [--distinct-rows 10000]

The file is generated from a fixed seed (documented in docs/benchmarks.md):
- a pool of distinct parties: listed names typed as users would (legal form swapped or dropped, case and
  punctuation changed, one typo in a quarter of them), unlisted persons (real Wikidata person names from
  the 50k pair set), unlisted companies (a real surname or place-like word + a trade word + a legal form);
- rows drawn from the pool with Zipf-like frequencies (rank r drawn with weight 1/r^0.9), as in order files
  where a few customers appear on many orders and most appear a few times;
- a country on 60 % of the rows, an order reference column passed through, a few bad rows (empty name,
  unknown country) that must come back as CANNOT_CLEAR.
It then loads every list into a temporary store, runs `clearance screen --file rows.csv --out hits.jsonl`
as a subprocess (index from the cache, as a user's second run), checks one output row per input row in
order, and reports rows/s. ``--distinct-rows N`` also times a file of N all-distinct listed-name variants
(the worst case: every row is new and most are hits), so nobody reads the realistic figure as that one.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.screening.run_index import as_typed, load

TRADE_WORDS = ["Trading", "Logistics", "Electronics", "Machinery", "Textiles", "Foods", "Components", "Metals",
               "Plastics", "Chemicals", "Instruments", "Shipping", "Engineering", "Software", "Optics", "Tools",
               "Industrial", "Medical", "Energy", "Precision", "Systems", "Semiconductor", "Auto Parts", "Packaging"]
LEGAL_FORMS = ["Ltd", "Co., Ltd.", "LLC", "Inc.", "GmbH", "S.A.", "Pty Ltd", "B.V.", "S.r.l.", "Corp.", "AG", "",
               "Limited", "OOO", "JSC", "Sdn Bhd", "PLC", "S.A. de C.V."]
COUNTRIES = ["US", "CN", "DE", "GB", "FR", "JP", "KR", "IN", "MX", "CA", "RU", "AE", "TR", "HK", "SG", "BR", "IR"]


def typo(name: str, rng: random.Random) -> str:
    """One edit (deletion, swap of neighbours or a doubled letter) inside a word of 5+ letters."""
    words = name.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return name
    i = rng.choice(long_words)
    w = words[i]
    k = rng.randrange(1, len(w) - 1)
    edit = rng.randrange(3)
    words[i] = w[:k] + w[k + 1 :] if edit == 0 else (w[:k - 1] + w[k] + w[k - 1] + w[k + 1 :] if edit == 1
                                                        else w[:k] + w[k] + w[k:])
    return " ".join(words)


def party_pool(data: Path, size: int, listed_share: float, rng: random.Random) -> tuple[list[str], Counter[str]]:
    entities = load(data)
    listed = sorted({n.value for e in entities for n in e.names if n.value.strip()})
    persons: set[str] = set()
    with open(data / "name_matching" / "name_eval_wikidata_persons" / "annotated-index-test.tsv",
              encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            persons.update((row["name1"], row["name2"]))
    person_names = sorted(persons)
    surnames = sorted({p.split()[-1] for p in person_names if p.split() and p.split()[-1].isalpha()})
    pool: list[str] = []
    kinds: Counter[str] = Counter()
    n_listed = int(size * listed_share)
    for name in rng.sample(listed, min(n_listed, len(listed))):
        typed = as_typed(name)
        pool.append(typo(typed, rng) if rng.random() < 0.25 else typed)
        kinds["listed name, as typed"] += 1
    n_persons = (size - len(pool)) // 2
    for name in rng.sample(person_names, min(n_persons, len(person_names))):
        pool.append(name if rng.random() < 0.5 else name.upper())
        kinds["unlisted person (Wikidata)"] += 1
    seen = set(pool)
    while len(pool) < size:
        name = " ".join(x for x in (rng.choice(surnames), rng.choice(TRADE_WORDS), rng.choice(LEGAL_FORMS)) if x)
        if name not in seen:
            seen.add(name)
            pool.append(name)
            kinds["unlisted company (synthesised)"] += 1
    rng.shuffle(pool)
    return pool, kinds


def write_file(path: Path, pool: list[str], rows: int, rng: random.Random) -> tuple[int, int]:
    weights = [1.0 / (r + 1) ** 0.9 for r in range(len(pool))]
    picks = rng.choices(range(len(pool)), weights=weights, k=rows)
    distinct: set[tuple[str, str]] = set()
    bad = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "country", "order_ref"])
        for i, p in enumerate(picks):
            name = pool[p]
            country = COUNTRIES[p % len(COUNTRIES)] if p % 5 < 3 else ""
            if i % 50_000 == 7:
                name, bad = "", bad + 1
            elif i % 50_000 == 11:
                country, bad = "Atlantis", bad + 1
            distinct.add((name, country))
            w.writerow([name, country, f"SO-{i:07d}"])
    return len(distinct), bad


def run_cli(src: Path, out: Path, workers: int, env: dict[str, str]) -> float:
    cmd = [sys.executable, "-m", "clearance.cli.main", "screen", "--file", str(src), "--out", str(out),
           "--workers", str(workers)]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def max_rss_mb() -> float:
    """The largest resident set of any child process so far (the CLI parent holds the input rows)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def check(src: Path, out: Path) -> Counter[str]:
    with open(src, encoding="utf-8") as fh:
        refs = [r["order_ref"] for r in csv.DictReader(fh)]
    decisions: Counter[str] = Counter()
    with open(out, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            r = json.loads(line)
            assert r["row"] == n and r["input"]["order_ref"] == refs[n], f"row {n} out of order"
            decisions[r["decision"]] += 1
            best = r["hits"][0]["decision"] if r["hits"] else "no hit"
            decisions[f"best hit {best}"] += 1
    assert sum(v for k, v in decisions.items() if not k.startswith("best")) == len(refs), "row count out != in"
    return decisions


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--pool", type=int, default=50_000, help="distinct parties to draw the rows from")
    ap.add_argument("--listed-share", type=float, default=0.1, help="share of the pool that are listed names")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--distinct-rows", type=int, default=10_000, help="size of the all-distinct file (0 = skip)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", default="", help="folder to keep the files in (default: a temporary one)")
    args = ap.parse_args()
    data = Path(args.data).resolve()
    rng = random.Random(args.seed)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="clearance-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CLEARANCE_DB": str(work / "bench.db"), "CLEARANCE_MAX_AGE_DAYS": "100000",
           "CLEARANCE_DATA": str(data)}
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    pool, kinds = party_pool(data, args.pool, args.listed_share, rng)
    src = work / "rows.csv"
    distinct, bad = write_file(src, pool, args.rows, rng)
    print(f"file: {args.rows:,} rows, {distinct:,} distinct (name, country) parties from a pool of {len(pool):,} "
          f"({', '.join(f'{k} {v:,}' for k, v in kinds.items())}); {bad} bad rows")
    subprocess.run([sys.executable, "-m", "clearance.cli.main", "lists", "load", "--from", str(data / "us_bis"),
                    str(data / "us_ofac"), str(data / "un"), str(data / "uk")], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    warm = work / "warm.csv"
    warm.write_text("name\nHuawei Technologies Co Ltd\n", encoding="utf-8")
    t_start = run_cli(warm, work / "warm.jsonl", 1, env)  # builds and caches the index
    t_start = run_cli(warm, work / "warm.jsonl", 1, env)  # start-up with the cached index
    print(f"CLI start-up with the cached index (one row): {t_start:.1f} s")
    out = work / "hits.jsonl"
    elapsed = run_cli(src, out, args.workers, env)
    decisions = check(src, out)
    print(f"realistic file, --workers {args.workers}: {elapsed:.1f} s end to end, {args.rows / elapsed:,.0f} rows/s, "
          f"max RSS of a process {max_rss_mb():,.0f} MB; "
          + ", ".join(f"{k} {v:,}" for k, v in decisions.most_common()))
    if args.distinct_rows:
        listed = sorted({n.value for e in load(data) for n in e.names if n.value.strip()})
        dsrc = work / "distinct.csv"
        with open(dsrc, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["name", "order_ref"])
            for i, name in enumerate(rng.sample(listed, args.distinct_rows)):
                w.writerow([as_typed(name), f"D-{i:07d}"])
        dout = work / "distinct.jsonl"
        for workers in sorted({1, args.workers}):
            el = run_cli(dsrc, dout, workers, env)
            dec = check(dsrc, dout)
            print(f"all-distinct listed names ({args.distinct_rows:,} rows, every row a new party), --workers "
                  f"{workers}: {el:.1f} s, {args.distinct_rows / el:,.0f} rows/s (start-up included); "
                  + ", ".join(f"{k} {v:,}" for k, v in dec.most_common()))


if __name__ == "__main__":
    main()
