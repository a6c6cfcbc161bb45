"""Pinyin words and the readings ``prepare`` offers clearance-name@3 (two-letter legal forms, places in Chinese)."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from clearance.text import pinyin
from clearance.text.names import prepare
from clearance.text.pinyin import pinyin_word, syllables
from clearance.text.places import join_place_syllables


def test_pinyin_words() -> None:
    """Two or more syllables written together read as pinyin; one syllable, another romanisation or an English word
    does not; a vowel never starts a later syllable (pinyin writes "xi'an")."""
    assert {"zhong", "guo", "feng", "huang", "lu"} <= syllables()
    assert not {"m", "ng", "hm"} & syllables()
    for word in ("bohong", "huawei", "zhongxing", "qihua", "hangzhou"):
        assert pinyin_word(word), word
    for word in ("feng", "phenix", "tsinghua", "aero", "gree", "kwok", "optical", "xian", "sun", "bo1hong", "北京"):
        assert not pinyin_word(word), word


def test_character_table_read_without_pypinyin_is_pypinyins() -> None:
    """The syllables are read from the file pypinyin loads its character table from, without importing pypinyin:
    the same readings as the table pypinyin loads, and the fallback through pypinyin gives the same."""
    from pypinyin.constants import PINYIN_DICT

    imported = sys.modules.pop("pypinyin.constants")  # (as if not imported: read from the file)
    try:
        assert pinyin._character_readings() == set(PINYIN_DICT.values())
        saved = pinyin.PINYIN_TABLE
        pinyin.PINYIN_TABLE = "no-such-table.json"  # (pypinyin itself, as when it keeps its table elsewhere)
        try:
            assert pinyin._character_readings() == set(PINYIN_DICT.values())
        finally:
            pinyin.PINYIN_TABLE = saved
    finally:
        sys.modules["pypinyin.constants"] = imported
    assert pinyin._character_readings() == set(PINYIN_DICT.values())  # (pypinyin's, imported)


@given(st.lists(st.sampled_from(sorted(syllables())), min_size=2, max_size=4))
def test_syllables_written_together_read_as_pinyin(parts: list[str]) -> None:
    word = "".join(parts)
    if all(p[0] not in "aeiou" for p in parts[1:]):
        assert pinyin_word(word)


def test_a_two_letter_form_is_a_word_only_where_the_name_says_so() -> None:
    """By default (clearance-name@1, @2) a two-letter legal form ending a name is set aside; with ``short_form_words``
    (@3) it stays a word after a legal form of another kind or joined by a hyphen (adversarial R12-18)."""
    assert prepare("OOO Alyans EG").tokens == ("alliance",)
    assert prepare("OOO Alyans EG", short_form_words=True).tokens == ("alliance", "eg")
    assert prepare("Alyans EG", short_form_words=True).tokens == ("alliance",)  # alone it may be the form
    assert prepare("OOO Alyans LLC", short_form_words=True).tokens == ("alliance",)
    assert prepare("AVIASTAR-SP", short_form_words=True).tokens == ("aviastar", "sp")
    assert prepare("Siemens AG", short_form_words=True).tokens == ("siemens",)
    assert [f.form for f in prepare("Siemens AG", short_form_words=True).legal_forms] == ["AG"]


def test_a_place_in_chinese_is_read_before_the_terms() -> None:
    """上海 is "shang hai": read word by word, "shang" was 商 (business) in the term table, which since R16-02 holds
    no one-character term (a syllable is many characters'); with ``places_first`` (@3) the syllables of a place are
    joined first (adversarial R5-46, 生工生物工程（上海）股份有限公司)."""
    assert "business" not in prepare("生工生物工程（上海）股份有限公司").tokens
    form = prepare("生工生物工程（上海）股份有限公司", places_first=True)
    assert "shanghai" in form.tokens and "business" not in form.tokens
    assert ("shang hai", "shanghai") in form.renamed
    assert join_place_syllables(["bei", "jing", "da", "xue"]) == (["beijing", "da", "xue"], [("bei jing", "beijing")])


def test_a_legal_form_written_only_in_parentheses_is_no_bare_word() -> None:
    """R18-15: the Korean legal form 유한회사 is written '(유)' / '(yu)' (the only way the table writes it), so the
    Entity List person 'Fang Yu' read as 'Fang' plus a legal form and the Chinese name 李方伟 (Li Fangwei) was an Entity
    List basis on it (0.85). In clearance-name@3 a form written only in parentheses is a form only when the name writes
    it so; the other algorithms read names as before."""
    from clearance.screening.forms3 import prepare3
    from clearance.text.terms import vocabulary

    assert "yu" in vocabulary().bracketed and "llc" not in vocabulary().bracketed
    assert prepare3("Fang Yu").tokens == ("fang", "yu") and not prepare3("Fang Yu").legal_forms
    assert prepare3("Hanil (Yu)").tokens == ("hanil",)
    assert [f.form for f in prepare3("Hanil (Yu)").legal_forms] == ["yu"]
    assert prepare3("한일 (유)").legal_forms
    assert prepare("Fang Yu").tokens == ("fang",)  # clearance-name@1/@2 unchanged


def test_a_word_spelling_the_whole_name_in_characters_is_agreement() -> None:
    """han_names.other_surname caps a Latin name only when no word spells the surname, the given name or the whole
    name: 'HUAWEI Jishu' spells 华为 in one word (no cap: a listed party's pinyin alias is not capped away), while
    'HONG, Jinhua' spells nothing of 杨建华 (adversarial R21-108)."""
    from clearance.text.han_names import other_surname

    assert other_surname("华为", ["huawei", "jishu"]) is None
    assert other_surname("杨建华", ["hong", "jinhua"]) == "hong jinhua"
    assert other_surname("杨建华", ["yang", "jianhua"]) is None
