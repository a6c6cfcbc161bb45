"""clearance-name@3's pair scoring without an explanation takes shortcuts (no guard looked for below the lowest cap,
no pair memo, pairs of words too far apart not asked of the token similarity): the score and raw score must be those of
the full path with its explanation, on names from the real lists and the labelled sets."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from clearance.screening import algorithm3 as a3
from clearance.screening.forms3 import prepare3
from clearance.screening.model import Match
from clearance.screening.registry import get_algorithm
from clearance.text.names import prepare

SETS = Path(__file__).resolve().parents[2] / "bench" / "screening" / "sets"


def _pairs() -> list[tuple[str, str]]:
    """Each generated query with the listed name it was made from, and cross pairs of those names that share their
    first word (seeded): typos, abbreviations, brand swaps, look-alikes and unrelated names."""
    pairs: list[tuple[str, str]] = []
    for name, cols in (("customer_variants.csv", ("query", "listed_name")),
                       ("hard_negatives.csv", ("query", "source_name"))):
        with open(SETS / name, encoding="utf-8") as fh:
            pairs.extend((row[cols[0]], row[cols[1]]) for row in csv.DictReader(fh))
    names = sorted({n for p in pairs for n in p if n.split()})
    by_first: dict[str, list[str]] = {}
    for n in names:
        by_first.setdefault(n.split()[0].lower(), []).append(n)
    rng = random.Random(3)
    for _ in range(1500):
        a = rng.choice(names)
        pairs.append((a, rng.choice(by_first[a.split()[0].lower()])))
        pairs.append((a, rng.choice(names)))
    return pairs


@pytest.mark.parametrize("person", [False, True])
def test_scores_without_explanation_equal_the_explained_path(person: bool) -> None:
    algo = get_algorithm("clearance-name@3")
    assert isinstance(algo, a3.ClearanceMatcherV3)
    checked = 0
    for x, y in _pairs():
        a, b = prepare(x, person), prepare(y, person)
        fast = algo.compare_names(a, b, person, explain=False)
        a3._RAW_MEMO.clear()
        full = algo.compare_names(a, b, person, explain=True)
        assert (fast.score, fast.raw, fast.matched_name) == (full.score, full.raw, full.matched_name), (x, y)
        # built through the slots (``match_of``): the object the dataclass makes
        assert type(fast) is Match and fast == Match(fast.score, fast.raw, fast.matched_name, "", ())
        assert hash(fast) == hash(Match(fast.score, fast.raw, fast.matched_name, "", ()))
        # every guard caps at MIN_CAP or above: below it the guards are not looked for
        ns = algo._name_raw_uncached(prepare3(x, person), prepare3(y, person), person)[1]
        if ns is not None:
            assert all(g.cap >= a3.MIN_CAP for g in ns.guards), (x, y, ns.guards)
            checked += bool(ns.guards)
    assert checked > 100  # guards did apply to many of the pairs
