"""Benchmark: EAR determinations per second on a generated 100,000-order file.

    .venv/bin/python bench/bench_determine.py [--orders 100000] [--workers 2] [--file /tmp/orders.jsonl]

Generates a reproducible order file (JSON lines, the order schema of `clearance determine --order`):
dates 2019-2025, US-origin and foreign-made items (with bills of materials and FDP facts), 12 ECCNs,
10 destinations, Huawei entities (looked up by name in the dated Entity List data) and unlisted parties.
Parsing is timed separately; the determination rate is measured over the whole file with a cold cache
in each worker process, and the share of each outcome is printed.

Machines differ (the same commit has measured 58,796/s and 28,028/s on two VMs of the same kind), so the
output starts with a machine-speed reference: the CPU time of a fixed pure-Python loop (10,000,000 times
``s += i``, best of three). Scale a rate from another machine by the ratio of the two reference times.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import json
import multiprocessing as mp
import os
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clearance.model.order_input import validate_order  # noqa: E402
from clearance.rules import NONE_FOUND, RuleCache, determine, load_rules  # noqa: E402
from clearance.workflows.order_requests import to_request  # noqa: E402

ECCNS = ["3A991", "3A001.a.2", "5A992.c", "EAR99", "5E002", "4A994", "3A992", "5D992.c", "3A001", "9A991",
         "5A002.a", "6A003.b.4"]
DESTS = ["CN", "DE", "HK", "VN", "IN", "TW", "JP", "BR", "MX", "KR"]
HUAWEI = ["Huawei Technologies Co., Ltd.", "Huawei Device Co., Ltd.", "HiSilicon Technologies Co., Ltd",
          "Huawei Technologies Canada Co., Ltd."]


def generate(n: int, seed: int = 4) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    start = dt.date(2019, 1, 1).toordinal()
    orders = []
    for i in range(n):
        day = dt.date.fromordinal(start + rnd.randrange(7 * 365))
        dest = rnd.choice(DESTS)
        huawei = rnd.random() < 0.3
        party = {"role": rnd.choice(["end_user", "ultimate_consignee", "purchaser"]),
                 "name": rnd.choice(HUAWEI) if huawei else f"non-listed customer {rnd.randrange(500)}"}
        order: dict[str, Any] = {"id": f"PO-{i}", "date": day.isoformat(), "route": {"from": "US", "to": dest},
                                 "parties": [party]}
        if rnd.random() < 0.75:
            order["item"] = {"eccn": rnd.choice(ECCNS), "origin": "US"}
        else:
            total = 1000
            order["transaction"] = "reexport"
            order["route"]["from"] = "TW"
            order["item"] = {
                "eccn": rnd.choice(["3A991", "3A992", "5A992.c"]), "origin": "TW",
                "us_inputs": [{"eccn": rnd.choice(["3A001.a.2", "3A991", "EAR99"]), "value": rnd.randrange(0, 400)}],
                "us_controlled_content": {"total": total},
                "fdp_facts": {"plant_direct_product_of": rnd.choice([[], ["3E001"]]), "plant_tech_us_origin": True,
                              "designed_by_fn1_entity": rnd.random() < 0.5},
            }
        orders.append(order)
    return orders


def _worker(lines: list[str], file: str, gc_freeze: bool, ready: Any, go: Any, out: Any) -> None:
    """One worker: parse its share of the order file and load the rules, then wait; time only determinations."""
    reqs = [to_request(validate_order(json.loads(x), file=file))[0] for x in lines]
    rules = load_rules()
    cache = RuleCache()  # each worker starts cold, like the single-process run
    if gc_freeze:
        gc.collect()
        gc.freeze()
    ready.wait()
    go.wait()
    cpu = time.process_time()
    counts = collections.Counter(determine(r, rules, NONE_FOUND, cache).outcome.value for r in reqs)
    out.put((dict(counts), len(reqs), time.process_time() - cpu))


def run_parallel(lines: list[str], file: str, workers: int,
                 gc_freeze: bool) -> tuple[float, collections.Counter[str], list[float]]:
    """Wall time of ``workers`` processes each deciding a contiguous (by date) share of the orders, the outcome
    counts, and each worker's determinations per CPU-second (its own process time: on a shared machine the
    wall time also measures the neighbours)."""
    ctx = mp.get_context("fork")
    ready, go = ctx.Barrier(workers + 1), ctx.Barrier(workers + 1)
    out = ctx.Queue()
    step = -(-len(lines) // workers)
    procs = [ctx.Process(target=_worker, args=(lines[i:i + step], file, gc_freeze, ready, go, out))
             for i in range(0, len(lines), step)]
    for p in procs:
        p.start()
    ready.wait()
    t0 = time.perf_counter()
    go.wait()
    total: collections.Counter[str] = collections.Counter()
    rates = []
    for _ in procs:
        counts, n, cpu = out.get()
        total.update(counts)
        rates.append(n / cpu)
    elapsed = time.perf_counter() - t0
    for p in procs:
        p.join()
    return elapsed, total, rates


REFERENCE_LOOP = 10_000_000


def reference_seconds(repeat: int = 3) -> float:
    """CPU seconds of a fixed pure-Python loop (best of ``repeat``): this machine's speed for interpreted code."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        s = 0
        for i in range(REFERENCE_LOOP):
            s += i
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--file", type=Path, default=Path("/tmp/clearance-bench-orders.jsonl"))
    ap.add_argument("--gc-freeze", action=argparse.BooleanOptionalAction, default=True,
                    help="gc.freeze() the loaded orders and rules before timing (default on)")
    args = ap.parse_args()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    ref = reference_seconds()
    orders = generate(args.orders)
    args.file.write_text("".join(json.dumps(o) + "\n" for o in orders))
    t0 = time.perf_counter()
    lines = args.file.read_text().splitlines()
    reqs = [to_request(validate_order(json.loads(x), file=str(args.file)))[0] for x in lines]
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_rules()
    t_load = time.perf_counter() - t0
    unique = len({(r.item, r.to_country, r.parties, r.transaction) for r in reqs})
    if args.gc_freeze:
        gc.collect()
        gc.freeze()  # the parsed orders and the rule set are long-lived: keep them out of GC passes

    # one process, cold cache
    rules = load_rules()
    cache = RuleCache()
    t0, cpu0 = time.perf_counter(), time.process_time()
    single = collections.Counter(determine(r, rules, NONE_FOUND, cache).outcome.value for r in reqs)
    t_single, cpu_single = time.perf_counter() - t0, time.process_time() - cpu0

    # N worker processes, each with its own contiguous (by date) share and its own cold caches
    by_date = sorted(lines, key=lambda x: json.loads(x)["date"])
    t_multi, multi, rates = run_parallel(by_date, str(args.file), args.workers, args.gc_freeze)
    assert multi == single, "worker results differ from the single-process run"

    print(f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}")
    print(f"machine reference: {REFERENCE_LOOP:,}-iteration Python loop (s += i) {ref:.2f} CPU-s (best of 3)")
    print(f"gc.freeze: {args.gc_freeze}")
    print(f"orders: {len(reqs):,} ({unique:,} distinct item/destination/party combinations); "
          f"parse {t_parse:.2f}s; rule load {t_load:.2f}s")
    print(f"load average before the runs: {load}")
    print(f"1 process:  {len(reqs) / t_single:,.0f} determinations/s ({t_single:.2f}s); "
          f"{len(reqs) / cpu_single:,.0f} per CPU-second")
    print(f"{args.workers} processes: {len(reqs) / t_multi:,.0f} determinations/s ({t_multi:.2f}s); per worker "
          f"{', '.join(f'{r:,.0f}' for r in rates)} per CPU-second (sum {sum(rates):,.0f})")
    for outcome, n in sorted(single.items(), key=lambda kv: -kv[1]):
        print(f"  {outcome:<20} {n:>7,}  {100 * n / len(reqs):5.1f} %")


if __name__ == "__main__":
    main()
