"""§ 744.11(a) as revised by 87 FR 55241 (effective 2022-09-09): standards-related activity is authorised for every
Entity List party, not only Huawei's entries -- EAR99 or AT-only technology and software released for standards
development needs no Entity List licence from that day (adversarial R33-27: Hikvision's 'For all items subject to
the EAR' entry kept the licence). Real Entity List entries, the day before and the day of the rule."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from clearance.model.determination import Fact, Item, Party, Request, Role, Transaction
from clearance.model.regulation import RuleSet
from clearance.rules import Listings, determine
from clearance.sources.registry import discover


@pytest.fixture(scope="module")
def el(data_dir: Path) -> Listings:
    found = discover([data_dir / "us_bis", data_dir / "ear" / "ecfr_part744"], only=("el",))
    entities = [e for g in found for pl in g.parser.parse(g.files) for e in pl.entities if pl.list_code == "el"]
    return Listings.from_entities(entities, label="el 2025-11-08")


def _release(day: dt.date, eccn: str, kind: str, facts: frozenset[Fact]) -> Request:
    item = Item(eccn, "US", total_value=Fraction(0), kind=kind)
    party = Party(Role.END_USER, "Hangzhou Hikvision Digital Technology Co., Ltd.", "CN", listings=("entity_list",))
    return Request(day, item, "CN", "US", Transaction.RELEASE, (party,), facts=facts, id="S")


@pytest.mark.parametrize(("day", "eccn", "kind", "facts", "outcome"), [
    # the day before 87 FR 55241: the entry's licence (for all items subject to the EAR) stands
    (dt.date(2022, 9, 8), "EAR99", "technology", frozenset({Fact.STANDARDS_DEVELOPMENT}), "LICENSE_REQUIRED"),
    # the day of it: EAR99 technology and AT-only software for standards development are authorised
    (dt.date(2022, 9, 9), "EAR99", "technology", frozenset({Fact.STANDARDS_DEVELOPMENT}), "NO_LICENSE_REQUIRED"),
    (dt.date(2024, 3, 1), "5D992.c", "software", frozenset({Fact.STANDARDS_DEVELOPMENT}), "NO_LICENSE_REQUIRED"),
    # not for standards development, or an item outside the modelled scope (NS-controlled technology): the licence
    (dt.date(2024, 3, 1), "EAR99", "technology", frozenset(), "LICENSE_REQUIRED"),
    (dt.date(2024, 3, 1), "3E001", "technology", frozenset({Fact.STANDARDS_DEVELOPMENT}), "LICENSE_REQUIRED"),
    # a commodity is no release of technology or software: the licence
    (dt.date(2024, 3, 1), "EAR99", "commodity", frozenset({Fact.STANDARDS_DEVELOPMENT}), "LICENSE_REQUIRED"),
])
def test_standards_authorisation_reaches_every_entity_list_party(rules: RuleSet, el: Listings, day: dt.date,
                                                                  eccn: str, kind: str, facts: frozenset[Fact],
                                                                  outcome: str) -> None:
    d = determine(_release(day, eccn, kind, facts), rules, el)
    assert d.outcome.value == outcome, (d.outcome, d.reasons[:2], [b.code for b in d.bases])
    if outcome == "NO_LICENSE_REQUIRED":
        assert any("87 FR 55241" in x for x in d.excluded), d.excluded
