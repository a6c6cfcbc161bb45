"""Pinyin syllables: whether a Latin word reads as Chinese syllables written in Hanyu Pinyin ("bohong" = bo hong).

Pinyin spells each syllable one way, so a word written in pinyin and a name in Chinese characters (transliterated
with pinyin, ``clearance.text.translit``) agree letter for letter or not at all: two different pinyin words whose
consonants merely sound alike ("bohong" / "feng") are different characters. Other romanisations (Wade-Giles
"Tsinghua", Cantonese "Kwok") and translations ("Phenix" for 凤凰) do not read as pinyin and are left to the
comparison of sounds.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

_VOWELS = frozenset("aeiou")
MIN_SYLLABLES = 2  # a word of one syllable ("chan", "sun") is as often another romanisation (Cantonese) of a syllable


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable of pypinyin's character table (ü written u, as ``fold`` writes it), without the
    interjections of no vowel ("m", "ng", "hm")."""
    # each character's readings ("zhōng,zhòng"): some 1,500 distinct readings over 40,000 characters, each read once
    # (built on the first pinyin word met, inside the first screening or pair scored: 0.2 s read character by character)
    readings = {reading for value in _character_readings() for reading in value.split(",")}
    out: set[str] = set()
    for reading in readings:
        plain = "".join(ch for ch in unicodedata.normalize("NFD", reading) if not unicodedata.combining(ch))
        if plain.isascii() and plain.isalpha() and any(v in plain for v in "aeiou"):
            out.add(plain.lower())
    return frozenset(out)


PINYIN_TABLE = "pinyin_dict.json"  # pypinyin's character table, as it ships it (``pypinyin.pinyin_dict`` loads it)


def _character_readings() -> set[str]:
    """The distinct values of pypinyin's character table (``pypinyin.constants.PINYIN_DICT``): each character's
    readings. Read from the file pypinyin loads them from, without importing pypinyin (its import loads its phrase
    dictionaries and segmenter: 0.3 s of CPU, a third of a one-row screen's start-up, for a Latin name's first word
    that might be pinyin); from pypinyin itself when it is imported already (Chinese characters transliterated) or
    that file is not where this pypinyin keeps it."""
    loaded = sys.modules.get("pypinyin.constants")
    if loaded is not None:
        return set(loaded.PINYIN_DICT.values())
    spec = importlib.util.find_spec("pypinyin")  # (a top-level package: found, not imported)
    for folder in (spec.submodule_search_locations or ()) if spec is not None else ():
        path = Path(folder) / PINYIN_TABLE
        if path.is_file():
            table = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(table, dict) and all(isinstance(v, str) for v in table.values()):
                return set(table.values())
    from pypinyin.constants import PINYIN_DICT  # imported on first use: the table loads with pypinyin

    return set(PINYIN_DICT.values())


@lru_cache(maxsize=1)
def _longest() -> int:
    """The letters of the longest syllable (``pinyin_word`` looks no further back)."""
    return max(len(s) for s in syllables())


@lru_cache(maxsize=100_000)
def pinyin_word(word: str) -> bool:
    """``word`` (folded, lower case) reads as MIN_SYLLABLES or more pinyin syllables written together ("bohong",
    "huawei", "zhongxing"; not "phenix", "aero", "gree", nor one syllable "feng"); a syllable after the first
    begins with a consonant (pinyin marks a vowel there with an apostrophe, "xi'an")."""
    if not word.isascii() or not word.isalpha():
        return False
    table = syllables()
    longest = _longest()
    # best[i]: the most syllables a split of word[:i] into syllables has (-1: it has none)
    best = [-1] * (len(word) + 1)
    best[0] = 0
    for i in range(1, len(word) + 1):
        for k in range(max(0, i - longest), i):
            # a syllable after the first begins with a consonant (pinyin writes "xi'an": "aero" is no a-er-o)
            if best[k] >= 0 and word[k:i] in table and (k == 0 or word[k] not in _VOWELS):
                best[i] = max(best[i], best[k] + 1)
    return best[len(word)] >= MIN_SYLLABLES
