"""The shrink guard: a new version that loses too much of the active one is held, not activated.

A list published whole never loses a tenth of its entries overnight; a file that does is far more
likely cut off, filtered, or an extract (a search export of the Consolidated Screening List). Such a
version is stored as *pending* and the active version stays; ``Store.activate(...,
confirm_shrink=True)`` (``clearance lists activate VERSION --confirm-shrink``) uses it on purpose.
"""

from __future__ import annotations

import math

from clearance.errors import ClearanceError
from clearance.store.info import VersionInfo

DEFAULT_MAX_SHRINK = 0.10  # share of the active version's entries or names a new version may lose


class ShrinkRefused(ClearanceError):
    """Activating a version would lose too much of the active one, and that was not confirmed."""


def _pct(share: float) -> str:
    """A share as a percentage, rounded down (99.97 % lost is "99.9%", never "100.0%")."""
    return f"{math.floor(share * 1000) / 10:.1f}%"


def _loss(new: int, old: int) -> float:
    return 0.0 if old <= 0 or new >= old else (old - new) / old


_PLURAL = {"entry": "entries", "name": "names"}


def _count(n: int, word: str) -> str:
    return f"{n:,} {word if n == 1 else _PLURAL[word]}"


def shrink_reason(
    entity_count: int, name_count: int, active: VersionInfo, max_shrink: float, *, extract: bool = False
) -> str | None:
    """Why a version of ``entity_count`` entries and ``name_count`` names may not replace ``active``.

    None when it loses at most ``max_shrink`` (a share, 0.10 = 10 %) of the active version's entries
    and of its names. ``extract`` words the reason for a multi-list file (a CSL file) that carries far
    fewer rows of this list than its active version: an extract, not the list.
    """
    lost_e = _loss(entity_count, active.entity_count)
    lost_n = _loss(name_count, active.name_count)
    if lost_e <= max_shrink and lost_n <= max_shrink:
        return None
    limit = f"more than the {max_shrink * 100:g} % allowed by CLEARANCE_MAX_SHRINK_PERCENT"
    if extract:
        return (
            f"an extract, not the whole list: this multi-list file carries {_count(entity_count, 'entry')} "
            f"of {active.list_code} against {active.entity_count:,} in the active {active.version_id} "
            f"({_pct(lost_e)} fewer; {limit})"
        )
    parts = []
    if lost_e > max_shrink:
        lost = _count(active.entity_count - entity_count, "entry")
        parts.append(f"{lost} of {active.entity_count:,} ({_pct(lost_e)})")
    if lost_n > max_shrink:
        parts.append(f"{_count(active.name_count - name_count, 'name')} of {active.name_count:,} ({_pct(lost_n)})")
    return f"loses {' and '.join(parts)} of the active {active.version_id}: {limit}"
