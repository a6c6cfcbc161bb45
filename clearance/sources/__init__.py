"""Layer 1: parse official list files into model objects. No database here.

The parsers are imported when ``PARSERS`` is first asked for (``registry.discover``): a command that only reads
the store (``clearance screen``) does not import every parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clearance.sources.base import SourceParser

if TYPE_CHECKING:
    PARSERS: tuple[SourceParser, ...]


def _parsers() -> tuple[SourceParser, ...]:
    from clearance.sources import csl, dpl, entity_list, eu, ofac, uk, un, us_other

    # Each parser module exposes PARSER (us_other: PARSERS); the order is the claim order.
    # Claims are content-based and disjoint on the real data, so the order only matters for foreign files.
    return (
        entity_list.PARSER,
        ofac.PARSER,
        dpl.PARSER,
        csl.PARSER,
        un.PARSER,
        uk.PARSER,
        eu.PARSER,
        *us_other.PARSERS,
    )


def __getattr__(name: str) -> Any:
    if name == "PARSERS":
        value = _parsers()
        globals()["PARSERS"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PARSERS", "SourceParser"]
