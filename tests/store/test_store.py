"""Loading, reading back, version numbering, checksums and the active pointer (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearance.model import NameKind, ParsedList
from clearance.store import ShrinkRefused, Store
from clearance.store.schema import entities, names

from .realdata import subset


def test_load_reads_back_equal(store: Store, cons: ParsedList) -> None:
    result = store.load(cons)
    v = result.version
    assert not result.unchanged and result.previous is None and result.activated
    assert (v.version_id, v.list_code, v.seq, v.active) == ("ofac-cons-1", "ofac-cons", 1, True)
    assert v.entity_count == len(cons.entities) == 442
    assert v.name_count == cons.name_count
    assert v.checksum == cons.checksum and v.parser == cons.parser and v.source_files == cons.source_files
    assert v.loaded_at.tzinfo is not None and v.loaded_at.utcoffset() == dt.timedelta(0)
    back = list(store.entities(v.version_id))
    assert back == list(cons.entities)  # same entries, same order, every field (to_dict round trip)
    assert [e.to_dict() for e in back] == [e.to_dict() for e in cons.entities]
    huawei = [e for e in cons.entities if "HUAWEI" in e.name]
    assert len(huawei) == 2
    for e in huawei:
        assert store.entity(e.entry_id) == e
        assert store.entity(e.entry_id, list_code="ofac-cons", version_id="ofac-cons-1") == e
    # the names table holds every name with its kind, for later lookups
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(names.c.value, names.c.kind).where(names.c.version_id == v.version_id))
        stored = sorted(tuple(r) for r in rows)
    expected = sorted((n.value, n.kind.value) for e in cons.entities for n in e.names)
    assert stored == expected
    assert any(kind == NameKind.ALIAS.value for _, kind in stored)


def test_version_numbering_and_active_pointer(
    store: Store, sdn_2021: ParsedList, sdn_2024: ParsedList, cons: ParsedList
) -> None:
    old, new = subset(sdn_2021, 300), subset(sdn_2024, 400)
    r1 = store.load(old)
    r2 = store.load(new)
    r3 = store.load(subset(cons, 50))
    assert [r.version.version_id for r in (r1, r2, r3)] == ["sdn-1", "sdn-2", "ofac-cons-1"]
    assert r2.previous is not None and r2.previous.version_id == "sdn-1"
    assert [v.version_id for v in store.versions("sdn")] == ["sdn-2", "sdn-1"]  # newest first
    assert [v.active for v in store.versions("sdn")] == [True, False]
    assert {v.version_id for v in store.versions()} == {"sdn-1", "sdn-2", "ofac-cons-1"}
    active = store.active()
    assert {k: v.version_id for k, v in active.items()} == {"ofac-cons": "ofac-cons-1", "sdn": "sdn-2"}
    assert store.version("2", "sdn") == store.version("sdn-2") == active["sdn"]
    assert store.version("sdn-1").data_date == dt.date(2021, 7, 7)
    assert sum(1 for _ in store.entities("sdn-1")) == 300
    # an entry present in both versions is read from the active one unless a version is asked for
    first = sdn_2021.entities[0]
    assert store.entity(first.entry_id, "sdn").source_file == "sdn_2024-05-03.csv"
    assert store.entity(first.entry_id, "sdn", version_id="1") == first
    # going back to an earlier, smaller version loses entries: refused unless confirmed
    with pytest.raises(ShrinkRefused, match="--confirm-shrink"):
        store.activate("sdn-1")
    assert store.active()["sdn"].version_id == "sdn-2"
    # confirmed, it is a pointer move only
    assert store.activate("sdn-1", confirm_shrink=True).active
    assert store.active()["sdn"].version_id == "sdn-1"
    assert len(store.versions()) == 3


def test_unchanged_reload_by_checksum(store: Store, sdn_2021: ParsedList, sdn_2024: ParsedList) -> None:
    a, b = subset(sdn_2021, 200), subset(sdn_2024, 200)
    first = store.load(a)
    again = store.load(a)
    assert again.unchanged and not again.activated
    assert again.version.version_id == first.version.version_id == "sdn-1"
    assert len(store.versions()) == 1
    store.load(b)
    assert store.active()["sdn"].version_id == "sdn-2"
    older = store.load(a)  # known bytes: nothing written, pointer kept
    assert older.unchanged and not older.activated
    assert store.active()["sdn"].version_id == "sdn-2"
    back = store.load(a, only_if_newer=False)  # known bytes never move the pointer, whatever the dates
    assert back.unchanged and not back.activated and not back.version.active
    assert back.previous is not None and back.previous.version_id == "sdn-2"
    assert store.active()["sdn"].version_id == "sdn-2"
    assert [v.version_id for v in store.versions("sdn")] == ["sdn-2", "sdn-1"]
    # a new parser version over the same bytes is new data: a new version
    reparsed = store.load(dataclasses.replace(a, parser="test-ofac-csv@2"))
    assert not reparsed.unchanged and reparsed.version.version_id == "sdn-3"


def test_older_data_is_kept_as_history_not_activated(
    store: Store, sdn_2021: ParsedList, sdn_2024: ParsedList
) -> None:
    store.load(subset(sdn_2024, 100))
    result = store.load(subset(sdn_2021, 100))  # a 2021 file loaded after the 2024 one
    assert result.version.version_id == "sdn-2" and not result.unchanged
    assert not result.activated and not result.version.active
    assert result.version.state == "history" and result.version.hold == "history"
    assert result.version.hold_reason == "older data (2021-07-07) than the active sdn-1 (2024-05-03)"
    assert store.active()["sdn"].version_id == "sdn-1"
    # still selectable on purpose (it has fewer names, so the shrink must be confirmed)
    assert store.activate("sdn-2", confirm_shrink=True).active


def test_retrieved_at_is_kept_in_utc(store: Store, cons: ParsedList) -> None:
    when = dt.datetime(2025, 12, 19, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    v = store.load(subset(cons, 10), retrieved_at=when).version
    assert v.retrieved_at == when and v.retrieved_at.utcoffset() == dt.timedelta(0)
    assert v.data_date is None
    assert v.age_days(dt.date(2026, 1, 18)) == 30
    assert store.version(v.version_id).retrieved_at == when


def test_open_creates_sqlite_folder_and_accepts_a_path(tmp_path: Path, cons: ParsedList) -> None:
    path = tmp_path / "a" / "b" / "clearance.db"
    with Store.open(str(path)) as st:
        st.load(subset(cons, 5))
    assert path.is_file()
    with Store.open(f"sqlite:///{path}") as st:
        assert [v.version_id for v in st.versions()] == ["ofac-cons-1"]
        with st.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_rows_of_a_version_are_complete(store: Store, sdn_2024: ParsedList) -> None:
    pl = subset(sdn_2024, 3000)  # more than one insert chunk
    seen: list[tuple[str, int, int]] = []
    v = store.load(pl, progress=lambda code, done, total: seen.append((code, done, total))).version
    total = len(pl.entities) + pl.name_count
    assert len(seen) > 2 and seen[-1] == ("sdn", total, total)
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)
    with store.engine.connect() as conn:
        n_entities = conn.execute(
            sa.select(sa.func.count()).select_from(entities).where(entities.c.version_id == v.version_id)
        ).scalar()
        positions = (
            conn.execute(
                sa.select(entities.c.position)
                .where(entities.c.version_id == v.version_id)
                .order_by(entities.c.position)
            )
            .scalars()
            .all()
        )
    assert n_entities == 3000 and positions == list(range(3000))


@pytest.mark.parametrize("bad_ref", ["sdn-9", "9", "ofac-cons-1", "x"])
def test_unknown_version_refs(store: Store, sdn_2021: ParsedList, cons: ParsedList, bad_ref: str) -> None:
    from clearance.errors import NotFoundError

    store.load(subset(sdn_2021, 20))
    store.load(subset(cons, 20))
    with pytest.raises(NotFoundError):
        store.version(bad_ref, "sdn")
    with pytest.raises(NotFoundError):
        store.diff("sdn", "1", bad_ref)


def test_not_found(store: Store, sdn_2021: ParsedList) -> None:
    from clearance.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no entry"):
        store.entity("36")  # nothing loaded yet
    store.load(subset(sdn_2021, 20))
    with pytest.raises(NotFoundError, match="needs a list code"):
        store.version("1")
    with pytest.raises(NotFoundError):
        list(store.entities("sdn-2"))
    with pytest.raises(NotFoundError, match="no entry '999999999'"):
        store.entity("999999999")
    with pytest.raises(NotFoundError, match="list 'un'"):
        store.entity(sdn_2021.entities[0].entry_id, list_code="un")
    assert store.versions("un") == []


def test_entry_id_in_two_lists_needs_the_list_code(store: Store, cons: ParsedList) -> None:
    from clearance.errors import NotFoundError

    small = subset(cons, 30)
    store.load(small)
    # the same real rows filed under a second list code
    relabelled = [dataclasses.replace(e, list_code="cmic") for e in small.entities]
    store.load(dataclasses.replace(small, list_code="cmic", entities=tuple(relabelled)))
    entry = small.entities[3].entry_id
    with pytest.raises(NotFoundError, match="several lists"):
        store.entity(entry)
    assert store.entity(entry, "cmic").list_code == "cmic"
    assert store.entity(entry, "ofac-cons").list_code == "ofac-cons"
