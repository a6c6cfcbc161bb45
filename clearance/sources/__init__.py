"""Layer 1: parse official list files into model objects. No database here."""

from __future__ import annotations

from clearance.sources.base import SourceParser

# Each parser module exposes PARSER; the order is the claim order (most specific first).
# The lead adds modules here as they land.
PARSERS: tuple[SourceParser, ...] = ()

__all__ = ["PARSERS", "SourceParser"]
