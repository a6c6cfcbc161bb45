"""Hard negatives of adversarial rounds 21 and 22 (tests/rules/adversary_round21*.yaml, adversary_round22.yaml):
common Chinese and Russian names of unlisted persons and companies that came out as possible matches on unrelated
list entries (needless CANNOT_CLEAR), screened on the real rows of the lists -- and the listed names they resembled,
which must still be found.

- a person's names must agree on more than one name part: a surname alone ('Zhou Jie' / 'DAVID ZHOU'), a given name
  alone (刘洋 / 'FAN, Yang') or a given name and the father's name ('Смирнова Анна Сергеевна' / 'ERSHOVA, Anna
  Sergeevna') is another person;
- a company name in characters must share its brand (顺丰速运, SF Express, / 'Anhui Sun-Create Electronics');
- two universities that share only generic words are two (中国人民大学 / 'Harbin Engineering University').
"""

from __future__ import annotations

import pytest

from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.screen import screen

V3 = "clearance-name@3"
FLAGGED = (Decision.POSSIBLE, Decision.HIT)


def flagged(index: ScreeningIndex, name: str, country: str) -> list[Hit]:
    return [h for h in screen(Query(name, country), index, algorithm=V3, limit=20).hits if h.decision in FLAGGED]


def on(hits: list[Hit], listed: str) -> list[tuple[str, float]]:
    return [(h.matched_name, h.score) for h in hits if h.name == listed]


@pytest.mark.parametrize(("query", "country", "listed"), [
    ("Yang Jianhua, Wuhan", "CN", "HONG, Jinhua"),  # R21b-24: jianhua~jinhua, and the surnames differ
    ("Смирнов Алексей Викторович", "RU", "SMIRNOV, Dmitriy Konstantinovich"),  # R21-112: the surname alone
    ("Смирнов Алексей Викторович", "RU", "SMIRNOV, Viktor Vladimirovich"),
    ("Смирнов Алексей Викторович", "RU", "SMIRNOV, Maxim Yuryevich"),
    ("Смирнов Алексей Викторович", "RU", "BUDNEV, Aleksei Viktorovich"),  # given name and patronymic only
    ("Смирнова Анна Сергеевна, Тверь", "RU", "ERSHOVA, Anna Sergeevna"),  # R21b-27
    ("Попова Мария Игоревна", "RU", "SHUVALOVA, Maria Igorevna"),  # R21b-28
    ("Петров Иван Сергеевич, г. Казань", "RU", "MISHKIN, Alexander Yevgeniyevich"),  # R22-49: 'PETROV, Alexander'
    ("刘洋, 成都", "CN", "FAN, Yang"),  # R21-103: the given name alone
    ("马晓东", "CN", "CHEN, Dong"),  # R21-107
    ("马晓东", "CN", "WEI, Hsueh Lung"),  # (a.k.a. KEUN DONG)
    ("张金华", "CN", "SHAANXI HONGRUN JINHUA TRADE AND COMMERCE COMPANY LTD"),  # R21b-25: a given name as a brand
])
def test_one_name_part_alike_is_another_person_sdn(sdn_index: ScreeningIndex, query: str, country: str,
                                                   listed: str) -> None:
    hits = flagged(sdn_index, query, country)
    assert not on(hits, listed), on(hits, listed)


@pytest.mark.parametrize(("query", "country", "listed"), [
    ("Smirnov Dmitriy Konstantinovich", "RU", "SMIRNOV, Dmitriy Konstantinovich"),
    ("Смирнов Дмитрий Константинович", "RU", "SMIRNOV, Dmitriy Konstantinovich"),
    ("Ершова Анна Сергеевна", "RU", "ERSHOVA, Anna Sergeevna"),
    ("Hong Jinhua", "CN", "HONG, Jinhua"),
    ("Fan Yang", "CN", "FAN, Yang"),
    ("范洋", "CN", "FAN, Yang"),
    ("陈东", "CN", "CHEN, Dong"),
    ("Shuvalova Maria Igorevna", "RU", "SHUVALOVA, Maria Igorevna"),
])
def test_the_listed_persons_are_still_found(sdn_index: ScreeningIndex, query: str, country: str,
                                            listed: str) -> None:
    hits = [h for h in flagged(sdn_index, query, country) if h.decision is Decision.HIT]
    assert on(hits, listed), [(h.name, h.score) for h in flagged(sdn_index, query, country)]


@pytest.mark.parametrize(("query", "listed"), [
    ("刘洋, 成都", "Sharon Yang"),  # R21-103: the given name alone, an entry of no stated kind
    ("刘洋, 成都", "Chengdu Xiwu Security System Alliance Co., Ltd."),  # a person's name against a company's
    ("杨建华, 武汉", "Advantage Trading Company Limited"),  # R21-108: a.k.a. 'Jin Ying Trading Co., Ltd.'
    ("李芳，杭州", "Fang Yu"),  # R22-44
    ("Wu Wei, Suzhou", "Huawei Technical Service Co., Ltd."),  # R21-109: wei of 华为 and wu of 服务
    ("顺丰速运有限公司, 深圳", "Anhui Sun-Create Electronics"),  # R21-98: shun~sun by sound
    ("内蒙古伊利实业集团股份有限公司, 呼和浩特", "Inner Mongolia First Machinery Group Co., Ltd."),  # R21-95
    ("中国人民大学", "Harbin Engineering University"),  # R21c-11: 大学 only
    ("中国人民大学", "Air Force Engineering University"),
    ("中国农业大学", "Harbin Engineering University"),  # R21c-13: nong~eng by sound
    ("中国农业大学", "Air Force Engineering University"),
])
def test_no_possible_match_on_another_party_el(el_index: ScreeningIndex, query: str, listed: str) -> None:
    hits = flagged(el_index, query, "CN")
    assert not on(hits, listed), on(hits, listed)


@pytest.mark.parametrize(("query", "listed"), [
    ("华为技术服务有限公司", "Huawei Technical Service Co., Ltd."),
    ("内蒙古第一机械集团股份有限公司", "Inner Mongolia First Machinery Group Co., Ltd."),
    ("哈尔滨工程大学", "Harbin Engineering University"),
    ("Harbin Engineering University", "Harbin Engineering University"),
    ("Anhui Sun-Create Electronics", "Anhui Sun-Create Electronics"),
    ("Sharon Yang", "Sharon Yang"),
    ("Fang Yu", "Fang Yu"),
])
def test_the_listed_parties_are_still_found(el_index: ScreeningIndex, query: str, listed: str) -> None:
    assert on(flagged(el_index, query, "CN"), listed)


@pytest.mark.parametrize(("a", "b", "person"), [
    # the Latin name may translate what the characters write: a city agreeing, a number kept
    ("南京理工大学", "Nanjing University of Science and Technology", False),
    ("中国电子科技集团公司第十四研究所", "China Electronics Technology Group Corporation 14th Research Institute",
     False),
    ("北京航空航天大学", "Beihang University", False),
    # a pet name is the given name spelt otherwise, not a part of its own
    ("Sasha Ivanov", "IVANOV, Aleksandr", True),
    ("Миша Петров", "PETROV, Mikhail", True),
    # a surname in another romanisation (Cantonese, Hokkien) may be the characters' surname
    ("刘洋", "LAU, Yeung", True),
    ("陈明", "TAN, Ming", True),
])
def test_what_may_be_the_same_party_is_still_reviewed(a: str, b: str, person: bool) -> None:
    from clearance.screening.registry import get_algorithm
    from clearance.screening.screen import compare

    algo = get_algorithm(V3)
    assert algo.thresholds.decide(compare(a, b, person=person, algorithm=V3).score) in FLAGGED
