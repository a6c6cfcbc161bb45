"""Precision, recall, F1 and pairs/s of every matcher on one part of the labelled sets, side by side in one run.

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.run_pairs [--data ../shared/data] [--part test]
     [--skip-nomenklatura]
The part is one side of the fixed split of bench/screening/split.py: "test" (default; what docs/benchmarks.md
reports) or "calibration" (what calibration and feature design may look at). Every registered clearance-name
version is scored, the default first.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import time
from collections import defaultdict
from pathlib import Path

from bench.screening import peers
from bench.screening.labelled import Pair, all_pairs
from bench.screening.split import PARTS
from clearance.screening.registry import algorithms


def prf(results: list[tuple[bool, bool]]) -> tuple[float, float, float, int, int]:
    tp = sum(1 for label, pred in results if label and pred)
    fp = sum(1 for label, pred in results if not label and pred)
    fn = sum(1 for label, pred in results if label and not pred)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp + fn, len(results)


def warm_up(scorer: peers.Scorer) -> None:
    made_up = ["Acme Widgets Ltd", "Jon Doe", "Johnathan Q. Doe", "Widget Works GmbH", "Ivan Petrov", "Ivan Petrovich"]
    for a in made_up:
        for b in made_up:
            for _ in range(30):
                scorer(Pair("warm", a + " " + str(_), b, "", False))
    # persons too (and a surname after an initial): what person pairs alone read on first use is start-up as well
    # (the pinyin syllables, when two persons' names agree on one word only: clearance-name@3's Chinese-name guard)
    persons = [*made_up, "J Doe", "B Doe"]
    for a in persons:
        for b in persons:
            scorer(Pair("warm", a, b, "Person", False))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--skip-nomenklatura", action="store_true")
    ap.add_argument("--part", default="test", choices=PARTS)
    ap.add_argument("--gc-freeze", action="store_true",
                    help="after each matcher's warm-up, collect and freeze the heap (start-up objects, imported "
                         "tables, earlier matchers' caches) before timing it, for every matcher alike -- as "
                         "`compare --pairs`, `screen --file` and bench_determine.py treat their long-lived data")
    args = ap.parse_args()
    pairs = all_pairs(Path(args.data) / "name_matching", args.part)
    matchers = [peers.clearance_scorer()]  # the default algorithm, then every other version side by side
    matchers += [peers.clearance_scorer(a) for a in algorithms()
                 if a.startswith("clearance-name@") and a != matchers[0][0]]
    matchers.append(peers.token_set())
    if not args.skip_nomenklatura:
        matchers += [peers.nomenklatura_scorer(a) for a in ("logic-v2", "logic-v1", "name-based")]
    sets = sorted({p.set for p in pairs}, key=lambda s: [p.set for p in pairs].index(s))
    table: dict[str, dict[str, tuple[float, float, float, int, int]]] = {}
    speed: dict[str, float] = {}
    cpu_speed: dict[str, float] = {}
    for label, scorer, threshold in matchers:
        warm_up(scorer)
        if args.gc_freeze:
            gc.collect()
            gc.freeze()
        by_set: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        t0, c0 = time.perf_counter(), time.process_time()
        for p in pairs:
            by_set[p.set].append((p.label, scorer(p) >= threshold))
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        if args.gc_freeze:
            gc.unfreeze()
        speed[label] = len(pairs) / elapsed
        cpu_speed[label] = len(pairs) / cpu
        table[label] = {s: prf(by_set[s]) for s in sets}
        table[label]["ALL"] = prf([x for s in sets for x in by_set[s]])
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python {platform.python_version()}")
    print(f"part: {args.part} (bench/screening/split.py); pairs: {len(pairs)}; gc.freeze after warm-up: "
          f"{'yes, every matcher' if args.gc_freeze else 'no'}")
    print()
    print("| set (positives/pairs) | " + " | ".join(m[0] for m in matchers) + " |")
    print("|---|" + "---|" * len(matchers))
    for s in [*sets, "ALL"]:
        first = table[matchers[0][0]][s]
        cells = [f"P {v[0]:.3f} R {v[1]:.3f} **F1 {v[2]:.3f}**" for v in (table[m[0]][s] for m in matchers)]
        print(f"| {s} ({first[3]}/{first[4]}) | " + " | ".join(cells) + " |")
    print("| pairs/s (all pairs, one process, warm) | " + " | ".join(f"{speed[m[0]]:,.0f}" for m in matchers) + " |")
    # on a shared machine the process waits for a core: pairs per second of the process's own CPU time too
    print("| pairs per CPU second (same runs) | " + " | ".join(f"{cpu_speed[m[0]]:,.0f}" for m in matchers) + " |")


if __name__ == "__main__":
    main()
