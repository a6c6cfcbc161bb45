"""The shipped native-script alias table: every row resolves to a real entry, and the coverage it promises."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from clearance.model.entity import Entity
from clearance.sources import csl, dpl, entity_list, ofac, us_other
from clearance.sources.aliases import AliasRow, shipped, shipped_version, unresolved
from clearance.text.scripts import scripts_of


def _parse(parser: object, files: tuple[Path, ...]) -> list[Entity]:
    out: list[Entity] = []
    for pl in parser.parse(files):  # type: ignore[attr-defined]
        out.extend(pl.entities)
    return out


@pytest.fixture(scope="module")
def listed(data_dir: Path) -> list[Entity]:
    """Every list the shipped table names, parsed from the current files of the data folder."""
    d = data_dir / "us_ofac"
    out = _parse(entity_list.PARSER, (data_dir / "us_bis" / "entity_list_2025-11-08.csv",))
    out += _parse(ofac.PARSER, (d / "sdn_2024-05-03.csv", d / "add_2025-12-24.csv", d / "alt_2025-12-24.csv",
                                d / "sdn_comments_2025-12-24.csv"))
    out += _parse(ofac.PARSER, tuple(sorted((d / "consolidated_non_sdn").glob("cons_*.csv"))))
    by_code = {p.list_code: p for p in us_other.PARSERS}
    os_dir = data_dir / "us_other" / "opensanctions"
    out += _parse(by_code["1260h"], (os_dir / "dod_1260h_chinese_military_companies.csv",))
    out += _parse(by_code["mieu"], (data_dir / "us_bis" / "mieu_opensanctions.csv",))
    out += _parse(csl.PARSER, (data_dir / "us_bis" / "meu_from_csl_subset_2023-11-30.csv",))
    out += _parse(dpl.PARSER, (data_dir / "us_bis" / "dpl_2023-11-30.txt",))  # curated other names (Aeroflot)
    return out


@pytest.fixture(scope="module")
def table() -> list[AliasRow]:
    return shipped()


def test_every_row_resolves_to_a_loaded_entry(table: list[AliasRow], listed: list[Entity]) -> None:
    assert len(table) > 1000
    missing = unresolved(table, listed)
    assert missing == [], missing[:5]


def test_every_row_has_a_source_with_a_confidence_and_the_script_of_its_alias(table: list[AliasRow]) -> None:
    for r in table:
        assert r.script in scripts_of(r.alias)
        assert "confidence high" in r.source or "confidence medium" in r.source, r


def test_coverage_of_chinese_and_russian_parties(table: list[AliasRow], listed: list[Entity]) -> None:
    by_key = {(e.list_code, e.entry_id): e for e in listed}
    entries: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in table:
        entries[(r.list_code, r.script)].add(r.entry_key)
    # at least 150 Chinese parties of the Entity List with their Chinese name
    assert len(entries[("el", "Han")]) >= 150
    # the 1260H list: most of its Chinese companies (one entry per company and tranche)
    assert len(entries[("1260h", "Han")]) >= 0.5 * sum(1 for e in listed if e.list_code == "1260h")
    cmic = {e.entry_id for e in listed if e.list_code == "ofac-cons" and any("CMIC" in p for p in e.programs)}
    assert len(entries[("ofac-cons", "Han")] & cmic) >= 0.8 * len(cmic)
    # Russian firms of the Entity List and the SDN list with a Cyrillic name
    for code in ("el", "sdn"):
        russian = {k for k in entries[(code, "Cyrillic")] if "RU" in by_key[(code, k)].countries}
        assert len(russian) >= 300, (code, len(russian))


def test_well_known_parties_carry_their_registered_names(table: list[AliasRow], listed: list[Entity]) -> None:
    names = {(r.list_code, r.alias): r.entry_key for r in table}
    by_key = {(e.list_code, e.entry_id): e for e in listed}
    for alias, english in (("华为技术有限公司", "Huawei Technologies"),
                           ("杭州海康威视数字技术股份有限公司", "Hikvision"),
                           ("中芯国际集成电路制造有限公司", "Semiconductor Manufacturing International Corporation"),
                           ("国防科技大学", "National University of Defense Technology")):
        key = names[("el", alias)]
        assert english.lower() in " ".join(n.value for n in by_key[("el", key)].names).lower()


def test_the_table_states_its_version() -> None:
    assert shipped_version()[:4].isdigit()


def test_a_native_name_two_legal_persons_carry_is_no_alias(table: list[AliasRow], data_dir: Path) -> None:
    """R18-40: the EU's 'Zelenodolsk Design Bureau JSC' (INN 1648024290) carries the Russian name of the Gorky
    shipyard ('AO Зеленодольский завод имени А. М. Горького'), which another EU entry (INN 1648013442) carries; linked
    to SDN 43269 (the design bureau), the shipyard written in Cyrillic was a 0.99 HIT on the wrong entry. A native name
    that source entities with other registration or tax numbers of one kind carry is left out; the design bureau keeps
    its own Russian name, and entries naming the same number (or numbers of another kind) still share theirs."""
    from bench.screening.alias_table import _numbers, _other_person
    from clearance.sources import eu

    rows = {r.alias for r in table if (r.list_code, r.entry_key) == ("sdn", "43269")}
    assert not any("завод имени" in a for a in rows), rows
    assert any("Проектно-Конструкторское Бюро" in a for a in rows), rows
    src = [e for pl in eu.PARSER.parse((data_dir / "eu" / "opensanctions_eu_journal_consolidated" /
                                        "32014R0269.csv",)) for e in pl.entities
           if e.entry_id in ("32014R0269:I.ENTITIES:65", "32014R0269:I.ENTITIES:183")]
    shipyard, bureau = sorted(src, key=lambda e: e.entry_id.endswith("183"))
    assert _other_person(_numbers(shipyard), _numbers(bureau))
    assert not _other_person(frozenset({"1648013442"}), frozenset({"1031644204514"}))  # an INN and an OGRN
    assert not _other_person(frozenset({"1648013442"}), frozenset({"1648013442", "1031644204514"}))



def test_a_renamed_party_carries_its_new_name(table: list[AliasRow]) -> None:
    """The SDN file of 2024-05-03 knows Tinkoff Bank only by its old names; it has been T-Bank since June 2024 (the
    EU list says so): the curated row gives the entry its new name, with the source."""
    rows = [r for r in table if (r.list_code, r.entry_key, r.alias) == ("sdn", "44259", "T-Bank JSC")]
    assert len(rows) == 1 and "5 June 2024" in rows[0].source
