"""Labelled name pairs from ../shared/data/name_matching, as (set, name1, name2, schema, label).

Every function takes ``part``: None for the whole set, or "calibration" / "test" for one part of the
fixed split of bench/screening/split.py (the unit of the split is documented there).
"""

from __future__ import annotations

import csv
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.screening.split import Part, in_part

SCRIPTS = ("arabic", "hebrew", "japanese", "katakana", "korean")
PER_SCRIPT = 500  # positives sampled per script (and as many shuffled negatives)


@dataclass(frozen=True, slots=True)
class Pair:
    set: str
    name1: str
    name2: str
    schema: str  # "Person" / "Company" / "" (unknown)
    label: bool


def senzing(root: Path, part: Part | None = None) -> Iterator[Pair]:
    """Every pair of the 159 Senzing demo records; a match when both are in the same truth cluster."""
    base = root / "senzing_truthset_demo"
    cluster: dict[tuple[str, str], str] = {}
    with open(base / "actual_truthset_key.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cluster[(row["DATA_SOURCE"], row["RECORD_ID"])] = row["CLUSTER_ID"]
    records: list[tuple[str, str, str]] = []
    for f in ("customers", "watchlist", "reference"):
        with open(base / f"{f}.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = (row.get("PRIMARY_NAME_FULL") or row.get("PRIMARY_NAME_ORG") or "").strip()
                if not name:
                    keys = ("PRIMARY_NAME_FIRST", "PRIMARY_NAME_MIDDLE", "PRIMARY_NAME_LAST")
                    parts = [row.get(k) or "" for k in keys]
                    name = " ".join(p.strip() for p in parts if p.strip())
                key = (row["DATA_SOURCE"], row["RECORD_ID"])
                if name and key in cluster and in_part(f"senzing:{cluster[key]}", part):
                    schema = "Person" if row.get("RECORD_TYPE") == "PERSON" else "Company"
                    records.append((cluster[key], name, schema))
    for (c1, n1, s1), (c2, n2, s2) in itertools.combinations(records, 2):
        yield Pair("senzing", n1, n2, s1 if s1 == s2 else "", c1 == c2)


def wikidata_tokens(root: Path, part: Part | None = None, seed: int = 7) -> Iterator[Pair]:
    """Wikidata transliteration test split: Latin token vs its native spelling, plus shuffled negatives."""
    base = root / "wikidata_transliteration_coling2018"
    rng = random.Random(seed)
    for script in SCRIPTS:
        with open(base / f"wd_{script}_20.tsv", encoding="utf-8") as fh:
            rows = [(r[0], r[1].replace(" ", "")) for r in csv.reader(fh, delimiter="\t") if len(r) >= 2]
        sample = rng.sample(rows, min(PER_SCRIPT, len(rows)))
        sample = [r for r in sample if in_part(f"wikidata-{script}:{r[0]}\t{r[1]}", part)]
        for latin, native in sample:
            yield Pair(f"wikidata-{script}", latin, native, "Person", True)
        for (latin, _), (_, other) in zip(sample, sample[1:] + sample[:1], strict=True):
            yield Pair(f"wikidata-{script}", latin, other, "Person", False)
    for script in ("hebrew", "korean"):
        with open(base / f"wd_{script}_fullnames.tsv", encoding="utf-8") as fh:
            rows = [(r[0], r[1]) for r in csv.reader(fh, delimiter="\t") if len(r) >= 2]
        sample = rng.sample(rows, PER_SCRIPT)
        sample = [r for r in sample if in_part(f"wikidata-{script}-full:{r[0]}\t{r[1]}", part)]
        for latin, native in sample:
            yield Pair(f"wikidata-{script}-full", latin, native, "Person", True)
        for (latin, _), (_, other) in zip(sample, sample[1:] + sample[:1], strict=True):
            yield Pair(f"wikidata-{script}-full", latin, other, "Person", False)


def moov(root: Path, part: Part | None = None) -> Iterator[Pair]:
    """moov watchman's 22 cross-script pairs, plus each query against the next pair's name as a negative."""
    rows: list[tuple[str, str]] = []
    with open(root / "moov_watchman" / "cross_script_pairs.csv", encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                q, m = line.rstrip("\n").split(",")[:2]
                if in_part(f"moov:{q}\t{m}", part):
                    rows.append((q, m))
    for q, m in rows:
        yield Pair("moov-cross-script", q, m, "Person", True)
    for (q, _), (_, m) in zip(rows, rows[1:] + rows[:1], strict=True):
        yield Pair("moov-cross-script", q, m, "Person", False)


def wikidata_persons(root: Path, part: Part | None = None) -> Iterator[Pair]:
    """The 50,000 annotated person pairs (20 positive)."""
    with open(root / "name_eval_wikidata_persons" / "annotated-index-test.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if in_part(f"wikidata-persons:{row['name1']}", part):
                yield Pair("wikidata-persons-50k", row["name1"], row["name2"], "Person", row["score"].strip() == "1")


def all_pairs(root: Path, part: Part | None = None) -> list[Pair]:
    return [*senzing(root, part), *wikidata_tokens(root, part), *moov(root, part), *wikidata_persons(root, part)]


def unlisted_persons(root: Path, part: Part | None = None) -> list[str]:
    """The 9,965 distinct real person names of the Wikidata person pairs (a few dozen are listed somewhere).

    Screened against every loaded list, each one flagged HIT is a false alarm unless it is one of the
    few listed public figures; the count is compared between matchers, not read as a precision.
    """
    names: set[str] = set()
    with open(root / "name_eval_wikidata_persons" / "annotated-index-test.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            names.update((row["name1"].strip(), row["name2"].strip()))
    names.discard("")
    return sorted(n for n in names if in_part(f"unlisted-person:{n}", part))
