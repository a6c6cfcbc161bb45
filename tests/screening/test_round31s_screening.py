"""Listed parties written as round 31 of the adversarial review found them screened CLEAR
(tests/rules/adversary_round31*.yaml, FALSE_CLEARS of tests/workflows/test_adversary_cases.py), each kind fixed by a
general rule and checked here on real list rows (Entity List 2025-11-08 with the shipped alias table, SDN List
2024-05-03, MEU List 2023-11-30). The queries are not the round's own lines: the same kind on the same or another
listed party, written otherwise.

- where the party is, after its name: a Russian town head word ("г. Бишкек"), a French office in a city written in
  French ("bureau de Beyrouth"), an Arabic regional office ("المكتب الإقليمي"); and an address written before the
  name ("No. 16 Feiyun Road, ... - Kingsemi Co., Ltd.");
- abbreviations of several words ("UAV") and initials read only with their points ("M.E.");
- syllables written together that the list writes apart where a term table reads one of them ("Yunlida" / "Yun Li
  Da", whose "Yun" is read 云 cloud);
- names of China's great rivers in English and in pinyin ("Yangtze River" / "Changjiang"), the adjectives of Moscow
  and Saint Petersburg and German words of a Russian party's name ("Moskauer Zentrum für ... Technologien");
- Arabic طيران X, an airline's name ("X Air");
- a registered name in the alias table (the MEU List's Shenyang Aircraft Corporation, the Entity List's
  Belmicrosystems in Russian);
- a listed name's own initials in parentheses before its legal form ("Petersburg Electronic Company (PEC), LLC"),
  read without them as when they end the name;
- a person's name in Wade-Giles syllables ("LIN Hsien-fa"): a possible match a person reviews, never a HIT alone.
And the hard negatives the new rules must leave alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.nameline import leading_address_reading, read_name_line
from clearance.screening.prepared import without_inner_initials
from clearance.screening.screen import compare, screen
from clearance.sources import csl
from clearance.sources.aliases import shipped

V3 = "clearance-name@3"


@pytest.fixture(scope="module")
def el_sdn_index(el_entities: list[Entity], sdn_entities: list[Entity]) -> ScreeningIndex:
    return build_index([*el_entities, *sdn_entities], aliases=[r.extra_name() for r in shipped()])


@pytest.fixture(scope="module")
def meu_index(data_dir: Path) -> ScreeningIndex:
    ents: list[Entity] = []
    for pl in csl.PARSER.parse((data_dir / "us_bis" / "meu_from_csl_subset_2023-11-30.csv",)):
        ents.extend(pl.entities)
    return build_index(ents, aliases=[r.extra_name() for r in shipped()])


def hits_on(index: ScreeningIndex, name: str, country: str, listed: str) -> list[Hit]:
    return [h for h in screen(Query(name, country), index, algorithm=V3, limit=20).hits if h.name == listed]


def decision_on(index: ScreeningIndex, name: str, country: str, listed: str) -> Decision:
    found = hits_on(index, name, country, listed)
    return max((h.decision for h in found), key=[Decision.CLEAR, Decision.POSSIBLE, Decision.HIT].index,
               default=Decision.CLEAR)


@pytest.mark.parametrize(("query", "country", "listed"), [
    # a Russian town head word before the town, a town no table holds
    ("ОсОО «Профлаб», г. Кант", "KG", "Profflab LLC"),
    ("Profflab OSOO, g. Bishkek", "KG", "Profflab LLC"),
    # a French office in a city written in French
    ("Centre d'Etudes et de Recherches Scientifiques, bureau de Damas", "SY",
     "Scientific Studies and Research Center (SSRC)"),
    # an address before the name
    ("No. 16 Feiyun Road, Hunnan District - Shenyang Kingsemi Microelectronics Equipment Co., Ltd.", "CN",
     "Shenyang Xinyuan Microelectronic Equipment Co., Ltd."),
    ("Room 1, Building 2, No. 509 Xianfeng Road - Harbin Yun Li Da Technology and Development Co., Ltd.", "CN",
     "Harbin Yun Li Da Technology and Development Co., Ltd."),
    # initials of several words; initials read with their points
    ("Aeromotus UAV Trading LLC", "AE", "AEROMOTUS UNMANNED AERIAL VEHICLES TRADING LLC"),
    ("Euromoto M.E. FZE", "AE", "Euromoto Middle East FZE"),
    # syllables written together, one of which a term table reads (yun: 云 cloud)
    ("Harbin Yunlida Technology & Development Co., Ltd.", "CN",
     "Harbin Yun Li Da Technology and Development Co., Ltd."),
    # rivers, place adjectives and German words of a Russian name
    ("Yangtze River Storage Tech Co Ltd", "CN", "Yangtze Memory Technologies Co., Ltd."),
    ("Moskauer Zentrum für SPARC-Technologien", "RU", "JSC MOSCOW CENTER OF SPARC TECHNOLOGIES"),
    # a Russian name romanised, whose listed English name carries its own initials before the legal form
    ("OOO Peterburgskaya Elektronnaya Kompaniya", "RU", "Petersburg Electronic Company (PEC), LLC"),
    # a registered name in Russian from the alias table (НТЦ: научно-технический центр)
    ("Научно-технический центр «Белмикросистемы», Минск", "BY", "Belmicrosystems Research and Design Center"),
    # an airline in Arabic, with its regional office
    ("طيران ماهان - المكتب الإقليمي", "AE", "MAHAN AIR"),
])
def test_a_listed_party_written_so_is_a_hit(el_sdn_index: ScreeningIndex, query: str, country: str,
                                            listed: str) -> None:
    assert decision_on(el_sdn_index, query, country, listed) is Decision.HIT, hits_on(el_sdn_index, query, country,
                                                                                      listed)


def test_a_registered_name_of_the_alias_table_is_a_hit(meu_index: ScreeningIndex) -> None:
    listed = "Shenyang Aircraft Corporation"
    assert decision_on(meu_index, "Shenyang Aircraft Industry (Group) Co., Ltd.", "CN", listed) is Decision.HIT
    assert decision_on(meu_index, "沈阳飞机工业（集团）有限公司", "CN", listed) is Decision.HIT
    # another Shenyang aircraft works is not it
    assert decision_on(meu_index, "Shenyang Aircraft Design Institute", "CN", listed) is not Decision.HIT


def test_a_wade_giles_person_name_is_a_possible_match(el_sdn_index: ScreeningIndex) -> None:
    """The table makes the reading possible, not certain (the apostrophes of aspiration are dropped): a person
    reviews, as for the lists' own names read so."""
    assert decision_on(el_sdn_index, "Lin Hsien-fa", "CN", "Xianfa Lin") is Decision.POSSIBLE
    assert decision_on(el_sdn_index, "Lin Hsien", "CN", "Xianfa Lin") is not Decision.HIT


def test_a_listed_name_is_read_without_its_initials_before_its_legal_form() -> None:
    assert without_inner_initials("Petersburg Electronic Company (PEC), LLC") == "Petersburg Electronic Company, LLC"
    assert without_inner_initials("Foo Bar (XYZ), LLC") is None  # (not the initials of the name's words)
    assert without_inner_initials("Alpha Beta (AB) Trading LLC") is None  # (more than a legal form follows)


def test_readings_of_where_the_party_is() -> None:
    r = read_name_line("ОсОО «Профлаб», г. Бишкек", "KG")
    assert r is not None and r.name == "ОсОО «Профлаб»"
    r = read_name_line("No. 16 Feiyun Road, Hunnan District - Acme Trading Co., Ltd.", "CN")
    assert r is not None and r.name == "Acme Trading Co., Ltd."
    r = read_name_line("Centre d'Etudes et de Recherches Scientifiques, bureau de Damas", "SY")
    assert r is not None and r.name == "Centre d'Etudes et de Recherches Scientifiques"
    # 'Bureau' alone ends the names of Chinese engineering bureaus, another party than their group (bench set (b))
    assert read_name_line("China Communications Construction Company Guangzhou Kunpeng Bureau", "CN") is None
    # a leading segment that does not open as an address keeps the line as it is
    assert leading_address_reading("3M Company, Beijing Qihoo", "CN") is None
    assert leading_address_reading("Feiyun Road Trading Ltd, Hunnan", "CN") is None  # (one segment of a name)


@pytest.mark.parametrize(("a", "b", "at_most"), [
    # the river alone is no party: another firm of the Yangtze is another party
    ("Changjiang Securities Co., Ltd.", "Yangtze Memory Technologies Co., Ltd.", 0.69),
    ("Yangtze Optical Fibre and Cable Joint Stock Limited Company", "Yangtze Memory Technologies Co., Ltd.", 0.69),
    # a Moscow firm of the same trade is not the listed one
    ("Moskovskiy Zavod Elektronnykh Priborov", "Moscow Center of SPARC Technologies", 0.69),
    # "ME" without points is a word, not Middle East
    ("Euromoto Me FZE", "Euromoto Middle East FZE", 0.69),
    # the syllables as written agree, another brand does not
    ("Harbin Yunlong Technology and Development Co., Ltd.", "Harbin Yun Li Da Technology and Development Co., Ltd.",
     0.69),
])
def test_the_new_rules_make_no_near_certain_match_of_another_party(a: str, b: str, at_most: float) -> None:
    assert compare(a, b, algorithm=V3).score <= at_most
