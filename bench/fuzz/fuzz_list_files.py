"""atheris target: one list-file parser (claim, parse, and the store's validation before any write).

Which parser: CLEARANCE_FUZZ_LIST (a key of FILES below, default ``el``); the input is written under the
file name that parser's real file has. Only ClearanceError may escape, as in `clearance lists load`.

    CLEARANCE_FUZZ_LIST=sdn .venv/bin/python bench/fuzz/fuzz_list_files.py /tmp/corpus-sdn -max_total_time=600
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.fuzz.common import run
from clearance.errors import ClearanceError
from clearance.sources import PARSERS
from clearance.store.validate import prepare

# key -> (parser slug, file name the input is written as)
FILES: dict[str, tuple[str, str]] = {
    "el": ("bis-entity-list-csv", "entity_list_2025-11-08.csv"),
    "dpl": ("bis-dpl-txt", "dpl_2023-11-30.txt"),
    "csl": ("csl-csv", "consolidated.csv"),
    "sdn": ("ofac-legacy-csv", "sdn.csv"),
    "un": ("un-xml", "UN_consolidated.xml"),
    "uk": ("uk-conlist", "ConList.csv"),
    "uk-xlsx": ("uk-conlist", "ConList.xlsx"),
    "eu": ("eu-journal-csv", "32014R0833.csv"),
    "1260h": ("us-dod-1260h-csv", "dod_1260h_chinese_military_companies.csv"),
    "fcc": ("us-fcc-covered-csv", "fcc_covered_list_table.csv"),
    "ndaa": ("us-ndaa-csv", "section_1286.csv"),
    "inksna": ("us-inksna-csv", "inksna.csv"),
    "s353": ("us-s353-csv", "section_353.csv"),
    "cuba": ("us-cuba-restricted-csv", "cuba_restricted_entities.csv"),
    "mieu": ("us-bis-mieu-csv", "mieu_opensanctions.csv"),
    "isn": ("us-state-isn-csv", "isn_nonproliferation_sanctions.csv"),
    "dtc": ("us-state-dtc-csv", "itar_debarred_party_list_2018-01-24.csv"),
}

KEY = os.environ.get("CLEARANCE_FUZZ_LIST", "el")
SLUG, NAME = FILES[KEY]
PARSER = next(p for p in PARSERS if p.slug == SLUG)


def parse(path: Path) -> None:
    PARSER.claim([path])  # must never raise
    for pl in PARSER.parse((path,)):
        prepare(pl)


def _target() -> Callable[[bytes], None]:
    path = Path(tempfile.mkdtemp(prefix=f"clearance-atheris-{KEY}-")) / NAME

    def test_one_input(data: bytes) -> None:
        path.write_bytes(data)
        with contextlib.suppress(ClearanceError):
            parse(path)

    return test_one_input


TARGET = _target()

if __name__ == "__main__":
    run(TARGET)
