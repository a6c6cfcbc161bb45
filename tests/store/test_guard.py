"""The shrink guard and re-loads: no partial or older data becomes the active version (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearance.model import ParsedList
from clearance.store import ShrinkRefused, Store
from clearance.store.schema import list_versions

from .realdata import ofac_list, subset


def test_a_version_losing_too_many_entries_is_pending_not_active(store: Store, sdn_2024: ParsedList) -> None:
    full = subset(sdn_2024, 1000)
    store.load(full)
    within = store.load(subset(sdn_2024, 920))  # loses 8 %: within the default 10 %
    assert within.activated and within.version.hold is None
    cut = store.load(subset(sdn_2024, 800))  # loses 13 % of sdn-2's 920 entries
    v = cut.version
    assert not cut.activated and not v.active
    assert (v.version_id, v.state, v.hold) == ("sdn-3", "pending", "pending")
    assert v.hold_reason is not None
    assert "loses 120 entries of 920 (13.0%)" in v.hold_reason and "of the active sdn-2" in v.hold_reason
    assert "more than the 10 % allowed by CLEARANCE_MAX_SHRINK_PERCENT" in v.hold_reason
    assert store.active()["sdn"].version_id == "sdn-2"
    assert store.version("sdn-3").state == "pending"  # what `lists versions` reads
    # a per-list limit of 20 % lets the same cut through
    loose = store.load(dataclasses.replace(subset(sdn_2024, 800), checksum="f" * 64), max_shrink=0.2)
    assert loose.activated and loose.version.version_id == "sdn-4"
    # sdn-3 was loaded before the now active sdn-4: no longer awaiting a decision
    assert store.version("sdn-3").state == "history"


def test_a_version_losing_names_only_is_pending(store: Store, ofac_dir: Path, sdn_2024: ParsedList) -> None:
    """The same entries without their aliases (an empty alt file) keep fewer than half the names."""
    with_aliases = subset(sdn_2024, 2000)
    store.load(with_aliases)
    bare = ofac_list(ofac_dir / "sdn_2024-05-03.csv", None, ofac_dir / "add_2025-12-24.csv", limit=2000)
    assert len(bare.entities) == 2000 and bare.name_count < with_aliases.name_count * 0.9
    result = store.load(bare)
    assert not result.activated and result.version.state == "pending"
    assert "names of" in (result.version.hold_reason or "") and "entries of" not in (result.version.hold_reason or "")


def test_activating_a_pending_version_needs_confirmation(store: Store, sdn_2024: ParsedList) -> None:
    store.load(subset(sdn_2024, 500))
    pending = store.load(subset(sdn_2024, 5)).version
    assert pending.state == "pending"
    with pytest.raises(ShrinkRefused) as refused:
        store.activate(pending.version_id)
    message = str(refused.value)
    assert message.startswith("sdn-2 was not activated: loses 495 entries of 500")
    assert "clearance lists activate sdn-2 --confirm-shrink" in message
    assert store.active()["sdn"].version_id == "sdn-1"
    confirmed = store.activate(pending.version_id, confirm_shrink=True)
    assert confirmed.active and confirmed.state == "active" and confirmed.hold == "confirmed"
    # going back to the larger version needs no confirmation; the confirmed one is then history
    assert store.activate("sdn-1").active
    assert store.version("sdn-2").state == "history"
    # and activating the 5-entry version again is a shrink again
    with pytest.raises(ShrinkRefused):
        store.activate("sdn-2")


def test_extract_of_a_multi_list_file_says_so(store: Store, sdn_2024: ParsedList) -> None:
    store.load(subset(sdn_2024, 300))
    result = store.load(dataclasses.replace(subset(sdn_2024, 1), parser="csl-csv@1"), extract=True)
    assert result.version.state == "pending"
    assert (result.version.hold_reason or "").startswith(
        "an extract, not the whole list: this multi-list file carries 1 entry of sdn against 300 in the active sdn-1"
    )


def test_reloading_known_bytes_never_changes_the_active_version(store: Store, sdn_2021: ParsedList,
                                                                 sdn_2024: ParsedList) -> None:
    old, new = subset(sdn_2021, 1000), subset(sdn_2024, 1000)
    store.load(old)
    store.load(new)
    assert store.active()["sdn"].version_id == "sdn-2"
    # the 2021 bytes again, even under a later data date (a copy under a dated name): nothing moves
    again = store.load(dataclasses.replace(old, data_date=new.data_date), only_if_newer=False)
    assert again.unchanged and not again.activated and again.version.version_id == "sdn-1"
    assert store.active()["sdn"].version_id == "sdn-2"
    # a pending version's bytes again: still pending, not activated
    small = store.load(subset(sdn_2024, 10))
    assert small.version.state == "pending"
    repeat = store.load(subset(sdn_2024, 10))
    assert repeat.unchanged and repeat.version.state == "pending" and store.active()["sdn"].version_id == "sdn-2"
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(list_versions)).scalar() == 3
