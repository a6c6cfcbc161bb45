"""A name line that ends with an address: the name read without it as well.

Orders and customer files often carry a party as one line, the name followed by where it is: "Cambricon (Hong Kong)
Co Ltd, Wan Chai", "Peaktek Co Ltd - Chatham Road South, Kowloon", "Tako LLC, Garegin Nzhdeh Street, Shengavit".
Compared whole, the address words dilute the name and the listed party may not be found (adversarial review round
4: eight false clears). ``name_without_address`` gives the part before the first separator (",", " - ", "/") when
everything after it reads as an address: each trailing segment holds a digit, a street word ("Road", "Building",
"Room", ...), or is a district or place (``clearance/text/address_words.yml``, ``places.yml``). Screening screens
the line both ways and keeps, for each entry, the better hit (``clearance.screening.screen``): reading the name
without its address can only add a hit, never remove one.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.places import places

_SEPARATOR = re.compile(r"\s*,\s*|\s+[-\u2013\u2014]\s+|\s*/\s*")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(street words, districts joined without spaces) of address_words.yml."""
    path = resources.files("clearance.text").joinpath("address_words.yml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read address words: {exc}", file=str(path)) from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("street"), list) or not isinstance(raw.get("districts"),
                                                                                             list):
        raise DataError("address words: expected the lists 'street' and 'districts'", file=str(path))
    street = frozenset(fold(str(w))[0] for w in raw["street"])
    districts = frozenset(fold(str(d))[0].replace(" ", "") for d in raw["districts"])
    return street, districts


def _is_address(segment: str) -> bool:
    words = fold(segment)[0].split()
    if not words:
        return True  # an empty segment ("Name, , Kowloon") says nothing
    if any(ch.isdigit() for ch in segment):
        return True
    street, districts = _words()
    if any(w in street for w in words):
        return True
    joined = "".join(words)
    known = places()
    return joined in districts or joined in known or all(w in known or w in districts for w in words)


def name_without_address(line: str) -> str | None:
    """The name before a trailing address, or None when the line has no separator or does not end in an address.
    The cut is at the first separator after which every segment is an address, so a separator inside the name
    ("Huawei Technologies Co., Ltd., Bantian, Longgang" keeps "Huawei Technologies Co., Ltd.") stays with it."""
    parts = [p.strip() for p in _SEPARATOR.split(line.strip())]
    cut = len(parts)
    while cut > 1 and _is_address(parts[cut - 1]):
        cut -= 1
    if cut == len(parts):
        return None
    head = ", ".join(p for p in parts[:cut] if p)
    return head or None
