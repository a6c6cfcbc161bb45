"""Fuzzing every list-file parser (issue 11: no traceback, a clear error naming the file, store untouched).

Each parser starts from a few real records of its own file in ../shared/data (the seed parses cleanly,
checked below) and gets FUZZ_EXAMPLES mutated variants (tests/fuzz/kit.py: tokens that break parsers
inserted, spans deleted or copied, lines repeated, dropped or swapped, the file cut off or re-encoded).
The oracle is what `clearance lists load` needs: claiming never raises; parsing either gives lists the
store accepts (``prepare``, the validation run before any write, raises only DataError) or raises
DataError naming a file of the group. Any other exception is a bug a user would meet as a bad message.
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

from clearance.errors import DataError
from clearance.model import ParsedList
from clearance.sources import csl, dpl, entity_list, eu, ofac, uk, un, us_other
from clearance.sources.base import SourceParser
from clearance.store.validate import prepare
from tests.conftest import DATA_DIR
from tests.fuzz.kit import FUZZ_EXAMPLES, Choices, mutate, program, scratch

WORK = scratch("clearance-fuzz-lists-")


def _lines(path: Path, n: int, *, skip: int = 0) -> bytes:
    """The first line and ``n`` lines after ``skip`` more (a header and some real records)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        lines = fh.read().split(b"\n")
    return b"\n".join([lines[0], *lines[1 + skip : 1 + skip + n]]) + b"\n"


def _un_seed() -> bytes:
    """The UN XML with its first two individuals and two entities."""
    root = etree.parse(str(DATA_DIR / "un" / "UN_consolidated.xml")).getroot()
    for group in root:
        for extra in list(group)[2:]:
            group.remove(extra)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _ofac_seed() -> dict[str, bytes]:
    """sdn.csv's first rows and the rows of add, alt and comments that belong to them."""
    folder = DATA_DIR / "us_ofac" / "2021-07-07_full_set"
    sdn = (folder / "sdn.csv").read_bytes().split(b"\n")
    keep = [line for line in sdn if line.split(b",", 1)[0] in {b"36", b"173", b"12300"}]
    ids = {line.split(b",", 1)[0] for line in keep}
    out = {"sdn.csv": b"\n".join(keep) + b"\n"}
    for name in ("add.csv", "alt.csv", "sdn_comments.csv"):
        rows = [r for r in (folder / name).read_bytes().split(b"\n") if r.split(b",", 1)[0] in ids]
        out[name] = b"\n".join(rows) + b"\n"
    return out


OTHER = DATA_DIR / "us_other"
OTHER_SEEDS: dict[str, tuple[str, bytes]] = {
    "1260h": ("dod_1260h_chinese_military_companies.csv",
              _lines(OTHER / "opensanctions" / "dod_1260h_chinese_military_companies.csv", 3)),
    "fcc": ("fcc_covered_list_table.csv", _lines(OTHER / "opensanctions" / "fcc_covered_list_table.csv", 3)),
    "ndaa": ("section_1286.csv", _lines(OTHER / "opensanctions" / "special_legislation" / "section_1286.csv", 3)),
    "inksna": ("inksna.csv", _lines(OTHER / "opensanctions" / "special_legislation" / "inksna.csv", 3)),
    "s353": ("section_353.csv", _lines(OTHER / "opensanctions" / "special_legislation" / "section_353.csv", 3)),
    "cuba": ("cuba_restricted_entities.csv", _lines(OTHER / "opensanctions" / "cuba_restricted_entities.csv", 3)),
    "mieu": ("mieu_opensanctions.csv", _lines(DATA_DIR / "us_bis" / "mieu_opensanctions.csv", 3)),
    "isn": ("isn_nonproliferation_sanctions.csv",
            _lines(OTHER / "state_dept_govwizely_2018" / "isn_nonproliferation_sanctions.csv", 3)),
    "dtc": ("itar_debarred_party_list_2018-01-24.csv",
            _lines(OTHER / "state_dept_govwizely_2018" / "itar_debarred_party_list_2018-01-24.csv", 3)),
}  # fmt: skip
OTHER_PARSERS = {p.list_code: p for p in us_other.PARSERS}

# parser -> {file name: seed bytes}; the file names are what the real files are called
SEEDS: dict[str, tuple[SourceParser, dict[str, bytes]]] = {
    "el": (entity_list.PARSER, {"entity_list_2025-11-08.csv": _lines(DATA_DIR / "us_bis" /
                                                                     "entity_list_2025-11-08.csv", 3)}),
    "dpl": (dpl.PARSER, {"dpl_2023-11-30.txt": _lines(DATA_DIR / "us_bis" / "dpl_2023-11-30.txt", 3)}),
    "csl": (csl.PARSER, {"consolidated_2025-06-25.csv": _lines(DATA_DIR / "us_csl" /
                                                               "moov_cslustest_fixture_2025-06.csv", 4)}),
    "ofac": (ofac.PARSER, _ofac_seed()),
    "un": (un.PARSER, {"UN_consolidated.xml": _un_seed()}),
    "uk": (uk.PARSER, {"ConList_2025-04-14.csv": _lines(DATA_DIR / "uk" / "ConList_2025-04-14.csv.gz", 3)}),
    "eu": (eu.PARSER, {"32014R0833.csv": _lines(DATA_DIR / "eu" / "opensanctions_eu_journal_consolidated" /
                                                "32014R0833.csv", 3)}),
}  # fmt: skip


def _write(folder: str, files: dict[str, bytes]) -> tuple[Path, ...]:
    where = WORK / folder
    where.mkdir(exist_ok=True)
    paths = []
    for name, data in files.items():
        path = where / name
        path.write_bytes(data)
        paths.append(path)
    return tuple(paths)


def parse_or_refuse(parser: SourceParser, files: tuple[Path, ...]) -> list[ParsedList] | DataError:
    """What `lists load` does before writing: claim, parse, validate; only DataError may come out."""
    parser.claim(list(files))  # must not raise on any file
    try:
        lists = parser.parse(files)
        for pl in lists:
            assert pl.list_code in parser.lists
            prepare(pl)
    except DataError as exc:
        assert str(exc)
        assert exc.file is not None and any(str(f) in exc.file or exc.file == f.name for f in files), exc
        return exc
    return lists


def test_every_seed_parses_cleanly() -> None:
    """The fuzzing starts from valid files: each seed gives lists with entries."""
    for key, (parser, files) in SEEDS.items():
        got = parse_or_refuse(parser, _write(key, files))
        assert not isinstance(got, DataError), (key, got)
        assert got and all(pl.entities for pl in got), key
    for code, (name, data) in OTHER_SEEDS.items():
        got = parse_or_refuse(OTHER_PARSERS[code], _write(code, {name: data}))
        assert not isinstance(got, DataError), (code, got)
        assert got and got[0].entities, code


def _fuzz(key: str) -> Callable[[bytes], None]:
    parser, seeds = SEEDS[key]
    names = list(seeds)

    @settings(max_examples=FUZZ_EXAMPLES)
    @given(data=program)
    def run(data: bytes) -> None:
        c = Choices(data)
        target = names[c.below(len(names))]  # which file of the group to damage (OFAC has four)
        files = {n: (mutate(b, c) if n == target else b) for n, b in seeds.items()}
        parse_or_refuse(parser, _write(key, files))

    return run


test_entity_list_csv = _fuzz("el")
test_denied_persons_txt = _fuzz("dpl")
test_consolidated_screening_list_csv = _fuzz("csl")
test_ofac_legacy_csv_set = _fuzz("ofac")
test_un_xml = _fuzz("un")
test_uk_conlist_csv = _fuzz("uk")
test_eu_journal_csv = _fuzz("eu")


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=program)
def test_other_us_list_csvs(data: bytes) -> None:
    """The nine CSV families of clearance/sources/us_other.py share one parser class (CsvListParser)."""
    c = Choices(data)
    code = c.pick(sorted(OTHER_SEEDS))
    name, seed = OTHER_SEEDS[code]
    parse_or_refuse(OTHER_PARSERS[code], _write(code, {name: mutate(seed, c)}))


@pytest.fixture(autouse=True, scope="module")
def _cleanup() -> object:
    yield None
    shutil.rmtree(WORK, ignore_errors=True)
