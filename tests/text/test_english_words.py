"""The vocabulary an end use is read against (clearance/text/english.py): the shipped word list is what its
generator makes, and words of other languages, scripts and unknown terms are reported, English ones are not."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.text.english import english_words, unread_words

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_word_list_is_what_the_generator_makes(data_dir: Path) -> None:
    pytest.importorskip("spellchecker")
    spec = importlib.util.spec_from_file_location("gen_english_words", ROOT / "tools" / "gen_english_words.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_english_words"] = gen
    spec.loader.exec_module(gen)
    shipped = (ROOT / "clearance" / "resources" / "english_words.txt.gz").read_bytes()
    assert gen.build(data_dir / "ear") == shipped
    assert len(gzip.decompress(shipped).split()) > 100_000


@pytest.mark.parametrize(("text", "unread"), [
    ("Feuerleitrechner der Kampfpanzer der Volksbefreiungsarmee",
     ["Feuerleitrechner", "Kampfpanzer", "Volksbefreiungsarmee"]),
    ("PLA火箭军导弹制导", ["PLA火箭军导弹制导"]),  # another script is never read (PLA is a red flag of its own)
    ("для Вооружённых сил", ["для", "Вооружённых", "сил"]),
    ("Policía Nacional Bolivariana", ["Policía", "Nacional", "Bolivariana"]),
    ("hot cells of a PUREX spent-fuel line", ["PUREX"]),
    ("A-234 (Novichok) synthesis", ["Novichok"]),  # "A-234" has a digit: a designator, not a word
    ("civil smartphone production (no military end use known)", []),
    ("armoured personnel carriers programme at the organisation's centre", []),  # British spellings
    ("data-centre servers for an e-commerce platform in Shenzhen", []),  # a place name
    ("rotor housings for gas ultracentrifuges", []),  # a word of the regulation text
    ("5G base stations and LTE small cells", []),
])
def test_unread_words(text: str, unread: list[str]) -> None:
    assert unread_words(text) == unread


def test_the_order_s_own_names_are_read() -> None:
    assert unread_words("spares for the Kaixin Zhineng line") == ["Kaixin", "Zhineng"]
    assert unread_words("spares for the Kaixin Zhineng line", ["Shenzhen Kaixin Zhineng Co., Ltd."]) == []


@given(st.text(max_size=200))
def test_any_text_is_read_or_reported(text: str) -> None:
    words = unread_words(text)
    assert len(words) <= 12 and all(w in text for w in words)
    assert "the" in english_words()
