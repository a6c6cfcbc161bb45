"""The Wade-Giles syllable table (clearance/text/wade_giles.yml) and the pinyin readings of names written in it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from clearance.text.wade_giles import pinyin_readings, table

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_table_is_what_the_generator_makes() -> None:
    spec = importlib.util.spec_from_file_location("gen_wade_giles", ROOT / "tools" / "gen_wade_giles.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_wade_giles"] = gen
    spec.loader.exec_module(gen)
    assert gen.render() == (ROOT / "clearance" / "text" / "wade_giles.yml").read_text(encoding="utf-8")


def test_the_table_holds_the_conversion_tables_correspondences() -> None:
    """Facts of the public conversion table: unaspirated k, ch, ts, t, p are pinyin g, zh / j, z, d, b; aspiration
    marks are dropped as names drop them (so 'kuang' is guang or kuang); hs is x, j is r, -ih is -i."""
    t = table()
    assert t["kuang"] == ("guang", "kuang")
    assert set(t["chu"]) == {"zhu", "chu", "ju", "qu"}
    assert t["hsin"] == ("xin",) and t["jen"] == ("ren",) and t["shih"] == ("shi",)
    assert "zi" in t["tzu"] and "ci" in t["tzu"]
    assert "su" not in t  # spelt as pinyin spells it: not listed


@pytest.mark.parametrize(("name", "readings"), [
    ("Kuang-Su Corporation", ["Guangsu Corporation"]),
    ("Hsin-Chu Science Park", ["Xinju Science Park", "Xinqu Science Park", "Xinzhu Science Park",
                               "Xinchu Science Park"]),
    ("Chung-Shan Institute", ["Chongshan Institute", "Zhongshan Institute"]),
    ("Al-Qaida", []),  # not syllables
    ("Hai-Tech Co", []),  # 'tech' is no syllable
    ("Huawei Technologies", []),  # no hyphenated run
    ("Shan-Dong Co", []),  # syllables read as themselves
])
def test_pinyin_readings_of_hyphenated_wade_giles_runs(name: str, readings: list[str]) -> None:
    assert pinyin_readings(name) == readings
