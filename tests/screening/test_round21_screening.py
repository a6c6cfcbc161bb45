"""Screening fixes of adversarial round 21 (tests/rules/adversary_round21.yaml): listed Chinese parties written in
their registered Chinese names, which the lists do not carry, found through the shipped alias table
(bench/screening/alias_table.py, CURATED; clearance/resources/aliases.csv 2026-12-03.2) on the real rows of the lists
a determination screens.

- R21-75: the Entity List's Hangzhou Hikmicro Sensing Technology Co. as 杭州海康微影传感科技有限公司 screened CLEAR;
- R21-78: the Entity List's CCCC Dredging (Group) as 中交疏浚（集团）股份有限公司 screened CLEAR;
- and, found only by noise in the round's run, the CSSC 725th Research Institute as 洛阳船舶材料研究所 and the Northern
  IC Technology Innovation Center as 北方集成电路技术创新中心（北京）有限公司.
"""

from __future__ import annotations

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.screen import screen
from clearance.sources.aliases import shipped

V3 = "clearance-name@3"


@pytest.fixture(scope="module")
def el_index(el_entities: list[Entity]) -> ScreeningIndex:
    return build_index(el_entities, aliases=[r.extra_name() for r in shipped()])


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
