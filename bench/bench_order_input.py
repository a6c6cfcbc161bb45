"""Benchmark: reading orders through the order model, and the fact-phrase scan on long texts.

    .venv/bin/python bench/bench_order_input.py [--orders 20000] [--repeat 3] [--old FILE]

``--old FILE``: also time the reader this model replaced, for an A/B in one run (``git show
f1a425c:clearance/rules/requests.py > /tmp/old_requests.py``; it imports only modules that still exist).

1. Orders per second of `parse_order_line` (JSON with duplicate-key and number checks → OrderInput →
   Request) on the generated order file of bench_determine.py, beside plain `json.loads` of the same lines
   (the floor any reader pays). Best of ``--repeat`` runs.
2. Seconds of `facts_in` on hostile texts of 20,000 to 180,000 characters (the shapes that made the former
   regular expressions quadratic: many starts of a phrase and no match after them). A linear scan grows with
   the length; the former patterns took 170 s on the 180,000-character description on this machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_determine import generate  # noqa: E402

from clearance.model.fact_vocabulary import facts_in  # noqa: E402
from clearance.workflows.order_files import parse_order_line  # noqa: E402


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--old", type=Path, help="the former clearance/rules/requests.py, for an A/B")
    args = ap.parse_args()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    lines = [json.dumps(o).encode() for o in generate(args.orders)]
    plain = _best(lambda: [json.loads(x) for x in lines], args.repeat)
    full = _best(lambda: [parse_order_line(n, x, "bench.jsonl") for n, x in enumerate(lines, 1)], args.repeat)
    bad = sum(parse_order_line(n, x, "bench.jsonl").error is not None for n, x in enumerate(lines, 1))
    print(f"{len(lines):,} orders: json.loads {len(lines) / plain:,.0f}/s; "
          f"read + validate + Request {len(lines) / full:,.0f}/s ({full / len(lines) * 1e6:.0f} µs each); "
          f"{bad} refused")
    if args.old is not None:
        spec = importlib.util.spec_from_file_location("old_requests", args.old)
        assert spec is not None and spec.loader is not None
        old = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(old)
        took = _best(lambda: [old.request_from_dict(json.loads(x), "bench.jsonl") for x in lines], args.repeat)
        print(f"former reader (json.loads + request_from_dict, no validation) {len(lines) / took:,.0f}/s")
    for size in (20_000, 60_000, 180_000):
        reps = size // 9
        for where, text in (("description", "existing " * reps), ("end_use", "military " * reps),
                            ("knowledge", "standard " * reps)):
            took = _best(lambda w=where, t=text: facts_in(w, t), args.repeat)
            print(f"facts_in {where:<11} {len(text):>7,} characters: {took * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
