"""OFAC legacy CSV sets (SDN 2024 + 2025 companions, the consistent 2021 set, non-SDN consolidated).

Every expected count is computed here with the csv module, independently of the parser."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.errors import DataError
from clearance.model import NameKind, ParsedList, Schema
from clearance.sources._ofac_remarks import parse_remarks, partial_date
from clearance.sources.ofac import PARSER, empty, split_programs


def _rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().rstrip(b"\x1a\r\n").decode("utf-8")
    return [r for r in csv.reader(io.StringIO(text, newline="")) if r]


def _blank(v: str) -> bool:
    return v.strip() in ("", "-0-")


@pytest.fixture(scope="module")
def ofac(data_dir: Path) -> Path:
    return data_dir / "us_ofac"


@pytest.fixture(scope="module")
def set_2021(ofac: Path) -> ParsedList:
    folder = ofac / "2021-07-07_full_set"
    [group] = PARSER.claim(sorted(folder.iterdir()))
    [pl] = PARSER.parse(group)
    return pl


@pytest.fixture(scope="module")
def set_2024(ofac: Path) -> ParsedList:
    [group] = PARSER.claim(sorted(p for p in ofac.iterdir() if p.is_file()))
    [pl] = PARSER.parse(group)
    return pl


@pytest.fixture(scope="module")
def cons(ofac: Path) -> ParsedList:
    [group] = PARSER.claim(sorted((ofac / "consolidated_non_sdn").iterdir()))
    [pl] = PARSER.parse(group)
    return pl


def test_claim_groups_by_folder_and_family(ofac: Path, data_dir: Path) -> None:
    files = sorted(p for p in ofac.rglob("*") if p.is_file())
    files.append(data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv")
    groups = {tuple(p.name for p in g) for g in PARSER.claim(files)}
    assert groups == {
        ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"),
        ("sdn_2024-05-03.csv", "add_2025-12-24.csv", "alt_2025-12-24.csv", "sdn_comments_2025-12-24.csv"),
        ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
    }
    # companions without their primary are not claimed
    assert PARSER.claim([ofac / "add_2025-12-24.csv", ofac / "alt_2025-12-24.csv"]) == []


def test_consistent_2021_set(set_2021: ParsedList, ofac: Path) -> None:
    folder = ofac / "2021-07-07_full_set"
    sdn, add, alt = (_rows(folder / n) for n in ("sdn.csv", "add.csv", "alt.csv"))
    assert (len(sdn), len(add), len(alt)) == (8976, 13837, 11910)
    assert len(set_2021.entities) == 8976 and set_2021.list_code == "sdn"
    assert {e.entry_id for e in set_2021.entities} == {r[0].strip() for r in sdn}
    assert set_2021.warnings == ()  # every add/alt row has its primary record
    assert set_2021.data_date == dt.date(2021, 7, 7)  # from the folder name "2021-07-07_full_set"
    by_id = {e.entry_id: e for e in set_2021.entities}
    # every alias row is a name of its entry, with its kind
    kinds = {"aka": NameKind.ALIAS, "nka": NameKind.ALIAS, "fka": NameKind.FORMER}
    for r in alt:
        names = {(n.value, n.kind) for n in by_id[r[0].strip()].names}
        assert (" ".join(r[3].split()), kinds[r[2].strip()]) in names or r[3].strip() == by_id[r[0].strip()].name
    # every entry with a non-empty address row has an address
    with_address = {r[0].strip() for r in add if not all(_blank(v) for v in r[2:5])}
    assert with_address == {e.entry_id for e in set_2021.entities if e.addresses}
    types: defaultdict[str, int] = defaultdict(int)
    for r in sdn:
        types[r[2].strip()] += 1
    assert sum(1 for e in set_2021.entities if e.schema is Schema.PERSON) == types["individual"]
    assert sum(1 for e in set_2021.entities if e.schema is Schema.VESSEL) == types["vessel"]
    assert sum(1 for e in set_2021.entities if e.schema is Schema.AIRCRAFT) == types["aircraft"]
    assert sum(1 for e in set_2021.entities if e.schema is Schema.ORGANIZATION) == types["-0-"]


def test_2024_primary_with_2025_companions(set_2024: ParsedList, ofac: Path) -> None:
    sdn = _rows(ofac / "sdn_2024-05-03.csv")
    primary_ids = {r[0].strip() for r in sdn}
    assert len(sdn) == len({e.entry_id for e in set_2024.entities} & primary_ids) == 14965
    assert set_2024.data_date == dt.date(2024, 5, 3)
    primary = {r[0].strip() for r in sdn}
    for name in ("add_2025-12-24.csv", "alt_2025-12-24.csv", "sdn_comments_2025-12-24.csv"):
        orphans = [r for r in _rows(ofac / name) if r[0].strip() not in primary]
        ent_nums = {r[0].strip() for r in orphans}
        assert orphans, name
        expected = f"{len(orphans)} rows of {name} ({len(ent_nums)} ent_nums) have no primary record"
        assert any(w.startswith(expected) for w in set_2024.warnings), (expected, set_2024.warnings)
    assert len(set_2024.source_files) == 4
    # an ent_num named by a strong alias of the newer alias file is loaded from its aliases alone (R6-15)
    alias_only = {e.entry_id: e for e in set_2024.entities if e.entry_id not in primary}
    strong = {r[0].strip() for r in _rows(ofac / "alt_2025-12-24.csv")
              if r[0].strip() not in primary and "weak" not in (r[2] + r[4]).lower()}
    assert set(alias_only) == strong and len(strong) == 1567
    assert f"{len(strong)} ent_nums without a primary record" in " ".join(set_2024.warnings)
    tda = alias_only["49756"]
    assert tda.names[0].value == "EL TREN DE ARAGUA" and tda.schema is Schema.LEGAL_ENTITY and not tda.programs
    assert "VE" in tda.countries and "no primary record" in (tda.remarks or "")


def test_remark_facts_on_real_entries(set_2024: ParsedList) -> None:
    by_id = {e.entry_id: e for e in set_2024.entities}
    bnc = by_id["306"]  # BANCO NACIONAL DE CUBA, remarks "a.k.a. 'BNC'."
    assert ("BNC", NameKind.WEAK_ALIAS) in {(n.value, n.kind) for n in bnc.names}
    people = [e for e in set_2024.entities if e.schema is Schema.PERSON]
    assert sum(1 for e in people if e.birth_dates) / len(people) > 0.9
    assert sum(1 for e in people if e.nationalities) / len(people) > 0.5
    vessels = [e for e in set_2024.entities if e.schema is Schema.VESSEL]
    assert sum(1 for e in vessels if any(i.kind == "IMO" for i in e.identifiers)) / len(vessels) > 0.8
    assert any(i.kind == "Passport" and i.country for e in people for i in e.identifiers)
    multi = [e for e in set_2024.entities if len(e.programs) > 1]
    assert multi and all("]" not in p and "[" not in p for e in multi for p in e.programs)


def test_long_remarks_are_joined_from_comments(set_2021: ParsedList, ofac: Path) -> None:
    comments = _rows(ofac / "2021-07-07_full_set" / "sdn_comments.csv")
    by_id = {e.entry_id: e for e in set_2021.entities}
    for ent, extended in comments:
        remarks = by_id[ent.strip()].remarks or ""
        assert remarks.endswith(" ".join(extended.split()))


def test_consolidated_non_sdn(cons: ParsedList, ofac: Path) -> None:
    prim = _rows(ofac / "consolidated_non_sdn" / "cons_prim.csv")
    assert len(prim) == len(cons.entities) == 442 and cons.list_code == "ofac-cons"
    huawei = sorted(e.name for e in cons.entities if e.name.startswith("HUAWEI"))
    assert huawei == ["HUAWEI INVESTMENT & HOLDING CO., LTD.", "HUAWEI TECHNOLOGIES CO., LTD."]
    assert all(e.programs == ("CMIC-EO13959",) for e in cons.entities if e.name in huawei)
    assert any(n.kind is NameKind.FORMER for e in cons.entities for n in e.names)


# --- malformed input -------------------------------------------------------------------------


PRIM = '1,"ACME",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'


def test_duplicate_ent_num(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes((PRIM + PRIM.replace("ACME", "OTHER")).encode() + b"\x1a")
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert (err.value.line, err.value.field) == (2, "ent_num") and "duplicate" in str(err.value)


def test_truncated_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text(PRIM + '2,"CUT",-0- ,"SDGT"', encoding="utf-8")
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.line == 2 and "4 fields" in str(err.value)
    path.write_text(PRIM + PRIM.replace("1,", "x1,", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert (err.value.line, err.value.field) == (2, "ent_num")
    path.write_text(PRIM.replace("-0- ,", '"robot",', 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        PARSER.parse((path,))
    assert err.value.field == "SDN_Type"


def test_bad_companion_files(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_text(PRIM, encoding="utf-8")
    alt = tmp_path / "alt.csv"
    alt.write_text('1,10,"aka","ACME TWO",-0- \r\n1,11,"zzz","ACME THREE",-0- \r\n', encoding="utf-8")
    with pytest.raises(DataError) as err:
        PARSER.parse((tmp_path / "sdn.csv", alt))
    assert (err.value.file, err.value.line, err.value.field) == (str(alt), 2, "alt_type")
    add = tmp_path / "add.csv"
    add.write_bytes(b'1,20,"Stra\xdfe 1","Berlin","Germany",-0- \r\n')
    with pytest.raises(DataError) as err:
        PARSER.parse((tmp_path / "sdn.csv", add))
    assert err.value.file == str(add) and err.value.line == 1 and "UTF-8" in str(err.value)


def test_empty_file_and_wrong_list(tmp_path: Path, data_dir: Path) -> None:
    empty_file = tmp_path / "sdn.csv"
    empty_file.write_bytes(b"\x1a")
    with pytest.raises(DataError, match="empty"):
        PARSER.parse((empty_file,))
    # a CSL file under an OFAC name: not claimed (it has a header), and refused if forced
    csl = tmp_path / "cons_prim.csv"
    shutil.copy(data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv", csl)
    assert PARSER.claim([csl]) == []
    with pytest.raises(DataError) as err:
        PARSER.parse((csl,))
    assert err.value.line == 1


def test_binary_file_with_an_ofac_name_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00binary")
    assert PARSER.claim([path]) == []


# --- pure helpers ----------------------------------------------------------------------------


def test_helpers_examples() -> None:
    assert empty("-0- ") is None and empty(" -0-") is None and empty(" x ") == "x"
    assert split_programs("IRAN] [SDGT] [IRGC") == ("IRAN", "SDGT", "IRGC")
    assert split_programs("[CUBA]") == ("CUBA",)
    facts = parse_remarks(
        "DOB 01 Jan 1960; alt. DOB 1962; POB Tehran, Iran; nationality Iran; Gender Male; "
        "Passport A123 (Iran) expires 01 Jan 2020; Vessel Registration Identification IMO 9187629; "
        "a.k.a. 'ABU X'; f.k.a. 'OLD CO'; Linked To: ACME LTD."
    )
    assert facts.birth_dates == ("1960-01-01", "1962")
    assert facts.nationalities == ("IR",)
    assert [(i.kind, i.value, i.country) for i in facts.identifiers] == [
        ("Passport", "A123", "IR"),
        ("IMO", "9187629", None),
    ]
    assert facts.weak_aliases == ("ABU X",) and facts.former_names == ("OLD CO",)
    assert dict(facts.extra) == {"place_of_birth": "Tehran, Iran", "gender": "Male", "linked_to": "ACME LTD"}
    assert partial_date("Nov 1963") == "1963-11" and partial_date("32 Jan 1960") is None


@given(st.text(max_size=300))
def test_parse_remarks_never_raises_and_is_stable(text: str) -> None:
    facts = parse_remarks(text)
    assert parse_remarks(text) == facts
    assert all(len(c) == 2 for c in facts.nationalities)
    assert all(i.value for i in facts.identifiers)


@given(st.text(alphabet=st.sampled_from(list("-0 x")), max_size=8))
def test_empty_handles_ofac_placeholders(text: str) -> None:
    value = empty(text)
    assert value is None or (value.strip() == value and value != "-0-")


@given(st.integers(1, 28), st.sampled_from(["Jan", "Feb", "Mar", "Oct", "Dec"]), st.integers(1900, 2030))
def test_partial_date_round_trip(day: int, month: str, year: int) -> None:
    iso = partial_date(f"{day:02d} {month} {year}")
    expected = dt.datetime.strptime(f"{day} {month} {year}", "%d %b %Y").date()
    assert iso is not None and dt.date.fromisoformat(iso) == expected


def test_alias_kinds_from_the_alias_file(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_text(PRIM, encoding="utf-8")
    alt = tmp_path / "alt.csv"
    alt.write_text(
        '1,10,"aka","ACME TWO",-0- \r\n1,11,"fka","OLD ACME",-0- \r\n1,12,"nka","NEW ACME",-0- \r\n'
        '1,13,"aka","AC",weak\r\n9,14,"aka","NOBODY",-0- \r\n',
        encoding="utf-8",
    )
    [pl] = PARSER.parse((tmp_path / "sdn.csv", alt))
    entity, nobody = pl.entities
    assert [(n.value, n.kind) for n in entity.names] == [
        ("ACME", NameKind.PRIMARY),
        ("ACME TWO", NameKind.ALIAS),
        ("OLD ACME", NameKind.FORMER),
        ("NEW ACME", NameKind.ALIAS),
        ("AC", NameKind.WEAK_ALIAS),
    ]
    assert entity.schema is Schema.ORGANIZATION and entity.programs == ("SDGT",)
    assert pl.warnings == ("1 rows of alt.csv (1 ent_nums) have no primary record in sdn.csv; not joined to any",
                           "1 ent_nums without a primary record in sdn.csv loaded from their strong aliases alone "
                           "(type and programme unknown)")
    # the alias row proves entry 9 is designated: it is loaded from its alias alone (R6-15)
    assert nobody.entry_id == "9" and [(n.value, n.kind) for n in nobody.names] == [("NOBODY", NameKind.ALIAS)]
    assert nobody.schema is Schema.LEGAL_ENTITY and not nobody.programs
