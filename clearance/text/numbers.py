"""Numbers written as words and ordinals, read as digits: "Forty-Four" -> "44", "1st" / "First" -> "1"."""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100,
}
_DIGIT_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_ORDINALS)


def _small(word: str) -> int | None:
    """The value of one word of a number below 100 ("four", "fourth"), or None."""
    if word in _UNITS:
        return _UNITS[word]
    if word in _ORDINALS:
        return _ORDINALS[word]
    return None


def may_read_numbers(tokens: Sequence[str]) -> bool:
    """Whether ``numbers_as_digits`` may read anything in ``tokens``: a token has a digit (a digit is no letter) or
    is a number word."""
    return not ("".join(tokens).isalpha() and _NUMBER_WORDS.isdisjoint(tokens))


def numbers_as_digits(tokens: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Tokens with numbers in words or ordinals replaced by their digits, and what was replaced.

    "forty four" -> "44", "forty fourth" -> "44", "1st" -> "1", "first" -> "1". "one" is left alone (a
    common word in names: "One Energy"), so are "hundred" and larger numbers.
    """
    if not may_read_numbers(tokens):
        return list(tokens), []
    out: list[str] = []
    changed: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        m = _DIGIT_ORDINAL.match(t)
        if m:
            out.append(m.group(1))
            changed.append((t, m.group(1)))
            i += 1
            continue
        if t in _TENS:
            value = _TENS[t]
            written = t
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            unit = _small(nxt)
            if unit is not None and 0 < unit < 10:
                value += unit
                written += " " + nxt
                i += 1
            out.append(str(value))
            changed.append((written, str(value)))
            i += 1
            continue
        small = _small(t)
        if small is not None and t != "one":
            out.append(str(small))
            changed.append((t, str(small)))
            i += 1
            continue
        out.append(t)
        i += 1
    return out, changed
