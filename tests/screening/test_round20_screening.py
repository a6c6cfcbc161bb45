"""Screening fixes of adversarial round 20 (tests/rules/adversary_round20.yaml, adversary_round20b.yaml;
tests/rules/adversary_round20_report.md) on the real rows of the lists a determination screens (Entity List, SDN,
DPL, MEU, MIEU with the shipped alias table, as tests/workflows/test_adversary_cases.py loads them).

- Chinese persons: the given name must agree, not only the surname or one syllable of the given name
  (clearance/screening/chinese3.py, clearance/text/han_names.py): R20-72, R20b-09, R20b-10, R20b-11;
- Chinese trade words 飞行 flight, 系统 system, 微系统 microsystem, 科学院 academy (name_terms.yml) and 试验 test (read
  from the characters, clearance.text.translit): R20-38 (the Entity List's Chinese Flight Test Establishment in
  Chinese), R20b-08 (its SIMIT);
- Turkish provinces and towns after a name's legal form are its address (address_words.yml): R20-48;
- names in Chinese characters (session 13): a surname alone never makes a HIT (陈曲 / 'CHEN, Eric'), a company in
  characters is no listed person (中国商飞试飞中心 / 'ZHANG, Shi'), the city 十堰市 is no laboratory (实验室).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.model.entity import Entity
from clearance.screening.forms3 import prepare3
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.nameline import read_name_line
from clearance.screening.screen import compare, screen
from clearance.sources import csl, dpl, us_other
from clearance.sources.aliases import shipped

V3 = "clearance-name@3"


@pytest.fixture(scope="module")
def ear_index(data_dir: Path, el_entities: list[Entity], sdn_entities: list[Entity]) -> ScreeningIndex:
    [pl] = dpl.PARSER.parse((data_dir / "us_bis" / "dpl_2023-11-30.txt",))
    meu = [e for p in csl.PARSER.parse((data_dir / "us_bis" / "meu_from_csl_subset_2023-11-30.csv",))
           for e in p.entities if e.list_code == "meu"]
    mieu = [e for p in us_other.MIEU_PARSER.parse((data_dir / "us_bis" / "mieu_opensanctions.csv",))
            for e in p.entities]
    aliases = [r.extra_name() for r in shipped()]
    return build_index([*el_entities, *sdn_entities, *pl.entities, *meu, *mieu], aliases=aliases)


def hits(index: ScreeningIndex, name: str, country: str | None = None) -> list[Hit]:
    return list(screen(Query(name, country), index, algorithm=V3, limit=20).hits)


def shown(found: list[Hit]) -> list[tuple[str, str, float]]:
    return [(h.name, h.matched_name, h.score) for h in found]


@pytest.mark.parametrize(("query", "listed"), [
    ("张一鸣", ("ZHANG, Xiaoming",)),  # R20-72: another given name, matched by its sounds (yi ming ~ xiaoming)
    ("李一鸣", ("LI, Yi",)),  # R20b-10: one syllable of the given name
    ("张建国", ("ZHANG, Jian", "ZHANG, Jicheng")),  # R20b-11: one syllable; another given name
    ("张伟", ("ZHANG, Lei",)),  # a given name one letter apart in pinyin is another character
])
def test_a_chinese_given_name_in_characters_must_agree(ear_index: ScreeningIndex, query: str,
                                                       listed: tuple[str, ...]) -> None:
    found = hits(ear_index, query, "CN")
    assert not [h for h in found if h.matched_name in listed], shown(found)
    if query != "张伟":  # (张伟 is SDN 'ZHANG, Wei': test_the_same_chinese_name_stays_a_hit)
        assert not [h for h in found if h.decision is Decision.HIT], shown(found)
    m = compare(query, listed[0], person=True, algorithm=V3)
    assert m.score < 0.5 and any(f.name == "guard" and "given name" in f.detail for f in m.features), m


@pytest.mark.parametrize(("query", "listed"), [
    ("张晓明", "ZHANG, Xiaoming"), ("Zhang Xiaoming", "ZHANG, Xiaoming"), ("张健", "ZHANG, Jian"),
    ("张伟", "ZHANG, Wei"), ("张磊", "ZHANG, Lei"), ("Zhang Wei", "ZHANG, Wei"),
])
def test_the_same_chinese_name_stays_a_hit(ear_index: ScreeningIndex, query: str, listed: str) -> None:
    found = [h for h in hits(ear_index, query, "CN") if h.matched_name == listed]
    assert found and found[0].decision is Decision.HIT, shown(hits(ear_index, query, "CN"))


def test_chinese_names_in_pinyin_agreeing_only_on_the_surname(ear_index: ScreeningIndex) -> None:
    """R20b-09: 'Zhang Yiming, Beijing' was a 0.55 possible match on SDN 'ZHANG, Wei' and 'WEI, Zhao' (a.k.a. 'WEI,
    Zhang'): a Chinese surname is shared by millions, the given names differ."""
    found = hits(ear_index, "Zhang Yiming, Beijing", "CN")
    assert not found, shown(found)
    m = compare("Zhang Yiming", "ZHANG, Wei", person=True, algorithm=V3)
    assert m.score < 0.5 and any("agree only on one syllable" in f.detail for f in m.features)
    # since session 14 other names agreeing only on the surname are two persons as well (algorithm3._one_part_each_own:
    # each keeps a given name the other's does not resemble), while a given name written otherwise is still reviewed
    assert compare("Ivan Petrov", "PETROV, Sergei", person=True, algorithm=V3).score < 0.5
    assert compare("Aleksandr Petrov", "PETROV, Alexander", person=True, algorithm=V3).score >= 0.5


def test_chinese_trade_words_flight_and_test(ear_index: ScreeningIndex) -> None:
    """R20-38: 中国飞行试验研究院, the Entity List's 'Chinese Flight Test Establishment' (a.k.a. 'Yanliang Test
    Flight Institute', 'Aviation Industry Test Flight Center'), screened CLEAR with no candidate."""
    found = [h for h in hits(ear_index, "中国飞行试验研究院", "CN") if h.name == "Chinese Flight Test Establishment"]
    assert found and found[0].decision is not Decision.CLEAR, shown(hits(ear_index, "中国飞行试验研究院", "CN"))
    # another research institute of China is not it
    other = hits(ear_index, "中国飞行汽车研究院", "CN")  # a 'flying car' institute: 汽车 automobile
    assert not [h for h in other if h.name == "Chinese Flight Test Establishment"], shown(other)


def test_simit_in_chinese_is_found_by_its_own_entry(ear_index: ScreeningIndex) -> None:
    """R20b-08: SIMIT's Chinese name was CANNOT_CLEAR only on a noise match; its own entry is now found."""
    name = "Chinese Academy of Sciences’ Shanghai Institute of Microsystem and Information Technology"
    found = hits(ear_index, "中国科学院上海微系统与信息技术研究所", "CN")
    assert [h for h in found if h.name == name and h.decision is not Decision.CLEAR], shown(found)


def test_a_turkish_town_and_province_after_the_legal_form(ear_index: ScreeningIndex) -> None:
    """R20-48: SDN 38317 MMK Metalurji (Dörtyol) written 'MMK Metalurji San. ve Tic. A.Ş., Dörtyol, Hatay' had no
    candidate: the town and province were read as part of the name."""
    reading = read_name_line("MMK Metalurji San. ve Tic. A.Ş., Dörtyol, Hatay")
    assert reading is not None and reading.name == "MMK Metalurji San. ve Tic. A.Ş."
    found = hits(ear_index, "MMK Metalurji San. ve Tic. A.Ş., Dörtyol, Hatay", "TR")
    mmk = "MMK METALURJI SANAYI TICARET VE LIMAN ISLETMECILIGI ANONIM SIRKETI"
    assert [h for h in found if h.name == mmk and h.decision is not Decision.CLEAR], shown(found)
    # a hard negative of the same form stays clear (R20's Kardemir, Karabük)
    assert not hits(ear_index, "Kardemir Karabük Demir Çelik San. ve Tic. A.Ş., Karabük", "TR")


def test_a_chinese_surname_alone_never_makes_a_hit(ear_index: ScreeningIndex) -> None:
    """陈曲 (an unlisted person in characters) was a 0.85 HIT on SDN 'CHEN, Eric': the surname agrees, the given name
    'Eric' is no reading of 曲. A person may use an English name, so it is reviewed, never a HIT; the Entity List's
    'Chen Qu' (the same characters' pinyin) stays a HIT."""
    for country in ("CN", None):
        found = hits(ear_index, "陈曲", country)
        eric = [h for h in found if h.matched_name == "CHEN, Eric"]
        assert eric and all(h.decision is Decision.POSSIBLE for h in eric), shown(found)
        assert [h for h in found if h.matched_name == "Chen Qu" and h.decision is Decision.HIT], shown(found)
    m = compare("陈曲", "CHEN, Eric", person=True, algorithm=V3)
    assert m.score < 0.7 and any("only on the surname" in f.detail for f in m.features), m
    # the given name spelt in pinyin or Wade-Giles still agrees
    assert compare("陈曲", "CHEN, Qu", person=True, algorithm=V3).score >= 0.7
    assert compare("张春明", "CHANG, Chun-ming", person=True, algorithm=V3).score >= 0.7


def test_a_company_in_characters_is_no_listed_person(ear_index: ScreeningIndex) -> None:
    """中国商飞试飞中心 (COMAC's flight test centre) was a 0.74 HIT on SDN 'ZHANG, Shi' (a.k.a. of 'ZHANG, Lei'): read
    as a person's name, "shi" of 试 and "zhong" of 中 matched the person's name parts. A name in characters longer than
    a person's, with organisation words (中国 China, 中心 centre), is an organisation's: never compared with a listed
    person, as a name with a legal form is not."""
    found = hits(ear_index, "中国商飞试飞中心", "CN")
    assert not [h for h in found if h.schema == "Person"], shown(found)
    assert not [h for h in found if h.decision is Decision.HIT], shown(found)
    # a Chinese person's name in characters is still compared with listed persons
    assert [h for h in hits(ear_index, "张晓明", "CN") if h.matched_name == "ZHANG, Xiaoming"]


def test_the_city_shiyan_stays_a_place(ear_index: ScreeningIndex) -> None:
    """十堰市 (the city of Shiyan, Hubei) read "shi yan shi", the syllables of 实验室 (laboratory): the term table,
    keyed on the syllables, read the city as "lab" and found every listed laboratory. 实验室 is now read from its
    characters, and Shiyan is a place."""
    assert prepare3("十堰市").tokens[0] == "shiyan" and "lab" not in prepare3("十堰市").tokens
    assert "lab" in prepare3("张江实验室").tokens and "lab" in prepare3("實驗室").tokens
    found = hits(ear_index, "十堰市", "CN")
    assert not [h for h in found if "lab" in h.matched_name.lower()], shown(found)
    assert not [h for h in found if h.decision is Decision.HIT], shown(found)
    # a listed laboratory in characters is still found
    zj = [h for h in hits(ear_index, "张江实验室", "CN") if h.name == "Zhangjiang Laboratory"]
    assert zj and zj[0].decision is Decision.HIT, shown(hits(ear_index, "张江实验室", "CN"))


def test_a_chinese_university_is_not_another_of_its_province_or_trade(ear_index: ScreeningIndex) -> None:
    """R20-58: 浙江大学 (Zhejiang University, unlisted) was a 0.69 possible match on 四川大学 (Sichuan University, the
    Entity List's alias in characters): two names in characters read wholly as words (a place and a term) are
    compared as the same names in Latin letters are, two universities of two provinces. Against a name in Latin
    letters the words are not so read, since the Latin name may translate what the characters read as a place
    (中山大学, Zhongshan: 'Sun Yat-Sen University', adversarial R18-16), so 'Beihang University' and others stay
    possible matches; the listed universities written in characters are still found."""
    found = hits(ear_index, "浙江大学", "CN")
    assert not [h for h in found if h.matched_name == "四川大学"], shown(found)
    assert not [h for h in found if h.decision is Decision.HIT], shown(found)
    for query, listed in (("四川大学", "Sichuan University"), ("天津大学", "Tianjin University"),
                          ("西北工业大学", "Northwestern Polytechnical University")):
        own = [h for h in hits(ear_index, query, "CN") if h.name == listed]
        assert own and own[0].decision is Decision.HIT, shown(hits(ear_index, query, "CN"))
    assert compare("浙江大学", "Zhejiang University", algorithm=V3).score >= 0.7
    assert compare("中山大学", "Sun Yat-Sen University", algorithm=V3).score >= 0.5


def test_chinese_brands_agreeing_on_one_syllable(ear_index: ScreeningIndex) -> None:
    """R20-53: 深信服科技 (Sangfor, unlisted) was a 0.69 possible match on the Chinese name 信諾電子科技 of EL/SDN
    'Sinno Electronics': "xin" of 信 was all the brands shared (and 諾 "nuo" was read as a Bulgarian legal form). One
    syllable alike is no brand agreeing; a short name inside the full one still is."""
    found = hits(ear_index, "深信服科技股份有限公司", "CN")
    assert not [h for h in found if "Sinno" in h.name or "SINNO" in h.name], shown(found)
    assert "nuo" in prepare3("信諾電子科技有限公司").tokens and "bo" in prepare3("福耀玻璃工业集团股份有限公司").tokens
    assert compare("信诺电子科技有限公司", "樂芯電子集團有限公司", algorithm=V3).score < 0.5
    sinno = [h for h in hits(ear_index, "信诺电子科技有限公司", "CN") if h.name == "Sinno Electronics Co., Ltd.,"]
    assert sinno and sinno[0].decision is Decision.HIT
    for short, full in (("龙芯", "龙芯中科技术股份有限公司"), ("大疆", "深圳市大疆创新科技有限公司")):
        assert compare(short, full, algorithm=V3).score >= 0.7, (short, full)
