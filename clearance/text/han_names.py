"""A Chinese person's name written in Chinese characters against a name in Latin letters: does the given name agree?

A Chinese person's name is a surname of one character (two for a few: 欧阳, 司马) and a given name of one or two
characters, written together ("张晓明"). The lists write it in pinyin, the surname apart and the given name as one
word or its syllables apart ("ZHANG, Xiaoming", "ZHANG Xiao Ming"). Pinyin spells each character's syllable one way
(a few characters have several readings: 长 chang or zhang, 乐 le or yue), so a given name in Latin letters either
spells the characters' syllables, one after the other, or it is another given name: 张一鸣 (Zhang Yiming) is not
'ZHANG, Xiaoming' (another given name) nor 'ZHANG, Jian' for 张建国 (Jianguo: one syllable of it), and 李一鸣 (Li
Yiming) is not 'LI, Yi'. A surname is shared by tens of millions of people; the given name tells them apart.

Only a Latin name that reads as Chinese syllables is judged (every part after the surname spelt in pinyin or
Wade-Giles syllables, ``clearance.text.wade_giles``; the surname one of the characters' own spellings): an English
given name ("ZHANG, David"), a Cantonese spelling ("WONG, Moon Chi") or a Japanese reading of the same characters is
left to the comparison of sounds. Wade-Giles spellings of a character's syllable count as its spellings ("CHANG,
Chun-ming" for 张春明), and so do the ways ü is written (lü: "lu", "lv", "lyu").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from clearance.text.fold import skeleton
from clearance.text.pinyin import syllables
from clearance.text.scripts import char_script
from clearance.text.wade_giles import table as wade_giles_table

NAME_CHARS = (2, 4)  # a person's name in characters has this many (fewest, most): a surname and a given name
SURNAME_CHARS = (1, 2)  # a surname of one character, or of two (欧阳 Ouyang, 司马 Sima)
_SEPARATORS = frozenset(" \u00b7\u30fb\u2027.")  # spaces and the middle dots written between name parts
_COMMAS = (",", "\uff0c", "\u3001")  # comma, full-width comma, ideographic enumeration comma


def han_person_chars(name: str) -> str | None:
    """The characters of ``name`` when it is written only in Chinese characters (spaces and middle dots aside) and
    has as many as a person's name (NAME_CHARS); None otherwise. A place written after a comma ("杨建华, 武汉",
    adversarial R21-108) is the person's address, not the name: the part before the first comma is read."""
    for comma in _COMMAS:
        name = name.split(comma, 1)[0]
    chars = "".join(ch for ch in name if ch not in _SEPARATORS)
    fewest, most = NAME_CHARS
    if not fewest <= len(chars) <= most or any(char_script(ch) != "Han" for ch in chars):
        return None
    return chars


@lru_cache(maxsize=1)
def _wade_giles_of() -> dict[str, frozenset[str]]:
    """Pinyin syllable -> the Wade-Giles spellings that may stand for it."""
    out: dict[str, set[str]] = {}
    for written, readings in wade_giles_table().items():
        for r in readings:
            out.setdefault(r, set()).add(written)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=20_000)
def spellings(ch: str) -> frozenset[str]:
    """The ways one character's syllable is written in Latin letters: each of its toneless pinyin readings (pypinyin
    writes ü as v: lv, also written lu and lyu) and the Wade-Giles spellings of each reading."""
    from pypinyin import Style, pinyin  # imported on first use, as clearance.text.translit does

    out: set[str] = set()
    for reading in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0] if ch else []:
        r = reading.lower()
        for spelt in {r, r.replace("v", "u"), r.replace("v", "yu")}:
            out.add(spelt)
            out |= _wade_giles_of().get(spelt, frozenset())
    return frozenset(out)


def spells(chars: str, word: str) -> bool:
    """``word`` (lower-case Latin letters) is the syllables of ``chars``, one spelling of each, in order."""
    if not chars or not word:
        return not chars and not word
    return any(word.startswith(s) and spells(chars[1:], word[len(s):]) for s in spellings(chars[0]))


@lru_cache(maxsize=1)
def _syllables_and_wade_giles() -> frozenset[str]:
    return syllables() | frozenset(wade_giles_table())


@lru_cache(maxsize=50_000)
def reads_as_syllables(word: str) -> bool:
    """``word`` is written in Chinese syllables (pinyin or Wade-Giles), one or more, joined."""
    if not word.isascii() or not word.isalpha():
        return False
    table = _syllables_and_wade_giles()
    ok = [True] + [False] * len(word)
    for i in range(1, len(word) + 1):
        ok[i] = any(ok[k] and word[k:i] in table for k in range(max(0, i - 6), i))
    return ok[len(word)]


def other_given_name(chars: str, latin: Sequence[str]) -> str | None:
    """The given name of the Latin name ``latin`` (its words) when it is not the given name written in ``chars``
    (a Chinese person's name in characters, ``han_person_chars``): a word of ``latin`` spells the surname, the
    other words read as Chinese syllables, and no reading of the characters spells them. None when the names agree
    or the Latin name does not read as a Chinese name with a given name."""
    differs: str | None = None
    for n_surname in SURNAME_CHARS:
        surname, given = chars[:n_surname], chars[n_surname:]
        if not given:
            continue
        for i in range(len(latin)):
            for span in (1, 2):  # a surname of two characters may be written as two words ("Ou Yang")
                if i + span > len(latin) or not spells(surname, "".join(latin[i:i + span])):
                    continue
                rest = [*latin[:i], *latin[i + span:]]
                if not rest or not all(len(w) > 1 and reads_as_syllables(w) for w in rest):
                    continue
                if spells(given, "".join(rest)):
                    return None  # the given name agrees (whichever way it was found)
                differs = differs or " ".join(rest)
    return differs


def other_surname(chars: str, latin: Sequence[str]) -> str | None:
    """The Latin name ``latin`` (its words, two or more, each read as Chinese syllables) when neither the surname nor
    the given name written in ``chars`` is spelt by any of its words: 杨建华 (Yang Jianhua) is not 'HONG, Jinhua'
    (adversarial R21-108: the sounds of yang~hong and jianhua~jinhua made a near-certain match on another person).
    None when a word spells either part (``other_given_name`` judges a surname that agrees) or a word does not read
    as Chinese syllables (a Cantonese spelling, 'YEUNG, Kin Wah', is left to the comparison of sounds)."""
    if len(latin) < 2 or not all(len(w) > 1 and reads_as_syllables(w) for w in latin):
        return None
    if any(spells(chars, w) for w in latin):
        return None  # a word spells the whole name ('HUAWEI Jishu' for 华为): the names agree there
    for n_surname in SURNAME_CHARS:
        surname, given = chars[:n_surname], chars[n_surname:]
        if not given:
            continue
        for i in range(len(latin)):
            for span in (1, 2, 3):
                if i + span > len(latin):
                    continue
                word = "".join(latin[i:i + span])
                if (span <= 2 and spells(surname, word)) or spells(given, word):
                    return None
    return " ".join(latin)


def foreign_given_name(chars: str, latin: Sequence[str]) -> str | None:
    """The given name of the Latin name ``latin`` when a word of it spells the surname written in ``chars`` (a
    Chinese person's name in characters, ``han_person_chars``) and the other words do not all read as Chinese
    syllables ('CHEN, Eric' for 陈曲): an English given name, or a spelling of another dialect, that no reading of
    the characters spells. Only the surname agrees as written; whether the person also goes by that name the names
    cannot tell. None when no word spells the surname, nothing else is left, or every other word reads as Chinese
    syllables (``other_given_name`` judges those)."""
    for n_surname in SURNAME_CHARS:
        surname, given = chars[:n_surname], chars[n_surname:]
        if not given:
            continue
        for i in range(len(latin)):
            for span in (1, 2):
                if i + span > len(latin) or not spells(surname, "".join(latin[i:i + span])):
                    continue
                rest = [w for w in (*latin[:i], *latin[i + span:]) if len(w) > 1]
                if rest and not all(reads_as_syllables(w) for w in rest):
                    return " ".join(rest)
    return None


# The spellings of common surnames in Cantonese, Hokkien/Teochew and other romanisations that share neither letters
# nor consonants with the pinyin (Hong Kong, Singapore, Malaysia, Taiwan): 吴 is "Ng" and "Goh", 许 "Hui" and "Koh".
# A Latin name with one of these words may carry the characters' surname (``missing_surname`` does not judge it).
_DIALECT_SURNAMES: dict[str, tuple[str, ...]] = {
    "陈": ("chan", "tan", "chin", "ting"), "陳": ("chan", "tan", "chin", "ting"),
    "黄": ("wong", "ng", "ooi", "wee", "oei"), "黃": ("wong", "ng", "ooi", "wee", "oei"),
    "王": ("wong", "ong", "heng"), "吴": ("ng", "goh", "woo", "ngo"), "吳": ("ng", "goh", "woo", "ngo"),
    "许": ("hui", "koh", "khoo", "hsu"), "許": ("hui", "koh", "khoo", "hsu"), "胡": ("woo", "oh", "aw"),
    "郑": ("tay", "teh", "tee"), "鄭": ("tay", "teh", "tee"), "张": ("teo", "teoh", "chong"),
    "張": ("teo", "teoh", "chong"), "叶": ("yip", "yap", "yeh"), "葉": ("yip", "yap", "yeh"),
    "余": ("yee", "ee"), "何": ("ho", "hoh"), "姚": ("yiu",), "欧阳": ("auyeung", "owyang"),
    "歐陽": ("auyeung", "owyang"), "蔡": ("choi", "chua", "tsai"), "邓": ("tang",), "鄧": ("tang",),
    "谢": ("tse", "chia"), "謝": ("tse", "chia"), "曾": ("tsang",), "周": ("chow", "chau", "chew"),
    "杨": ("yeung", "yeo"), "楊": ("yeung", "yeo"), "郭": ("kwok", "quek"), "梁": ("leung", "neo"),
    "林": ("lim", "lam"), "徐": ("tsui", "chee"), "苏": ("soh",), "蘇": ("soh",), "罗": ("law", "loh"),
    "羅": ("law", "loh"), "朱": ("choo", "chiu"), "刘": ("lau", "low"), "劉": ("lau", "low"),
}


# surnames of two characters (the rest are of one: 马晓东 is Ma Xiaodong, not "Ma Xiao" Dong)
COMPOUND_SURNAMES = frozenset({
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "令狐", "慕容", "司徒", "夏侯",
    "尉迟", "尉遲", "公孙", "公孫", "轩辕", "軒轅", "端木", "长孙", "長孫", "宇文", "申屠", "澹台", "南宫", "南宮",
    "闻人", "聞人", "西门", "西門",
})


DIALECT_LEN = 7  # a surname in another romanisation is a short word ("auyeung" for 欧阳 the longest)


def _resembles(spelling: str, word: str) -> bool:
    """A Latin word that may be a surname's spelling in another romanisation: the same consonant skeleton, the same
    first consonant, or skeletons at most half different ("chen" / "chan", "liu" / "lau", "zhang" / "cheung")."""
    a, b = skeleton(spelling), skeleton(word)
    if a == b or (a and b and a[0] == b[0]):
        return True
    return len(a) >= 2 and len(b) >= 2 and Levenshtein.normalized_similarity(a, b) >= 0.5


def missing_surname(chars: str, latin: Sequence[str], loose: bool = True) -> str | None:
    """The Latin name ``latin`` (its words, two or more) when none of its words is the surname written in ``chars``
    (a Chinese person's name in characters) in any spelling: not its pinyin or Wade-Giles syllable, alone or with
    the syllables after it ('huawei' for 华为, 'dahua' for 大华), nor a spelling of another romanisation
    (``_DIALECT_SURNAMES``), nor (``loose``: a person's name) a word resembling one by its consonants. Then the names
    agree at most on the given name (刘洋 / 'FAN, Yang', 'Sharon Yang'; 马晓东 / 'CHEN, Dong'; 李芳 / 'Fang Yu'), or
    (an organisation's name, not ``loose``) on words that are no brand starting with the surname (张金华 / 'SHAANXI
    HONGRUN JINHUA TRADE'). None when a word may be the surname."""
    words = [w for w in latin if len(w) > 1]
    if len(words) < 2:
        return None
    for n_surname in SURNAME_CHARS:
        surname = chars[:n_surname]
        if len(chars) - n_surname < 1 or (n_surname == 2 and surname not in COMPOUND_SURNAMES):
            continue
        other = _DIALECT_SURNAMES.get(surname, ())
        for i in range(len(words)):
            for span in (1, 2):
                if i + span > len(words):
                    continue
                word = "".join(words[i:i + span])
                if word in other or any(spells(chars[:k], word) for k in range(n_surname, len(chars) + 1)):
                    return None
                if loose and span == 1 and len(word) <= DIALECT_LEN and any(
                        _resembles(s, word) for ch in surname for s in spellings(ch)):
                    return None
    return " ".join(words)
