"""A brand spelt alike and a description of the trade are not the listed party (session 7, adversarial rounds 5 and 6:
R5-75, R5-33, R6-54; R4-22's 'US CPU vendor' / SDN 'EP-CPU' stays CLEAR). Real list rows: the Entity List's 'Daesung
International Trading', the Denied Persons List's 'BAO AN CORPORATION' (read through the term table as "security co":
保安, bao an, is "security"), the SDN List's 'FIZA GOLD AND DIAMOND JEWELLERY L.L.C'. Each pair was a POSSIBLE (a
needless CANNOT_CLEAR of the order) and is now below the reporting floor; the listed names written with a typo, a legal
form or an abbreviation stay found."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Query
from clearance.screening.screen import compare, screen
from clearance.sources import dpl

V3 = "clearance-name@3"
FLOOR = 0.5


@pytest.mark.parametrize(("query", "listed"), [
    # R5-75: a brand one letter off, the other words different: another Korean company
    ("Daesang Corporation", "Daesung International Trading"),
    # R5-33: two descriptions made of organisation terms that differ in one ("research")
    ("US security research firm", "BAO AN CORPORATION"),
    # R6-54: a description of the trade ("diamond jewellers", almaz = diamond) inside a brand's name
    ("Almaz Jewellers LLC", "FIZA GOLD AND DIAMOND JEWELLERY L.L.C"),
    ("US CPU vendor", "EP-CPU"),
])
def test_below_the_reporting_floor(query: str, listed: str) -> None:
    m = compare(query, listed, algorithm=V3)
    assert m.score < FLOOR, (m.score, [f.detail for f in m.features])


@pytest.mark.parametrize(("query", "listed", "least"), [
    ("Daesang International Trading", "Daesung International Trading", FLOOR),  # misspelt, the other words kept
    ("Daesung Intl Trading Co., Ltd.", "Daesung International Trading", 0.7),
    ("Rosoboronexprt Trading", "Rosoboronexport", FLOOR),  # a typo in a long brand is no other brand
    ("SMET Trading", "SMIT Group", FLOOR),  # a one-word listed name misspelt, one word added: reviewed
    ("Bao An Corp", "BAO AN CORPORATION", 0.7),
    ("Fiza Gold & Diamond Jewellery LLC", "FIZA GOLD AND DIAMOND JEWELLERY L.L.C", 0.7),
    ("Huawei", "Huawei Technologies Co., Ltd.", FLOOR),  # a brand common in the lists is still a brand
    ("Security Research Company", "Security Research Corp.", 0.7),  # the same words, another legal form
])
def test_the_listed_party_is_still_found(query: str, listed: str, least: float) -> None:
    m = compare(query, listed, algorithm=V3)
    assert m.score >= least, (m.score, [f.detail for f in m.features])


@pytest.fixture(scope="module")
def el_dpl_index(el_entities: list[Entity], data_dir: Path) -> ScreeningIndex:
    rows: list[Entity] = []
    for pl in dpl.PARSER.parse((data_dir / "us_bis" / "dpl_2023-11-30.txt",)):
        rows.extend(pl.entities)
    return build_index([*el_entities, *rows])


@pytest.mark.parametrize(("line", "country", "listed"), [
    ("Daesang Corporation, Seoul", "KR", "Daesung International Trading"),  # R5-75 as the order writes it
    ("US security research firm", "US", "BAO AN CORPORATION"),  # R5-33
])
def test_no_possible_match_on_the_lists(el_dpl_index: ScreeningIndex, line: str, country: str, listed: str) -> None:
    found = screen(Query(line, country), el_dpl_index, algorithm=V3, limit=10).hits
    assert not [h for h in found if h.name.upper() == listed.upper()], [(h.name, h.score) for h in found[:5]]


@pytest.mark.parametrize(("line", "country", "listed"), [
    ("Daesung International Trading Co., Ltd., 716 Sangdong-ro, Gimhae", "KR", "Daesung International Trading"),
    ("Bao An Corp., Flushing NY", "US", "BAO AN CORPORATION"),
])
def test_the_listed_line_is_a_hit(el_dpl_index: ScreeningIndex, line: str, country: str, listed: str) -> None:
    found = screen(Query(line, country), el_dpl_index, algorithm=V3, limit=10).hits
    assert [h for h in found if h.name.upper() == listed.upper() and h.score >= 0.7], [(h.name, h.score)
                                                                                       for h in found[:5]]
