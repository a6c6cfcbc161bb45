"""examples/huawei replayed date by date (SQLite and PostgreSQL): each Huawei order's answer agrees with the dated
events of ../shared/regulatory/ear-timeline.yaml (listing, TGL, FDP rule, licensing halt, licence revocation), and
the supplier's licences are drawn down, exhausted and revoked as the story says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from clearance.model.desk import HoldReason, Verdict
from clearance.settings import Settings
from clearance.store import licences as lic_store
from clearance.workflows.desk import Desk, LineResult
from clearance.workflows.desk.audit import replay
from clearance.workflows.desk.chart import timeline_events, write_chart
from clearance.workflows.desk.history import History, overlays_of, replay_history
from clearance.workflows.facade import Clearance

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "huawei"
HUAWEI = ("huawei", "hisilicon")


@pytest.fixture
def timeline(data_dir: Path) -> dict[str, dt.date]:
    path = data_dir.parent / "regulatory" / "ear-timeline.yaml"
    events: Any = yaml.safe_load(path.read_text(encoding="utf-8"))["events"]
    return {e["id"]: dt.date.fromisoformat(str(e["effective"])[:10]) for e in events}


@pytest.fixture
def history(desk_settings: Settings) -> Iterator[tuple[History, Desk]]:
    with Desk(Clearance(settings=desk_settings), actor="replay", overlays=overlays_of(EXAMPLE)) as desk:
        yield replay_history(desk, EXAMPLE, parties=False), desk


def _huawei(r: LineResult) -> bool:
    assert r.decision is not None
    return any(h in (b.party or "").lower() for b in r.decision.bases for h in HUAWEI) or r.order_id in _BEFORE


_BEFORE = ("SO-2019-0112", "SO-2019-0140")  # Huawei orders before the listing (screened clear that day)


def test_the_replay_follows_the_timeline(history: tuple[History, Desk], timeline: dict[str, dt.date],
                                         tmp_path: Path, data_dir: Path) -> None:
    hist, desk = history
    listed = timeline["EL-HUAWEI-2019-05"]
    halt = timeline["HUAWEI-LICENSING-HALT"]
    revoked = timeline["HUAWEI-LICENCES-REVOKED"]
    tgl = (timeline["TGL-2019-05"], timeline["TGL-EXPIRY"])
    fdp = timeline["FDP-FN1-V2"]
    by_id = {(r.order_id, r.line): r for r in hist.rows}
    assert len(by_id) == 21 and all(r.answer is not None for r in hist.rows)
    for r in hist.rows:
        assert r.answer is not None and r.decision is not None and r.decision.as_of is not None
        day, v = r.decision.as_of, r.answer.verdict
        if not _huawei(r):
            assert v is Verdict.RELEASE, r.order_id  # unrelated customers ship throughout
            continue
        if day < listed:
            assert v is Verdict.RELEASE and r.decision.outcome.value == "NO_LICENSE_REQUIRED", r.order_id
            continue
        assert r.decision.license_required or r.decision.outcome.value == "NO_LICENSE_REQUIRED", r.order_id
        if r.answer.licences:  # a licence covers it: only between its grant and its revocation
            assert v is Verdict.RELEASE and day < revoked, r.order_id
        elif r.decision.outcome.value == "NO_LICENSE_REQUIRED":
            assert tgl[0] <= day < tgl[1], r.order_id  # the Temporary General License, and only in its window
        elif day >= halt:
            assert v is Verdict.BLOCK, r.order_id  # no licence and a policy of denial
        else:
            assert v is Verdict.HOLD and r.answer.hold is HoldReason.LICENCE_NEEDED, r.order_id
        if day >= fdp and r.order_id == "SO-2020-0102":
            assert any(b.code == "EL-FDP-fn1" for b in r.decision.bases)  # foreign-made, US software: FDP
    # the story's licence events
    assert by_id[("SO-2020-0102", 1)].answer.verdict is Verdict.HOLD  # type: ignore[union-attr]
    assert "10000 of 60000" in " ".join(by_id[("SO-2020-0102", 1)].licence_notes)  # the supplier licence ran out
    assert by_id[("SO-2022-0150", 1)].answer.verdict is Verdict.HOLD  # type: ignore[union-attr]
    assert by_id[("SO-2023-0020", 1)].answer.licences == ("D1089456",)  # type: ignore[union-attr]
    after = by_id[("SO-2024-0058", 1)]
    assert after.decision is not None and any(b.previously_covered_by for b in after.decision.bases)
    own = lic_store.get(desk.store.engine, "D1089456")
    assert own.revoked_on == revoked and own.value_used == 40000 + 80000 + 50000 + 9000 + 20000 + 5000
    assert hist.audit_ok
    # every recorded determination -- licence cover, a revoked licence, the licensing-halt overlay, FDP facts --
    # re-computes identically from the stored order, licences, overlays and list versions
    seqs = [r.audit_seq for r in hist.rows]
    assert len(seqs) == 21 and None not in seqs
    for seq in seqs:
        assert seq is not None
        got = replay(desk, seq)
        assert got.identical and got.outcome == got.recorded_outcome, (seq, got.differences)
    # the chart draws the timeline's Huawei events
    out = write_chart(hist, tmp_path / "replay.png", data_dir.parent / "regulatory" / "ear-timeline.yaml", "test")
    assert out.stat().st_size > 20_000 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_timeline_events_are_read(data_dir: Path) -> None:
    got = timeline_events(data_dir.parent / "regulatory" / "ear-timeline.yaml")
    ids = [i for _, i, _ in got]
    assert "EL-HUAWEI-2019-05" in ids and "HUAWEI-LICENCES-REVOKED" in ids and "FDP-FN1-V2" in ids
    assert timeline_events(None) == []
