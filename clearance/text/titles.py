"""Titles and honorifics written with a person's name (clearance/text/titles.yml), set aside by clearance-name@3."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from clearance.errors import DataError
from clearance.text.yamlload import read_resource

_PARTICLES = frozenset({"of", "de", "du", "des", "von", "di", "da", "del", "of the"})
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$")
# regnal numbers after a name; not "xi" (a surname), "vi", "ix", nor a single letter (an initial)
_REGNAL = frozenset({"ii", "iii", "iv", "vii", "viii", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii"})
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Titles:
    honorifics: frozenset[tuple[str, ...]]  # folded words of each title ("his", "excellency")
    ranks: frozenset[tuple[str, ...]]
    longest: int
    given_names: dict[str, str]  # folded abbreviation -> the given name it stands for ("mhd" -> "Mohammed")
    starts: frozenset[str] = frozenset()  # the first word of every honorific and rank (``_title_at`` looks no further)


@lru_cache(maxsize=1)
def titles() -> Titles:
    raw, path = read_resource("titles.yml", "titles")
    if not isinstance(raw, dict) or set(raw) != {"honorifics", "ranks", "given_names"}:
        raise DataError("titles: expected the lists 'honorifics' and 'ranks' and the map 'given_names'", file=path)
    given = raw["given_names"]
    if not isinstance(given, dict) or not all(isinstance(v, str) and v.strip() for v in given.values()):
        raise DataError("titles: 'given_names' must map an abbreviation to a name", file=path)
    sets: list[frozenset[tuple[str, ...]]] = []
    for key in ("honorifics", "ranks"):
        words = raw[key]
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataError(f"titles: {key!r} must be a list of non-empty words", file=path)
        sets.append(frozenset(tuple(w.lower().split()) for w in words))
    longest = max(len(t) for s in sets for t in s)
    starts = frozenset(t[0] for s in sets for t in s)
    return Titles(sets[0], sets[1], longest, {str(k).lower(): str(v).strip() for k, v in given.items()}, starts)


@lru_cache(maxsize=100_000)
def _core(word: str) -> tuple[str, ...]:
    """A written word as title words: "Dr." -> ("dr",), "H.E." -> ("h", "e"), "Emperador" -> ("emperador",)."""
    low = word.lower()
    if low.isalpha():  # (most words) all word characters, no space: the word itself
        return (low,)
    return tuple(_NOT_WORD.sub(" ", low).split())


@lru_cache(maxsize=100_000)
def _plain_word(word: str) -> bool:
    """A written word that ``without_titles`` leaves as it is wherever it stands: it has a word core, the core
    begins no title, and it is no regnal number nor an abbreviated given name."""
    table = titles()
    low = word.lower()
    if low.isalpha():  # (most words) ``_core`` is the word alone, read here without remembering it
        return not (low in table.starts or low in _REGNAL or low in table.given_names)
    core = _core(word)
    if not core or core[0] in table.starts:
        return False
    return not (len(core) == 1 and (core[0] in _REGNAL or core[0] in table.given_names))


def without_titles(name: str) -> tuple[str, list[tuple[str, str]]]:
    """A person's ``name`` without the titles of titles.yml (see there), its abbreviated given names written out
    ("Mhd" -> "Mohammed"), and what was set aside or written out."""
    if "," not in name and all(map(_plain_word, name.split())):
        return name, []  # no word begins a title, is a regnal number or an abbreviated given name
    table = titles()
    dropped: list[tuple[str, str]] = []
    if "," in name:
        head, _, rest = name.partition(",")
        first = _core(rest.split(",")[0])
        if head.strip() and first and (_ORDINAL.match(first[0]) or (first[0],) in table.ranks):
            dropped.append((rest.strip(), "title set aside"))
            name = head
    words = name.split()
    cores = [_core(w) for w in words]
    i = 0
    while i < len(words):
        n = _title_at(cores, i, table)
        if n is None:
            break
        rank = tuple(w for c in cores[i:i + n] for w in c) in table.ranks
        j = i + n
        if rank and j < len(words) and cores[j] and " ".join(cores[j]) in _PARTICLES:
            j += 2  # "Emperador de Francia", "Prince of Wales": the rank's domain
        if len(words) - j < 2:
            break
        dropped.append((" ".join(words[i:j]), "title set aside"))
        i = j
    words = words[i:]
    if len(words) > 2 and len(cores[-1]) == 1 and cores[-1][0] in _REGNAL:
        dropped.append((words[-1], "regnal number set aside"))
        words = words[:-1]
    given = table.given_names
    for k, core in enumerate(cores[i:i + len(words)]):  # the cores of ``words``
        full = given.get(core[0]) if len(core) == 1 else None
        if full is not None:
            dropped.append((words[k], full))
            words[k] = full
    return (" ".join(words), dropped) if dropped else (name, dropped)


def _title_at(cores: list[tuple[str, ...]], i: int, table: Titles) -> int | None:
    """How many written words from ``i`` make one title, or None."""
    # every key below begins with the first word of cores[i:i + longest]: no title begins with it, no key is a title
    first = cores[i][0] if cores[i] else next((c[0] for c in cores[i + 1:i + table.longest] if c), None)
    if first not in table.starts:
        return None
    for n in range(min(table.longest, len(cores) - i), 0, -1):
        key = tuple(w for c in cores[i:i + n] for w in c)
        if key and (key in table.honorifics or key in table.ranks):
            return n
    return None
