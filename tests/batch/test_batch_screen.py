"""`batch screen` on a Dask LocalCluster gives exactly the single-process results, row for row.

The inputs are transaction files drawn from a pool of real Entity List names (2025-11-08) plus unlisted and
unscreenable names: each party recurs on many rows, as in a real file. The single-process path is
``workflows.screening.screen_rows`` (what `clearance screen --file` runs); equality is checked by a digest
over every row's input and result (decision, hits with explanations, algorithm, list versions, reasons).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clearance.errors import ConfigError
from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex
from clearance.workflows.batch import frozen
from clearance.workflows.batch.results import digest, folder_rows
from clearance.workflows.batch.run import screen_batch
from clearance.workflows.batch.tasks import META_KEY
from clearance.workflows.batch_input import read_rows
from clearance.workflows.screening import screen_rows
from tests.batch.conftest import transactions, write_csv

TODAY = dt.date(2026, 12, 1)


def single(path: Path, index: ScreeningIndex) -> tuple[str, int]:
    rows = read_rows(str(path))
    try:
        return digest(screen_rows(rows, index, today=TODAY))
    finally:
        rows.close()


def test_csv_batch_equals_single_process(el_entities: list[Entity], el_index: ScreeningIndex, dask_client: Any,
                                        tmp_path: Path) -> None:
    path = write_csv(tmp_path / "tx.csv", transactions(el_entities, 3_000, 40))
    manifest = screen_batch(str(path), str(tmp_path / "out"), el_index, client=dask_client, partition_rows=400,
                            today=TODAY)
    assert manifest["rows"] == 3_000 and len(manifest["partitions"]) == 8
    assert digest(folder_rows(tmp_path / "out")) == single(path, el_index)
    assert {"HIT", "CLEAR", "CANNOT_CLEAR"} <= set(manifest["decisions"])
    # every worker loaded the index once, and both did work
    assert set(dask_client.run(frozen.loads, manifest["index_digest"]).values()) == {1}
    assert len({p["worker_pid"] for p in manifest["partitions"]}) == 2
    # each file names the versions it was screened with
    meta = json.loads(pq.read_schema(tmp_path / "out" / "part-00003.parquet").metadata[META_KEY])
    assert meta["list_versions"] == {"el": "el-test"} and meta["algorithm"] == manifest["algorithm"]
    assert meta["partition"] == 3 and meta["index_digest"] == manifest["index_digest"]


def test_jsonl_and_parquet_batches_equal_single_process(el_entities: list[Entity], el_index: ScreeningIndex,
                                                        dask_client: Any, tmp_path: Path) -> None:
    rows = list(transactions(el_entities, 1_000, 30, seed=3))
    jsonl = tmp_path / "tx.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    parquet = tmp_path / "tx.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet, row_group_size=256)
    for path in (jsonl, parquet):
        out = tmp_path / f"out-{path.suffix[1:]}"
        screen_batch(str(path), str(out), el_index, client=dask_client, partition_rows=400, today=TODAY)
        assert digest(folder_rows(out)) == single(path, el_index)


def test_bad_rows_are_cannot_clear_naming_partition_and_line(el_index: ScreeningIndex, dask_client: Any,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"name,country\nHuawei Technologies Co. Ltd.,CN\nToo,Many,Cells\nLatin \xe9 Ltd,FR\n"
                     b"\"Unclosed,CN\nAcme Widgets GmbH,DE\n" + b"Nobody Special Ltd,US\n" * 5)
    manifest = screen_batch(str(path), str(tmp_path / "out"), el_index, client=dask_client, partition_rows=2,
                            today=TODAY)
    rows = list(folder_rows(tmp_path / "out"))
    assert [r["line"] for r in rows] == list(range(2, 12))  # no row lost, none invented
    bad = {r["line"]: r for r in rows if r["input"] is None}
    assert set(bad) == {3, 4, 5}
    assert all(r["decision"] == "CANNOT_CLEAR" for r in bad.values())
    assert "input partition 0" in bad[3]["reasons"][0] and "line 3" in bad[3]["reasons"][0]
    assert "input partition 1" in bad[4]["reasons"][0] and "not UTF-8" in bad[4]["reasons"][0]
    assert manifest["unreadable_rows"] == 3
    assert rows[0]["decision"] == "HIT" and rows[4]["input"] == {"name": "Acme Widgets GmbH", "country": "DE"}


def test_a_killed_worker_is_retried_and_the_output_is_identical(el_entities: list[Entity], el_index: ScreeningIndex,
                                                               dask_client: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "tx.csv", transactions(el_entities, 2_000, 40, seed=5))
    before = dask_client.run(os.getpid)
    killed: list[int] = []

    def kill_once(done: int, total: int) -> None:
        if killed:
            return
        busy = {w: keys for w, keys in dask_client.processing().items() if keys}
        worker = sorted(busy)[0]  # a worker with a partition in flight
        pid = before[worker]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    manifest = screen_batch(str(path), str(tmp_path / "out"), el_index, client=dask_client, partition_rows=100,
                            today=TODAY, progress=kill_once)
    assert killed
    after = dask_client.run(os.getpid)
    assert killed[0] not in after.values()  # the nanny started a new worker process
    assert manifest["rows"] == 2_000 and len(manifest["partitions"]) == 20
    assert digest(folder_rows(tmp_path / "out")) == single(path, el_index)


def test_output_folder_must_be_new_or_empty(el_index: ScreeningIndex, tmp_path: Path) -> None:
    (tmp_path / "tx.csv").write_text("name\nA\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-00000.parquet").write_bytes(b"old")
    with pytest.raises(ConfigError, match="not empty"):
        screen_batch(str(tmp_path / "tx.csv"), str(tmp_path / "out"), el_index, client=object())
