"""Abbreviations of organisation words read as the full word ("Engg" -> engineering), from abbreviations.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.terms import vocabulary
from clearance.text.yamlload import read_resource


@dataclass(frozen=True, slots=True)
class Abbreviations:
    expand: dict[str, str]  # folded token -> canonical token it is read as ("engg" -> "eng", "elec" -> "electronic")
    # folded abbreviation -> the full word as written ("assn" -> "association"), to respell a name before its
    # multi-word terms are read ("Research and Production Assn" -> ... "Association")
    full: dict[str, str] = field(default_factory=dict)
    # folded words -> what they are read as ("pvt ltd" -> "Ltd"), longest first when looked up
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    # folded initials of a ministry or academy -> its full name, read so when not a name's first word
    qualifiers: dict[str, str] = field(default_factory=dict)
    # initials written with points, lower case as written ("m.e.") -> the words they stand for ("Middle East"):
    # read so only when written with their points ("ME" and "me" are other words)
    dotted: dict[str, str] = field(default_factory=dict)


def _canonical(word: str) -> str:
    """A word's canonical token as the name pipeline gives it ("university" -> "university", "technology" -> "tech")."""
    vocab = vocabulary()
    folded = fold(word)[0].replace(" ", "")
    return vocab.terms.get(folded, folded)


@lru_cache(maxsize=1)
def abbreviations() -> Abbreviations:
    """The table, loaded once per process; every entry is checked to stand for a word (not itself)."""
    raw, path = read_resource("abbreviations.yml", "abbreviations")
    family_of: dict[str, str] = {}
    for family, members in (raw.get("families") or {}).items():
        for m in (*members, family):
            family_of[_canonical(str(m))] = str(family)
            family_of[fold(str(m))[0]] = str(family)
    expand: dict[str, str] = {}
    full_word: dict[str, str] = {}
    for abbr, full in (raw.get("abbreviations") or {}).items():
        if " " in str(full).strip():  # initials of several words ("UAV"): written out, each word read as any other
            full_word[fold(str(abbr))[0]] = str(full).strip()
            continue
        canon = _canonical(str(full))
        expand[fold(str(abbr))[0]] = family_of.get(canon, canon)
        full_word[fold(str(abbr))[0]] = str(full).strip()
    for word, family in family_of.items():
        if word != family:
            expand[word] = family
    phrases: dict[tuple[str, ...], str] = {}
    for words, read in (raw.get("phrases") or {}).items():
        run = tuple(fold(str(words))[0].split())
        if len(run) < 2 or not str(read).strip():
            raise DataError(f"phrase {words!r}: two or more words read as a non-empty text", file=path)
        phrases[run] = str(read).strip()
    qualifiers: dict[str, str] = {}
    for abbr, full in (raw.get("qualifiers") or {}).items():
        initials = fold(str(abbr))[0]
        if " " in initials or len(str(full).split()) < 2:
            raise DataError(f"qualifier {abbr!r}: one word standing for several", file=path)
        qualifiers[initials] = str(full).strip()
    dotted: dict[str, str] = {}
    for abbr, full in (raw.get("dotted") or {}).items():
        written = str(abbr).strip().lower()
        if "." not in written or " " in written or not str(full).strip():
            raise DataError(f"dotted abbreviation {abbr!r}: initials written with points, read as a non-empty text",
                            file=path)
        dotted[written] = str(full).strip()
    return Abbreviations(expand, full_word, phrases, qualifiers, dotted)
