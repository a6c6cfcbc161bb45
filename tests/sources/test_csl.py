"""CSL CSV parser on the real trade.gov files (2025 fixture, 2023 subset and its UVL/MEU extracts)
and on malformed copies. Expected counts are read from the files with the csv module, not the parser."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.errors import DataError
from clearance.model import NameKind, ParsedList, Schema
from clearance.sources.csl import COLUMNS, PARSER, list_code_of, parse_ids

OFAC_NON_SDN = ("(SSI)", "(PLC)", "(NS-MBS List)", "(FSE)", "(CAP)")


def _rows(path: Path) -> list[dict[str, str]]:
    """Data rows read with the csv module alone (repeated header lines dropped)."""
    with open(path, newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["_id"] != "_id"]


def _expected_code(source: str) -> str:
    table = {
        "(EL)": "el", "(DPL)": "dpl", "(UVL)": "uvl", "(MEU)": "meu", "(SDN)": "sdn", "(CMIC)": "cmic",
        "(ISN)": "isn", "(DTC)": "dtc",
    }  # fmt: skip
    for mark, code in table.items():
        if mark in source:
            return code
    assert any(m in source for m in OFAC_NON_SDN), source
    return "ofac-cons"


def _by_code(lists: list[ParsedList]) -> dict[str, ParsedList]:
    return {pl.list_code: pl for pl in lists}


@pytest.fixture(scope="module")
def subset_without_cut_row(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2023 subset minus its last (cut-off) line, so the complete rows can be checked."""
    src = data_dir / "us_csl" / "moov_csl_subset_2023-11-30.csv"
    lines = src.read_text(encoding="utf-8").split("\n")
    out = tmp_path_factory.mktemp("csl") / "csl_complete_rows_2023-11-30.csv"
    out.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    return out


def test_2025_fixture_gives_one_list_per_source(data_dir: Path) -> None:
    path = data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv"
    rows = _rows(path)
    assert len(rows) == 13
    expected = Counter(_expected_code(r["source"]) for r in rows)
    lists = _by_code(PARSER.parse((path,)))
    assert {code: len(pl.entities) for code, pl in lists.items()} == dict(expected)
    # entry ids are the CSL _id (56-hex hashes in the 2025 layout)
    assert {e.entry_id for pl in lists.values() for e in pl.entities} == {r["_id"] for r in rows}
    # no full date in the file name: the latest start_date of the file
    latest = max(dt.date.fromisoformat(r["start_date"]) for r in rows if r["start_date"])
    assert all(pl.data_date == latest for pl in lists.values())
    assert all(pl.parser.startswith("csl") for pl in lists.values())


@pytest.mark.parametrize(("name", "code", "count"), [("uvl", "uvl", 186), ("meu", "meu", 71)])
def test_uvl_and_meu_extracts(data_dir: Path, name: str, code: str, count: int) -> None:
    path = data_dir / "us_bis" / f"{name}_from_csl_subset_2023-11-30.csv"
    assert len(_rows(path)) == count
    [pl] = PARSER.parse((path,))
    assert pl.list_code == code and len(pl.entities) == count
    assert pl.data_date == dt.date(2023, 11, 30)  # date in the file name
    assert all(e.addresses for e in pl.entities if code == "uvl")


def test_truncated_subset_is_reported_at_the_cut_off_row(data_dir: Path) -> None:
    path = data_dir / "us_csl" / "moov_csl_subset_2023-11-30.csv"
    text = path.read_text(encoding="utf-8")
    last_line = len(text.split("\n"))  # the cut-off record is the file's last (unterminated) line
    with open(path, newline="", encoding="utf-8") as fh:
        assert len(list(csv.reader(fh))[-1]) != len(COLUMNS)
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.file == str(path) and err.value.line == last_line == 4233
    assert "moov_csl_subset_2023-11-30.csv:4233" in str(err.value)


def test_complete_rows_of_the_subset(subset_without_cut_row: Path) -> None:
    rows = _rows(subset_without_cut_row)
    assert len(rows) == 4226  # PROVENANCE: 4,226 complete rows (+ 2 header lines + 1 cut-off row)
    lists = _by_code(PARSER.parse((subset_without_cut_row,)))
    counts = {code: len(pl.entities) for code, pl in lists.items()}
    # PROVENANCE counts by source; SDN 1,737 complete rows (the 1,738th is the cut-off one)
    assert counts["sdn"] == 1737 and counts["el"] == 919 and counts["dpl"] == 577
    assert counts["uvl"] == 186 and counts["isn"] == 144 and counts["dtc"] == 142
    assert counts["meu"] == 71 and counts["cmic"] == 68
    # non-SDN OFAC rows share ent_nums across SSI and NS-MBS: one entry per distinct _id
    non_sdn_ids = {r["_id"] for r in rows if _expected_code(r["source"]) == "ofac-cons"}
    assert counts["ofac-cons"] == len(non_sdn_ids) < 288 + 78 + 14 + 1 + 1
    assert lists["el"].data_date == dt.date(2023, 11, 30)
    huawei = [e.name for e in lists["cmic"].entities if "huawei" in e.name.lower()]
    assert sorted(huawei, key=str.lower) == ["Huawei Investment & Holding Co., Ltd.", "HUAWEI TECHNOLOGIES CO., LTD."]


def test_merged_non_sdn_entry_keeps_both_programme_sets(subset_without_cut_row: Path) -> None:
    rows = [r for r in _rows(subset_without_cut_row) if _expected_code(r["source"]) == "ofac-cons"]
    twice = Counter(r["_id"] for r in rows)
    dup_id = next(i for i, n in twice.items() if n == 2)
    sources = {r["source"] for r in rows if r["_id"] == dup_id}
    entity = next(e for e in _by_code(PARSER.parse((subset_without_cut_row,)))["ofac-cons"].entities
                  if e.entry_id == dup_id)  # fmt: skip
    assert {v for k, v in entity.extra if k == "source"} == sources


def test_fields_of_an_sdn_row(subset_without_cut_row: Path) -> None:
    sdn = _by_code(PARSER.parse((subset_without_cut_row,)))["sdn"]
    havin = next(e for e in sdn.entities if e.entry_id == "906")
    assert havin.name == "HAVIN BANK LIMITED" and havin.schema is Schema.ORGANIZATION
    assert [a.country for a in havin.addresses] == ["GB", "CU"]
    assert ("HAVANA INTERNATIONAL BANK, LTD", NameKind.ALIAS) in [(n.value, n.kind) for n in havin.names]
    assert any(i.kind == "Company Number" and i.value == "01074897" and i.country == "GB" for i in havin.identifiers)
    assert havin.programs == ("CUBA",)
    people = [e for e in sdn.entities if e.schema is Schema.PERSON]
    assert people and any(e.birth_dates for e in people)


# --- malformed input -------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, header: list[str], rows: list[list[str]]) -> Path:
    path = tmp_path / name
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def _row(**values: str) -> list[str]:
    base = dict.fromkeys(COLUMNS, "")
    base.update({"_id": "x1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "Acme"})
    base.update(values)
    return [base[c] for c in COLUMNS]


def test_unknown_source_names_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", list(COLUMNS), [_row(), _row(_id="x2", source="Mystery List (ML) - Nobody")])
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert (err.value.line, err.value.field) == (3, "source")


def test_duplicate_id_within_one_source(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", list(COLUMNS), [_row(), _row(name="Other")])
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert (err.value.line, err.value.field) == (3, "_id") and "duplicate" in str(err.value)


def test_missing_column(tmp_path: Path) -> None:
    header = [c for c in COLUMNS if c != "alt_names"]
    path = _write(tmp_path, "c.csv", header, [[v for c, v in zip(COLUMNS, _row(), strict=True) if c != "alt_names"]])
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.line is not None and err.value.file == str(path)


def test_short_row_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", list(COLUMNS), [_row(), _row(_id="x2")[:8]])
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.line == 3 and "8 fields" in str(err.value)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", list(COLUMNS), [_row(), _row(_id="x2", name="Caf\u00e9")])
    path.write_bytes(path.read_bytes().replace("Caf\u00e9".encode(), b"Caf\xe9"))
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.line == 3 and "UTF-8" in str(err.value)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError, match="empty"):
        PARSER.parse((path,))


def test_bad_start_date(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", list(COLUMNS), [_row(start_date="Various")])
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert (err.value.line, err.value.field) == (2, "start_date")


def test_other_lists_files_are_not_claimed_and_fail_if_forced(data_dir: Path, tmp_path: Path) -> None:
    dpl = data_dir / "us_bis" / "dpl_2023-11-30.txt"
    el = data_dir / "us_bis" / "entity_list_2025-11-08.csv"
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"PK\x03\x04\x00\x00garbage\xff\xfe")
    xml = data_dir / "un" / "UN_consolidated.xml"
    assert PARSER.claim([dpl, el, binary, xml, data_dir / "us_ofac" / "sdn_2024-05-03.csv"]) == []
    with pytest.raises(DataError) as err:
        PARSER.parse((el,))
    assert err.value.file == str(el) and err.value.line == 1 and "missing" in str(err.value)


# --- pure helpers ----------------------------------------------------------------------------


def test_list_code_of() -> None:
    assert list_code_of("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department") == "ofac-cons"
    assert list_code_of("ITAR Debarred (DTC) - State Department") == "dtc"
    assert list_code_of("Entity List") is None


def test_parse_ids_example() -> None:
    ids = parse_ids("Company Number, 01074897, GB; SWIFT/BIC, HAVIGB2L; Website, www.x.co.uk")
    assert [(i.kind, i.value, i.country) for i in ids] == [
        ("Company Number", "01074897", "GB"),
        ("SWIFT/BIC", "HAVIGB2L", None),
        ("Website", "www.x.co.uk", None),
    ]


@given(st.text(max_size=200))
def test_parse_ids_never_raises_and_keeps_values_non_empty(text: str) -> None:
    for ident in parse_ids(text):
        assert ident.value and ident.kind
        assert ident.country is None or len(ident.country) == 2
