"""A name line that ends with an address is also screened without it (clearance/screening/nameline.py)."""

from __future__ import annotations

import pytest

from clearance.screening.nameline import name_without_address


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
