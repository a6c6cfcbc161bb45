"""Which writing system(s) a name is written in."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Unicode character-name prefixes -> script label. Latin is the default for letters not listed.
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("CJK", "Han"),
    ("HANGUL", "Hangul"),
    ("HIRAGANA", "Kana"),
    ("KATAKANA", "Kana"),
    ("CYRILLIC", "Cyrillic"),
    ("ARABIC", "Arabic"),
    ("HEBREW", "Hebrew"),
    ("GREEK", "Greek"),
    ("THAI", "Thai"),
    ("GEORGIAN", "Georgian"),
    ("ARMENIAN", "Armenian"),
    ("DEVANAGARI", "Devanagari"),
    ("ETHIOPIC", "Ethiopic"),
    ("PERSIAN", "Arabic"),
)

#: Scripts that write few or no vowels: transliterations differ mostly in vowels.
ABJADS = frozenset({"Arabic", "Hebrew"})
#: Scripts whose syllables are written without spaces between the parts of a name.
UNSPACED = frozenset({"Han", "Hangul", "Kana", "Thai"})


@lru_cache(maxsize=4096)
def char_script(ch: str) -> str | None:
    """The script of one character, or None for digits, punctuation and spaces."""
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "Latin"
    name = unicodedata.name(ch, "")
    for prefix, script in _PREFIXES:
        if name.startswith(prefix):
            return script
    return "Latin" if "LATIN" in name else "Other"


_LATIN_ONLY = frozenset({"Latin"})
_NONE: frozenset[str] = frozenset()
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def scripts_of(text: str) -> frozenset[str]:
    """Every script used by the letters of ``text``."""
    if text.isascii():  # (``char_script`` of an ASCII character: "Latin" for a letter, else None)
        return _LATIN_ONLY if _ASCII_LETTER.search(text) else _NONE
    return frozenset(s for s in map(char_script, text) if s is not None)


def is_latin(text: str) -> bool:
    return scripts_of(text) <= {"Latin"}
