"""Place names (clearance/text/places.yml): clearance-name@3 weighs them little in organisation names."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.yamlload import safe_load

PLACE_WEIGHT = 0.3  # a place says where a party is, not which one: as light as a generic industry word


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """The folded words of every place of the table ("xi'an" -> "xian", "nizhny novgorod" -> both words)."""
    path = resources.files("clearance.text").joinpath("places.yml")
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read place names: {exc}", file=str(path)) from exc
    if not isinstance(raw, dict):
        raise DataError("place names: expected a mapping of region to a list of names", file=str(path))
    out: set[str] = set()
    for region, names in raw.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataError(f"place names: {region!r} must be a list of non-empty names", file=str(path))
        for n in names:
            out.add(fold(n.replace("'", ""))[0].replace(" ", ""))
            out.update(w for w in fold(n)[0].split() if len(w) > 3)
    return frozenset(out)
