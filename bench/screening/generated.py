"""Read the generated screening sets of bench/screening/sets/ (made by bench.screening.make_sets).

``variants(part)``: set (a), listed names as customers type them, each with the entry it must find.
``negatives(part)``: set (b), hard negatives that must not be a HIT.
``part``: None for the whole set, "calibration" or "test" (bench/screening/split.py; the unit is the
listed entry a row was made from, so no entry has rows in both parts).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from bench.screening.split import PARTS, Part

SETS = Path(__file__).parent / "sets"


@dataclass(frozen=True, slots=True)
class Variant:
    query: str
    list_code: str
    entry_id: str
    listed_name: str
    kinds: tuple[str, ...]
    part: str


@dataclass(frozen=True, slots=True)
class Negative:
    query: str
    kind: str  # brand-swap / generic-only / well-known-unlisted
    source_list: str
    source_entry: str
    source_name: str
    part: str


def _rows(name: str, part: Part | None) -> list[dict[str, str]]:
    if part is not None and part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    with open(SETS / name, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if part is None or r["part"] == part]


def variants(part: Part | None = None) -> list[Variant]:
    return [Variant(r["query"], r["list"], r["entry_id"], r["listed_name"], tuple(r["kinds"].split(",")), r["part"])
            for r in _rows("customer_variants.csv", part)]


def negatives(part: Part | None = None) -> list[Negative]:
    return [Negative(r["query"], r["kind"], r["source_list"], r["source_entry"], r["source_name"], r["part"])
            for r in _rows("hard_negatives.csv", part)]
