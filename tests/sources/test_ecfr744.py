"""Supplement No. 4 to Part 744 (the Entity List as published in the eCFR XML).

Counts are checked against lxml queries written here, independent of the parser's own walk."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from clearance.errors import DataError
from clearance.sources.ecfr744 import Supp4Row, footnote_texts, is_part744, parse_supplement4

NEW = "title-15_part-744_commit-2026-07-23.xml"
OLD = "title-15_part-744_commit-2026-03-25.xml"


@pytest.fixture(scope="module")
def xml_path(data_dir: Path) -> Path:
    return data_dir / "ear" / "ecfr_part744" / NEW


@pytest.fixture(scope="module")
def rows(xml_path: Path) -> list[Supp4Row]:
    return parse_supplement4(xml_path)


def _supp4_rows(path: Path) -> list[etree._Element]:
    tree = etree.parse(str(path))
    found: list[etree._Element] = tree.xpath(
        '//DIV9[@N="Supplement No. 4 to Part 744"]//TR[count(TD)=5]'
    )  # type: ignore[assignment]
    return found


def test_every_five_cell_row_is_an_entry(rows: list[Supp4Row], xml_path: Path) -> None:
    # 3,415 <TR> with five <TD> in Supp. 4 (ear/PROVENANCE.md says 3,402 "5-cell rows", counted another way)
    assert len(rows) == len(_supp4_rows(xml_path)) == 3415
    assert all(r.country and r.country_code and len(r.country_code) == 2 for r in rows)
    assert rows[0].country == "AFGHANISTAN" and rows[1].country == "AFGHANISTAN"  # carried forward
    assert rows[0].line < rows[1].line


def test_footnote_1_rows_are_the_huawei_fdp_rows(rows: list[Supp4Row], xml_path: Path) -> None:
    def has_mark_1(tr: etree._Element) -> bool:
        return any((s.text or "").strip() == "1" for s in tr.findall("TD")[2].iter("sup"))

    marked = [tr for tr in _supp4_rows(xml_path) if has_mark_1(tr)]
    assert len(marked) == 130  # PROVENANCE: 130 rows cite § 734.9(e) with footnote 1
    with_1 = [r for r in rows if 1 in r.footnotes]
    assert len(with_1) == 130
    marked_lines: set[int] = {getattr(tr, "sourceline", 0) for tr in marked}  # lxml-stubs mistype sourceline
    assert {r.line for r in with_1} == marked_lines
    assert all("734.9(e)" in r.license_requirement for r in with_1)
    # the Huawei rows also carry footnote 2 (the cybersecurity research exclusion)
    assert {r.footnotes for r in with_1} == {(1, 2)}
    # Shenzhen SiCarrier (added 2024) is not a footnote-1 entry
    sicarrier = [r for r in rows if r.name.startswith("Shenzhen SiCarrier")]
    assert sicarrier and all(1 not in r.footnotes for r in sicarrier)


def test_huawei_row(rows: list[Supp4Row]) -> None:
    huawei = next(r for r in rows if r.name == "Huawei Technologies Co., Ltd.")
    assert huawei.country_code == "CN"
    assert huawei.aliases[0] == "Shenzhen Huawei Technologies"
    assert huawei.aliases[1] == "Huawei Technology"
    assert huawei.license_policy == "Presumption of denial"
    assert huawei.federal_register[0] == "84 FR 22963, 5/21/19"
    assert "<sup>" not in huawei.license_requirement and "734.9(e)" in huawei.license_requirement


def test_aliases_are_the_dash_lines(rows: list[Supp4Row]) -> None:
    row = next(r for r in rows if r.name == "Emal Bilal Mangal")
    assert row.aliases == ("Imal Bilal", "Aimal Balal", "Bellal Mangal")
    assert row.federal_register == ("79 FR 44683, 8/1/14",)


def test_footnote_texts(xml_path: Path) -> None:
    notes = footnote_texts(xml_path)
    assert sorted(notes) == [1, 2, 3, 4, 5]
    assert "734.9(e)(1)" in notes[1] and "734.9(g)" in notes[3]


def test_both_snapshots_parse(data_dir: Path, rows: list[Supp4Row]) -> None:
    old = parse_supplement4(data_dir / "ear" / "ecfr_part744" / OLD)
    assert abs(len(old) - len(rows)) < 50
    assert sum(1 for r in old if 1 in r.footnotes) == 130


def test_sniffing(data_dir: Path, xml_path: Path) -> None:
    assert is_part744(xml_path)
    assert not is_part744(data_dir / "un" / "UN_consolidated.xml")
    assert not is_part744(data_dir / "us_bis" / "entity_list_2025-11-08.csv")


def test_broken_and_foreign_xml(tmp_path: Path, data_dir: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<DIV5 N="744"><DIV9 N="Supplement No. 4 to Part 744"><TABLE>', encoding="utf-8")
    with pytest.raises(DataError) as err:
        parse_supplement4(broken)
    assert err.value.file == str(broken)
    with pytest.raises(DataError, match=r"no Supplement No\. 4"):
        parse_supplement4(data_dir / "un" / "UN_consolidated.xml")


def test_unknown_country_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    path.write_text(
        '<DIV5 N="744"><DIV9 N="Supplement No. 4 to Part 744"><TABLE>\n'
        "<TR><TD>ATLANTIS</TD><TD>Acme</TD><TD>All items</TD><TD>Denial</TD><TD>1 FR 2, 1/1/20.</TD></TR>\n"
        "</TABLE></DIV9></DIV5>",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        parse_supplement4(path)
    assert (err.value.line, err.value.field) == (2, "Country")
