"""Russian names written in German or French transliteration, respelt the English way (as the lists write them).

The lists romanise Russian the English way (BGN/PCGN and its variants): Чкалов "Chkalov", Уралвагонзавод
"Uralvagonzavod", Севмаш "Sevmash", Ильюшин "Ilyushin". German and French texts write the same names otherwise:
"Tschkalow", "Uralwagonsawod", "Sewmasch" (tsch, sch, w, j for ч, ш, в, й; ``-ow`` for ``-ov``) and "Iliouchine",
"Prigojine" (ou, ch, j for у, ш, ж; a mute final e). A word so spelt differs from the listed one in two or three
places and is no typo of it (adversarial round 18: 'Tschkalow Novosibirsk Aviation Plant', 'Sergej Tschemesow').

``respellings(line)`` gives the line with each such word respelt the English way, once as German and once as French
(only the words that carry a mark of that spelling; the rest as written): screening compares these readings too,
and each listed entry keeps its better hit (capped at POSSIBLE by ``clearance.screening.screen``: a respelling is a
guess, and German names with w or sch are respelt too). Left as written: English words and place names
(``clearance.text.english``), words that read as pinyin ("Huawei"), short words and words with digits, so that
common words and Chinese names are never respelt into other words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clearance.text.english import english_words
from clearance.text.fold import strip_accents
from clearance.text.pinyin import pinyin_word

MIN_WORD = 4  # shorter words ("Jow", "AO") are left as written
_WORD = re.compile(r"[^\W\d_]+")
_VOWEL = "aeiouy"

# German: tsch ч, sch ш (and ж), w в, j й (ja я, ju ю, je е), z ц, ch х, s between vowels з, ck к, ss с
_GERMAN_MARK = re.compile(r"sch|w|j$|(?:ow|ew)$")  # (j only last: "Sergej"; Korean, Slavic, Dutch j is y already)
_GERMAN = {"schtsch": "shch", "tsch": "ch", "sch": "sh", "ch": "kh", "ck": "k", "w": "v", "j": "y", "z": "ts",
           "ss": "s", "s": "z"}
_GERMAN_SPELT = re.compile(rf"schtsch|tsch|sch|ch|ck|w|j|z|ss|(?<=[{_VOWEL}])s(?=[{_VOWEL}])")
# French: tch ч, ch ш, j ж, ou у, gu(e/i) г, dj дж, a mute final e after a consonant
_FRENCH_MARK = re.compile(r"ou|tch|gu[ei]|[^aeiouy]ine$")
_FRENCH = {"chtch": "shch", "tch": "ch", "ch": "sh", "dj": "j", "j": "zh", "ou": "u", "gue": "ge", "gui": "gi",
           "ss": "s"}
_FRENCH_SPELT = re.compile("|".join(sorted(_FRENCH, key=len, reverse=True)))
_MUTE_E = re.compile(rf"(?<=[^{_VOWEL}])e$")


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    return english_words()


def _respellable(word: str) -> bool:
    return len(word) >= MIN_WORD and word.isascii() and word.isalpha() and word not in _english() and not (
        pinyin_word(word))


def _german(word: str) -> str:
    return _GERMAN_SPELT.sub(lambda m: _GERMAN[m.group(0)], word)  # (one pass: what it writes is not read again)


def _french(word: str) -> str:
    return _MUTE_E.sub("", _FRENCH_SPELT.sub(lambda m: _FRENCH[m.group(0)], word))


_SYSTEMS = ((_GERMAN_MARK, _german), (_FRENCH_MARK, _french))


@lru_cache(maxsize=65_536)
def respell_word(word: str, system: int) -> str | None:
    """``word`` (lower case, as written) respelt the English way from spelling ``system`` (0 German, 1 French), or None
    when it carries no mark of that spelling or is left as written (see the module's docstring)."""
    mark, respell = _SYSTEMS[system]
    if not mark.search(word) or not _respellable(word):  # (the mark first: it needs no word list)
        return None
    out = respell(word)
    return out if out != word else None


def _case_like(new: str, written: str) -> str:
    if written.isupper():
        return new.upper()
    if written[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def respellings(line: str) -> list[str]:
    """``line`` with its German-spelt words respelt the English way, and with its French-spelt ones, each when some
    word changes (at most two lines, different from ``line`` and from each other)."""
    plain = strip_accents(line)
    out: list[str] = []
    for system in range(len(_SYSTEMS)):
        changed = False

        def sub(m: re.Match[str], system: int = system) -> str:
            nonlocal changed
            new = respell_word(m.group(0).lower(), system)
            if new is None:
                return m.group(0)
            changed = True
            return _case_like(new, m.group(0))

        text = _WORD.sub(sub, plain)
        if changed and text not in out:
            out.append(text)
    return out
