"""Layer 1: parse official list files into model objects. No database here."""

from __future__ import annotations

from clearance.sources import csl, dpl, entity_list, eu, ofac, uk, un, us_other
from clearance.sources.base import SourceParser

# Each parser module exposes PARSER (us_other: PARSERS); the order is the claim order.
# Claims are content-based and disjoint on the real data, so the order only matters for foreign files.
PARSERS: tuple[SourceParser, ...] = (
    entity_list.PARSER,
    ofac.PARSER,
    dpl.PARSER,
    csl.PARSER,
    un.PARSER,
    uk.PARSER,
    eu.PARSER,
    *us_other.PARSERS,
)

__all__ = ["PARSERS", "SourceParser"]
