"""The honest evaluation protocol: every labelled set split once into a calibration part and a test part.

Calibration, thresholds and feature design may look only at the calibration part; docs/benchmarks.md
reports the test part. The split is fixed by a seed and a stable key, never by list order or a random
state, so it is the same on every machine and in every run:

    part(key) = "calibration" if sha256(SEED + "\\x1f" + key) mod 100 < CALIBRATION_PERCENT else "test"

The key is the unit that must not be shared between the parts, so that no name seen in calibration
comes back in the test part under another pairing:
- senzing: the truth cluster of a record (a pair is in a part when both its records' clusters are; pairs
  across the parts are dropped);
- Wikidata transliteration tokens, moov cross-script pairs: the positive row (Latin + native); the
  shuffled negatives are built inside each part;
- Wikidata person pairs: the query name (``name1``; one query appears in about 1,000 pairs);
- the unlisted-person names (the distinct names of that set): the name;
- the generated sets of bench/screening/sets (customer variants, hard negatives): the listed entry the
  row was made from (``list:entry_id``), so that no entry has variants in both parts.

Run ``python -m bench.screening.split`` to print the size of each part.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Literal

SEED = "clearance-eval-2026-12-01"
CALIBRATION_PERCENT = 40  # 40 % calibration, 60 % test
Part = Literal["calibration", "test"]
PARTS: tuple[Part, ...] = ("calibration", "test")


def part_of(key: str) -> Part:
    """The part a stable key belongs to (deterministic across machines, runs and Python hash seeds)."""
    digest = hashlib.sha256(f"{SEED}\x1f{key}".encode()).digest()
    return "calibration" if int.from_bytes(digest[:8], "big") % 100 < CALIBRATION_PERCENT else "test"


def in_part(key: str, part: Part | None) -> bool:
    """True when ``part`` is None (the whole set) or the key belongs to it."""
    if part is not None and part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    return part is None or part_of(key) == part


def main() -> None:
    from bench.screening.labelled import all_pairs, unlisted_persons

    root = Path(os.environ.get("CLEARANCE_DATA", "../shared/data")) / "name_matching"
    for p in PARTS:
        pairs = all_pairs(root, p)
        sizes = Counter(x.set for x in pairs)
        pos = Counter(x.set for x in pairs if x.label)
        print(f"{p}: " + ", ".join(f"{s} {pos[s]}/{n}" for s, n in sizes.items())
              + f"; unlisted persons {len(unlisted_persons(root, p))}")


if __name__ == "__main__":
    main()
