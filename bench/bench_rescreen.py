"""Benchmark: re-screening after the real SDN update 2021-07-07 -> 2024-05-03, full against incremental.

    .venv/bin/python bench/bench_rescreen.py [--parties 600] [--rows 6000]

``--daily N`` measures a small update instead: the previous list is the 2024 list without N of its entries.

The input names ``--parties`` distinct parties: primary names of SDN entries removed by the update, added by it
and kept through it (a fifth, a fifth and three fifths), and unlisted companies, each with one of two
countries, on ``--rows`` rows. It is screened under the 2021 index (the previous run), then under the 2024
index twice on one Dask worker: in full, and with ``--previous`` (``previous=``). Reported: the workers' CPU
seconds of each run, the distinct parties skipped and re-scored (and why), and whether both 2024 runs give
the same digest over every row. Each run has its own worker memo (keyed by the previous run too).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clearance.screening.index import build_index  # noqa: E402
from clearance.screening.model import ListVersion  # noqa: E402
from clearance.sources import ofac  # noqa: E402
from clearance.workflows.batch.results import digest, folder_rows  # noqa: E402
from clearance.workflows.batch.run import dask_client, screen_batch  # noqa: E402

DATA = Path(os.environ.get("CLEARANCE_DATA", ROOT.parent / "shared" / "data")) / "us_ofac"
TODAY = dt.date(2026, 12, 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parties", type=int, default=600)
    ap.add_argument("--rows", type=int, default=6_000)
    ap.add_argument("--daily", type=int, default=0, metavar="N",
                    help="instead of the 2021 -> 2024 update, a small one: the previous list is the 2024 list "
                         "without N of its entries (an update that adds N entries, as a daily change does)")
    args = ap.parse_args()
    old_files = tuple(DATA / "2021-07-07_full_set" / f for f in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"))
    new_files = tuple(DATA / f for f in ("sdn_2024-05-03.csv", "add_2025-12-24.csv", "alt_2025-12-24.csv",
                                         "sdn_comments_2025-12-24.csv"))
    new_e = [e for pl in ofac.PARSER.parse(new_files) for e in pl.entities]
    if args.daily:
        dropped = set(random.Random(3).sample(range(len(new_e)), args.daily))
        old_e = [e for i, e in enumerate(new_e) if i not in dropped]
    else:
        old_e = [e for pl in ofac.PARSER.parse(old_files) for e in pl.entities]
    old_ids, new_ids = {e.entry_id for e in old_e}, {e.entry_id for e in new_e}
    rng = random.Random(7)
    n = args.parties // 2  # names; two countries each
    removed = [e for e in old_e if e.entry_id not in new_ids]
    added = [e for e in new_e if e.entry_id not in old_ids]
    names = ([e.name for e in rng.sample(removed, min(len(removed), n // 5))]
             + [e.name for e in rng.sample(added, min(len(added), n // 5))]
             + [e.name for e in rng.sample([e for e in new_e if e.entry_id in old_ids], 3 * n // 5)])
    names += [f"Unlisted Trading Company {i}" for i in range(n - len(names))]
    work = Path(tempfile.mkdtemp(prefix="bench-rescreen-"))
    src = work / "tx.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "country", "order_ref"])
        for i in range(args.rows):
            w.writerow([rng.choice(names), rng.choice(["", "RU"]), f"T-{i}"])
    old = build_index(old_e, {"sdn": ListVersion("sdn", "sdn-2021-07-07", dt.date(2021, 7, 7), 100_000)})
    new = build_index(new_e, {"sdn": ListVersion("sdn", "sdn-2024-05-03", dt.date(2024, 5, 3), 100_000)})
    before = "2024-05-03 less the entries added" if args.daily else "2021-07-07"
    print(f"SDN {before}: {len(old_e):,} entries; 2024-05-03: {len(new_e):,} ({len(old_ids - new_ids):,} removed, "
          f"{len(new_ids - old_ids):,} added, {len(old_ids & new_ids):,} kept, changed or not); {args.rows:,} rows, "
          f"{len(names) * 2:,} distinct parties; load average {os.getloadavg()[0]:.1f}")
    kw = {"partition_rows": max(1, args.rows // 4), "today": TODAY}
    with dask_client(None, 1) as client:
        for label, index, out, prev in (("previous run", old, "old", None), ("2024 full", new, "full", None),
                                        ("2024 incremental", new, "inc", str(work / "old"))):
            t = time.monotonic()
            m = screen_batch(str(src), str(work / out), index, client=client, previous=prev, **kw)
            print(f"{label}: {m['cpu_seconds']:.1f} CPU s in the worker, {time.monotonic() - t:.0f} s wall; "
                  f"load average {os.getloadavg()[0]:.1f}")
            for reason, count in sorted((m.get("previous") or {}).get("parties", {}).items()):
                print(f"  {count:,} parties: {reason}")
    same = digest(folder_rows(work / "full")) == digest(folder_rows(work / "inc"))
    print(f"incremental == full, row for row: {same}")


if __name__ == "__main__":
    main()
