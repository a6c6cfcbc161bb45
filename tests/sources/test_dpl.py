"""BIS Denied Persons List (official tab-separated download, 2023-11-30) and malformed copies."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.errors import DataError
from clearance.model import ParsedList
from clearance.sources.dpl import COLUMNS, PARSER, split_fr


def _rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh, delimiter="\t"))


@pytest.fixture(scope="module")
def dpl_file(data_dir: Path) -> Path:
    return data_dir / "us_bis" / "dpl_2023-11-30.txt"


@pytest.fixture(scope="module")
def parsed(dpl_file: Path) -> ParsedList:
    [pl] = PARSER.parse((dpl_file,))
    return pl


def test_every_row_is_an_entry(parsed: ParsedList, dpl_file: Path) -> None:
    rows = _rows(dpl_file)
    assert rows[0] == list(COLUMNS)
    assert len(rows) - 1 == len(parsed.entities) == 665
    assert len({e.entry_id for e in parsed.entities}) == 665
    assert parsed.list_code == "dpl" and parsed.data_date == dt.date(2023, 11, 30)
    latest = max(dt.datetime.strptime(r[6], "%m/%d/%Y").date() for r in rows[1:] if r[6])
    assert latest == dt.date(2023, 11, 16) == max(e.listed_on for e in parsed.entities if e.listed_on)


def test_fields(parsed: ParsedList) -> None:
    ash = parsed.entities[0]
    assert ash.name == "I. ASH" and ash.listed_on == dt.date(2003, 6, 19)
    [address] = ash.addresses
    assert (address.city, address.region, address.postal_code, address.country) == ("SEAGOVILLE", "TX", "75159", "US")
    assert ash.federal_register == ("68 F.R. 38290 6/27/03", "71 F.R. 38843 7/10/06", "72 F.R. 4236 1/30/07")
    assert dict(ash.extra)["Expiration_Date"] == "06/29/2056"
    assert ash.source_line == 2


def test_source_quirks_are_warnings_not_failures(parsed: ParsedList, dpl_file: Path) -> None:
    rows = _rows(dpl_file)[1:]
    # one row has the US state "NM" in the Country column
    nm = [i + 2 for i, r in enumerate(rows) if r[4] == "NM"]
    assert nm == [593]
    assert any("line 593: 'NM'" in w for w in parsed.warnings)
    entity = next(e for e in parsed.entities if e.source_line == 593)
    assert entity.countries == () and "NM" in entity.addresses[0].full
    # rows repeating another's name, street, city, country and date keep distinct ids (-2)
    assert any(e.entry_id.endswith("-2") for e in parsed.entities)


def test_ids_survive_reordering(parsed: ParsedList, dpl_file: Path, tmp_path: Path) -> None:
    rows = _rows(dpl_file)
    body = rows[1:]
    random.Random(3).shuffle(body)
    copy = tmp_path / "dpl.txt"
    with open(copy, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_ALL).writerows([rows[0], *body])
    [again] = PARSER.parse((copy,))
    assert sorted(e.entry_id for e in again.entities) == sorted(e.entry_id for e in parsed.entities)
    assert again.data_date == dt.date(2023, 11, 16)  # no date in the name: the latest Effective_Date


def test_claim(data_dir: Path, dpl_file: Path, tmp_path: Path) -> None:
    binary = tmp_path / "dpl.txt"
    binary.write_bytes(b"\x00\x01\x02")
    others = [data_dir / "us_bis" / "entity_list_2025-11-08.csv", binary, data_dir / "un" / "UN_consolidated.xml"]
    assert PARSER.claim([dpl_file, *others]) == [(dpl_file,)]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_ALL).writerows(rows)
    return path


ROW = ["ACME", "1 MAIN ST", "CITY", "", "DE", "", "01/02/2020", "", "Y", "2020-01-03", "", "85 F.R. 1 1/3/2020"]


def test_malformed(tmp_path: Path, data_dir: Path) -> None:
    cut = _write(tmp_path / "a.txt", [list(COLUMNS), ROW, ROW[:5]])
    with pytest.raises(DataError) as err:
        PARSER.parse((cut,))
    assert err.value.line == 3 and err.value.field == "Country"
    bad_date = _write(tmp_path / "b.txt", [list(COLUMNS), [*ROW[:6], "2020-01-02", *ROW[7:]]])
    with pytest.raises(DataError) as err:
        PARSER.parse((bad_date,))
    assert (err.value.line, err.value.field) == (2, "Effective_Date")
    missing = _write(tmp_path / "c.txt", [list(COLUMNS[:-1]), ROW[:-1]])
    with pytest.raises(DataError) as err:
        PARSER.parse((missing,))
    assert (err.value.line, err.value.field) == (1, "FR_Citation")
    latin1 = _write(tmp_path / "d.txt", [list(COLUMNS), ROW, ["M\u00dcLLER", *ROW[1:]]])
    latin1.write_bytes(latin1.read_bytes().replace("M\u00dcLLER".encode(), b"M\xdcLLER"))
    with pytest.raises(DataError) as err:
        PARSER.parse((latin1,))
    assert err.value.line == 3
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    with pytest.raises(DataError, match="empty"):
        PARSER.parse((empty,))
    with pytest.raises(DataError) as err:
        PARSER.parse((data_dir / "us_bis" / "entity_list_2025-11-08.csv",))
    assert err.value.line == 1


@given(st.text(max_size=150))
def test_split_fr_never_raises_and_keeps_text(text: str) -> None:
    parts = split_fr(text)
    assert all(p.strip() for p in parts)
    if text.strip():
        assert parts
