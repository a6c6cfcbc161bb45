"""Loading folders, the embedded snapshot and downloads, end to end on the real files (SQLite)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.lists import ensure_lists, load_active, load_paths, stale_reason
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
    assert set(loaded) == {"el", "sdn", "dpl", "meu", "uvl"}
    assert all(o.error is None for o in outcomes)
    active = store.active()
    assert active["el"].entity_count == 3421
    assert active["sdn"].entity_count == 14965
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
    assert {e.entry_id for e in d.added} == new_ids - old_ids
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
    assert active["el"].entity_count == 1
    assert "sdn" in active and active["sdn"].retrieved_at is not None
    assert "ofac-cons" not in active
