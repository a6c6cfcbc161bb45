"""Write every labelled pair's score under each clearance-name version to a file, to check that a speed change
changed no answer (diff the files of two commits).

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.dump_scores OUT [--data ../shared/data] [--part all]
     [--algorithms clearance-name@3,...] [--explain] [--sets]
One line a pair and version: the version, the set, the pair's index, the score and raw score as ``repr`` (every bit of
the float), and with ``--explain`` the explanation (every feature's name, value and detail) of
``compare_names(..., explain=True)``. ``--sets`` adds the generated sets' pairs (bench/screening/sets: each customer
variant against its listed name, each hard negative against the name it was made from), each compared as an
organisation's and as a person's name, both parts.
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

from bench.screening.labelled import Pair, all_pairs
from clearance.screening.registry import algorithms, get_algorithm
from clearance.text.names import prepare

SETS = Path(__file__).parent / "sets"


def set_pairs() -> list[Pair]:
    """The generated sets' pairs, each as an organisation's and as a person's name (label: the pair is one party)."""
    out: list[Pair] = []
    for file, name, other, same in (("customer_variants.csv", "query", "listed_name", True),
                                    ("hard_negatives.csv", "query", "source_name", False)):
        with open(SETS / file, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for schema in ("Company", "Person"):
                    out.append(Pair(file.removesuffix(".csv"), row[name], row[other], schema, same))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--part", default="all", choices=("all", "test", "calibration"))
    ap.add_argument("--algorithms", default="")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--sets", action="store_true")
    args = ap.parse_args()
    pairs = list(all_pairs(Path(args.data) / "name_matching", None if args.part == "all" else args.part))
    if args.sets:
        pairs += set_pairs()
    names = [a for a in args.algorithms.split(",") if a] or [a for a in algorithms()
                                                             if a.startswith("clearance-name@")]
    with open(args.out, "w", encoding="utf-8") as fh:
        for name in names:
            algo = get_algorithm(name)
            for k, p in enumerate(pairs):
                person = p.schema == "Person"
                m = algo.compare_names(prepare(p.name1, person), prepare(p.name2, person), person,
                                       explain=args.explain)
                line = f"{algo.id}\t{p.set}\t{k}\t{m.score!r}\t{m.raw!r}\t{m.matched_name}"
                if args.explain:
                    line += "\t" + " | ".join(f"{f.name}={f.value!r}:{f.detail}" for f in m.features)
                fh.write(line + "\n")


if __name__ == "__main__":
    main()
