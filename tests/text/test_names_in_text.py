"""Names in an order's free text worth screening as a party (clearance/text/names_in_text.py; adversarial R8-41)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.text.names_in_text import MAX_SPANS, name_spans


@pytest.mark.parametrize(("text", "spans"), [
    ("custom aluminium test fixtures machined to drawings from Beihang University for its wind tunnel",
     ["Beihang University"]),
    ("for the Harbin Institute of Technology lab", ["Harbin Institute of Technology"]),
    ("Huawei Technologies Co., Ltd. routers. Ministry of Defence of the Russian Federation units",
     ["Huawei Technologies Co", "Ministry of Defence of the Russian Federation"]),
    ("山东华光光电子股份有限公司 lasers", ["山东华光光电子股份有限公司"]),
    ("Spare parts for Huawei base stations, XC7K325T FPGAs", ["Huawei"]),
])
def test_names_found(text: str, spans: list[str]) -> None:
    assert name_spans(text) == spans


@pytest.mark.parametrize("text", [
    "Custom aluminium fixtures",  # an English word capitalised at a sentence's start
    "EAR99 DRAM memory integrated circuits, HTS 8542.32",  # codes and short acronyms
    "radiation-tolerant ICs of 3A001.a.2",  # a plural acronym: ICs is not ICS (an Entity List institute's acronym)
    "Chinese-made smartphones (5A992.c), routed Shenzhen - Los Angeles (in transit through the United States) - Havana",
    "thermal camera cores released by Note 3.a to 6A003.b.4",  # R11-02: the regulation's words ('Note' ~ 'NOVE')
    "mass-market encryption of Note 3 to Category 5, Part 2; see the Technical Note",  # R11-60
    "",
])
def test_no_names(text: str) -> None:
    assert name_spans(text) == []


def test_the_parties_own_names_are_left_out() -> None:
    text = "machined to drawings from Beihang University for its wind tunnel"
    assert name_spans(text, known=["Beihang University (BUAA)"]) == []


@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    spans = name_spans(text)
    assert len(spans) <= MAX_SPANS and len(set(spans)) == len(spans)
    assert all(s and s == s.strip() for s in spans)


@pytest.mark.parametrize(("text", "span"), [
    ("for the polymer labs of sichuan university", "sichuan university"),  # lower case (R9-21)
    ("parts for the university of electronic science and technology of china",
     "university of electronic science and technology of china"),
    ("for the NUDT supercomputer centre", "NUDT"),  # an acronym that is no technology term (R9-22)
])
def test_lower_case_names_and_acronyms(text: str, span: str) -> None:
    assert span in name_spans(text)


@pytest.mark.parametrize("text", [
    "torsion-bar suspension parts (ECCN 0A606.x) made in Changwon with production technology licensed from a US "
    "vehicle maker (0E606)",  # adversarial R10-02: a Korean city is no party
    "modular plastic conveyor belts for the new assembly line in Hwaseong",  # R10-60
    "trays made in Busan, Korea",
])
def test_cities_are_no_names(text: str) -> None:
    assert name_spans(text) == []


def test_vessel_numbers_and_registrations_are_found_in_free_text() -> None:
    from clearance.text.names_in_text import craft_identifiers

    assert craft_identifiers("pump spares for M/T ANATOLY KOLODKIN (IMO 9610808), Fujairah") == ["9610808"]
    assert craft_identifiers("Master of vessel IMO No. 9610808; MMSI: 352003372") == ["9610808", "352003372"]
    assert craft_identifiers("cables for An-124 RA-82023 at Almaty") == ["RA-82023"]  # not the type 'An-124'
    assert craft_identifiers("5A992.c handsets, 8542.31, HS code 8471.30") == []
    assert craft_identifiers("") == []
