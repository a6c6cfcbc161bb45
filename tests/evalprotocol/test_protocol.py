"""The evaluation protocol of bench/screening: a fixed split with no unit in both parts, and sound sets."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from anyascii import anyascii

from bench.screening.generated import negatives, variants
from bench.screening.labelled import all_pairs, unlisted_persons
from bench.screening.lists import load_lists
from bench.screening.split import PARTS, part_of
from clearance.model.entity import Entity


def test_split_is_fixed_and_about_40_60() -> None:
    keys = [f"k{i}" for i in range(5000)]
    parts = [part_of(k) for k in keys]
    assert parts == [part_of(k) for k in keys]  # no state, no hash seed
    share = parts.count("calibration") / len(parts)
    assert 0.37 < share < 0.43


def test_parts_are_disjoint_and_cover_every_set(data_dir: Path) -> None:
    root = data_dir / "name_matching"
    cal, test = all_pairs(root, "calibration"), all_pairs(root, "test")
    assert {p.set for p in cal} == {p.set for p in test}
    # (senzing is split by truth cluster: a common name such as "John Smith" is in records of both parts)
    both = {(p.set, p.name1, p.name2) for p in cal} & {(p.set, p.name1, p.name2) for p in test}
    assert {s for s, _, _ in both} <= {"senzing"}
    # the unit of the split is never in both parts: a Wikidata query name, a transliteration row
    for s in ("wikidata-persons-50k", "wikidata-arabic", "moov-cross-script"):
        assert not {p.name1 for p in cal if p.set == s} & {p.name1 for p in test if p.set == s}, s
    names = set(unlisted_persons(root, "calibration"))
    assert names and not names & set(unlisted_persons(root, "test"))


def test_generated_sets_split_by_entry_and_large_enough() -> None:
    a, b = variants(), negatives()
    assert len(a) >= 500 and len(b) >= 500
    for part in PARTS:
        assert variants(part) and negatives(part)
    by_entry: dict[tuple[str, str], set[str]] = defaultdict(set)
    for v in a:
        by_entry[(v.list_code, v.entry_id)].add(v.part)
    assert all(len(p) == 1 for p in by_entry.values())
    kinds = {k for v in a for k in v.kinds}
    assert {"abbreviation", "typo", "legal-form", "chinese-characters", "cyrillic", "pinyin"} <= kinds
    assert {n.kind for n in b} == {"brand-swap", "generic-only", "well-known-unlisted"}


@pytest.fixture(scope="module")
def lists(data_dir: Path) -> dict[str, list[Entity]]:
    return load_lists(data_dir)


def _key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", anyascii(name).lower()))


def test_variants_name_real_entries_and_negatives_are_no_listed_name(lists: dict[str, list[Entity]]) -> None:
    entries = {(e.list_code, e.entry_id) for es in lists.values() for e in es}
    assert all((v.list_code, v.entry_id) in entries for v in variants())
    listed = {_key(n.value) for es in lists.values() for e in es for n in e.names}
    assert not [n.query for n in negatives() if _key(n.query) in listed]
