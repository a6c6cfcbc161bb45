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
# The Persian suffix -sazi ("-making", "-building": هواپیماسازی aircraft manufacturing, کشتی‌سازی shipbuilding) is
# written joined to its noun, or after a zero-width non-joiner that ``clean`` turns into a space: written apart, the
# noun and the suffix are each a word of the term table (adversarial R18-66: HESA, 'صنایع هواپیماسازی ایران').
_SAZI = re.compile(r"(?<=[\u0600-\u06FF]{3})(?=سازی(?![\u0600-\u06FF]))")

# Latin letters written by their Hebrew names, joined by dots or hyphens ("אן.אס.או" = N.S.O.: how a Hebrew text
# writes a Latin acronym; adversarial R12-01): each name is read as its letter. Only names that are one letter
# each (not איי/אי, which are A, E or I) and only two or more of them joined (alone, או is "or" and אם "if").
_HEBREW_LETTER_NAMES = {
    "בי": "B", "סי": "C", "די": "D", "אף": "F", "ג'י": "G", "ג׳י": "G", "אייץ'": "H", "אייץ׳": "H", "ג'יי": "J",
    "ג׳יי": "J", "קיי": "K", "אל": "L", "אם": "M", "אן": "N", "או": "O", "פי": "P", "קיו": "Q", "אר": "R", "אס": "S",
    "טי": "T", "יו": "U", "וי": "V", "דאבליו": "W", "אקס": "X", "וואי": "Y", "זד": "Z",
}
_LETTER_NAME = "(?:" + "|".join(sorted(map(re.escape, _HEBREW_LETTER_NAMES), key=len, reverse=True)) + ")"
_HEBREW_ACRONYM = re.compile(rf"(?<![\u0590-\u05FF'׳]){_LETTER_NAME}(?:[.\-]{_LETTER_NAME})+\.?(?![\u0590-\u05FF'׳])")
_ONE_NAME = re.compile(_LETTER_NAME)


def _hebrew_acronyms(text: str) -> str:
    return _HEBREW_ACRONYM.sub(lambda m: _ONE_NAME.sub(lambda n: _HEBREW_LETTER_NAMES[n.group(0)], m.group(0)), text)


# Latin letters written by their Urdu names ("اے کیو خان" = A.Q. Khan: how Urdu writes a Latin acronym or initials;
# adversarial R13-27): two or more names in a row, apart or joined by dots or hyphens, are read as the letters, in a
# text with a letter only Urdu writes (ٹ ڈ ڑ ں ھ ہ ے: Persian and Arabic have other words of these spellings). A run
# made only of names that are also Urdu words (کے "of", سی "like", جی, او, آئی, پی) is left as written.
_URDU_LETTER_NAMES = {
    "اے": "A", "بی": "B", "سی": "C", "ڈی": "D", "ای": "E", "ایف": "F", "جی": "G", "ایچ": "H", "آئی": "I", "جے": "J",
    "کے": "K", "ایل": "L", "ایم": "M", "این": "N", "او": "O", "پی": "P", "کیو": "Q", "آر": "R", "ایس": "S",
    "ٹی": "T", "یو": "U", "وی": "V", "ڈبلیو": "W", "ایکس": "X", "وائی": "Y", "زیڈ": "Z",
}
_URDU_WORDS = frozenset({"کے", "سی", "جی", "او", "آئی", "پی"})
_HEBREW_BLOCK = re.compile("[\u0590-\u05ff]")  # a character of the Hebrew block (``_hebrew_acronyms``)
_URDU_ONLY = frozenset("ٹڈڑںھہۂے")
_URDU_NAME = "(?:" + "|".join(sorted(map(re.escape, _URDU_LETTER_NAMES), key=len, reverse=True)) + ")"
_URDU_RUN = re.compile(rf"(?<![\u0600-\u06FF]){_URDU_NAME}(?:[.\-\s]{{1,2}}{_URDU_NAME})+\.?(?![\u0600-\u06FF])")


def _urdu_letters(text: str) -> str:
    def read(m: re.Match[str]) -> str:
        names = re.split(r"[.\-\s]+", m.group(0).strip(".").strip())
        if all(n in _URDU_WORDS for n in names):
            return m.group(0)
        return " " + ".".join(_URDU_LETTER_NAMES[n] for n in names) + ". "
    return _URDU_RUN.sub(read, text)


class _AnyAsciiTable(dict[int, str]):
    """``anyascii`` of each character by its code point, filled as characters are met: anyascii reads every
    character on its own, so ``text.translate(_ANYASCII) == anyascii(text)``, in one pass in C."""

    def __missing__(self, codepoint: int) -> str:
        out = self[codepoint] = anyascii(chr(codepoint))
        return out


_ANYASCII = _AnyAsciiTable()


def _anyascii(text: str) -> str:
    """``anyascii(text)`` through the table of characters already met."""
    return text.translate(_ANYASCII)


# Single characters whose meaning is a term of an organisation's name, read as that term where the character
# itself is written: their pinyin syllable is shared by many other characters (厂 "chang" with 长, 常, 畅; 核 "he"
# with 和, 何, 河), so a term table keyed on the syllable read 宁畅 (Nettrix's Ningchang) as "ning factory" and 和记
# (Hutchison) as "nuclear ji" (adversarial round 16, R16-02). The term table no longer holds one-character variants.
# Likewise a word whose syllables other words share: 试验 "test" is "shi yan" as 十堰 (Shiyan, a city of Hubei) and
# 石岩 (a town of Shenzhen) are (adversarial R20-38: 中国飞行试验研究院, the Chinese Flight Test Establishment), and so
# are 实验 "experimental" and 实验室 "laboratory" ("shi yan shi", as 十堰市, the city of Shiyan, is: the term table
# keyed on the syllables read the city as a laboratory; 実験室 is the Japanese writing).
_HAN_WORDS = {"厂": "factory", "廠": "factory", "核": "nuclear", "铀": "uranium", "鈾": "uranium",
              "试验": "test", "試驗": "test", "实验室": "laboratory", "實驗室": "laboratory", "実験室": "laboratory",
              "实验": "experimental", "實驗": "experimental"}
_HAN_WORD = re.compile("(" + "|".join(sorted(_HAN_WORDS, key=len, reverse=True)) + ")")


def _han(run: str) -> str:
    # imported on first use: pypinyin loads its phrase dictionaries on import (0.6-0.9 s of every start-up)
    from pypinyin import Style, lazy_pinyin

    if not _HAN_WORD.search(run):
        return " ".join(lazy_pinyin(run, style=Style.NORMAL, errors="ignore"))
    words: list[str] = []
    for piece in _HAN_WORD.split(run):
        if piece in _HAN_WORDS:
            words.append(_HAN_WORDS[piece])
        elif piece:
            words.extend(lazy_pinyin(piece, style=Style.NORMAL, errors="ignore"))
    return " ".join(words)


def _syllabic(run: str) -> str:
    # One word per space-separated word: "김정은" -> "gimjeongeun" (anyascii capitalises each syllable).
    return _anyascii(run).lower()


def to_latin(text: str) -> tuple[str, str | None]:
    """``text`` in Latin letters and the method used ("pinyin", "anyascii", or None when already Latin)."""
    if text.isascii():
        return text, None
    return _to_latin(text)


def _convert(chunk: str, script: str | None, methods: list[str]) -> str:
    """One run of ``text`` in one script (None: characters of no script before the first letter) in Latin letters;
    the method used is added to ``methods``."""
    if script == "Han":
        methods.append("pinyin")
        return " " + _han(chunk) + " "
    if script in ("Hangul", "Kana"):
        methods.append("anyascii")
        return " " + _syllabic(chunk) + " "
    if script == "Hebrew":
        chunk = chunk.translate(_HEBREW)
    elif script == "Arabic":
        chunk = _SAZI.sub(" ", _ARTICLE.sub("al-", chunk))
    converted = _anyascii(chunk)
    if converted != chunk and script not in (None, "Latin"):
        methods.append("anyascii")
    return converted


def _runs(text: str) -> list[tuple[str | None, str]]:
    """``text`` cut where the script changes: a character of no script (digit, space, punctuation) belongs to the
    run before it, or to a run of no script at the start."""
    letters = set(filter(None, map(char_script, set(text))))  # (None: no script)
    if len(letters) == 1:  # the characters before the first letter, then one run
        only = letters.pop()
        k = next(i for i, ch in enumerate(text) if char_script(ch) is not None)
        return [(None, text[:k]), (only, text[k:])] if k else [(only, text)]
    runs: list[tuple[str | None, str]] = []
    run: list[str] = []
    run_script: str | None = None
    for ch in text:
        script = char_script(ch) or run_script
        if script != run_script:
            if run:
                runs.append((run_script, "".join(run)))
                run.clear()
            run_script = script
        run.append(ch)
    if run:
        runs.append((run_script, "".join(run)))
    return runs


@lru_cache(maxsize=65536)
def _to_latin(text: str) -> tuple[str, str | None]:
    """``to_latin`` of a text that is not all ASCII (cached)."""
    if _HEBREW_BLOCK.search(text):
        text = _hebrew_acronyms(text)
    if not _URDU_ONLY.isdisjoint(text):
        text = _urdu_letters(text)
    methods: list[str] = []
    out = "".join([_convert(chunk, script, methods) for script, chunk in _runs(text)])
    method = "+".join(dict.fromkeys(methods)) or None
    return out, method
