"""UK OFSI ConList parser: the real 2025-04-14 xlsx and csv.gz, and malformed inputs."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.errors import DataError
from clearance.model import Entity, Identifier, NameKind, ParsedList, Schema
from clearance.sources.uk import PARSER, uk_dob

# PROVENANCE.md: 18,798 name rows, 4,688 distinct Group IDs (Individual 13,692 / Entity 5,025 / Ship 81 rows).
ROWS = 18_798
TARGETS = 4_688


@pytest.fixture(scope="module")
def uk_dir(data_dir: Path) -> Path:
    return data_dir / "uk"


@pytest.fixture(scope="module")
def from_xlsx(uk_dir: Path) -> ParsedList:
    [groups] = PARSER.claim(sorted(uk_dir.iterdir()))
    [result] = PARSER.parse(groups)
    return result


@pytest.fixture(scope="module")
def from_csv(uk_dir: Path) -> ParsedList:
    [result] = PARSER.parse((uk_dir / "ConList_2025-04-14.csv.gz",))
    return result


@pytest.fixture(scope="module")
def csv_rows(uk_dir: Path) -> list[dict[str, str]]:
    with gzip.open(uk_dir / "ConList_2025-04-14.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def by_id(parsed: ParsedList, entry_id: str) -> Entity:
    return next(e for e in parsed.entities if e.entry_id == entry_id)


def test_one_group_for_xlsx_and_csv_of_the_same_list(uk_dir: Path) -> None:
    groups = PARSER.claim(sorted(uk_dir.iterdir()))
    assert groups == [(uk_dir / "ConList_2025-04-14.xlsx", uk_dir / "ConList_2025-04-14.csv.gz")]


def test_counts_match_the_files(from_xlsx: ParsedList, csv_rows: list[dict[str, str]], uk_dir: Path) -> None:
    wb = openpyxl.load_workbook(uk_dir / "ConList_2025-04-14.xlsx", read_only=True)
    rows = list(wb["Data"].iter_rows(min_row=3, values_only=True))
    wb.close()
    group_col = 35  # "Group ID", the last of 36 columns
    assert len(rows) == len(csv_rows) == ROWS
    assert len({r[group_col] for r in rows}) == len({r["Group ID"] for r in csv_rows}) == TARGETS
    assert len(from_xlsx.entities) == TARGETS
    assert {e.entry_id for e in from_xlsx.entities} == {r["Group ID"] for r in csv_rows}
    ship_groups = {r["Group ID"] for r in csv_rows if r["Group Type"] == "Ship"}
    assert {e.entry_id for e in from_xlsx.entities if e.schema is Schema.VESSEL} == ship_groups
    assert from_xlsx.data_date == dt.date(2025, 4, 14)  # the "Last Updated" banner
    assert from_xlsx.source_files == ("ConList_2025-04-14.xlsx",)
    assert from_xlsx.warnings  # says that the csv.gz was not parsed again


def test_xlsx_and_csv_give_the_same_entities(from_xlsx: ParsedList, from_csv: ParsedList) -> None:
    def comparable(e: Entity) -> dict[str, object]:
        d = e.to_dict()
        del d["source_file"], d["source_line"]
        return d

    assert [comparable(e) for e in from_xlsx.entities] == [comparable(e) for e in from_csv.entities]
    assert from_csv.data_date == from_xlsx.data_date  # from the newest "Last Updated" without a banner
    # the xlsx has the banner row above the header: each row sits one line lower than in the csv
    assert from_xlsx.entities[0].source_line == 3 and from_csv.entities[0].source_line == 2


def test_every_name_row_is_kept(from_csv: ParsedList, csv_rows: list[dict[str, str]]) -> None:
    names = {e.entry_id: {n.value for n in e.names} for e in from_csv.entities}
    for row in csv_rows:
        latin = " ".join(" ".join(row[f"Name {i}"] for i in range(1, 7)).split())
        if latin:
            assert latin in names[row["Group ID"]]


def test_individual_with_original_script(from_csv: ParsedList) -> None:
    e = by_id(from_csv, "15890")
    assert e.schema is Schema.PERSON
    assert e.name == "Andrey Andreevich ZADACHIN"
    script = [n for n in e.names if n.kind is NameKind.ORIGINAL_SCRIPT]
    assert [(n.value, n.lang) for n in script] == [("ЗАДАЧИН Андрей Андреевич", "ru")]
    assert e.birth_dates == ("1990-08-22",)
    assert e.countries == ("RU",) and e.nationalities == ("RU",)
    assert Identifier("UK Sanctions List Ref", "RUS1831") in e.identifiers
    assert e.programs == ("Russia",)
    assert e.listed_on == dt.date(2023, 4, 21)


def test_weak_aliases_partial_dates_and_numbered_passports(from_csv: ParsedList) -> None:
    kony = by_id(from_csv, "13378")
    assert kony.name == "ALI KONY"
    assert {n.value: n.kind for n in kony.names}["1-P"] is NameKind.WEAK_ALIAS  # AKA, Low quality
    assert set(kony.birth_dates) >= {"1993", "1994"}  # DOB 00/00/1993, 00/00/1994
    khan = by_id(from_csv, "12629")
    assert {"1977-08", "1977-09"} <= set(khan.birth_dates)  # DOB 00/08/1977, 00/09/1977
    assert khan.countries == ("PK", "SA")
    azzouz = by_id(from_csv, "13312")  # Passport Number "(1) 223611 (2) C00146605"
    assert Identifier("Passport", "223611") in azzouz.identifiers
    assert Identifier("Passport", "C00146605") in azzouz.identifiers


def test_ship(from_csv: ParsedList) -> None:
    e = by_id(from_csv, "13651")
    assert e.schema is Schema.VESSEL
    assert e.name == "SAM JONG 2"
    assert "PETROCHEM VALOUR" in {n.value for n in e.names}
    assert Identifier("IMO", "7408873") in e.identifiers
    assert e.countries == ("KP",)  # (Flag of ship):North Korea


# --- bad input ------------------------------------------------------------------------------

HEADER = (
    "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,"
    "Non-Latin Script Language,DOB,Town of Birth,Country of Birth,Nationality,Passport Number,"
    "Passport Details,National Identification Number,National Identification Details,Position,"
    "Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,"
    "Group Type,Alias Type,Alias Quality,Regime,Listed On,UK Sanctions List Date Designated,"
    "Last Updated,Group ID"
)
ROW = (
    "SMITH,John,,,,,,,,,01/02/1960,,,Russia,,,,,,,,,,,,,Russia,,{gtype},Primary name,,Russia,{listed},,01/02/2020,{gid}"
)


def _csv(tmp_path: Path, text: str | bytes, name: str = "ConList.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_csv_with_banner_line(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        f"Last Updated,03/04/2025\n{HEADER}\n" + ROW.format(gtype="Individual", listed="01/02/2020", gid="7"),
    )
    assert PARSER.claim([path]) == [(path,)]
    [result] = PARSER.parse((path,))
    assert result.data_date == dt.date(2025, 4, 3)
    [e] = result.entities
    assert (e.entry_id, e.name, e.birth_dates, e.source_line) == ("7", "John SMITH", ("1960-02-01",), 3)


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        (f"{HEADER}\n" + ROW.format(gtype="Individual", listed="01/02/2020", gid=""), 2, "Group ID"),
        (f"{HEADER}\n" + ROW.format(gtype="Alien", listed="01/02/2020", gid="7"), 2, "Group Type"),
        (f"{HEADER}\n" + ROW.format(gtype="Individual", listed="2020-02-31", gid="7"), 2, "Listed On"),
        (HEADER.replace(",Group ID", "") + "\n", 1, "Group ID"),
        (
            f"{HEADER}\n" + ROW.format(gtype="Individual", listed="01/02/2020", gid="7")[:40],
            2,
            "National Identification Number",  # 16 cells: the first missing column
        ),
        ("", 1, None),
        (f"{HEADER}\n", 2, None),
    ],
)
def test_bad_csv(tmp_path: Path, text: str, line: int, field: str | None) -> None:
    path = _csv(tmp_path, text)
    with pytest.raises(DataError) as info:
        PARSER.parse((path,))
    assert (info.value.file, info.value.line, info.value.field) == (str(path), line, field)


def test_wrong_encoding(tmp_path: Path) -> None:
    body = f"{HEADER}\n{ROW}\n".format(gtype="Individual", listed="01/02/2020", gid="7").replace("SMITH", "MÜLLER")
    path = _csv(tmp_path, body.encode("latin-1"))
    with pytest.raises(DataError) as info:
        PARSER.parse((path,))
    assert info.value.line == 2 and "UTF-8" in str(info.value)


def test_truncated_gzip(tmp_path: Path, uk_dir: Path) -> None:
    data = (uk_dir / "ConList_2025-04-14.csv.gz").read_bytes()
    path = _csv(tmp_path, data[: len(data) // 2], "ConList_cut.csv.gz")
    assert PARSER.claim([path]) == [(path,)]  # the head still looks right
    with pytest.raises(DataError, match="gzip"):
        PARSER.parse((path,))


def test_xlsx_without_the_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Last Updated", "14/04/2025"])
    ws.append(["Name", "Something else"])
    path = tmp_path / "ConList.xlsx"
    wb.save(path)
    assert PARSER.claim([path]) == []  # not claimed ...
    with pytest.raises(DataError) as info:  # ... and refused when forced
        PARSER.parse((path,))
    assert (info.value.line, info.value.field) == (2, "Name 6")


def test_not_a_workbook(tmp_path: Path, uk_dir: Path) -> None:
    path = tmp_path / "ConList.xlsx"
    shutil.copyfile(uk_dir / "PROVENANCE.md", path)
    assert PARSER.claim([path]) == []
    with pytest.raises(DataError, match="xlsx"):
        PARSER.parse((path,))


@given(st.integers(1900, 2030), st.integers(0, 12), st.integers(0, 28))
def test_uk_dob_keeps_what_is_known(year: int, month: int, day: int) -> None:
    result = uk_dob(f"{day:02d}/{month:02d}/{year}")
    assert result is not None and result.startswith(str(year))
    if month == 0:
        assert result == str(year)
    elif day == 0:
        assert result == f"{year}-{month:02d}"
    else:
        assert result == dt.date(year, month, day).isoformat()
