"""Loading folders, the embedded snapshot and downloads, end to end on the real files (SQLite)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clearance.errors import DataError
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows import lists as lists_workflow
from clearance.workflows.lists import SNAPSHOT_LISTS, ensure_lists, load_active, load_paths, load_snapshot, stale_reason
from clearance.workflows.update import update


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store.open(f"sqlite:///{tmp_path / 'lists.db'}")
    yield st
    st.close()


def _ofac_ids(path: Path) -> set[str]:
    """Entity numbers of an OFAC legacy CSV, read independently of Clearance's parser."""
    with open(path, newline="", encoding="utf-8", errors="replace") as fh:
        return {row[0].strip() for row in csv.reader(fh) if row and row[0].strip().isdigit()}


def test_folder_load_reports_the_truncated_csl_and_loads_the_other_lists(store: Store, data_dir: Path) -> None:
    outcomes = load_paths(store, [data_dir / "us_csl", data_dir / "us_bis"])
    failed = [o for o in outcomes if o.error]
    assert failed, "the truncated CSL subset must be reported"
    assert any("moov_csl_subset_2023-11-30.csv" in (o.error or "") for o in failed)
    active = store.active()
    # The Entity List file itself wins over the CSL fixture's single EL row.
    assert active["el"].entity_count == 3421
    assert active["dpl"].entity_count == 665
    assert (active["meu"].entity_count, active["uvl"].entity_count) == (71, 186)
    # The failed file left nothing behind: every version came from a file that parsed.
    for v in store.versions():
        assert not any("moov_csl_subset" in f for f in v.source_files)


def test_snapshot_loads_on_first_use_only(store: Store) -> None:
    settings = Settings()
    outcomes = ensure_lists(store, settings)
    loaded = {o.list_code: o for o in outcomes}
    assert set(loaded) == {"el", "sdn", "dpl", "meu", "uvl"} == set(SNAPSHOT_LISTS)
    assert all(o.error is None for o in outcomes)
    active = store.active()
    assert active["el"].entity_count == 3421
    assert active["sdn"].entity_count == 14965 + 1567  # + the alias-only entries (R6-15)
    assert active["dpl"].entity_count == 665
    assert (active["meu"].entity_count, active["uvl"].entity_count) == (71, 186)
    assert active["el"].data_date == dt.date(2025, 11, 8)
    huawei = [e for e in store.entities(active["el"].version_id) if "huawei" in e.name.lower()]
    assert any(1 in e.footnotes for e in huawei)
    assert ensure_lists(store, settings) == []  # second use: nothing more
    # The snapshot is old data, so it is stale under the default maximum age.
    assert stale_reason(active["el"], settings, dt.date(2026, 11, 26)) is not None


def test_stale_lists_are_reported_by_load_active(store: Store, data_dir: Path) -> None:
    load_paths(store, [data_dir / "us_bis" / "dpl_2023-11-30.txt"])
    fresh = Settings(max_age_days=100000)
    assert load_active(["dpl"], store=store, settings=fresh).stale == {}
    old = load_active(["dpl"], store=store, settings=Settings(max_age_days=30), today=dt.date(2026, 11, 26))
    assert "dpl" in old.stale and "maximum age is 30 days" in old.stale["dpl"]
    assert len(old.entities) == 665


def test_diff_between_ofac_2021_set_and_2024_files(store: Store, data_dir: Path) -> None:
    ofac = data_dir / "us_ofac"
    load_paths(store, [ofac / "2021-07-07_full_set"])
    top = [ofac / n for n in ("sdn_2024-05-03.csv", "add_2025-12-24.csv", "alt_2025-12-24.csv",
                              "sdn_comments_2025-12-24.csv")]
    load_paths(store, top)
    versions = store.versions("sdn")
    assert [v.seq for v in versions] == [2, 1]
    d = store.diff("sdn", "1", "2")
    old_ids = _ofac_ids(ofac / "2021-07-07_full_set" / "sdn.csv")
    new_ids = _ofac_ids(ofac / "sdn_2024-05-03.csv")
    # (+ the entries named only by the 2025 alias file's strong aliases: see tests/sources/test_ofac.py)
    alias_only = {e.entry_id for e in d.added if e.entry_id not in new_ids}
    assert len(alias_only) == 1567 and not alias_only & old_ids
    assert {e.entry_id for e in d.added} - alias_only == new_ids - old_ids
    assert {e.entry_id for e in d.removed} == old_ids - new_ids
    assert len(d.added) > 5000 and len(d.removed) > 0
    assert d.changed, "entries present in both sets changed (new aliases, addresses, programmes)"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def test_update_downloads_and_loads_through_the_same_parsers(
    store: Store, data_dir: Path, http_root: tuple[str, Path]
) -> None:
    base, root = http_root
    ofac = data_dir / "us_ofac"
    files = {
        "csl": data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv",
        "sdn": ofac / "2021-07-07_full_set" / "sdn.csv",
        "add": ofac / "2021-07-07_full_set" / "add.csv",
        "alt": ofac / "2021-07-07_full_set" / "alt.csv",
        "sdn_comments": ofac / "2021-07-07_full_set" / "sdn_comments.csv",
        "un": data_dir / "un" / "UN_consolidated.xml",
    }
    for key, src in files.items():
        shutil.copy(src, root / f"{key}.bin")
    with gzip.open(data_dir / "uk" / "ConList_2025-04-14.csv.gz", "rb") as src, open(root / "uk.bin", "wb") as dst:
        shutil.copyfileobj(src, dst)
    urls = {key: f"{base}/{key}.bin" for key in [*files, "uk"]}
    urls["cons_prim"] = f"{base}/missing.csv"  # a 404: reported, the others still load
    settings = Settings(update_urls=urls)
    outcomes = update(store, settings=settings)
    errors = {o.list_code: o.error for o in outcomes if o.error}
    assert set(errors) == {"ofac-cons"} and "404" in (errors["ofac-cons"] or "")
    active = store.active()
    assert active["sdn"].entity_count == len(_ofac_ids(files["sdn"])) == 8976
    assert active["un"].entity_count == 730 + 273
    # the only EL source of this update is the 13-row CSL file: an extract, pending, never active
    assert "el" not in active
    [el] = [o.result.version for o in outcomes if o.result and o.list_code == "el"]
    assert el.state == "pending" and el.parser.startswith("csl-csv")
    assert (el.hold_reason or "").startswith("an extract, not the whole list")
    assert "sdn" in active and active["sdn"].retrieved_at is not None
    assert "ofac-cons" not in active


# ---- list integrity (issue 11 §1): no partial or older data becomes the active list -------------------


def test_csl_fixture_beside_the_lists_own_files_activates_no_one_entry_list(store: Store, data_dir: Path) -> None:
    """The 13-row CSL fixture in a data folder never replaces a list whose own file is in the same load."""
    folders = [data_dir / "us_csl", data_dir / "us_bis", data_dir / "us_other" / "state_dept_govwizely_2018",
               data_dir / "us_ofac" / "consolidated_non_sdn", data_dir / "us_ofac" / "2021-07-07_full_set"]
    outcomes = load_paths(store, folders)
    active = store.active()
    counts = {c: v.entity_count for c, v in active.items()}
    assert counts == {"el": 3421, "dpl": 665, "uvl": 186, "meu": 71, "isn": 213, "dtc": 515, "ofac-cons": 442,
                      "sdn": 8976, "mieu": 13}
    assert not any("moov_cslustest_fixture" in f for v in active.values() for f in v.source_files)
    versions = [o.result.version for o in outcomes if o.result]
    copies = [v for v in versions if "moov_cslustest_fixture" in v.source_files[0]]
    by_code = {v.list_code: v for v in copies}
    assert set(by_code) == {"el", "dpl", "uvl", "meu", "isn", "dtc", "ofac-cons", "sdn"}
    for code in ("el", "dpl", "isn", "dtc", "ofac-cons", "sdn"):  # lists with their own file in this load
        assert by_code[code].state == "history"
        assert "CSL copy; the list's own file" in (by_code[code].hold_reason or "")
    assert by_code["isn"].hold_reason == (
        "CSL copy; the list's own file isn_nonproliferation_sanctions.csv in the same load wins"
    )


def _ofac_set(src: Path, dst: Path, *, empty_alt: bool) -> Path:
    dst.mkdir()
    for f in src.iterdir():
        if f.suffix == ".csv":
            shutil.copy(f, dst / f.name)
    if empty_alt:
        (dst / "alt.csv").write_bytes(b"")
    return dst


def test_empty_alt_file_beside_a_full_sdn_file_is_pending(store: Store, data_dir: Path, tmp_path: Path) -> None:
    src = data_dir / "us_ofac" / "2021-07-07_full_set"
    broken = _ofac_set(src, tmp_path / "broken", empty_alt=True)
    # on an empty store: nothing to compare with, but the empty companion alone holds the version back
    (first,) = load_paths(store, [broken])
    assert first.result is not None and first.result.version.state == "pending"
    assert first.result.version.hold_reason == (
        "companion file alt.csv is empty, so what it carries (aliases, addresses or remarks) "
        "is missing from this version"
    )
    assert "sdn" not in store.active()  # nothing half-loaded is screened against
    # the whole set loads and becomes active; the broken set again changes nothing
    (whole,) = load_paths(store, [src])
    assert whole.result is not None and whole.result.activated
    again = load_paths(store, [broken])[0].result
    assert again is not None and again.unchanged and store.active()["sdn"].version_id == whole.result.version.version_id
    # a fresh copy of the broken set (other bytes: a different alt.csv is empty under another name)
    other = _ofac_set(src, tmp_path / "other", empty_alt=False)
    (other / "alt.csv").write_bytes(b"\x1a\r\n")
    result = load_paths(store, [other])[0].result
    assert result is not None and result.version.state == "pending"
    assert store.active()["sdn"].name_count == whole.result.version.name_count


def test_shrinking_version_is_pending_and_the_limit_is_per_list(store: Store, data_dir: Path, tmp_path: Path) -> None:
    dpl = data_dir / "us_bis" / "dpl_2023-11-30.txt"
    load_paths(store, [dpl])
    lines = dpl.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "dpl_2023-12-01.txt"  # a later file that lost 20 % of the rows
    cut.write_text("".join(lines[: int(len(lines) * 0.8)]), encoding="utf-8")
    (o,) = load_paths(store, [cut])
    assert o.result is not None and o.result.version.state == "pending"
    assert o.result.version.hold_reason is not None and "of the active dpl-1" in o.result.version.hold_reason
    assert store.active()["dpl"].version_id == "dpl-1"
    cut2 = tmp_path / "x" / "dpl_2023-12-02.txt"
    cut2.parent.mkdir()
    cut2.write_text("".join(lines[: int(len(lines) * 0.8) - 1]), encoding="utf-8")
    (o2,) = load_paths(store, [cut2], settings=Settings(max_shrink_overrides={"dpl": 25}))
    assert o2.result is not None and o2.result.activated


def test_snapshot_bootstrap_resumes_the_missing_lists(store: Store) -> None:
    """A bootstrap that stopped after some lists (a killed first command) is completed by the next one."""
    load_snapshot(store, only=["el", "dpl"])
    assert set(store.active()) == {"el", "dpl"}
    outcomes = ensure_lists(store, Settings())
    assert {o.list_code for o in outcomes} == {"meu", "sdn", "uvl"}
    assert set(store.active()) == set(SNAPSHOT_LISTS)
    assert store.active()["sdn"].entity_count == 14965 + 1567
    assert ensure_lists(store, Settings()) == []


def test_bootstrap_leaves_a_store_of_the_users_own_lists_alone(store: Store, data_dir: Path) -> None:
    load_paths(store, [data_dir / "us_bis" / "dpl_2023-11-30.txt"])
    assert ensure_lists(store, Settings()) == []
    assert set(store.active()) == {"dpl"}


def test_bootstrap_fails_closed_when_a_list_cannot_be_loaded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    load_snapshot(store, only=["el"])
    monkeypatch.setattr(lists_workflow, "SNAPSHOT_LISTS", ("el", "un"))  # a list the snapshot cannot provide
    with pytest.raises(DataError, match=r"could not load list\(s\) un"):
        ensure_lists(store, Settings())


def test_killed_bootstrap_is_completed_by_the_next_command(tmp_path: Path) -> None:
    """Issue 11: the first `clearance lists show` killed during the snapshot load; the next command resumes."""
    url = f"sqlite:///{tmp_path / 'boot.db'}"
    Store.open(url).close()
    env = {**os.environ, "CLEARANCE_DB": url, "CLEARANCE_SNAPSHOT": "true"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "clearance.cli.main", "lists", "show"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 180
    seen: set[str] = set()
    try:
        with Store.open(url) as watcher:
            while time.monotonic() < deadline and proc.poll() is None:
                seen = set(watcher.active())
                if {"dpl", "el"} <= seen:  # lists load in code order: dpl, el, meu, sdn, uvl
                    break
                time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the bootstrap finished before it could be killed"
    with Store.open(url) as st:
        missing = set(SNAPSHOT_LISTS) - set(st.active())
        assert missing, "killed after every list was loaded"
        outcomes = ensure_lists(st, Settings())
        assert {o.list_code for o in outcomes} == missing
        assert set(st.active()) == set(SNAPSHOT_LISTS)
        assert all(not v.hold for v in st.active().values())


def _csl_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_a_csl_file_is_judged_whole_by_every_list_it_carries(store: Store, data_dir: Path, tmp_path: Path) -> None:
    """A CSL file with a whole UVL (186 entries) but 3 MEU rows is an extract: neither list becomes active,
    also in an empty store; the whole single-list CSL files become active."""
    uvl = _csl_rows(data_dir / "us_bis" / "uvl_from_csl_subset_2023-11-30.csv")
    meu = _csl_rows(data_dir / "us_bis" / "meu_from_csl_subset_2023-11-30.csv")
    assert uvl[0] == meu[0]
    mixed = tmp_path / "csl_search_2023-11-30.csv"
    with open(mixed, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([uvl[0], *uvl[1:], *meu[1:4]])
    outcomes = load_paths(store, [mixed])
    assert store.active() == {}
    held = {o.list_code: o.result.version for o in outcomes if o.result}
    assert set(held) == {"uvl", "meu"} and held["uvl"].entity_count == 186 and held["meu"].entity_count == 3
    assert all(v.state == "pending" for v in held.values())
    assert held["uvl"].hold_reason == (
        "an extract, not the whole list: the CSL file csl_search_2023-11-30.csv carries 3 entries of meu where a "
        "whole list has at least 15, so none of its lists is taken as whole (docs/reliability.md)"
    )
    assert (held["meu"].hold_reason or "").startswith(
        "an extract, not the whole list: the CSL file csl_search_2023-11-30.csv carries 3 entries of meu"
    )
    # --only uvl: the file is still judged on all its lists
    [only_uvl] = load_paths(store, [mixed], only=["uvl"])
    assert only_uvl.result is not None and only_uvl.result.unchanged and "uvl" not in store.active()
    # the whole single-list CSL files are lists, not extracts
    for name in ("uvl_from_csl_subset_2023-11-30.csv", "meu_from_csl_subset_2023-11-30.csv"):
        [o] = load_paths(store, [data_dir / "us_bis" / name])
        assert o.result is not None and o.result.activated, o
    assert {c: v.entity_count for c, v in store.active().items()} == {"uvl": 186, "meu": 71}
