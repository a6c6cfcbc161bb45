"""A load is all-or-nothing: invalid lists and failures part-way leave the store exactly as before."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
import sqlalchemy as sa

from clearance.errors import DataError
from clearance.model import Name, ParsedList
from clearance.store import Store, VersionInfo
from clearance.store.schema import entities, list_versions, names

from .realdata import subset


def _state(store: Store) -> tuple[list[VersionInfo], dict[str, VersionInfo], tuple[int, int]]:
    with store.engine.connect() as conn:
        counts = tuple(
            conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in (entities, names)
        )
    return store.versions(), store.active(), (counts[0], counts[1])


def _duplicate_id(pl: ParsedList) -> ParsedList:
    twin = dataclasses.replace(pl.entities[7], names=(Name("SOMEONE ELSE"),), source_line=4242)
    return dataclasses.replace(pl, entities=(*pl.entities, twin))


def _empty(pl: ParsedList) -> ParsedList:
    return dataclasses.replace(pl, entities=())


def _unknown_code(pl: ParsedList) -> ParsedList:
    ents = tuple(dataclasses.replace(e, list_code="nosuchlist") for e in pl.entities)
    return dataclasses.replace(pl, list_code="nosuchlist", entities=ents)


def _foreign_entry(pl: ParsedList) -> ParsedList:
    ents = list(pl.entities)
    ents[12] = dataclasses.replace(ents[12], list_code="un")
    return dataclasses.replace(pl, entities=tuple(ents))


def _nul_in_name(pl: ParsedList) -> ParsedList:
    ents = list(pl.entities)
    ents[20] = dataclasses.replace(ents[20], remarks="bad\x00byte")
    return dataclasses.replace(pl, entities=tuple(ents))


CASES: dict[str, tuple[Callable[[ParsedList], ParsedList], str, str | None, int | None]] = {
    # case: (make bad list, message fragment, field, line)
    "duplicate id": (_duplicate_id, "duplicate entry id", "entry_id", 4242),
    "empty": (_empty, "no entries", None, None),
    "unknown list code": (_unknown_code, "unknown list code 'nosuchlist'", "list_code", None),
    "entry of another list": (_foreign_entry, "belongs to list 'un'", "list_code", 13),
    "NUL character": (_nul_in_name, "NUL", "remarks", 21),
}


@pytest.mark.parametrize("case", list(CASES))
def test_invalid_list_is_rejected_and_store_unchanged(
    store: Store, sdn_2021: ParsedList, sdn_2024: ParsedList, case: str
) -> None:
    store.load(subset(sdn_2021, 100))
    before = _state(store)
    make, message, field, line = CASES[case]
    bad = make(subset(sdn_2024, 100))
    with pytest.raises(DataError, match=message) as info:
        store.load(bad)
    err = info.value
    assert err.file is not None and "sdn_2024-05-03.csv" in err.file  # names the source file
    assert err.field == field
    assert err.line == line
    assert _state(store) == before
    assert store.active()["sdn"].version_id == "sdn-1"


def test_failure_part_way_through_the_insert_rolls_back(
    store: Store, sdn_2021: ParsedList, sdn_2024: ParsedList
) -> None:
    store.load(subset(sdn_2021, 500))
    before = _state(store)
    calls: list[int] = []

    def explode(code: str, done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:  # after three chunks (6,000 entities) are written
            raise RuntimeError("connection lost")

    with pytest.raises(RuntimeError, match="connection lost"):
        store.load(sdn_2024, progress=explode)
    assert len(calls) == 3
    assert _state(store) == before
    assert sum(1 for _ in store.entities("sdn-1")) == 500
    # nothing of the aborted version is left, and the next load takes the next number
    with store.engine.connect() as conn:
        ids = conn.execute(sa.select(entities.c.version_id).distinct()).scalars().all()
        assert ids == ["sdn-1"]
        assert conn.execute(sa.select(list_versions.c.version_id)).scalars().all() == ["sdn-1"]
    assert store.load(subset(sdn_2024, 50)).version.version_id == "sdn-2"
