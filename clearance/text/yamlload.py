"""YAML resource files read with libyaml's safe loader when PyYAML has it (the same values as ``yaml.safe_load``,
several times faster: the name resources read at each start-up took about 0.15 s with the pure-Python reader)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, with libyaml when available (raises ``yaml.YAMLError`` as it does)."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader (libyaml's or PyYAML's)
