"""EU Official Journal annex transcriptions (45 consolidated CSVs, one ``eu`` list)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from clearance.errors import DataError
from clearance.model import Entity, Identifier, NameKind, ParsedList, Schema
from clearance.sources.eu import PARSER

# eu/PROVENANCE.md: 8,017 records over 45 files; 8 files hold only the header.
FILES = 45
RECORDS = 8_017
EMPTY_FILES = 8
HEADER = (
    "celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,previousName,country,"
    "nationality,jurisdiction,birthDate,birthPlace,position,passportNumber,gender,appearance,ethnicity,"
    "fatherName,motherName,incorporationDate,legalForm,sector,registrationNumber,taxNumber,idNumber,innCode,"
    "ogrnCode,kppCode,okpoCode,leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,notes"
)


@pytest.fixture(scope="module")
def eu_dir(data_dir: Path) -> Path:
    return data_dir / "eu" / "opensanctions_eu_journal_consolidated"


@pytest.fixture(scope="module")
def parsed(eu_dir: Path) -> ParsedList:
    [group] = PARSER.claim(sorted(eu_dir.iterdir()))
    [result] = PARSER.parse(group)
    return result


def by_id(parsed: ParsedList, entry_id: str) -> Entity:
    return next(e for e in parsed.entities if e.entry_id == entry_id)


def test_one_group_of_every_consolidated_file(eu_dir: Path) -> None:
    [group] = PARSER.claim(sorted(eu_dir.iterdir()))  # FORMAT.md is not claimed
    assert len(group) == FILES and all(p.suffix == ".csv" for p in group)


def test_counts_match_the_files(parsed: ParsedList, eu_dir: Path) -> None:
    per_file: dict[str, int] = {}
    schemas: dict[str, int] = {}
    for path in sorted(eu_dir.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        per_file[path.name] = len(rows)
        for row in rows:
            schemas[row["schema"]] = schemas.get(row["schema"], 0) + 1
    assert sum(per_file.values()) == RECORDS
    assert sum(1 for n in per_file.values() if n == 0) == EMPTY_FILES
    assert len(parsed.entities) == RECORDS
    assert len({e.entry_id for e in parsed.entities}) == RECORDS  # ids are unique
    for name, count in per_file.items():
        assert sum(1 for e in parsed.entities if e.source_file == name) == count, name
    by_schema = {s: sum(1 for e in parsed.entities if e.schema is s) for s in Schema}
    assert by_schema[Schema.PERSON] == schemas["Person"] == 4500
    assert by_schema[Schema.VESSEL] == schemas["Vessel"]
    assert by_schema[Schema.LEGAL_ENTITY] == schemas["LegalEntity"]
    assert by_schema[Schema.ORGANIZATION] == schemas["Organization"] + schemas["Asset"]
    assert parsed.source_files == tuple(sorted(per_file))
    assert parsed.data_date == dt.date(2026, 7, 30)  # the latest startDate printed in the files


def test_ids_are_stable_across_parses(parsed: ParsedList, eu_dir: Path) -> None:
    [again] = PARSER.parse(tuple(sorted(eu_dir.glob("*.csv"))))
    assert [e.entry_id for e in again.entities] == [e.entry_id for e in parsed.entities]
    assert again.checksum == parsed.checksum


def test_person(parsed: ParsedList) -> None:
    e = by_id(parsed, "32011R0359:I.A:102")
    assert e.schema is Schema.PERSON
    assert e.name == "SAFARI Sayd Ali"
    assert [(n.value, n.kind) for n in e.names[1:]] == [("صفرى سید علی", NameKind.ORIGINAL_SCRIPT)]
    assert e.nationalities == ("IR",)  # "Iranian"
    assert e.programs == ("EU-IRN",)
    assert e.listed_on == dt.date(2022, 10, 17)  # "17.10.2022"
    assert e.remarks and e.remarks.startswith("Colonel Sayd Ali Safari")
    assert ("measure", "Asset freeze") in e.extra


def test_legal_entity(parsed: ParsedList) -> None:
    e = by_id(parsed, "32014R0269:I.ENTITIES:361")
    assert e.schema is Schema.LEGAL_ENTITY and e.name == "Askon JSC"
    kinds = {n.value: n.kind for n in e.names}
    assert kinds["Ascon JSC"] is NameKind.ALIAS
    assert kinds["Акционерное Общество ‘Аскон’"] is NameKind.ORIGINAL_SCRIPT
    assert Identifier("Registration Number", "1027739360110") in e.identifiers
    assert Identifier("Tax Number", "7809009923") in e.identifiers
    assert e.addresses[0].country == "RU" and e.countries == ("RU",)


def test_vessel_and_person_with_birth_date(parsed: ParsedList) -> None:
    ship = by_id(parsed, "32014R0833:XLII:1")
    assert ship.schema is Schema.VESSEL and ship.name == "Angara"
    assert ship.identifiers == (Identifier("IMO", "9179842"),)
    person = by_id(parsed, "32014R0269:I.PERSONS:192")
    assert person.birth_dates == ("1967-11-10",)
    assert person.names[1].kind is NameKind.ORIGINAL_SCRIPT


def test_unnumbered_rows_get_hash_ids(parsed: ParsedList) -> None:
    unnumbered = [e for e in parsed.entities if not any(k == "record_id" for k, _ in e.extra)]
    assert len(unnumbered) == 550  # rows with an empty recordId (counted with the csv module above)
    assert all(":h" in e.entry_id for e in unnumbered)
    assert len(parsed.warnings) == 1  # one unnumbered row printed twice in 32002R0881 annex I


def _file(tmp_path: Path, stem: str, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / f"{stem}.csv"
    path.write_text("\n".join([header, *rows]) + "\n" if header else "", encoding="utf-8")
    return path


def _row(celex: str = "32099R0001", schema: str = "Person", name: str = "DOE John", record: str = "1") -> str:
    cells = [celex, record, "EU-TEST", "I", "Asset freeze", "1.2.2024", "", schema, name] + [""] * 36
    return ",".join(cells)


def test_small_valid_file(tmp_path: Path) -> None:
    path = _file(tmp_path, "32099R0001", [_row(), _row(record="2", name="ROE Jane")])
    assert PARSER.claim([path]) == [(path,)]
    [result] = PARSER.parse((path,))
    assert [e.entry_id for e in result.entities] == ["32099R0001:I:1", "32099R0001:I:2"]
    assert result.entities[0].listed_on == dt.date(2024, 2, 1)


@pytest.mark.parametrize(
    ("rows", "header", "line", "field"),
    [
        ([_row(celex="32099R0002")], HEADER, 2, "celex"),
        ([_row(schema="Spaceship")], HEADER, 2, "schema"),
        ([_row(name="")], HEADER, 2, "name"),
        ([_row(), _row()], HEADER, 3, "recordId"),
        ([_row()[:-5]], HEADER, 2, "address"),  # 40 of 45 cells: column 41 is missing
        ([_row()], HEADER.replace("schema,", ""), 1, "schema"),
        ([], "", 1, None),
    ],
)
def test_bad_input(tmp_path: Path, rows: list[str], header: str, line: int, field: str | None) -> None:
    path = _file(tmp_path, "32099R0001", rows, header)
    with pytest.raises(DataError) as info:
        PARSER.parse((path,))
    assert (info.value.file, info.value.line, info.value.field) == (str(path), line, field)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "32099R0001.csv"
    path.write_bytes((HEADER + "\n" + _row(name="MÜLLER Hans") + "\n").encode("cp1252"))
    with pytest.raises(DataError) as info:
        PARSER.parse((path,))
    assert info.value.line == 2 and "UTF-8" in str(info.value)


def test_foreign_files_are_not_claimed(tmp_path: Path, data_dir: Path) -> None:
    amendment = _file(tmp_path, "32099R0003", [], "amendedCelex,amendmentCelex," + HEADER.split(",", 1)[1])
    other = tmp_path / "sdn.csv"
    shutil.copyfile(data_dir / "us_ofac" / "sdn_2024-05-03.csv", other)
    assert PARSER.claim([amendment, other, data_dir / "eu" / "PROVENANCE.md"]) == []


def test_entities_survive_the_json_form_used_by_the_store(parsed: ParsedList) -> None:
    for e in parsed.entities:
        assert Entity.from_dict(json.loads(json.dumps(e.to_dict()))) == e
