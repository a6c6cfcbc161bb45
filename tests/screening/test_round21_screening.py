"""Screening fixes of adversarial round 21 (tests/rules/adversary_round21.yaml): listed Chinese parties written in
their registered Chinese names, which the lists do not carry, found through the shipped alias table
(bench/screening/alias_table.py, CURATED; clearance/resources/aliases.csv from 2026-12-03.2) on the real rows of the
lists a determination screens.

- R21-75: the Entity List's Hangzhou Hikmicro Sensing Technology Co. as 杭州海康微影传感科技有限公司 screened CLEAR;
- R21-78: the Entity List's CCCC Dredging (Group) as 中交疏浚（集团）股份有限公司 screened CLEAR;
- and, found only by noise in the round's run, the CSSC 725th Research Institute as 洛阳船舶材料研究所 and the Northern
  IC Technology Innovation Center as 北方集成电路技术创新中心（北京）有限公司.
"""

from __future__ import annotations

import pytest

from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.screen import screen

V3 = "clearance-name@3"


def top(index: ScreeningIndex, name: str) -> Hit | None:
    found = list(screen(Query(name, "CN"), index, algorithm=V3, limit=5).hits)
    return found[0] if found else None


@pytest.mark.parametrize(("query", "listed"), [
    ("杭州海康微影传感科技有限公司", "Hangzhou Hikmicro Sensing Technology Co."),
    ("中交疏浚（集团）股份有限公司", "China Communications Construction Company Dredging Group Co. Ltd."),
    ("中交疏浚(集团)股份有限公司", "China Communications Construction Company Dredging Group Co. Ltd."),
    ("洛阳船舶材料研究所", "China State Shipbuilding Corporation, Limited (CSSC) 725th Research Institute"),
    ("北方集成电路技术创新中心（北京）有限公司",
     "Northern Integrated Circuit Technology Innovation Center (Beijing) Co., Ltd."),
])
def test_a_listed_chinese_party_in_its_registered_chinese_name_is_found(el_index: ScreeningIndex, query: str,
                                                                        listed: str) -> None:
    hit = top(el_index, query)
    assert hit is not None and hit.decision is Decision.HIT and hit.name == listed, hit


def test_the_sister_company_stays_apart(el_index: ScreeningIndex) -> None:
    """Hikvision's registered name is still Hikvision's, not Hikmicro's (both are on the Entity List)."""
    hit = top(el_index, "杭州海康威视数字技术股份有限公司")
    assert hit is not None and hit.decision is Decision.HIT and "Hikvision" in hit.name, hit


@pytest.mark.parametrize("query", ["杨建华", "杨建华, 武汉", "杨建华，武汉"])
def test_a_chinese_name_in_characters_is_not_another_surname_and_given_name(sdn_index: ScreeningIndex,
                                                                            query: str) -> None:
    """R21-108: 杨建华 (Yang Jianhua), with or without a town after a comma, was a 0.98 HIT on SDN 'HONG, Jinhua'
    (yang~hong and jianhua~jinhua by their sounds) and answered PROHIBITED: neither part agrees."""
    found = list(screen(Query(query, "CN"), sdn_index, algorithm=V3, limit=20).hits)
    assert not [h for h in found if h.decision is Decision.HIT], [(h.matched_name, h.score) for h in found]


def test_the_same_name_and_a_cantonese_spelling_are_still_compared() -> None:
    """The guard needs every Latin word to read as Chinese syllables and neither part to agree: the same name in
    pinyin stays a near-certain match, and a Cantonese spelling (YEUNG, Kin Wah) is left to the comparison of sounds."""
    from clearance.screening.registry import get_algorithm
    from clearance.screening.screen import compare

    algo = get_algorithm(V3)

    def decided(a: str, b: str) -> Decision:
        return algo.thresholds.decide(compare(a, b, person=True, algorithm=V3).score)

    assert decided("杨建华", "YANG, Jianhua") is Decision.HIT
    assert decided("杨建华", "HONG, Jinhua") is Decision.CLEAR
    assert decided("杨建华", "YEUNG, Kin Wah") is not Decision.CLEAR


def test_bgi_forensic_in_chinese_is_its_own_entry(el_index: ScreeningIndex) -> None:
    """R21-77: 深圳华大法医科技有限公司 was a 0.87 HIT on another Huada ('Shenzhen Huada Jiutianke'), its own entry
    (Forensic Genomics International, a.k.a. Shenzhen Huada Forensic Technology) lower: the basis would cite the
    wrong listing."""
    hit = top(el_index, "深圳华大法医科技有限公司")
    assert hit is not None and hit.decision is Decision.HIT and hit.name == "Forensic Genomics International", hit
