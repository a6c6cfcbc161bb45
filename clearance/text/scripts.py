"""Which writing system(s) a name is written in."""

from __future__ import annotations

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


_LATIN = frozenset({"Latin"})
_NONE: frozenset[str] = frozenset()


def scripts_of(text: str) -> frozenset[str]:
    """Every script used by the letters of ``text``."""
    if text.isascii():  # an ASCII letter is Latin, any other ASCII character no script; cased, a letter changes
        return _LATIN if text.lower() != text.upper() else _NONE
    return frozenset(filter(None, map(char_script, set(text))))  # each character once; None (no script) left out


def is_latin(text: str) -> bool:
    return scripts_of(text) <= {"Latin"}
