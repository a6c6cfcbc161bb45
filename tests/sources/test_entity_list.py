"""BIS Entity List CSV (2025-11-08 extract of the CSL), alone and joined with the eCFR Supp. No. 4 table.

Counts are read from the CSV with the csv module; the eCFR side with the eCFR module's own tests."""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.errors import DataError
from clearance.model import Entity, NameKind, ParsedList, Schema
from clearance.sources._csvutil import address_of, short_form
from clearance.sources.ecfr744 import parse_supplement4
from clearance.sources.el_join import join_supplement4
from clearance.sources.entity_list import COLUMNS, PARSER, el_names

CSV_NAME = "entity_list_2025-11-08.csv"
XML_NEW = "title-15_part-744_commit-2026-07-23.xml"
XML_OLD = "title-15_part-744_commit-2026-03-25.xml"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def el_csv(data_dir: Path) -> Path:
    return data_dir / "us_bis" / CSV_NAME


@pytest.fixture(scope="module")
def xml(data_dir: Path) -> Path:
    return data_dir / "ear" / "ecfr_part744" / XML_NEW


@pytest.fixture(scope="module")
def plain(el_csv: Path) -> ParsedList:
    [pl] = PARSER.parse((el_csv,))
    return pl


@pytest.fixture(scope="module")
def joined(el_csv: Path, xml: Path) -> ParsedList:
    [pl] = PARSER.parse((el_csv, xml))
    return pl


def _listed(e: Entity) -> str:
    return dict(e.extra).get("listed_as", e.name)


def test_every_row_is_one_entry(plain: ParsedList, el_csv: Path) -> None:
    rows = _rows(el_csv)
    assert len(rows) == len(plain.entities) == 3421
    assert len({e.entry_id for e in plain.entities}) == 3421
    assert [_listed(e) for e in plain.entities] == [" ".join(r["name"].split()) for r in rows]
    assert plain.data_date == dt.date(2025, 11, 8)  # the file name's date
    assert plain.source_files == (str(el_csv),) and plain.warnings == ()


def test_huawei_rows(plain: ParsedList, el_csv: Path) -> None:
    rows = _rows(el_csv)
    # Counted here: 135 rows have "huawei" in the name column (case-insensitive), 136 in name or
    # alt_names, 138 in name, alt_names or addresses (PROVENANCE's "138" counts the latter way).
    in_name = [r for r in rows if "huawei" in r["name"].lower()]
    assert len(in_name) == 135
    assert len([r for r in rows if "huawei" in (r["name"] + r["alt_names"]).lower()]) == 136
    huawei = [e for e in plain.entities if "huawei" in _listed(e).lower()]
    assert len(huawei) == 135
    assert all(e.license_requirement and "734.9(e)" in e.license_requirement for e in huawei)
    assert all(e.license_policy for e in huawei)
    assert all(e.footnotes == () for e in huawei)  # footnotes come only from the eCFR join


def test_short_form_and_affiliates(plain: ParsedList) -> None:
    parent = next(e for e in plain.entities if e.name == "Huawei Technologies Co., Ltd. (Huawei)")
    names = {(n.value, n.kind) for n in parent.names}
    assert ("Huawei", NameKind.ALIAS) in names and ("Huawei Technologies Co., Ltd.", NameKind.ALIAS) in names
    assert ("Shenzhen Huawei Technologies", NameKind.ALIAS) in names
    marine = next(e for e in plain.entities if e.name == "Huawei Marine Networks Co., Ltd.")
    extra = dict(marine.extra)
    assert extra["affiliate_of"] == "Huawei Technologies Co., Ltd. (Huawei)"
    assert extra["listed_as"].endswith("Affiliated Entity: Huawei Marine Networks Co., Ltd.")
    assert "HMN Tech" in {n.value for n in marine.names}
    assert marine.federal_register and all("FR" in c for c in marine.federal_register)


def test_schemas_and_addresses(plain: ParsedList, el_csv: Path) -> None:
    rows = _rows(el_csv)
    address_rows = [r for r in rows if re.match(r"Address \d+$", r["name"])]
    addresses = [e for e in plain.entities if e.schema is Schema.ADDRESS]
    assert len(addresses) == len(address_rows) == 19
    assert all(a.addresses for a in addresses)
    assert {e.schema for e in plain.entities} >= {Schema.COMPANY, Schema.ORGANIZATION, Schema.LEGAL_ENTITY}
    ghoura = next(e for e in plain.entities if e.name == "Abdul Satar Ghoura")
    assert [a.country for a in ghoura.addresses] == ["AF", "AF", "PK", "PK"] and ghoura.countries == ("AF", "PK")
    with_country = sum(1 for e in plain.entities for a in e.addresses if a.country)
    total = sum(len(e.addresses) for e in plain.entities)
    assert with_country / total > 0.99


def test_ids_survive_reordering_and_unrelated_edits(plain: ParsedList, el_csv: Path, tmp_path: Path) -> None:
    rows = _rows(el_csv)
    random.Random(7).shuffle(rows)
    rows[0]["remarks"] = "edited"
    rows[1]["license_policy"] = "Case-by-case"
    copy = tmp_path / "entity_list_2025-11-09.csv"
    with open(copy, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        w.writeheader()
        w.writerows(rows)
    [again] = PARSER.parse((copy,))

    def key(e: Entity) -> tuple[str, tuple[str, ...]]:
        return _listed(e), tuple(a.full for a in e.addresses)

    before = {key(e): e.entry_id for e in plain.entities}
    assert {key(e): e.entry_id for e in again.entities} == before


def test_join_with_the_ecfr(joined: ParsedList, xml: Path, el_csv: Path) -> None:
    assert joined.source_files == (str(el_csv), str(xml))
    assert len(joined.entities) == 3421
    huawei = [e for e in joined.entities if "huawei" in _listed(e).lower()]
    assert len(huawei) == 135
    # every Huawei row of the CSV joins a footnote-1 eCFR row: footnotes 1 (FDP § 734.9(e)) and 2
    assert all(e.footnotes == (1, 2) for e in huawei)
    assert all(e.license_requirement and e.license_policy for e in huawei)
    rows = parse_supplement4(xml)
    f1_lines = {r.line for r in rows if 1 in r.footnotes}
    joined_lines = {int(n) for e in joined.entities for n in dict(e.extra).get("ecfr_lines", "").split(",") if n}
    assert len(f1_lines & joined_lines) == 130  # every footnote-1 row has its CSV entry
    # Measured join rate: 3,369 of 3,421 CSV entries (98.5 %) join a row; 17 of 3,415 rows join none.
    unjoined = sum(1 for e in joined.entities if "ecfr_lines" not in dict(e.extra))
    assert unjoined / 3421 < 0.02
    assert len(joined.warnings) == 2
    assert joined.warnings[0].startswith(f"{unjoined} of 3421 Entity List entries")
    assert "of 3415 Supplement No. 4 rows" in joined.warnings[1]
    # dated eCFR citations are added to the CSV's
    parent = next(e for e in joined.entities if e.name == "Huawei Technologies Co., Ltd. (Huawei)")
    assert "84 FR 22963, 5/21/19" in parent.federal_register


def test_join_report_numbers(plain: ParsedList, xml: Path) -> None:
    rows = parse_supplement4(xml)
    out, report = join_supplement4(plain.entities, rows)
    assert report.csv_total == 3421 and report.rows_total == len(rows)
    assert report.csv_joined == sum(1 for e in out if "ecfr_lines" in dict(e.extra))
    assert report.rate > 0.98
    assert len(report.rows_unmatched) == report.rows_total - report.rows_joined


def test_claim_groups_the_csv_with_the_newest_xml(data_dir: Path, el_csv: Path) -> None:
    ear = data_dir / "ear" / "ecfr_part744"
    files = [ear / XML_OLD, el_csv, ear / XML_NEW, data_dir / "us_bis" / "dpl_2023-11-30.txt"]
    assert PARSER.claim(files) == [(el_csv, ear / XML_NEW)]
    assert PARSER.claim([ear / XML_OLD, ear / XML_NEW]) == []  # the XML alone is no Entity List version
    assert PARSER.claim([el_csv]) == [(el_csv,)]


# --- malformed input -------------------------------------------------------------------------


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


ROW = ["Entity List (EL) - Bureau of Industry and Security", "Acme Co., Ltd.", "", "Beijing, CN", "1 FR 2",
       "2020-01-01", "For all items subject to the EAR", "Presumption of denial", ""]  # fmt: skip


def test_truncated_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "el.csv", list(COLUMNS), [ROW, ROW[:4]])
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.line == 3 and err.value.field == "addresses"


def test_missing_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "el.csv", list(COLUMNS[:-1]), [ROW[:-1]])
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.line == 1 and err.value.field == "remarks"


def test_wrong_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path / "el.csv", list(COLUMNS), [ROW, ROW])
    path.write_bytes(path.read_bytes().replace(b"Beijing", b"B\xe9ijing"))
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.line == 2 and "UTF-8" in str(err.value)


def test_empty_file_and_header_only(tmp_path: Path) -> None:
    empty = tmp_path / "el.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty"):
        PARSER.parse((empty,))
    header_only = _write(tmp_path / "el2.csv", list(COLUMNS), [])
    with pytest.raises(DataError, match="no data rows"):
        PARSER.parse((header_only,))


def test_row_of_another_list_and_bad_date(tmp_path: Path) -> None:
    other = _write(tmp_path / "el.csv", list(COLUMNS), [ROW, ["Denied Persons List (DPL)", *ROW[1:]]])
    with pytest.raises(DataError) as err:
        PARSER.parse((other,))
    assert (err.value.line, err.value.field) == (3, "source")
    bad = _write(tmp_path / "el2.csv", list(COLUMNS), [[*ROW[:5], "Various", *ROW[6:]]])
    with pytest.raises(DataError) as err:
        PARSER.parse((bad,))
    assert (err.value.line, err.value.field) == (2, "start_date")


def test_another_lists_file(data_dir: Path) -> None:
    dpl = data_dir / "us_bis" / "dpl_2023-11-30.txt"
    uvl = data_dir / "us_bis" / "uvl_from_csl_subset_2023-11-30.csv"
    assert PARSER.claim([dpl, uvl]) == []
    with pytest.raises(DataError) as err:
        PARSER.parse((uvl,))
    assert err.value.line == 1 and "header" in str(err.value)


def test_true_duplicates_get_distinct_stable_ids(tmp_path: Path) -> None:
    path = _write(tmp_path / "el.csv", list(COLUMNS), [ROW, ROW, [*ROW[:3], "Shanghai, CN", *ROW[4:]]])
    [pl] = PARSER.parse((path,))
    ids = [e.entry_id for e in pl.entities]
    assert len(set(ids)) == 3
    swapped = _write(tmp_path / "el2.csv", list(COLUMNS), [[*ROW[:3], "Shanghai, CN", *ROW[4:]], ROW, ROW])
    [pl2] = PARSER.parse((swapped,))
    assert sorted(e.entry_id for e in pl2.entities) == sorted(ids)


# --- pure helpers ----------------------------------------------------------------------------


def test_address_of_examples() -> None:
    assert address_of("Technologiepark 19, 9052 Zwijnaarde, BE").country == "BE"
    assert address_of("AF").country == "AF"
    assert address_of("No. 22, Jomhoori Ave., Tehran, Iran,").country == "IR"
    assert address_of("Somewhere, Kabul").country is None


@given(st.text(max_size=120))
def test_address_of_never_raises(text: str) -> None:
    a = address_of(text)
    assert a.country is None or (len(a.country) == 2 and a.country.isupper())
    assert address_of(a.full) == a  # idempotent on its own output


@given(st.text(max_size=80), st.text(min_size=1, max_size=20))
def test_short_form_splits_a_trailing_parenthesis(base: str, short: str) -> None:
    result = short_form(f"{base} ({short})")
    if result is not None:
        long_form, short_name = result
        assert short_name.strip() and "(" not in short_name and long_form


def test_el_names_original_script_and_plain_rows() -> None:
    names, extra = el_names("Beijing Acme Co., Ltd. (Acme)", "北京阿克米有限公司; Acme Beijing")
    assert [(n.value, n.kind) for n in names] == [
        ("Beijing Acme Co., Ltd. (Acme)", NameKind.PRIMARY),
        ("北京阿克米有限公司", NameKind.ORIGINAL_SCRIPT),
        ("Acme Beijing", NameKind.ALIAS),
        ("Beijing Acme Co., Ltd.", NameKind.ALIAS),
        ("Acme", NameKind.ALIAS),
    ]
    assert extra == ()
    assert short_form("Huawei Technologies (Bolivia) S.R.L.") is None  # not a trailing parenthesis
    assert short_form("Acme Pakistan (Private)") is None and short_form("Acme Ltd. (Hong Kong)") is None


def test_a_town_of_the_entrys_address_in_parentheses_is_no_short_form(el_csv: Path) -> None:
    """R18-22: 'System Equipment Co., Ltd. of the 28th Research Institute (Liyang)', at '..., Liyang , CN', gave the
    alias 'Liyang' (a Jiangsu town), and 'Guizhou Liyang International Mfg. Co., Ltd.' (MEU) was an Entity List basis
    on it. A town of the row's own addresses in parentheses after a name is no short form; the name without it is
    kept. A short form that only a numbered address part names ('NAE: 72, Industrial Area, ...') stays one."""
    rows = {r["name"]: r for r in _rows(el_csv)}
    for listed, alias_absent, kept in (
            ("System Equipment Co., Ltd. of the 28th Research Institute (Liyang)", "Liyang",
             "System Equipment Co., Ltd. of the 28th Research Institute"),
            ("ACM Research (Shanghai)", "Shanghai", "ACM Research")):
        row = rows[listed]
        names, _ = el_names(listed, row["alt_names"], [a.strip() for a in row["addresses"].split(";")])
        values = [n.value for n in names]
        assert alias_absent not in values and kept in values, values
    nae = rows["New Auto Engineering (NAE)"]
    names, _ = el_names("New Auto Engineering (NAE)", nae["alt_names"], [nae["addresses"]])
    assert "NAE" in [n.value for n in names]
    assert short_form("Acme Trading (Liyang)") == ("Acme Trading", "Liyang")  # no address given: as before
    assert short_form("Acme Trading (Liyang)", ["No. 26 Yongsheng Road, Liyang , CN"]) is None
