"""A Hong Kong or Chinese company named in Chinese characters (or in pinyin) with a common two-syllable brand, an
industry word and a legal form is no near-certain match of a listed name that merely shares syllables with it
(adversarial R43b-23, on the real lists; bench/screening/pinyin_brands.py measures the class):

- '恒通電子有限公司' (Hengtong Electronics, HK) / SDN 'HENG, Tong' (an entry of no stated kind in Cambodia, written as
  a person's name): the two syllables are the whole listed name, the characters add a trade word: a person reviews
  (``algorithm3._syllable_name_inside``; in Latin letters ``_org_agreement_guards``);
- / SDN 'HONG KONG ELECTRONICS' (Iran): "heng" of 恒 matched "hong" by its consonants, another pinyin syllable
  (``_other_syllable``), while the names joined agreed in all but two letters (``_unseen``);
- 鑫美 ("xin mei") / Entity List 'Mei Xin Electronic (HK) Co., Limited': the brand's syllables in another order
  (``_syllables_reordered``);
- 源海 ("yuan hai") / Entity List 'Huahai Communication International': a pinyin word joined to syllables it does
  not spell letter for letter (``_other_pinyin``, ``_han_brand_unshared``).

Listed Chinese companies written in characters or pinyin are still found.
"""

from __future__ import annotations

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen
from clearance.sources.aliases import shipped

V3 = "clearance-name@3"
NEAR_CERTAIN = 0.95


@pytest.fixture(scope="module")
def el_sdn(el_entities: list[Entity], sdn_entities: list[Entity]) -> ScreeningIndex:
    return build_index([*el_entities, *sdn_entities], aliases=[r.extra_name() for r in shipped()])


def _on(index: ScreeningIndex, name: str, country: str | None, listed: str) -> tuple[float, Decision]:
    """The best score and decision of the entries whose matched name is ``listed``."""
    hits = [h for h in screen(Query(name, country), index, algorithm=V3).hits if h.matched_name == listed]
    return max(((h.score, h.decision) for h in hits), default=(0.0, Decision.CLEAR))


@pytest.mark.parametrize(("name", "country", "listed"), [
    ("恒通電子有限公司", "HK", "HENG, Tong"),
    ("Heng Tong Electronics Limited", "HK", "HENG, Tong"),
    ("恒通電子有限公司", "HK", "HONG KONG ELECTRONICS"),
    ("恒通電子有限公司", "HK", "TONG HUNG 1"),
    ("鑫美电子股份有限公司", "CN", "Mei Xin Electronic (HK) Co., Limited"),
    ("鑫永机械集团有限公司", "CN", "YONG XIN"),
    ("金東貿易股份有限公司", "HK", "JIN TENG"),
    ("新鸿投资有限公司", "CN", "HONG XUN"),
    ("源海通讯股份有限公司", "CN", "Huahai Communication International Co., Ltd."),
    ("威成電子有限公司", "HK", "Heiheng Electronics"),
])
def test_a_brand_of_common_syllables_is_no_hit(el_sdn: ScreeningIndex, name: str, country: str, listed: str) -> None:
    score, decision = _on(el_sdn, name, country, listed)
    assert decision is not Decision.HIT and score < 0.7, (name, listed, score)


@pytest.mark.parametrize(("name", "country", "listed"), [
    ("华海通讯国际有限公司", "HK", "Huahai Communication International Co., Ltd."),
    ("Mei Xin Electronic (HK) Co., Limited", "HK", "Mei Xin Electronic (HK) Co., Limited"),
    ("Huahai Communication International Co Ltd", "HK", "Huahai Communication International Co., Ltd."),
])
def test_the_listed_company_is_still_found(el_sdn: ScreeningIndex, name: str, country: str, listed: str) -> None:
    score, decision = _on(el_sdn, name, country, listed)
    assert decision is Decision.HIT and score >= NEAR_CERTAIN, (name, listed, score)


def test_the_syllables_alone_still_found(el_sdn: ScreeningIndex) -> None:
    # the listed name written in characters, nothing added: still a HIT; with a trade word added and no country
    # given, reviewed (a company named with the same two syllables, or the listed party's); with the country in
    # conflict as well, below review, as a listed name of one word inside a longer name is
    assert _on(el_sdn, "恒通", "KH", "HENG, Tong")[1] is Decision.HIT
    score, decision = _on(el_sdn, "恒通電子有限公司", None, "HENG, Tong")
    assert decision is Decision.POSSIBLE, score
