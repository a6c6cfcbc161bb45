"""The real lists of ../shared/data as the benchmarks load them (the current file of each list only)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clearance.model.entity import Entity
from clearance.sources.registry import discover

# Older snapshots, fixtures and cut-off samples that are not a current list.
_SKIP = ("2021-07-07_full_set", "moov_", "govwizely")
US_CODES = ("el", "meu", "sdn", "ofac-cons", "1260h", "dpl", "uvl", "mieu")


def load_lists(data: Path, codes: Sequence[str] | None = None) -> dict[str, list[Entity]]:
    """Entities by list code, parsed from the current list files under ``data`` (None: every list)."""
    out: dict[str, list[Entity]] = {}
    for group in discover([data], only=codes):
        if any(s in str(f) for f in group.files for s in _SKIP):
            continue
        for pl in group.parser.parse(group.files):
            if codes is None or pl.list_code in codes:
                out.setdefault(pl.list_code, []).extend(pl.entities)
    return out
