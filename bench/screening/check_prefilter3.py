"""clearance-name@3's pruned path against its exhaustive path: byte-identical results, and the CPU each costs.

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.check_prefilter3 [--data ../shared/data] [--sample 3000]

Queries: every query of bench/screening/sets (listed names as customers type them, hard negatives) and a
seeded sample of real list names (every list of ``run_index.load``: EL, SDN, OFAC non-SDN, DPL, UN, UK), each
as listed and as typed (``run_index.as_typed``). The pruned path is ``screen_many`` in chunks of 256 (the
pre-filter bound of ``clearance.screening.bound3`` and the flat cheap scores, as `screen --file` runs it);
the exhaustive path is ``screen(..., prefilter=False)`` for each query (every candidate scored in Python, each
cheap score by a Python call). Each result is serialised as JSON (sorted keys) and compared byte for byte;
the run exits with status 1 on any difference. CPU is ``time.process_time`` of each path.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from pathlib import Path

from bench.screening.run_index import as_typed, load
from clearance.screening.index import build_index
from clearance.screening.model import Query
from clearance.screening.screen import screen, screen_many

SETS = Path(__file__).resolve().parent / "sets"


def queries(data: Path, sample: int, seed: int) -> tuple[list[Query], int]:
    out: list[Query] = []
    for name in ("customer_variants.csv", "hard_negatives.csv"):
        with open(SETS / name, encoding="utf-8", newline="") as fh:
            out += [Query(row["query"]) for row in csv.DictReader(fh) if row["query"].strip()]
    n_sets = len(out)
    rng = random.Random(seed)
    listed = sorted({n.value for e in load(data) for n in e.names if n.value.strip()})
    for name in rng.sample(listed, min(sample, len(listed))):
        out.append(Query(name))
        out.append(Query(as_typed(name)))
    return out, n_sets


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--sample", type=int, default=3000, help="real list names (each also as typed)")
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    data = Path(args.data)
    qs, n_sets = queries(data, args.sample, args.seed)
    index = build_index(load(data))
    print(f"{len(qs):,} queries ({n_sets:,} of bench/screening/sets, {len(qs) - n_sets:,} real list names as "
          f"listed and as typed); index of {len(index):,} entries")
    for q in qs[:200]:  # the entities most queries meet are unpickled/prepared once, for both paths
        screen(q, index, algorithm="clearance-name@3", prefilter=False)
    t = time.process_time()
    fast: list[str] = []
    for start in range(0, len(qs), 256):
        fast += [json.dumps(r.to_dict(), sort_keys=True)
                 for r in screen_many(qs[start:start + 256], index, algorithm="clearance-name@3")]
    t_fast = time.process_time() - t
    t = time.process_time()
    slow = [json.dumps(screen(q, index, algorithm="clearance-name@3", prefilter=False).to_dict(), sort_keys=True)
            for q in qs]
    t_slow = time.process_time() - t
    differ = [q.name for q, a, b in zip(qs, fast, slow, strict=True) if a != b]
    hits = sum(len(json.loads(s)["hits"]) for s in slow)
    print(f"pruned:     {t_fast / len(qs) * 1000:.3f} ms CPU a query")
    print(f"exhaustive: {t_slow / len(qs) * 1000:.3f} ms CPU a query ({hits:,} hits reported)")
    print(f"results byte-identical: {len(qs) - len(differ):,} of {len(qs):,}")
    for name in differ[:10]:
        print(f"  DIFFER: {name}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
