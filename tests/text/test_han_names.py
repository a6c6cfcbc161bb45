"""A Chinese person's name in characters against one in Latin letters (clearance.text.han_names)."""

from __future__ import annotations

import pytest

from clearance.text.han_names import han_person_chars, other_given_name, reads_as_syllables, spells


def test_a_persons_name_in_characters() -> None:
    assert han_person_chars("张一鸣") == "张一鸣"
    assert han_person_chars("欧阳 一鸣") == "欧阳一鸣"
    assert han_person_chars("张") is None  # a surname alone
    assert han_person_chars("中国飞行试验研究院") is None  # too long for a person's name
    assert han_person_chars("Zhang Yiming") is None
    assert han_person_chars("张一鸣 Ltd") is None


@pytest.mark.parametrize(("chars", "word"), [
    ("一鸣", "yiming"), ("晓明", "xiaoming"), ("长", "chang"), ("长", "zhang"),  # both readings of 长
    ("吕", "lu"), ("吕", "lv"), ("吕", "lyu"),  # ü written three ways
    ("张", "chang"), ("春明", "chunming"),  # Wade-Giles spellings of the syllables
])
def test_the_characters_spell_the_word(chars: str, word: str) -> None:
    assert spells(chars, word)


@pytest.mark.parametrize(("chars", "word"), [("一鸣", "xiaoming"), ("一鸣", "yi"), ("建国", "jian"),
                                             ("建国", "jicheng"), ("一鸣", "yimingg"), ("一鸣", "")])
def test_the_characters_do_not_spell_the_word(chars: str, word: str) -> None:
    assert not spells(chars, word)


def test_words_read_as_chinese_syllables() -> None:
    assert reads_as_syllables("xiaoming") and reads_as_syllables("yi") and reads_as_syllables("hsiao")
    assert not reads_as_syllables("david") and not reads_as_syllables("ming2")


@pytest.mark.parametrize(("chars", "latin", "given"), [
    ("张一鸣", ["zhang", "xiaoming"], "xiaoming"),  # another given name (SDN 'ZHANG, Xiaoming', R20-72)
    ("李一鸣", ["li", "yi"], "yi"),  # one syllable of the given name (SDN 'LI, Yi', R20b-10)
    ("张建国", ["zhang", "jian"], "jian"),  # (SDN 'ZHANG, Jian', R20b-11)
    ("张建国", ["jicheng", "zhang"], "jicheng"),  # the surname last
    ("张伟", ["zhang", "lei"], "lei"),  # a letter apart, another character
])
def test_another_given_name(chars: str, latin: list[str], given: str) -> None:
    assert other_given_name(chars, latin) == given


@pytest.mark.parametrize(("chars", "latin"), [
    ("张晓明", ["zhang", "xiaoming"]), ("张晓明", ["zhang", "xiao", "ming"]), ("张晓明", ["xiaoming", "zhang"]),
    ("欧阳一鸣", ["ouyang", "yiming"]), ("欧阳一鸣", ["ou", "yang", "yiming"]),  # a surname of two characters
    ("张春明", ["chang", "chun", "ming"]),  # Wade-Giles
    ("张一鸣", ["zhang", "david"]),  # an English given name: not read
    ("黄一鸣", ["wong", "moon", "chi"]),  # a Cantonese surname: not read
    ("张一鸣", ["zhang"]),  # no given name to compare
    ("张一鸣", ["zhang", "x"]),  # an initial
])
def test_the_same_given_name_or_not_read(chars: str, latin: list[str]) -> None:
    assert other_given_name(chars, latin) is None


def test_test_is_read_from_its_characters() -> None:
    """试验 (test) is read where the characters are written: its syllables 'shi yan' are also 十堰 (Shiyan, a city)."""
    from clearance.text.translit import to_latin

    assert to_latin("中国飞行试验研究院")[0].split()[4] == "test"
    assert "test" not in to_latin("十堰东风汽车有限公司")[0].split()
