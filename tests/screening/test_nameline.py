"""A name line that ends with an address is also screened without it (clearance/screening/nameline.py)."""

from __future__ import annotations

import pytest

from clearance.screening.nameline import is_acronym_of, name_without_address, read_name_line


@pytest.mark.parametrize(("line", "name"), [
    ("Cambricon (Hong Kong) Co Ltd, Wan Chai", "Cambricon (Hong Kong) Co Ltd"),
    ("Peaktek Co Ltd - Chatham Road South, Kowloon", "Peaktek Co Ltd"),
    ("Tako LLC, Garegin Nzhdeh Street, Shengavit", "Tako LLC"),
    ("Shuttle Long Co Ltd, 12 Kwai Fung Crescent", "Shuttle Long Co Ltd"),
    ("Huawei Technologies Co., Ltd., Bantian, Longgang", None),  # 'Bantian, Longgang': no place this table knows
    ("Huawei Technologies Co., Ltd.", None),  # a legal form after a comma is part of the name
    ("Tactical Missile Corporation, Smolensk Aviation Plant", None),  # a place inside the name's own words
    ("Second Institute of Oceanography, MNR", None),
    ("Acme GmbH", None),
])
def test_the_name_before_a_trailing_address(line: str, name: str | None) -> None:
    assert name_without_address(line) == name


@pytest.mark.parametrize(("line", "name", "set_aside"), [
    # R4-92: a Macau street written in Portuguese
    ("Novo Blockchain Consultoria Limitada, Avenida da Praia Grande", "Novo Blockchain Consultoria Limitada",
     (("address", "Avenida da Praia Grande"),)),
    # R4-55: the institute's acronym before its name, and the city after it
    ("AIRCAS - Aerospace Information Research Institute, Chinese Academy of Sciences, Beijing",
     "Aerospace Information Research Institute, Chinese Academy of Sciences",
     (("acronym", "AIRCAS"), ("address", "Beijing"))),
    ("BUAA - Beijing University of Aeronautics and Astronautics", "Beijing University of Aeronautics and Astronautics",
     (("acronym", "BUAA"),)),
    # the name and what is set aside as the line writes them ("Co.,Ltd." stays as written)
    # (and a leading city before a brand: R10-39)
    ("Shenzhen Foo Co.,Ltd, Room 5, Nanshan", "Foo Co.,Ltd", (("place", "Shenzhen"), ("address", "Room 5, Nanshan"))),
    ("SHENZHEN KUANGCHI GROUP", "KUANGCHI GROUP", (("place", "SHENZHEN"),)),
    ("Hong Kong Kuangchi Ltd", "Kuangchi Ltd", (("place", "Hong Kong"),)),
    # R10-70: a town after the Arabic comma, in Arabic script or romanised
    ("شركة المتفق التجارية، بوصاصو", "شركة المتفق التجارية", (("address", "بوصاصو"),)),
    ("Sharikat al-Mutafaq al-Tijariya, Bosaso", "Sharikat al-Mutafaq al-Tijariya", (("address", "Bosaso"),)),
    ("Huawei Technologies Co.,Ltd., Wan Chai", "Huawei Technologies Co.,Ltd.", (("address", "Wan Chai"),)),
    # an office description that begins inside a parenthesis the line closes later (the UVL's Conduit
    # Technologies, adversarial R25-56: the cut left "(Viman Nagar" in the name, a 0.69 POSSIBLE)
    ("Conduit Technologies Pvt. Ltd. (Viman Nagar office), Pune", "Conduit Technologies Pvt. Ltd.",
     (("address", "Viman Nagar office), Pune"),)),
])
def test_a_name_line_read_without_acronym_and_address(line: str, name: str,
                                                      set_aside: tuple[tuple[str, str], ...]) -> None:
    reading = read_name_line(line)
    assert reading is not None and (reading.name, reading.set_aside) == (name, set_aside)
    for _, text in set_aside:
        assert text in line  # quoted as written


@pytest.mark.parametrize("line", [
    "Rostec - Rostekh Corp",  # a first word that is no acronym of the rest
    "Alpha - Beta Gamma",
    "Huawei Technologies Co., Ltd.",
])
def test_no_acronym_or_address_to_set_aside(line: str) -> None:
    assert read_name_line(line) is None


def test_an_acronym_with_words_left_over_is_not_set_aside() -> None:
    """The branch words are set aside (session 6, trail6), never the acronym before words that do not spell it."""
    reading = read_name_line("ZTE - Zhongxing Telecommunication Equipment Corporation Shenzhen Branch Office")
    assert reading is None or reading.name.startswith("ZTE - Zhongxing")


AIRCAS_WORDS = ["aerospace", "information", "research", "institute", "chinese", "academy", "of", "sciences"]


def test_acronym_letters_in_order() -> None:
    assert is_acronym_of("aircas", AIRCAS_WORDS)
    assert not is_acronym_of("casair", AIRCAS_WORDS)
    assert not is_acronym_of("ab", ["alpha", "beta"])  # too short to say anything


@pytest.mark.parametrize(("line", "name"), [
    # R5-58: a US street, city and state after the name
    ("InfoCom Corp., 630 International Pkwy, Richardson TX", "InfoCom Corp."),
    ("Acme Widgets Inc, Dallas, Texas", "Acme Widgets Inc"),
    ("Acme Widgets Inc, Dallas, TX", "Acme Widgets Inc"),
])
def test_a_us_address_after_the_name(line: str, name: str) -> None:
    reading = read_name_line(line)
    assert reading is not None and reading.name == name


@pytest.mark.parametrize(("line", "country"), [
    ("SHENZHEN KUANGCHI GROUP", "US"),  # a city of another country than the party's
    ("Nanjing University of Aeronautics and Astronautics", "CN"),  # no brand after the city
    ("Harbin Institute of Technology", None),
    ("Shenzhen Huawei", "CN"),  # nothing after the brand
    ("Moscow Kuangchi", None),
])
def test_a_leading_city_stays_unless_a_brand_follows(line: str, country: str | None) -> None:
    reading = read_name_line(line, country)
    assert reading is None or not any(kind == "place" for kind, _ in reading.set_aside), reading
