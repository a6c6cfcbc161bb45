"""Benchmark: `clearance orders check` on N generated, seeded orders (default 100,000) with bad lines.

    python bench/bench_orders_check.py --orders 100000 --seed 12 --workdir /tmp/clearance-bench-orders

Generates a JSON-lines order file (parties drawn from the real 2025-11-08 Entity List names, Huawei affiliates
as customers spell them, and made-up unlisted customers; ECCNs, destinations and dates 2025-11-10..2026-11-30;
one line in 100 deliberately bad), a licence file, and a SQLite store with the real Entity List, Denied
Persons, MEU and Unverified lists; then runs the real command line (`clearance orders check FILE`) once, timed
end to end, and prints the throughput and the verdict counts. CLEARANCE_DATA points at ../shared/data.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CLEARANCE_DATA", ROOT.parent / "shared" / "data")).resolve()
LISTS = ("entity_list_2025-11-08.csv", "dpl_2023-11-30.txt", "meu_from_csl_subset_2023-11-30.csv",
         "uvl_from_csl_subset_2023-11-30.csv")
ECCNS = ("EAR99", "5A992.c", "3A991.a.2", "4A994.b", "5A002.a", "3A001.a.1", "EAR99", "EAR99")
DESTS = ("CN", "DE", "JP", "IN", "BR", "MX", "FI", "KR", "VN", "RU", "AE", "GB")
SUFFIX = ("Co., Ltd.", "GmbH", "Ltd", "S.A.", "Inc.", "Pte Ltd", "LLC", "AG")
WORDS = ("Acme", "Nordic", "Pacific", "Delta", "Summit", "Apex", "Harbor", "Vertex", "Orion", "Cedar", "Atlas",
         "Lumen", "Keystone", "Meridian", "Silverline", "Bluewater", "Northgate", "Redwood", "Ironbridge", "Solace")
TRADES = ("Trading", "Electronics", "Components", "Industrial", "Systems", "Logistics", "Devices", "Precision")
LICENCES = """\
- number: B1000001
  holder: Example Components Inc.
  parties: ["Huawei Device (Dongguan) Co., Ltd."]
  eccns: [5A992.c]
  destination: CN
  value_limit: 2000000
  valid_from: 2025-01-01
- number: B1000002
  holder: Example Components Inc.
  parties: ["Nordic Electronics GmbH"]
  eccns: [5A002]
  destination: RU
  quantity_limit: 50
  valid_from: 2025-01-01
  valid_to: 2026-06-30
"""


def el_names() -> list[str]:
    with open(DATA / "us_bis" / LISTS[0], encoding="utf-8-sig", newline="") as fh:
        return [row["name"] for row in csv.DictReader(fh) if row.get("name")]


def parties(rng: random.Random, n_made: int) -> list[tuple[str, str]]:
    listed = rng.sample(el_names(), 300)
    out = [(n.split(",")[0] + " Co Ltd", "CN") for n in listed]  # listed names as a customer would write them
    out += [("Huawei Device (Dongguan) Co Ltd", "CN"), ("HUAWEI TECHNOLOGIES CO.,LTD", "CN"),
            ("Nordic Electronics GmbH", "RU")]
    for _ in range(n_made):
        out.append((f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(TRADES)} {rng.choice(SUFFIX)}",
                    rng.choice(DESTS)))
    return out


def order(rng: random.Random, i: int, pool: list[tuple[str, str]]) -> dict[str, object]:
    name, country = rng.choice(pool)
    day = dt.date(2025, 11, 10) + dt.timedelta(days=rng.randrange(385))
    o: dict[str, object] = {"id": f"BO-{i:06d}", "date": day.isoformat(), "to": country,
                            "item": {"eccn": rng.choice(ECCNS), "origin": "US", "value": rng.randrange(100, 20000)},
                            "quantity": rng.randrange(1, 20),
                            "parties": [{"role": "end_user", "name": name, "country": country}]}
    if i % 100 == 37:  # a bad line: no date, no ECCN, a negative quantity or no parties
        kind = (i // 100) % 4
        if kind == 0:
            del o["date"]
        elif kind == 1:
            del o["item"]["eccn"]  # type: ignore[attr-defined]
        elif kind == 2:
            o["quantity"] = -3
        else:
            o["parties"] = []
    return o


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--made-up", type=int, default=3000, help="distinct made-up unlisted customers")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/clearance-bench-orders"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    args.workdir.mkdir(parents=True, exist_ok=True)
    db = args.workdir / "bench.db"
    for p in args.workdir.glob("bench.db*"):
        p.unlink()
    pool = parties(rng, args.made_up)
    orders = args.workdir / f"orders-{args.orders}-{args.seed}.jsonl"
    with open(orders, "w", encoding="utf-8") as fh:
        for i in range(args.orders):
            fh.write(json.dumps(order(rng, i, pool)) + "\n")
    (args.workdir / "licences.yaml").write_text(LICENCES)
    env = {**os.environ, "CLEARANCE_DB": str(db), "CLEARANCE_SNAPSHOT": "false", "CLEARANCE_MAX_AGE_DAYS": "100000",
           "CLEARANCE_ACTOR": "bench"}
    exe = [sys.executable, "-m", "clearance.cli.main"]
    subprocess.run([*exe, "lists", "load", *(str(DATA / "us_bis" / f) for f in LISTS)], env=env, check=True,
                   capture_output=True)
    subprocess.run([*exe, "licenses", "add", str(args.workdir / "licences.yaml")], env=env, check=True,
                   capture_output=True)
    started = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    got = subprocess.run([*exe, "orders", "check", str(orders), "--json"], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    verdicts: dict[str, int] = {}
    for line in got.stdout.splitlines():
        v = json.loads(line).get("verdict") or "bad line"
        verdicts[v] = verdicts.get(v, 0) + 1
    print(f"orders check: {args.orders:,} orders (seed {args.seed}, {len(pool):,} distinct parties) in "
          f"{seconds:.1f} s = {args.orders / seconds:,.0f} orders/s; exit code {got.returncode}")
    print(f"CPU (user+system of the command): {cpu:.1f} s = {cpu / args.orders * 1e3:.2f} ms per order "
          "(comparable on a loaded machine, unlike the wall-clock rate)")
    print("verdicts:", json.dumps(dict(sorted(verdicts.items()))))
    print("stderr tail:", got.stderr.strip().splitlines()[-1] if got.stderr.strip() else "")
    print(f"database: {db.stat().st_size / 1e6:,.0f} MB; machine: {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")


if __name__ == "__main__":
    main()
