"""Fixtures of the batch tests: the real Entity List index, transaction files drawn from real names, a Dask
LocalCluster of two worker processes (started once per session: it takes a few seconds)."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import ListVersion
from clearance.sources import entity_list

EL_FILE = ("us_bis", "entity_list_2025-11-08.csv")
# names that are on no list, odd names the screener must refuse, a name with a line break and a quote
OTHER_NAMES = ["Acme Widgets GmbH", "Nobody Special Ltd", "Huawei", "华为技术有限公司", "CORP", 'ACME 5" PIPES Co',
               "Line\nbreak Trading Co", "", "x" * 600]
COUNTRIES = ["", "", "CN", "China", "RU", "Atlantis"]


@pytest.fixture(scope="session")
def el_entities(data_dir: Path) -> list[Entity]:
    out: list[Entity] = []
    for pl in entity_list.PARSER.parse((data_dir.joinpath(*EL_FILE),)):
        out.extend(pl.entities)
    return out


@pytest.fixture(scope="session")
def el_index(el_entities: list[Entity]) -> ScreeningIndex:
    import datetime as dt

    return build_index(el_entities, {"el": ListVersion("el", "el-test", dt.date(2025, 11, 8), 100_000)})


def name_pool(entities: list[Entity], size: int, seed: int = 1) -> list[str]:
    """``size`` real Entity List names (primary names and aliases) and the OTHER_NAMES."""
    rng = random.Random(seed)
    names = sorted({n.value for e in entities for n in e.names})
    return rng.sample(names, size) + OTHER_NAMES


def transactions(entities: list[Entity], rows: int, pool: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """Transaction rows the way a real file repeats its parties: each names one of ``pool`` distinct parties."""
    rng = random.Random(seed)
    names = name_pool(entities, pool, seed)
    for i in range(rows):
        yield {"name": rng.choice(names), "country": rng.choice(COUNTRIES), "order_ref": f"SO-{i}"}


def write_csv(path: Path, rows: Iterator[dict[str, Any]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "country", "order_ref"])
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    """A LocalCluster of two single-threaded worker processes, as `clearance batch` starts without --dask."""
    from clearance.workflows.batch.run import dask_client as make

    with make(None, 2) as client:
        yield client
