"""Real list rows for screening tests: parsed once per session with the project's own parsers."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.sources import csl, entity_list, ofac, uk, un
from clearance.sources.aliases import shipped


def _parse(parser: object, files: tuple[Path, ...]) -> list[Entity]:
    out: list[Entity] = []
    for pl in parser.parse(files):  # type: ignore[attr-defined]
        out.extend(pl.entities)
    return out


@pytest.fixture(scope="session")
def el_entities(data_dir: Path) -> list[Entity]:
    return _parse(entity_list.PARSER, (data_dir / "us_bis" / "entity_list_2025-11-08.csv",))


@pytest.fixture(scope="session")
def uvl_entities(data_dir: Path) -> list[Entity]:
    """The Unverified List rows of the CSL subset file (the only UVL file of the data folder)."""
    return _parse(csl.PARSER, (data_dir / "us_bis" / "uvl_from_csl_subset_2023-11-30.csv",))


@pytest.fixture(scope="session")
def sdn_entities(data_dir: Path) -> list[Entity]:
    d = data_dir / "us_ofac"
    files = (d / "sdn_2024-05-03.csv", d / "add_2025-12-24.csv", d / "alt_2025-12-24.csv",
             d / "sdn_comments_2025-12-24.csv")
    return _parse(ofac.PARSER, files)


@pytest.fixture(scope="session")
def un_entities(data_dir: Path) -> list[Entity]:
    return _parse(un.PARSER, (data_dir / "un" / "UN_consolidated.xml",))


@pytest.fixture(scope="session")
def uk_entities(data_dir: Path) -> list[Entity]:
    return _parse(uk.PARSER, (data_dir / "uk" / "ConList_2025-04-14.csv.gz",))


@pytest.fixture(scope="session")
def all_entities(
    el_entities: list[Entity], sdn_entities: list[Entity], un_entities: list[Entity], uk_entities: list[Entity]
) -> list[Entity]:
    return [*el_entities, *sdn_entities, *un_entities, *uk_entities]


@pytest.fixture(scope="session")
def index(all_entities: list[Entity]) -> ScreeningIndex:
    return build_index(all_entities)


@pytest.fixture(scope="session")
def el_index(el_entities: list[Entity]) -> ScreeningIndex:
    """The Entity List with the shipped alias table (a test module may define its own ``el_index``)."""
    return build_index(el_entities, aliases=[r.extra_name() for r in shipped()])


@pytest.fixture(scope="session")
def sdn_index(sdn_entities: list[Entity]) -> ScreeningIndex:
    """The SDN List alone."""
    return build_index(sdn_entities)

