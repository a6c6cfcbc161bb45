"""Other US lists (1260H, FCC, NDAA, INKSNA, s.353, Cuba, MIEU, ISN, DTC) on the real files."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from clearance.errors import DataError
from clearance.model import Entity, NameKind, ParsedList, Schema
from clearance.sources.us_other import (
    CUBA_PARSER,
    DOD_1260H_PARSER,
    DTC_PARSER,
    FCC_PARSER,
    ISN_PARSER,
    MIEU_PARSER,
    NDAA_PARSER,
    PARSERS,
    CsvListParser,
)

OS = Path("us_other/opensanctions")
LEG = OS / "special_legislation"
STATE = Path("us_other/state_dept_govwizely_2018")
# list code -> (files, data rows stated in the PROVENANCE.md files)
FAMILIES: dict[str, tuple[tuple[Path, ...], int]] = {
    "1260h": ((OS / "dod_1260h_chinese_military_companies.csv",), 397),
    "fcc": ((OS / "fcc_covered_list_table.csv",), 16),
    "ndaa": (
        (
            LEG / "section_1286.csv",
            LEG / "section_154.csv",
            LEG / "section_5949.csv",
            LEG / "section_889.csv",
        ),
        443 + 6 + 3 + 5,
    ),
    "inksna": ((LEG / "inksna.csv",), 28),
    "s353": ((LEG / "section_353.csv",), 167),
    "cuba": ((OS / "cuba_restricted_entities.csv",), 239),
    "mieu": ((Path("us_bis/mieu_opensanctions.csv"),), 13),
    "isn": ((STATE / "isn_nonproliferation_sanctions.csv",), 213),
    "dtc": ((STATE / "itar_debarred_party_list_2018-01-24.csv",), 515),
}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def parsed(data_dir: Path) -> dict[str, ParsedList]:
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    out: dict[str, ParsedList] = {}
    for parser in PARSERS:
        for group in parser.claim(files):
            [result] = parser.parse(group)
            assert result.list_code not in out, "one group per list in the data folder"
            out[result.list_code] = result
    return out


def by_name(result: ParsedList, name: str) -> list[Entity]:
    return [e for e in result.entities if e.name == name]


def test_each_family_claims_exactly_its_files(data_dir: Path) -> None:
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    claimed: dict[Path, str] = {}
    for parser in PARSERS:
        for group in parser.claim(files):
            for path in group:
                assert path not in claimed, f"{path} claimed by {claimed[path]} and {parser.list_code}"
                claimed[path] = parser.list_code
    expected = {data_dir / f: code for code, (fs, _) in FAMILIES.items() for f in fs}
    assert claimed == expected  # fr_notices.csv, CSL, OFAC, EU, ... are left alone


@pytest.mark.parametrize("code", sorted(FAMILIES))
def test_counts_match_the_files(parsed: dict[str, ParsedList], data_dir: Path, code: str) -> None:
    files, stated = FAMILIES[code]
    rows = [row for f in files for row in _rows(data_dir / f)]
    assert len(rows) == stated
    result = parsed[code]
    if code == "fcc":  # items covering a class of foreign-made equipment name no party
        assert len(result.entities) == sum(1 for r in rows if "foreign" not in str(r).lower()) == 12
        assert len(result.warnings) == 4
    else:
        assert len(result.entities) == stated
    assert len({e.entry_id for e in result.entities}) == len(result.entities)
    assert result.source_files == tuple(f.name for f in files)
    assert all(e.list_code == code for e in result.entities)


def test_huawei_rows(parsed: dict[str, ParsedList]) -> None:
    dod = [e for e in parsed["1260h"].entities if "Huawei" in e.name]
    assert len(dod) == 6  # two companies, three tranches each (PROVENANCE.md)
    first = next(e for e in dod if e.name == "Huawei Technologies Co., Ltd." and e.listed_on == dt.date(2021, 6, 3))
    assert [(n.value, n.kind) for n in first.names] == [
        ("Huawei Technologies Co., Ltd.", NameKind.PRIMARY),
        ("Huawei", NameKind.ALIAS),
    ]
    assert ("parent_name", "Huawei Investment & Holding Co., Ltd.") in first.extra
    [fcc] = by_name(parsed["fcc"], "Huawei Technologies Company")
    assert fcc.listed_on == dt.date(2021, 3, 12) and fcc.remarks and "Telecommunications" in fcc.remarks
    [ndaa] = by_name(parsed["ndaa"], "Huawei Technologies Company")
    assert ndaa.source_file == "section_889.csv" and ndaa.schema is Schema.COMPANY


def test_field_values(parsed: dict[str, ParsedList]) -> None:
    [pacific] = by_name(parsed["fcc"], "Pacific Networks Corp")
    assert [n.value for n in pacific.names] == ["Pacific Networks Corp", "ComNet (USA) LLC"]
    [cimex] = by_name(parsed["cuba"], "Corporación CIMEX S.A.")
    assert cimex.entry_id == "corporacion-cimex-s-a" and cimex.countries == ("CU",)
    assert ("CIMEX", NameKind.ALIAS) in {(n.value, n.kind) for n in cimex.names}
    [gru] = by_name(parsed["mieu"], "Main Intelligence Directorate")
    assert (gru.countries, gru.listed_on, gru.names[1].value) == (("RU",), dt.date(2021, 3, 16), "GRU")
    [choe] = by_name(parsed["inksna"], "Ch'oe Ch'o'l-min")
    assert choe.schema is Schema.PERSON and choe.countries == ("KP",)  # "DPRK"
    assert by_name(parsed["s353"], "Adolfo Salume Artinano")[0].countries == ("SV",)  # "EL SALVADOR"
    khan = by_name(parsed["isn"], "Abdul Qadeer Khan")
    assert len(khan) == 3 and khan[0].countries == ("PK",)
    [citc] = by_name(parsed["isn"], "Center for Innovation and Technology Cooperation")
    kinds = {n.value: n.kind for n in citc.names}
    assert kinds["CITC"] is NameKind.ALIAS
    assert kinds["Office of Scientific and Industrial Studies (OSIS)"] is NameKind.FORMER
    assert citc.federal_register == ("Vol. 77, No. 141, 07/23/12",)
    assert citc.listed_on == dt.date(2012, 7, 12)  # "7/12/2012", month first
    [du] = by_name(parsed["dtc"], "Du, Gia An")
    assert [n.value for n in du.names[1:]] == ["Anthony Huynh", "Simon Du", "Gia Simon Du"]
    assert du.federal_register == ("67 FR 10033",) and du.listed_on == dt.date(2002, 3, 5)
    assert by_name(parsed["dtc"], "Aguilar-Medina, Guillermo")[0].birth_dates == ("1981-11",)


def test_data_dates(parsed: dict[str, ParsedList]) -> None:
    assert parsed["dtc"].data_date == dt.date(2018, 1, 24)  # from the file name
    assert parsed["1260h"].data_date == dt.date(2026, 6, 8)  # the latest tranche
    assert parsed["fcc"].data_date == dt.date(2026, 7, 28)  # the latest inclusion date
    assert parsed["inksna"].data_date == dt.date(2026, 8, 4)  # the latest report (FR notice) date


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


MIEU_HEAD = "Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\n"


@pytest.mark.parametrize(
    ("parser", "text", "line", "field"),
    [
        (MIEU_PARSER, MIEU_HEAD + "Organization,,X,CU,,US-BIS-MIEU,2021-03-16,,\n", 2, "Name"),
        (MIEU_PARSER, MIEU_HEAD + "Organization,GRU,X,RU\n", 2, "Topics"),
        (MIEU_PARSER, "Type,Name\nOrganization,GRU\n", 1, "Alias"),
        (MIEU_PARSER, "", 1, None),
        (DTC_PARSER, "Debarred Party Full Name and Alias,Notice,Notice Date\n,1 FR 1,1/1/2000\n", 2, None),
        (CUBA_PARSER, "Id,Company,Acronym,Alias,Category,EffectiveDate\nx,A,,,,\ny,B,,,,\nx,C,,,,\n", 4, "Id"),
        (CUBA_PARSER, 'Id,Company,Acronym,Alias,Category,EffectiveDate\nx,"Unclosed,,,,\n', 2, None),
    ],
)
def test_bad_input(tmp_path: Path, parser: CsvListParser, text: str, line: int, field: str | None) -> None:
    path = _write(tmp_path, "list.csv", text)
    with pytest.raises(DataError) as info:
        parser.parse((path,))
    assert (info.value.file, info.value.line) == (str(path), line)
    if field is not None:
        assert info.value.field == field
    if parser is CUBA_PARSER and field is None:
        assert "never closed" in str(info.value)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "mieu.csv", (MIEU_HEAD + "Organization,Dirección,,CU,,P,2021-03-16,,\n").encode("latin-1"))
    with pytest.raises(DataError) as info:
        MIEU_PARSER.parse((path,))
    assert info.value.line == 2 and "UTF-8" in str(info.value)


def test_repeated_ids_are_kept_apart_with_a_warning(tmp_path: Path) -> None:
    row = "Org,GRU,,RU,,P,2021-03-16,,\n"
    path = _write(tmp_path, "mieu.csv", MIEU_HEAD + row + row)
    [result] = MIEU_PARSER.parse((path,))
    assert [e.entry_id for e in result.entities] == ["gru", "gru~2"]
    assert result.warnings == ("mieu.csv:3: id gru repeated, kept as gru~2",)


def test_other_families_do_not_claim_each_other(tmp_path: Path) -> None:
    path = _write(tmp_path, "mieu.csv", MIEU_HEAD)
    assert MIEU_PARSER.claim([path]) == [(path,)]
    assert [p for p in PARSERS if p is not MIEU_PARSER and p.claim([path])] == []
    assert NDAA_PARSER.claim([_write(tmp_path, "section_999.csv", "schema,name,aliases\n")]) == []
    assert FCC_PARSER.claim([tmp_path / "missing.csv"]) == []
    assert ISN_PARSER.lists == ("isn",) and DOD_1260H_PARSER.lists == ("1260h",)
