"""Layer 3 engine: screen party names against restricted-party lists (see docs/screening.md).

``screen(query, index)`` is pure over a frozen, picklable ``ScreeningIndex``; algorithms are named and
versioned ("slug@version") in ``clearance.screening.registry``.
"""

from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Feature, Hit, ListVersion, Match, Query, ScreeningResult
from clearance.screening.registry import get_algorithm
from clearance.screening.screen import compare, screen

__all__ = [
    "Decision",
    "Feature",
    "Hit",
    "ListVersion",
    "Match",
    "Query",
    "ScreeningIndex",
    "ScreeningResult",
    "build_index",
    "compare",
    "get_algorithm",
    "screen",
]
