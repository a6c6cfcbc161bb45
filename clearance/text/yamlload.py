"""YAML resource files read with libyaml's safe loader when PyYAML has it (the same values as ``yaml.safe_load``,
several times faster: the name resources read at each start-up took about 0.15 s with the pure-Python reader)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from clearance.errors import DataError

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, with libyaml when available (raises ``yaml.YAMLError`` as it does)."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader (libyaml's or PyYAML's)


def read_resource(name: str, what: str) -> tuple[Any, str]:
    """The YAML file ``name`` of the ``clearance.text`` package, read, and its path (for the caller's own errors);
    a file that cannot be read or parsed is a ``DataError`` naming ``what`` and the file."""
    path = resources.files("clearance.text").joinpath(name)
    try:
        return safe_load(path.read_text(encoding="utf-8")), str(path)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read {what}: {exc}", file=str(path)) from exc
