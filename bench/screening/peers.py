"""The matchers compared side by side: Clearance, a rapidfuzz token-set baseline, nomenklatura."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

from bench.screening.labelled import Pair
from clearance.screening.registry import get_algorithm
from clearance.text.names import prepare

Scorer = Callable[[Pair], float]


def clearance_scorer(name: str | None = None) -> tuple[str, Scorer, float]:
    algo = get_algorithm(name)

    def score(p: Pair) -> float:
        person = p.schema == "Person"
        return algo.compare_names(prepare(p.name1, person), prepare(p.name2, person), person, explain=False).score

    return algo.id, score, algo.thresholds.hit


def token_set() -> tuple[str, Scorer, float]:
    def score(p: Pair) -> float:
        return fuzz.token_set_ratio(p.name1.lower(), p.name2.lower()) / 100.0

    return "rapidfuzz token_set_ratio", score, 0.8


def nomenklatura_scorer(algorithm: str) -> tuple[str, Scorer, float]:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm as nk_get

    algo: Any = nk_get(algorithm)
    config = algo.default_config()
    counter = itertools.count()

    def entity(name: str, schema: str) -> Any:
        e = model.make_entity(schema or "LegalEntity")
        e.id = f"e{next(counter)}"
        e.add("name", name)
        return e

    def score(p: Pair) -> float:
        return float(algo.compare(entity(p.name1, p.schema), entity(p.name2, p.schema), config).score)

    return f"nomenklatura {algorithm}", score, 0.7
