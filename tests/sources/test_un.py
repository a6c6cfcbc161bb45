"""UN consolidated XML parser, on the real 2026-02-27 file and on malformed copies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from lxml import etree

from clearance.errors import DataError
from clearance.model import Entity, Identifier, NameKind, ParsedList, Schema
from clearance.sources.un import PARSER

# The file's own counts (PROVENANCE.md): 730 <INDIVIDUAL> and 273 <ENTITY> records.
INDIVIDUALS = 730
ENTITIES = 273


@pytest.fixture(scope="module")
def un_file(data_dir: Path) -> Path:
    return data_dir / "un" / "UN_consolidated.xml"


@pytest.fixture(scope="module")
def parsed(un_file: Path) -> ParsedList:
    [result] = PARSER.parse((un_file,))
    return result


@pytest.fixture(scope="module")
def tree(un_file: Path) -> etree._Element:
    return etree.parse(str(un_file)).getroot()


def by_id(parsed: ParsedList, entry_id: str) -> Entity:
    return next(e for e in parsed.entities if e.entry_id == entry_id)


def test_counts_match_the_file(parsed: ParsedList, tree: etree._Element) -> None:
    individuals = tree.findall("INDIVIDUALS/INDIVIDUAL")
    entities = tree.findall("ENTITIES/ENTITY")
    assert (len(individuals), len(entities)) == (INDIVIDUALS, ENTITIES)
    schemas = [e.schema for e in parsed.entities]
    assert schemas.count(Schema.PERSON) == INDIVIDUALS
    assert schemas.count(Schema.ORGANIZATION) == ENTITIES
    refs = {r.text.strip() for r in tree.iter("REFERENCE_NUMBER") if r.text}
    assert {e.entry_id for e in parsed.entities} == refs
    assert parsed.list_code == "un"
    assert parsed.data_date == dt.date.fromisoformat(tree.get("dateGenerated", "")[:10]) == dt.date(2026, 2, 27)
    assert len(parsed.checksum) == 64 and parsed.source_files == ("UN_consolidated.xml",)


def test_every_alias_of_the_file_is_kept_with_its_quality(parsed: ParsedList, tree: etree._Element) -> None:
    expected = {
        "Good": NameKind.ALIAS,
        "a.k.a.": NameKind.ALIAS,
        "Low": NameKind.WEAK_ALIAS,
        "f.k.a.": NameKind.FORMER,
    }
    checked = 0
    for record in [*tree.iter("INDIVIDUAL"), *tree.iter("ENTITY")]:
        entity = by_id(parsed, record.findtext("REFERENCE_NUMBER", "").strip())
        kinds = {(n.value, n.kind) for n in entity.names}
        for alias in [*record.iter("INDIVIDUAL_ALIAS"), *record.iter("ENTITY_ALIAS")]:
            name = " ".join((alias.findtext("ALIAS_NAME") or "").split())
            quality = (alias.findtext("QUALITY") or "").strip()
            if name and quality in expected:
                assert (name, expected[quality]) in kinds, (entity.entry_id, name, quality)
                checked += 1
    assert checked > 2500  # 2,752 alias elements, a few empty


def test_person_fields(parsed: ParsedList) -> None:
    e = by_id(parsed, "LYi.023")
    assert e.schema is Schema.PERSON
    assert e.name == "Ahmad Oumar Imhamad al-Fitouri"
    kinds = {n.value: n.kind for n in e.names}
    assert kinds["Al Dabbashi"] is NameKind.WEAK_ALIAS
    assert kinds["احمد عمر امحمد الفيتوري"] is NameKind.ORIGINAL_SCRIPT
    assert Identifier("Passport", "LY53FP76", "LY") in e.identifiers
    assert Identifier("National Identification Number", "119880387067") in e.identifiers
    assert e.birth_dates == ("1988-05-07",)
    assert e.nationalities == ("LY",) and e.countries == ("LY",)
    assert {a.city for a in e.addresses} == {"Garabulli", "Zawiya"}
    assert e.listed_on == dt.date(2018, 6, 7)
    assert e.programs == ("Libya",)
    assert e.source_line and e.source_file == "UN_consolidated.xml"


def test_first_record_and_date_ranges(parsed: ParsedList) -> None:
    e = by_id(parsed, "CDi.001")
    assert e.name == "ERIC BADEGE"  # FIRST_NAME + SECOND_NAME
    assert e.nationalities == ("CD",)
    assert e.addresses[0].country == "RW" and "as of early 2016" in e.addresses[0].full
    assert e.birth_dates == ("1971",)
    assert ("un_dataid", "6907993") in e.extra
    assert e.source_line == 4
    between = [x for x in parsed.entities if "1973" in x.birth_dates and "1974" in x.birth_dates]
    assert between, "BETWEEN 1973 and 1974 gives both years"


def test_entity_fields(parsed: ParsedList) -> None:
    e = by_id(parsed, "CDe.001")
    assert e.schema is Schema.ORGANIZATION
    assert e.name == "ADF"
    kinds = {n.value: n.kind for n in e.names}
    assert kinds["Allied Democratic Forces"] is NameKind.ALIAS
    assert kinds["NALU"] is NameKind.FORMER
    assert e.countries == ("CD",)
    assert e.listed_on == dt.date(2014, 6, 30)
    assert by_id(parsed, "QDe.002").names[1].kind is NameKind.ORIGINAL_SCRIPT


def test_claims_only_un_xml(un_file: Path, data_dir: Path, tmp_path: Path) -> None:
    ecfr = sorted((data_dir / "ear" / "ecfr_part744").glob("*.xml"))
    other = tmp_path / "other.xml"
    other.write_text("<root/>")
    assert PARSER.claim([un_file, *ecfr, other, data_dir / "uk" / "ConList_2025-04-14.xlsx"]) == [(un_file,)]


def _write(tmp_path: Path, body: str | bytes) -> Path:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return path


RECORD = """<CONSOLIDATED_LIST dateGenerated="2026-01-02T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>
<DATAID>1</DATAID><FIRST_NAME>{name}</FIRST_NAME><REFERENCE_NUMBER>{ref}</REFERENCE_NUMBER>
<LISTED_ON>{listed}</LISTED_ON></INDIVIDUAL>{more}</INDIVIDUALS></CONSOLIDATED_LIST>"""


def test_small_valid_file(tmp_path: Path) -> None:
    [result] = PARSER.parse((_write(tmp_path, RECORD.format(name="A B", ref="X.1", listed="2020-01-02", more="")),))
    assert [e.name for e in result.entities] == ["A B"]
    assert result.data_date == dt.date(2026, 1, 2)


@pytest.mark.parametrize(
    ("body", "line", "field", "message"),
    [
        (RECORD.format(name="A", ref="X.1", listed="2020-01-02", more="")[:150], 2, None, "truncated"),
        ("<sdnList><x/></sdnList>", 1, "sdnList", "root element"),
        ("", 1, None, "empty file"),
        (RECORD.format(name="", ref="X.1", listed="2020-01-02", more=""), 1, "FIRST_NAME", "no name"),
        (RECORD.format(name="A", ref="X.1", listed="2 Jan 20", more=""), 1, "LISTED_ON", "not a date"),
        (
            RECORD.format(
                name="A",
                ref="X.1",
                listed="2020-01-02",
                more="<INDIVIDUAL><FIRST_NAME>B</FIRST_NAME><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL>",
            ),
            3,
            "REFERENCE_NUMBER",
            "duplicate",
        ),
        ("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", 1, "CONSOLIDATED_LIST", "no INDIVIDUAL"),
    ],
)
def test_bad_input_names_file_line_and_field(
    tmp_path: Path, body: str, line: int | None, field: str | None, message: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(DataError) as info:
        PARSER.parse((path,))
    err = info.value
    assert err.file == str(path)
    assert err.line == line
    assert err.field == field
    assert message in str(err)


def test_wrong_encoding_is_a_data_error(tmp_path: Path) -> None:
    body = RECORD.format(name="Jos\xe9", ref="X.1", listed="2020-01-02", more="").encode("latin-1")
    with pytest.raises(DataError) as info:
        PARSER.parse((_write(tmp_path, b'<?xml version="1.0" encoding="UTF-8"?>\n' + body),))
    assert info.value.line == 3 and "malformed" in str(info.value)


def test_entities_survive_the_json_form_used_by_the_store(parsed: ParsedList) -> None:
    for e in parsed.entities:
        assert Entity.from_dict(json.loads(json.dumps(e.to_dict()))) == e
