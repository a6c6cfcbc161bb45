"""Address-only entries (Entity List "Address 01" ... "Address 19"): the listing is the premises, not a name.

Such an entry names no party: any party at that address is listed. Orders carry no address field, so customers
paste the address into the party's name line ("Sunrise Global Trading Ltd, Room 1318-19, 13F, Hollywood Plaza,
610 Nathan Road, Mong Kok, Kowloon"). A name line that holds an address (a digit and a comma) is compared with
the street-level words of each address-only entry's addresses:

- HIT (ADDRESS_HIT) when every word of the entry's street address is in the line, numbers exactly (the room);
- POSSIBLE (ADDRESS_POSSIBLE) when at least ADDRESS_NEAR of its words are and every number but one (the same
  building, another room: "Room 1318-20" against "Room 1318-19"): a person reviews;
- nothing otherwise. Country words after the street ("Hong Kong, CN") and a Hong Kong region after the district
  ("N.T.", "Kowloon") are not required; words written together or apart agree ("Mongkok" / "Mong Kok").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from clearance.model.entity import Schema
from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Feature
from clearance.text.countries import country_code
from clearance.text.fold import fold

ADDRESS_HIT = 0.95
ADDRESS_POSSIBLE = 0.6
ADDRESS_NEAR = 0.8
MIN_WORDS = 4  # a street address of fewer words ("Kowloon, HK") says too little to match on
_LOOKS_LIKE = re.compile(r"\d.*,|,.*\d")


@dataclass(frozen=True, slots=True)
class ListedAddress:
    entity: int  # entity number in the index
    text: str  # the address as listed
    words: tuple[str, ...]  # its street-level words, folded


@dataclass(frozen=True, slots=True)
class AddressMatch:
    entity: int
    score: float
    address: str
    feature: Feature


_CACHE: dict[int, tuple[ScreeningIndex, tuple[ListedAddress, ...]]] = {}


# Hong Kong's three regions, which an address names after the district ("Yuen Long, N.T.", "Mong Kok, Kowloon") and
# customers often leave out: the district and street say where it is
_REGIONS = frozenset({"nt", "newterritories", "kowloon", "kln", "hongkongisland"})


# the everyday abbreviations of address words, read as written out on both sides ("Rm 803, Chevalier Hse, 45-51
# Chatham Rd S, TST" is the Entity List's "Room 803, Chevalier House, 45-51 Chatham Road South, Tsim Sha Tsui":
# adversarial R43b-22)
_ABBREVIATIONS = {"rm": ("room",), "rd": ("road",), "hse": ("house",), "bldg": ("building",), "blk": ("block",),
                  "flr": ("floor",), "twr": ("tower",), "ctr": ("centre",), "ctre": ("centre",), "center": ("centre",),
                  "ave": ("avenue",), "st": ("street",), "ind": ("industrial",), "n": ("north",), "s": ("south",),
                  "e": ("east",), "w": ("west",), "tst": ("tsim", "sha", "tsui"),
                  "tsimshatsui": ("tsim", "sha", "tsui"), "mk": ("mong", "kok"), "cwb": ("causeway", "bay")}


def _expanded(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(x for w in words for x in _ABBREVIATIONS.get(w, (w,)))


def _street_words(address: str) -> tuple[str, ...]:
    """The folded words of an address without its trailing country and region parts ("..., Yuen Long, N.T.,
    Hong Kong, CN" -> the words up to "Yuen Long")."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    while parts and (country_code(parts[-1]) is not None or len(parts[-1]) == 2
                     or fold(parts[-1])[0].replace(" ", "") in _REGIONS):
        parts.pop()
    return _expanded([w for p in parts for w in fold(p)[0].split()])


def listed_addresses(index: ScreeningIndex) -> tuple[ListedAddress, ...]:
    """The address-only entries of ``index`` and their addresses (found through the blocking key "address")."""
    found = _CACHE.get(id(index))
    if found is not None and found[0] is index:
        return found[1]
    out: list[ListedAddress] = []
    names = index.postings.get("address")
    owners = sorted({int(index.name_owner[n]) for n in names}) if names is not None else []
    for i in owners:
        entity = index.entities[i].entity
        if entity.schema is not Schema.ADDRESS:
            continue
        for a in entity.addresses:
            words = _street_words(a.full)
            if len(words) >= MIN_WORDS and any(ch.isdigit() for w in words for ch in w):
                out.append(ListedAddress(i, a.full, words))
    if len(_CACHE) >= 4:
        _CACHE.clear()
    _CACHE[id(index)] = (index, tuple(out))
    return tuple(out)


def _matched(words: Sequence[str], line: set[str]) -> list[bool]:
    """Which of an address's words the line holds, alone or written together with a neighbour."""
    out = []
    for k, w in enumerate(words):
        ok = w in line
        if not ok and k + 1 < len(words):
            ok = w + words[k + 1] in line
        if not ok and k > 0:
            ok = words[k - 1] + w in line
        out.append(ok)
    return out


def match_addresses(name_line: str, index: ScreeningIndex, lists: Sequence[str] | None = None,
                    ) -> list[AddressMatch]:
    """The address-only entries whose address the name line holds (see the module's rules), best first."""
    if not _LOOKS_LIKE.search(name_line):
        return []
    listed = listed_addresses(index)
    if not listed:
        return []
    toks = _expanded(fold(name_line)[0].split())
    line = set(toks) | {a + b for a, b in pairwise(toks)}
    best: dict[int, AddressMatch] = {}
    for la in listed:
        if lists is not None and index.entities[la.entity].entity.list_code not in lists:
            continue
        hit = _matched(la.words, line)
        numbers = [ok for w, ok in zip(la.words, hit, strict=True) if any(ch.isdigit() for ch in w)]
        share = sum(hit) / len(hit)
        missing_numbers = numbers.count(False)
        if share == 1.0:
            score = ADDRESS_HIT
        elif share >= ADDRESS_NEAR and missing_numbers <= 1:
            score = ADDRESS_POSSIBLE
        else:
            continue
        missing = [w for w, ok in zip(la.words, hit, strict=True) if not ok]
        detail = (f"the party's name line holds the address of this address-only entry ({sum(hit)} of {len(hit)} "
                  "street-address words" + (f"; not: {' '.join(missing)}" if missing else "") + ")")
        m = AddressMatch(la.entity, score, la.text, Feature("address", score, detail, name_line, la.text))
        if la.entity not in best or best[la.entity].score < score:
            best[la.entity] = m
    return sorted(best.values(), key=lambda m: (-m.score, m.entity))
