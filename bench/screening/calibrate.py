"""Fit the logistic calibration of clearance-name's raw score on the labelled sets.

Prints the raw threshold that maximises the mean F1 over the sets, and the slope and midpoint of a
logistic regression of the label on the raw score (each set weighted equally, positives and negatives
balanced within a set), so that the calibrated score reads like a probability of a true match.
Fitted on the calibration part only (bench/screening/split.py); the test part is never looked at here.
Run: PYTHONPATH=. .venv/bin/python -m bench.screening.calibrate [--algorithm clearance-name@3]
"""

from __future__ import annotations

import argparse
import math
import os
from collections import defaultdict
from pathlib import Path

from bench.screening.labelled import all_pairs
from clearance.screening.registry import get_algorithm
from clearance.text.names import prepare


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--algorithm", default=None, help="algorithm id (default: the default algorithm)")
    args = ap.parse_args()
    root = Path(os.environ.get("CLEARANCE_DATA", "../shared/data")) / "name_matching"
    algo = get_algorithm(args.algorithm)
    by_set: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for p in all_pairs(root, "calibration"):
        person = p.schema == "Person"
        raw = algo.compare_names(prepare(p.name1, person), prepare(p.name2, person), person, explain=False).raw
        by_set[p.set].append((raw, p.label))

    def f1(rows: list[tuple[float, bool]], t: float) -> float:
        tp = sum(1 for r, lab in rows if lab and r >= t)
        fp = sum(1 for r, lab in rows if not lab and r >= t)
        fn = sum(1 for r, lab in rows if lab and r < t)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    best = max((sum(f1(v, t / 100) for v in by_set.values()) / len(by_set), t / 100) for t in range(40, 100))
    print(f"raw threshold maximising mean F1: {best[1]:.2f} (mean F1 {best[0]:.3f})")
    for s, v in by_set.items():
        print(f"  {s}: F1 {f1(v, best[1]):.3f}")
    # Logistic regression by gradient descent, every set and class weighted equally.
    weights: list[tuple[float, bool, float]] = []
    for v in by_set.values():
        pos = sum(1 for _, lab in v if lab) or 1
        neg = sum(1 for _, lab in v if not lab) or 1
        weights.extend((r, lab, 1 / (2 * (pos if lab else neg) * len(by_set))) for r, lab in v)
    a, b = 10.0, -7.0
    for _ in range(3000):
        ga = gb = 0.0
        for r, lab, w in weights:
            p = 1 / (1 + math.exp(-(a * r + b)))
            g = (p - (1.0 if lab else 0.0)) * w
            ga += g * r
            gb += g
        a -= 20 * ga
        b -= 20 * gb
    print(f"logistic fit: slope {a:.2f}, midpoint {-b / a:.3f}")


if __name__ == "__main__":
    main()
