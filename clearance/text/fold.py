"""Case, accent, punctuation and control-character folding of names into Latin word tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from clearance.text.translit import to_latin

MAX_NAME_CHARS = 1000  # longer input is cut: no real party name is longer, and cost stays bounded
_APOSTROPHES = re.compile(r"['`ʼʻ’‘´]")
_WORD = re.compile(r"[0-9a-z]+")


def clean(text: str) -> str:
    """NFKC, control and format characters removed, whitespace collapsed, cut to MAX_NAME_CHARS."""
    if text.isascii() and text.isprintable():
        return " ".join(text[: MAX_NAME_CHARS * 2].split())[:MAX_NAME_CHARS]
    text = unicodedata.normalize("NFKC", text[: MAX_NAME_CHARS * 2])
    if not text.isprintable():  # (a printable text has no character of a category "C*": nothing to blank)
        text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())[:MAX_NAME_CHARS]


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_UNCOMBINED)


class _UncombinedTable(dict[int, "str | None"]):
    """``str.translate`` table that drops combining characters (``unicodedata.combining``), filled as characters
    are met: ``text.translate(_UNCOMBINED)`` is ``text`` without them, in one pass in C."""

    def __missing__(self, codepoint: int) -> str | None:
        out = self[codepoint] = None if unicodedata.combining(chr(codepoint)) else chr(codepoint)
        return out


_UNCOMBINED = _UncombinedTable()


FOLD_MEMO_CHARS = 256  # texts this long or shorter are remembered by ``fold`` (FOLD_MEMO_SIZE of them)
FOLD_MEMO_SIZE = 8_192


def fold(text: str) -> tuple[str, str | None]:
    """Lower-case ASCII words separated by single spaces, and the transliteration method used (if any).

    Remembered for short texts (bounded): one query's text is folded for each reading of it (``prepare`` as
    written, @3's organisation and person readings), and a pure function of its text needs folding once."""
    return _fold_short(text) if len(text) <= FOLD_MEMO_CHARS else _fold(text)


def _fold(text: str) -> tuple[str, str | None]:
    if text.isascii():  # no transliteration, no accent to strip
        latin = clean(text).casefold()
        if "'" in latin or "`" in latin:  # the ASCII apostrophes
            latin = _APOSTROPHES.sub("", latin)
        elif latin.replace(" ", "").isalnum() and latin[-1] != " ":
            # (most names) ASCII letters and digits between single spaces (``clean``'s, none leading; one trailing
            # only where the text was cut): already the runs of [0-9a-z] joined by spaces
            return latin, None
        return " ".join(_WORD.findall(latin)), None
    latin, method = to_latin(clean(text))
    latin = strip_accents(latin).casefold()
    latin = _APOSTROPHES.sub("", latin)
    return " ".join(_WORD.findall(latin)), method  # the runs of [0-9a-z], as the text split at every other character


_fold_short = lru_cache(maxsize=FOLD_MEMO_SIZE)(_fold)


def tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text)[0].split())


def skeleton(word: str) -> str:
    """A consonant skeleton of a Latin word for comparing transliterations from abjads and syllabaries.

    Vowels, semivowels (w, y) and h dropped; voiced/unvoiced pairs, labials (b p f v) and liquids (r l)
    merged; repeats collapsed:
    "mohamed" and "mhmd" (محمد) both give "mt"; "kim jong un" and "gimjeongeun" (김정은) both "kmjnkn".
    """
    # vowels, semivowels and h dropped (written or not depending on the script) and the sounds merged, in one pass in
    # C; then repeats collapsed, when there are any
    mapped = (word.encode().translate(_SKEL_BYTES, b"aeiouywh").decode() if word.isascii()
              else word.translate(_SKEL_TABLE))
    if _REPEAT.search(mapped) is None:
        return mapped
    out: list[str] = []
    for ch in mapped:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def tokens_skeleton(tokens: Sequence[str]) -> str:
    """``skeleton("".join(tokens))`` from each token's skeleton (cached: tokens repeat). Skeletons of joined words
    join: a run of one sound across the join is one sound, and after its first sound a word's skeleton does not
    depend on what came before."""
    out = ""
    for t in tokens:
        s = _token_skeleton(t)
        out += s[1:] if out and s and out[-1] == s[0] else s
    return out


_token_skeleton = lru_cache(maxsize=200_000)(skeleton)

_SKEL = {"g": "k", "c": "k", "q": "k", "x": "k", "b": "p", "f": "p", "v": "p", "d": "t", "r": "l", "z": "s", "j": "j"}
_SKEL_TABLE = str.maketrans({**{ch: None for ch in "aeiouywh"}, **_SKEL})
_SKEL_BYTES = bytes.maketrans("".join(_SKEL).encode(), "".join(_SKEL.values()).encode())  # (ASCII words, faster)
_REPEAT = re.compile(r"(.)\1", re.DOTALL)  # a character twice in a row
