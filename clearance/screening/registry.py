"""The registry of screening algorithms by "slug@version"."""

from __future__ import annotations

from clearance.errors import ConfigError
from clearance.screening.algorithm import Algorithm, ClearanceMatcher, ClearanceMatcherV2, TokenSetBaseline
from clearance.screening.algorithm3 import ClearanceMatcherV3

_ALGORITHMS: dict[str, Algorithm] = {}


def register(algorithm: Algorithm) -> Algorithm:
    if algorithm.id in _ALGORITHMS:
        raise ConfigError(f"algorithm {algorithm.id} is already registered")
    _ALGORITHMS[algorithm.id] = algorithm
    return algorithm


register(ClearanceMatcher())  # clearance-name@1: kept so that old decisions can be reproduced
register(ClearanceMatcherV2())  # clearance-name@2: the default until issue 10; selectable with --algorithm
# @3 is the default: it beats @2 on the test parts of bench/screening/split.py (docs/benchmarks.md) and
# passes @2's regression tests (score symmetry, Huawei pinyin, UK Cyrillic names, determination scenarios).
DEFAULT: Algorithm = register(ClearanceMatcherV3())
register(TokenSetBaseline())


def get_algorithm(name: str | None = None) -> Algorithm:
    """The algorithm ``slug@version``; a bare slug means its latest version; None means the default."""
    if name is None:
        return DEFAULT
    if name in _ALGORITHMS:
        return _ALGORITHMS[name]
    versions = [a for a in _ALGORITHMS.values() if a.slug == name]
    if versions:
        return max(versions, key=lambda a: a.version)
    raise ConfigError(f"unknown screening algorithm {name!r}; known: {', '.join(sorted(_ALGORITHMS))}")


def algorithms() -> tuple[str, ...]:
    return tuple(sorted(_ALGORITHMS))
