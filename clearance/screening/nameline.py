"""A name line that ends with an address, or starts with the name's acronym: the name read without them as well.

Orders and customer files often carry a party as one line, the name followed by where it is: "Cambricon (Hong Kong)
Co Ltd, Wan Chai", "Peaktek Co Ltd - Chatham Road South, Kowloon", "Tako LLC, Garegin Nzhdeh Street, Shengavit",
"Novo Blockchain Consultoria Limitada, Avenida da Praia Grande"; or the name's acronym first: "AIRCAS - Aerospace
Information Research Institute, Chinese Academy of Sciences". Compared whole, the address words or the acronym
dilute the name and the listed party may not be found (adversarial review round 4: nine false clears, one needless
CANNOT_CLEAR). ``read_name_line`` gives the name without them:

- a trailing address: the part before the first separator (",", " - ", "/") when everything after it reads as an
  address: each trailing segment holds a digit, a street word ("Road", "Building", "Avenida", ...), or is a
  district or place (``clearance/text/address_words.yml``, ``places.yml``);
- a leading acronym: a first segment of one word whose letters are the initials of the following words, in order
  (words of three letters or fewer, and one longer word, may be skipped: "AIRCAS" for "Aerospace Information
  Research [Institute] Chinese Academy [of] Sciences").

The parts set aside are returned as written (``NameReading.set_aside``), so an explanation quotes the line's own
text. Screening screens the line both ways and keeps, for each entry, the better hit (``clearance.screening.screen``):
reading the name without its address or acronym can only add a hit, never remove one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.places import places

_SEPARATOR = re.compile(r"\s*,\s*|\s+[-\u2013\u2014]\s+|\s*/\s*")
ACRONYM_MIN = 3  # letters of a leading acronym ("CAS" and longer); two letters match too many names by chance
SKIPPABLE = 3  # words this short ("of", "and") may have no letter in an acronym
ONE_SKIP = 1  # ... and this many longer words ("Institute" in AIRCAS)
_TRIM = " ,/-\u2013\u2014"


@dataclass(frozen=True, slots=True)
class NameReading:
    """The name of a name line without what surrounds it; ``set_aside`` holds (kind, text as written) pairs, kind
    "acronym" (before the name) or "address" (after it)."""

    name: str
    set_aside: tuple[tuple[str, str], ...]

    def text(self, kind: str) -> str | None:
        return next((t for k, t in self.set_aside if k == kind), None)


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(street words, districts joined without spaces, US state codes as written, US state names folded) of
    address_words.yml."""
    path = resources.files("clearance.text").joinpath("address_words.yml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read address words: {exc}", file=str(path)) from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("street"), list) or not isinstance(raw.get("districts"),
                                                                                             list):
        raise DataError("address words: expected the lists 'street' and 'districts'", file=str(path))
    states = raw.get("us_states")
    if not isinstance(states, list):
        raise DataError("address words: expected the list 'us_states'", file=str(path))
    street = frozenset(fold(str(w))[0] for w in raw["street"])
    districts = frozenset(fold(str(d))[0].replace(" ", "") for d in raw["districts"])
    codes = frozenset(str(w) for w in states if len(str(w)) == 2 and str(w).isupper())
    names = frozenset(fold(str(w))[0] for w in states if len(str(w)) > 2)
    return street, districts, codes, names


def _is_address(segment: str) -> bool:
    words = fold(segment)[0].split()
    if not words:
        return True  # an empty segment ("Name, , Kowloon") says nothing
    if any(ch.isdigit() for ch in segment):
        return True
    street, districts, codes, states = _words()
    if any(w in street for w in words):
        return True
    written = segment.split()
    if written[-1] in codes or " ".join(words) in states or (
            len(words) >= 2 and (" ".join(words[-2:]) in states or words[-1] in states)):
        return True  # "Richardson TX", "Texas", "Dallas Texas"
    joined = "".join(words)
    known = places()
    return joined in districts or joined in known or all(w in known or w in districts for w in words)


def _segments(line: str) -> list[tuple[int, int]]:
    """(start, end) of each segment of ``line`` between separators."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SEPARATOR.finditer(line):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(line)))
    return out


def is_acronym_of(token: str, words: list[str]) -> bool:
    """``token`` (folded) is the initials of ``words`` (folded) from the first, in order, every word read: a word of
    SKIPPABLE letters or fewer, and ONE_SKIP longer word, may give no letter ("buaa": Beijing University [of]
    Aeronautics [and] Astronautics; "aircas": Aerospace Information Research [Institute] Chinese Academy [of]
    Sciences)."""
    if len(token) < ACRONYM_MIN or not token.isalpha() or len(words) > 4 * len(token):
        return False

    @cache
    def fits(k: int, i: int, skips: int) -> bool:
        if i == len(words):
            return k == len(token)
        w = words[i]
        if k < len(token) and w[0] == token[k] and fits(k + 1, i + 1, skips):
            return True
        if len(w) <= SKIPPABLE:
            return fits(k, i + 1, skips)
        return skips < ONE_SKIP and fits(k, i + 1, skips + 1)

    return fits(0, 0, 0)


def _address_cut(line: str, segs: list[tuple[int, int]], first: int) -> int:
    """The index of the first segment of the trailing address (``len(segs)`` when there is none); the name keeps at
    least the segment ``first``."""
    cut = len(segs)
    state = False
    while cut > first + 1:
        segment = line[segs[cut - 1][0]:segs[cut - 1][1]]
        city = state and len(segment.split()) <= 2  # "Dallas" before ", Texas"
        if not (city or _is_address(segment)):
            break
        state = _is_state(segment)
        cut -= 1
    return cut


def _is_state(segment: str) -> bool:
    """A segment that is only a US state ("Texas", "TX")."""
    _, _, codes, states = _words()
    return segment.strip() in codes or fold(segment)[0] in states


def _leading_acronym(line: str, segs: list[tuple[int, int]], end: int) -> bool:
    """Whether the first segment is one word, the acronym of the name in the segments after it (up to ``end``)."""
    if end < 2:
        return False
    first = fold(line[segs[0][0]:segs[0][1]])[0].split()
    if len(first) != 1:
        return False
    rest = fold(line[segs[1][0]:segs[end - 1][1]])[0].split()
    return len(rest) >= 2 and is_acronym_of(first[0], rest)


def read_name_line(line: str) -> NameReading | None:
    """The name without a leading acronym and a trailing address, or None when the line has neither.
    The address cut is at the first separator after which every segment is an address, so a separator inside the
    name ("Huawei Technologies Co., Ltd., Bantian, Longgang" keeps "Huawei Technologies Co., Ltd.") stays with it."""
    segs = _segments(line)
    first = 1 if _leading_acronym(line, segs, _address_cut(line, segs, 1)) else 0
    cut = _address_cut(line, segs, first)
    if cut == len(segs) and not first:
        return None
    name = line[segs[first][0]:segs[cut - 1][1]].strip(_TRIM)
    if not fold(name)[0].strip():
        return None
    aside: list[tuple[str, str]] = []
    if first:
        aside.append(("acronym", line[segs[0][0]:segs[0][1]].strip()))
    if cut < len(segs):
        aside.append(("address", line[segs[cut][0]:].strip(_TRIM)))
    return NameReading(name, tuple(aside))


def name_without_address(line: str) -> str | None:
    """The name before a trailing address as written (the first segment is never cut), or None."""
    segs = _segments(line)
    cut = _address_cut(line, segs, 0)
    if cut == len(segs):
        return None
    return line[:segs[cut - 1][1]].strip(_TRIM) or None
