"""The civil activities, places and products an end use names (clearance/resources/civil_activities.yml;
docs/facts.md, "An end use no vocabulary reads"): an `end_use` text from which no fact is read and that names none
of them is an open question. Compared in the normal form of the fact phrases, each word singular."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from clearance.model.fact_vocabulary import normalise
from clearance.model.wmd_words import singular


@cache
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("clearance.resources").joinpath("civil_activities.yml").read_text(encoding="utf-8"))
    words = frozenset(singular(w) for w in raw["words"])
    spans = tuple(" " + " ".join(singular(w) for w in s.split()) + " " for s in raw["spans"])
    return words, spans


def civil_words(text: str) -> list[str]:
    """The civil activities ``text`` names ("hospital", "drinking water"), in the order of the vocabulary."""
    if not text:
        return []
    words, spans = _vocabulary()
    tokens = [singular(w) for w in normalise(text).split()]
    joined = " " + " ".join(tokens) + " "
    found = [w for w in dict.fromkeys(tokens) if w in words]
    return found + [s.strip() for s in spans if s in joined]
