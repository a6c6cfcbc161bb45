"""A Japanese name of an SDN party, which no list file carries, is found through the shipped alias table.

Adversarial case R3-41: 'YAMAGUCHI-GUMI' (SDN, [TCO]) typed as a Japanese customer writes it, 山口組, screened
CLEAR before the table had the row (the lists hold only the romanised name, and the pinyin of the kanji,
"shan kou zu", is no match for it).
"""

from __future__ import annotations

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen
from clearance.sources.aliases import shipped


@pytest.fixture(scope="module")
def sdn_with_aliases(sdn_entities: list[Entity]) -> ScreeningIndex:
    return build_index(sdn_entities, aliases=[r.extra_name() for r in shipped() if r.list_code == "sdn"])


@pytest.fixture(scope="module")
def sdn_plain(sdn_entities: list[Entity]) -> ScreeningIndex:
    return build_index(sdn_entities)


@pytest.mark.parametrize(("japanese", "listed"), [
    ("山口組", "YAMAGUCHI-GUMI"),
    ("六代目山口組", "YAMAGUCHI-GUMI"),
    ("神戸山口組", "KOBE YAMAGUCHI-GUMI"),
])
def test_a_japanese_name_finds_its_sdn_entry_through_the_alias_table(
    sdn_with_aliases: ScreeningIndex, sdn_plain: ScreeningIndex, japanese: str, listed: str
) -> None:
    result = screen(Query(japanese, country="JP"), sdn_with_aliases)
    assert result.decision is Decision.HIT
    top = result.hits[0]
    assert top.list_code == "sdn" and top.name == listed, top
    assert any(f.name == "alias_source" and f.detail.startswith("matched alias from ") for f in top.explanation)
    # without the table the lists do not find it
    plain = screen(Query(japanese, country="JP"), sdn_plain)
    assert not any(h.decision is Decision.HIT and h.name == listed for h in plain.hits)
