"""ECCN parsing: '3A001.a.2' -> (base '3A001', paragraph ('a', '2')); 'EAR99'; distributor style '3A991A2'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from clearance.errors import CannotClear

_ECCN = re.compile(r"^(?P<base>[0-9][A-E][0-9]{3})(?P<para>(?:\.[a-z0-9]+)*)$")
_COMPACT = re.compile(r"^([0-9][A-E][0-9]{3})([A-Z0-9]+)$")
_SERIES_600 = re.compile(r"^[0-9][A-E]6[0-9]{2}$")
_SERIES_9X515 = re.compile(r"^9[A-E]515$")


@dataclass(frozen=True, slots=True)
class Eccn:
    base: str  # "3A001" or "EAR99"
    paragraph: tuple[str, ...] = ()

    @property
    def is_ear99(self) -> bool:
        return self.base == "EAR99"

    @property
    def text(self) -> str:
        return ".".join((self.base, *self.paragraph))

    @property
    def product_group(self) -> str | None:
        return None if self.is_ear99 else self.base[1]

    @property
    def is_600_series(self) -> bool:
        return bool(_SERIES_600.match(self.base) or _SERIES_9X515.match(self.base))

    def within(self, ref: str) -> bool:
        """Whether this item's paragraph lies within paragraph reference ``ref`` (e.g. 'b.2' or 'y')."""
        parts = tuple(ref.split("."))
        return self.paragraph[: len(parts)] == parts


@lru_cache(maxsize=4096)
def parse_eccn(text: str) -> Eccn:
    raw = text.strip()
    if raw.upper() == "EAR99":
        return Eccn("EAR99")
    if "." not in raw:
        m = _COMPACT.match(raw.upper())
        if m and m.group(2):
            # distributor style: 3A991A2 -> 3A991.a.2 (letters lower case, digit runs kept)
            parts = re.findall(r"[A-Z]|[0-9]+", m.group(2))
            raw = m.group(1) + "".join("." + p.lower() for p in parts)
    m = _ECCN.match(raw[:5].upper() + raw[5:])
    if not m:
        raise CannotClear(f"{text!r} is not an ECCN (expected e.g. 3A001.a.2 or EAR99)")
    para = tuple(p for p in m.group("para").split(".") if p)
    return Eccn(m.group("base"), para)
