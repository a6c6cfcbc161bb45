"""`clearance batch screen` through the console script: help that teaches, a run, its summary and metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.batch.results import digest, folder_rows, jsonl_rows
from clearance.workflows.batch.tasks import META_KEY
from clearance.workflows.lists import load_paths
from tests.conftest import CLI


@pytest.fixture
def el_db(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "db" / "el.db"
    with Store.open(Settings(db=str(path), snapshot=False).db_url) as store:
        assert all(o.ok for o in load_paths(store, [data_dir / "us_bis" / "entity_list_2025-11-08.csv"]))
    monkeypatch.setenv("CLEARANCE_DB", str(path))
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")
    monkeypatch.setenv("CLEARANCE_SNAPSHOT", "false")
    return path


def test_help_teaches(cli: CLI) -> None:
    ran = cli("batch", "screen", "--help")
    assert ran.code == 0
    for words in ("--dask", "--partition-rows", "--index-dir", "--previous", "Example"):
        assert words in ran.out
    group = cli("batch", "--help").out
    assert "_manifest.json" in group and "dask scheduler" in group and "docs/scale.md" in group
    assert "orders" in cli("batch", "determine", "--help").out


def test_batch_screen_cli_equals_screen_file(cli: CLI, el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "tx.csv"
    src.write_text("name,country\nHuawei Technologies Co. Ltd.,CN\nAcme Widgets GmbH,DE\n,CN\nToo,Many,Cells\n"
                   "Beijing Institute of Technology,CN\n", encoding="utf-8")
    ran = cli("batch", "screen", str(src), "--out", str(tmp_path / "out"), "--workers", "1", "--partition-rows", "2")
    assert ran.code == 0, ran.text
    assert "5 rows in 3 partitions" in ran.err and "1 rows could not be read" in ran.err
    meta = json.loads(pq.read_schema(tmp_path / "out" / "part-00000.parquet").metadata[META_KEY])
    assert meta["list_versions"] == {"el": "el-1"} and meta["kind"] == "screen"
    rows = list(folder_rows(tmp_path / "out"))
    assert [r["decision"] for r in rows] == ["HIT", "CLEAR", "CANNOT_CLEAR", "CANNOT_CLEAR", "HIT"]
    # the rows `clearance screen --file` can read give the same results
    good = tmp_path / "good.csv"
    good.write_text("name,country\nHuawei Technologies Co. Ltd.,CN\nAcme Widgets GmbH,DE\n,CN\n"
                    "Beijing Institute of Technology,CN\n", encoding="utf-8")
    assert cli("screen", "--file", str(good), "--out", str(tmp_path / "one.jsonl"), "--workers", "1").code == 0
    assert digest(r for r in rows if r["input"] is not None) == digest(jsonl_rows(tmp_path / "one.jsonl"))
    again = cli("batch", "screen", str(src), "--out", str(tmp_path / "out"))
    assert again.code == 2 and "not empty" in again.err
