"""The `clearance lists` commands as a user runs them (typer's runner, a temporary SQLite file)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.settings import get_settings

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
    assert code == 0 and "kept as history" in out
    rows = {r["code"]: r for r in json.loads(run("lists", "show", "--json")[1])}
    assert rows["dpl"]["version"] == "dpl-1" and rows["dpl"]["entries"] == 665
    code, out = run("lists", "activate", "dpl-2")
    assert code == 0 and "dpl-2" in out
    rows = {r["code"]: r for r in json.loads(run("lists", "show", "--json")[1])}
    assert rows["dpl"]["entries"] == 1
