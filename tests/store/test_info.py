"""Age and staleness of a version (pure, no database)."""

from __future__ import annotations

import datetime as dt

from clearance.store import VersionInfo

LOADED = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)


def _version(data_date: dt.date | None, retrieved_at: dt.datetime | None) -> VersionInfo:
    return VersionInfo(
        version_id="el-1",
        list_code="el",
        seq=1,
        checksum="0" * 64,
        source_files=("entity_list_2025-11-08.csv",),
        parser="csl@1",
        data_date=data_date,
        retrieved_at=retrieved_at,
        loaded_at=LOADED,
        entity_count=1,
        name_count=1,
        warnings=(),
        active=True,
    )


def test_age_from_data_date_first() -> None:
    v = _version(dt.date(2025, 11, 8), dt.datetime(2025, 12, 30, tzinfo=dt.UTC))
    assert v.age_days(dt.date(2025, 12, 8)) == 30
    assert not v.is_stale(30, dt.date(2025, 12, 8))
    assert v.is_stale(29, dt.date(2025, 12, 8))


def test_age_from_retrieval_in_utc() -> None:
    # 23:30 on 1 Dec in New York is already 2 Dec in UTC
    ny = dt.timezone(dt.timedelta(hours=-5))
    v = _version(None, dt.datetime(2025, 12, 1, 23, 30, tzinfo=ny))
    assert v.age_days(dt.date(2025, 12, 12)) == 10


def test_unknown_age_is_stale() -> None:
    v = _version(None, None)
    assert v.age_days(dt.date(2026, 1, 1)) is None
    assert v.is_stale(10_000, dt.date(2026, 1, 1))


def test_to_dict_is_json_ready() -> None:
    d = _version(dt.date(2025, 11, 8), None).to_dict()
    assert d["data_date"] == "2025-11-08" and d["retrieved_at"] is None
    assert d["loaded_at"] == "2026-01-01T12:00:00+00:00" and d["source_files"] == [
        "entity_list_2025-11-08.csv"
    ]
