"""Write the labelled pairs as one CSV (name1, name2, schema, set, label) for `clearance compare --pairs`.

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.export_pairs /tmp/pairs.csv [test|calibration|all]
(default: the test part of bench/screening/split.py)
then: time .venv/bin/clearance compare --pairs /tmp/pairs.csv --out /tmp/scores.csv
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

from bench.screening.labelled import all_pairs


def main() -> None:
    root = Path(os.environ.get("CLEARANCE_DATA", "../shared/data")) / "name_matching"
    with open(sys.argv[1], "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name1", "name2", "schema", "set", "label"])
        part = sys.argv[2] if len(sys.argv) > 2 else "test"
        for p in all_pairs(root, None if part == "all" else part):  # type: ignore[arg-type]
            w.writerow([p.name1, p.name2, p.schema, p.set, int(p.label)])


if __name__ == "__main__":
    main()
