"""German and French spellings of Russian names respelt the English way (clearance.text.romanise)."""

from __future__ import annotations

import pytest

from clearance.text.romanise import respellings


@pytest.mark.parametrize(("written", "respelt"), [
    ("Tschkalow Novosibirsk Aviation Plant", "Chkalov Novosibirsk Aviation Plant"),
    ("Sergej Tschemesow", "Sergey Chemezov"),
    ("AO PO Sewmasch, Sewerodwinsk", "AO PO Sevmash, Severodvinsk"),
    ("Aleksej Mordaschow", "Aleksey Mordashov"),
    ("Jurij Schewtschenko", "Yuriy Shevchenko"),
    ("Complexe aéronautique Iliouchine", "Complexe aeronautique Iliushin"),
    ("Evgueni Prigojine", "Evgeni Prigozhin"),
    ("URALWAGONSAWOD", "URALVAGONSAVOD"),
])
def test_german_and_french_spellings_are_respelt(written: str, respelt: str) -> None:
    assert respelt in respellings(written)


@pytest.mark.parametrize("name", ["Power Network Schools Ltd", "Huawei Technologies", "Wuhan Weixin", "Hamburg Süd",
                                  "Chkalov Novosibirsk Aviation Plant", "Shenzhen Jiawei"])
def test_english_words_places_pinyin_and_english_spellings_stay(name: str) -> None:
    assert respellings(name) == []
