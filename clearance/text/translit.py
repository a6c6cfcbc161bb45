"""Transliteration of any script to Latin letters: pypinyin for Chinese characters, anyascii for the rest."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from clearance.text.scripts import char_script

# Hebrew vav is mostly the vowel o/u in names; anyascii writes it "v". Written "w" it drops out of skeletons.
_HEBREW = str.maketrans({"ו": "w"})
# The Arabic article al- is written joined to its word ("المتفق", al-Mutafaq); anyascii keeps only its lam
# ("lmtfq"), so the word no longer reads like its romanisations, which write the article apart ("Al-Mutafaq") or
# not at all ("Mutafaq"). Written "al-" it is a word of its own, which names drop ("al" is a stopword): a word of
# two letters or more after it (not "ال" alone, nor a lam-alif inside a word), and not the name of God "الله" (Allah:
# no article; split, 'حزب الله' no longer read as Hizballah -- adversarial R6-36).
_ARTICLE = re.compile(r"(?<!\w)ال(?=\w\w)(?!له(?!\w))")


def _han(run: str) -> str:
    # imported on first use: pypinyin loads its phrase dictionaries on import (0.6-0.9 s of every start-up)
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(run, style=Style.NORMAL, errors="ignore"))


def _syllabic(run: str) -> str:
    # One word per space-separated word: "김정은" -> "gimjeongeun" (anyascii capitalises each syllable).
    return anyascii(run).lower()


def to_latin(text: str) -> tuple[str, str | None]:
    """``text`` in Latin letters and the method used ("pinyin", "anyascii", or None when already Latin)."""
    if text.isascii():
        return text, None
    return _to_latin(text)


@lru_cache(maxsize=65536)
def _to_latin(text: str) -> tuple[str, str | None]:
    """``to_latin`` of a text that is not all ASCII (cached)."""
    out: list[str] = []
    methods: list[str] = []
    run: list[str] = []
    run_script: str | None = None

    def flush() -> None:
        if not run:
            return
        chunk = "".join(run)
        if run_script == "Han":
            out.append(" " + _han(chunk) + " ")
            methods.append("pinyin")
        elif run_script in ("Hangul", "Kana"):
            out.append(" " + _syllabic(chunk) + " ")
            methods.append("anyascii")
        else:
            if run_script == "Hebrew":
                chunk = chunk.translate(_HEBREW)
            elif run_script == "Arabic":
                chunk = _ARTICLE.sub("al-", chunk)
            converted = anyascii(chunk)
            if converted != chunk and run_script not in (None, "Latin"):
                methods.append("anyascii")
            out.append(converted)
        run.clear()

    for ch in text:
        script = char_script(ch) or run_script
        if script != run_script:
            flush()
            run_script = script
        run.append(ch)
    flush()
    method = "+".join(dict.fromkeys(methods)) or None
    return "".join(out), method
