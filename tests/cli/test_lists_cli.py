"""The `clearance lists` commands as a user runs them (typer's runner, a temporary SQLite file)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.errors import DataError
from clearance.settings import get_settings
from clearance.store import Store
from clearance.workflows.lists import load_snapshot

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("CLEARANCE_DB", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_load_only_limits_lists_and_prints_the_table(db: Path, data_dir: Path) -> None:
    code, out = run("lists", "load", "--from", str(data_dir / "us_bis"), "--only", "el,dpl")
    assert code == 0, out
    assert "3,421" in out and "665" in out
    assert "uvl" not in out  # limited by --only
    code, out = run("lists", "versions", "--json")
    versions = json.loads(out)
    assert sorted(v["list"] for v in versions) == ["dpl", "el"]
    assert all(len(v["checksum"]) == 64 for v in versions)


def test_bad_file_exits_2_and_names_file_and_line(db: Path, data_dir: Path, tmp_path: Path) -> None:
    code, out = run("lists", "load", "--from", str(data_dir / "us_csl" / "moov_csl_subset_2023-11-30.csv"))
    assert code == 2
    assert "moov_csl_subset_2023-11-30.csv" in out
    assert re.search(r"moov_csl_subset_2023-11-30\.csv:\d+: ", out), out


def test_reloading_the_same_file_creates_no_version(db: Path, data_dir: Path) -> None:
    dpl = str(data_dir / "us_bis" / "dpl_2023-11-30.txt")
    assert run("lists", "load", dpl)[0] == 0
    code, out = run("lists", "load", dpl)
    assert code == 0 and "unchanged" in out
    versions = json.loads(run("lists", "versions", "dpl", "--json")[1])
    assert len(versions) == 1


def test_entity_shows_the_huawei_entry_with_policy_and_footnote(db: Path, data_dir: Path) -> None:
    assert run("lists", "load", "--from", str(data_dir / "us_bis"), "--from", str(data_dir / "ear"),
               "--only", "el")[0] == 0
    code, out = run("lists", "versions", "el", "--json")
    version = json.loads(out)[0]["version"]
    from clearance.store import Store

    store = Store.open(get_settings().db_url)
    try:
        huawei = next(e for e in store.entities(version) if e.name.startswith("Huawei Technologies Co., Ltd."))
    finally:
        store.close()
    code, out = run("lists", "entity", huawei.entry_id, "--list", "el", "--json")
    assert code == 0, out
    entry = json.loads(out)
    assert 1 in entry["footnotes"]  # 1 = Entity List FDP rule (the entry also carries footnote 2)
    assert entry["license_requirement"].startswith("For all items subject to the EAR")
    assert entry["license_policy"]
    assert entry["federal_register"]
    code, out = run("lists", "entity", huawei.entry_id, "--list", "el")
    assert "734.9(e)" in out and "Presumption of denial" in out


def test_show_lists_every_code_and_marks_stale(db: Path, data_dir: Path) -> None:
    run("lists", "load", str(data_dir / "us_bis" / "dpl_2023-11-30.txt"))
    code, out = run("lists", "show", "--json")
    assert code == 0
    rows = {r["code"]: r for r in json.loads(out)}
    assert {"el", "dpl", "uvl", "meu", "mieu", "sdn", "ofac-cons", "un", "uk", "eu"} <= set(rows)
    assert rows["dpl"]["status"] == "stale" and rows["dpl"]["entries"] == 665
    assert rows["un"]["status"] == "not loaded"


def test_first_use_loads_the_snapshot_and_says_so(db: Path) -> None:
    result = runner.invoke(app, ["lists", "show"])
    assert result.exit_code == 0
    assert "snapshot" in result.output
    assert "clearance lists update" in result.output


def test_unknown_list_code_is_a_clear_error(db: Path) -> None:
    result = runner.invoke(app, ["lists", "versions", "nope"])
    assert result.exit_code != 0
    assert "unknown list code" in str(result.exception)


def test_older_file_loaded_later_does_not_replace_the_active_version(db: Path, data_dir: Path) -> None:
    assert run("lists", "load", str(data_dir / "us_bis" / "dpl_2023-11-30.txt"))[0] == 0
    code, out = run("lists", "load", str(data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv"), "--only", "dpl")
    # older data, and an extract (its file carries 1 to 6 entries of each list): pending, exit 2
    assert code == 2 and "dpl-2 is PENDING, not active: an extract, not the whole list" in out
    rows = {r["code"]: r for r in json.loads(run("lists", "show", "--json")[1])}
    assert rows["dpl"]["version"] == "dpl-1" and rows["dpl"]["entries"] == 665
    # 1 entry in place of 665: refused without --confirm-shrink, nothing changes
    code, out = run("lists", "activate", "dpl-2")
    assert code == 2
    assert "error: dpl-2 was not activated: an extract, not the whole list" in out and "--confirm-shrink" in out
    rows = {r["code"]: r for r in json.loads(run("lists", "show", "--json")[1])}
    assert rows["dpl"]["version"] == "dpl-1"
    code, out = run("lists", "activate", "dpl-2", "--confirm-shrink")
    assert code == 0 and "dpl-2" in out
    rows = {r["code"]: r for r in json.loads(run("lists", "show", "--json")[1])}
    assert rows["dpl"]["entries"] == 1


# ---- list integrity (issue 11 §1) -----------------------------------------------------------------------

FIXTURE = "moov_cslustest_fixture_2025-06.csv"


def _show() -> dict[str, dict[str, object]]:
    code, out = run("lists", "show", "--json")
    assert code == 0, out
    return {r["code"]: r for r in json.loads(out)}


def _screen_el(name: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")  # the list's age accepted, as in the issue
    get_settings.cache_clear()
    try:
        code, out = run("screen", name, "--lists", "el", "--json")
    finally:
        monkeypatch.delenv("CLEARANCE_MAX_AGE_DAYS")
        get_settings.cache_clear()
    assert code == 0, out
    decision = json.loads(out)
    return str(decision["decision"])


def test_13_row_csl_extract_under_a_dated_name_never_replaces_the_lists(
    db: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11: the 13-row CSL fixture, loaded once, then copied to a folder under a dated name."""
    assert run("lists", "show")[0] == 0  # first use: the embedded snapshot (el = 3,421 entries)
    assert _screen_el("Huawei Technologies Co., Ltd.", monkeypatch) == "HIT"
    before = _show()
    # the fixture itself: older data than the snapshot lists and an extract: pending
    code, out = run("lists", "load", str(data_dir / "us_csl" / FIXTURE))
    assert code == 2 and "el-2 is PENDING, not active: an extract, not the whole list" in out
    # the same bytes under a dated name: known bytes never change which version is active
    dated = tmp_path / "export"
    dated.mkdir()
    shutil.copy(data_dir / "us_csl" / FIXTURE, dated / "csl_2026-11-30.csv")
    code, out = run("lists", "load", "--from", str(dated))
    assert code == 0 and "which version is active did not change" in out
    # and a byte-different copy (one more blank line) under the dated name: an extract, pending
    fresh = tmp_path / "export2"
    fresh.mkdir()
    (fresh / "csl_2026-11-30.csv").write_bytes((data_dir / "us_csl" / FIXTURE).read_bytes() + b"\n")
    code, out = run("lists", "load", "--from", str(fresh))
    assert code == 2
    assert "pending: el: el-3 is PENDING, not active: an extract, not the whole list" in out
    assert "carries 1 entry of el where a whole list has at least 800" in out
    after = _show()
    for code_ in ("el", "dpl", "sdn", "meu", "uvl"):
        assert after[code_]["version"] == before[code_]["version"], code_
        assert after[code_]["entries"] == before[code_]["entries"], code_
    assert after["el"]["entries"] == 3421
    assert [p["version"] for p in after["el"]["pending"]] == ["el-3", "el-2"]  # type: ignore[union-attr]
    assert _screen_el("Huawei Technologies Co., Ltd.", monkeypatch) == "HIT"
    # `lists versions` says which is pending and why
    versions = json.loads(run("lists", "versions", "el", "--json")[1])
    states = {v["version"]: (v["state"], v["hold_reason"]) for v in versions}
    assert states["el-1"] == ("active", None)
    assert states["el-2"][0] == "pending" and states["el-2"][1].startswith("an extract, not the whole list")
    assert states["el-3"][0] == "pending" and states["el-3"][1].startswith("an extract, not the whole list")
    code, out = run("lists", "versions", "el")
    assert "PENDING: el: el-3 is PENDING, not active" in out and "--confirm-shrink" in out


def test_13_row_csl_extract_into_an_empty_database_never_becomes_active(
    db: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11: the first load of a CSL extract, with nothing loaded to compare it with, is pending too."""
    monkeypatch.setenv("CLEARANCE_SNAPSHOT", "false")  # nothing but the extract, ever
    code, out = run("lists", "load", str(data_dir / "us_csl" / FIXTURE))
    assert code == 2
    assert (
        "pending: el: el-1 is PENDING, not active: an extract, not the whole list: the CSL file "
        f"{FIXTURE} carries 1 entry of el where a whole list has at least 800; 7 other list(s) in it are short too"
    ) in out
    assert "No version of el is active, so screening against it stops with an error" in out
    rows = _show()
    for code_ in ("el", "dpl", "sdn", "meu", "uvl", "isn", "dtc", "ofac-cons"):
        assert rows[code_]["version"] is None, code_
        assert [p["version"] for p in rows[code_]["pending"]] == [f"{code_}-1"]  # type: ignore[union-attr]
    # screening refuses (it was CLEAR against the 1-entry Entity List), naming the held version and why
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")
    get_settings.cache_clear()
    result = runner.invoke(app, ["screen", "Huawei Technologies Co., Ltd.", "--json"])
    assert isinstance(result.exception, DataError) and '"decision"' not in result.output
    assert "el-1: an extract, not the whole list" in str(result.exception)
    # on purpose it can still be used
    code, out = run("lists", "activate", "el-1", "--confirm-shrink")
    assert code == 0, out
    assert _show()["el"]["entries"] == 1


def test_show_says_a_version_is_pending_and_why(db: Path, data_dir: Path, tmp_path: Path) -> None:
    assert run("lists", "load", str(data_dir / "us_bis" / "dpl_2023-11-30.txt"))[0] == 0
    lines = (data_dir / "us_bis" / "dpl_2023-11-30.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "dpl_2023-12-15.txt"
    cut.write_text("".join(lines[:400]), encoding="utf-8")
    code, out = run("lists", "load", str(cut))
    assert code == 2 and "PENDING, not active" in out
    code, out = run("lists", "show")
    assert code == 0
    assert "+ PENDING dpl-2" in out
    assert "dpl: dpl-2 is PENDING, not active: loses 266 entries of 665 (40.0%)" in out
    assert "clearance lists activate dpl-2 --confirm-shrink" in out
    row = _show()["dpl"]
    assert row["version"] == "dpl-1"
    assert row["pending"] == [{"version": "dpl-2", "entries": 399, "reason": row["pending"][0]["reason"]}]  # type: ignore[index]


def test_bootstrap_resumes_and_a_sanctioned_bank_is_not_cleared(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first-use bootstrap stopped after two lists (as if killed): the next command loads sdn too."""
    with Store.open(get_settings().db_url) as st:
        load_snapshot(st, only=["el", "dpl"])
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")
    get_settings.cache_clear()
    code, out = run("screen", "Bank Melli Iran", "--json")
    assert code == 0, out
    assert "snapshot" in out  # the resumed bootstrap says what it loaded (on stderr)
    decision = json.loads(out[out.index("{"):])
    assert decision["decision"] == "HIT"
    assert any(h["list"] == "sdn" and h["decision"] == "HIT" for h in decision["hits"])
    assert {r["code"] for r in _show().values() if r["version"]} == {"el", "dpl", "meu", "sdn", "uvl"}


def _entity_list_missing_a_column(src: Path, dst: Path) -> None:
    rows = list(csv.reader(io.StringIO(src.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(r[:-1] for r in rows[:40])
    dst.write_text(out.getvalue(), encoding="utf-8")


def _utf16(src: Path, dst: Path) -> None:
    dst.write_text(src.read_text(encoding="utf-8")[:50_000], encoding="utf-16")


def _empty(src: Path, dst: Path) -> None:
    dst.write_bytes(b"")


def _csv_as_xlsx(src: Path, dst: Path) -> None:
    dst.write_bytes(gzip.decompress(src.read_bytes()))


@pytest.mark.parametrize(
    ("source", "name", "make", "reason"),
    [
        ("us_bis/entity_list_2025-11-08.csv", "entity_list_2025-12-01.csv", _entity_list_missing_a_column,
         "not the Entity List CSV header (missing remarks)"),
        ("us_bis/entity_list_2025-11-08.csv", "entity_list_2025-12-01.csv", _utf16,
         "not UTF-8 text: byte 0xff at offset 0 cannot be decoded"),
        ("us_bis/entity_list_2025-11-08.csv", "entity_list_2025-12-01.csv", _empty, "file is empty"),
        ("uk/ConList_2025-04-14.csv.gz", "ConList_2025-12-01.xlsx", _csv_as_xlsx,
         "not a readable xlsx workbook"),
    ],
    ids=["el-missing-column", "el-utf16", "el-empty", "conlist-csv-as-xlsx"],
)
def test_damaged_file_known_by_name_is_rejected_naming_file_and_reason(
    db: Path, data_dir: Path, tmp_path: Path, source: str, name: str, make: object, reason: str
) -> None:
    assert run("lists", "load", str(data_dir / "us_bis" / "dpl_2023-11-30.txt"))[0] == 0
    before = run("lists", "versions", "--json")[1]
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / name
    make(data_dir / source, bad)  # type: ignore[operator]
    for target in (folder, bad):  # as a folder and as a file
        code, out = run("lists", "load", str(target))
        assert code == 2, out
        assert "no list file recognised here" not in out
        line = next(x for x in out.splitlines() if x.startswith("error: "))
        assert str(bad) in line and reason in line, line
        assert "named like a" in line and "not loaded" in line
        assert run("lists", "versions", "--json")[1] == before  # the store is unchanged


def test_a_list_loaded_only_as_pending_is_never_screened_as_clear(
    db: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OFAC set whose alt.csv is empty, loaded into a fresh store: sdn is pending, and screening refuses."""
    folder = tmp_path / "ofac"
    folder.mkdir()
    for f in (data_dir / "us_ofac" / "2021-07-07_full_set").glob("*.csv"):
        shutil.copy(f, folder / f"{f.stem}_2021-07-07.csv")  # dated, so its age can be accepted
    (folder / "alt_2021-07-07.csv").write_bytes(b"")
    code, out = run("lists", "load", str(folder))
    assert code == 2 and "companion file alt_2021-07-07.csv is empty" in out
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")
    get_settings.cache_clear()
    # an alias of the Basij Resistance Force, only in alt.csv (before: sdn active without aliases, CLEAR)
    result = runner.invoke(app, ["screen", "Sazman-e Moghavemat-e Basij", "--json"])
    assert result.exit_code != 0
    message = str(result.exception) + result.output
    assert "sdn were loaded but have no active version" in message and "sdn-1" in message
    assert "CLEAR" not in result.output
