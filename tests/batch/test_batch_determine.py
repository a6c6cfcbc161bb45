"""`batch determine` on a Dask LocalCluster gives exactly the records of `clearance determine --orders`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from clearance.errors import DataError
from clearance.settings import Settings
from clearance.workflows.batch.results import manifest
from clearance.workflows.batch.run import determine_batch
from clearance.workflows.batch.tasks import META_KEY
from clearance.workflows.determination import determine_order_lines
from clearance.workflows.facade import Clearance
from clearance.workflows.order_files import read_order_lines
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from bench_determine import generate


def records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(r["record"]) for p in manifest(out)["partitions"]
            for r in pq.read_table(out / p["file"]).to_pylist()]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "empty.db"), snapshot=False)


def test_orders_batch_equals_determine_orders(settings: Settings, dask_client: Any, tmp_path: Path) -> None:
    path = tmp_path / "orders.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, order in enumerate(generate(600, seed=7)):
            fh.write(json.dumps(order) + "\n")
            if i == 300:
                fh.write("{not json\n")
            if i == 400:
                fh.write(json.dumps({"id": "no-item", "date": "2020-01-01", "to": "CN"}) + "\n")
    with Clearance(settings=settings) as app:
        rules = app.rules()
        single = list(determine_order_lines(
            read_order_lines(str(path)),
            lambda req: app.determine_with_screening(req, listings="none-found", rules=rules), str(path), rules))
    out = tmp_path / "out"
    got = determine_batch(str(path), str(out), settings=settings, listings="none-found", partition_rows=250,
                          client=dask_client)
    assert records(out) == single
    assert got["rows"] == 602 and len(got["partitions"]) == 3
    bad = [r for r in records(out) if r["line"] in (302, 403)]
    assert [r["outcome"] for r in bad] == ["CANNOT_CLEAR", "CANNOT_CLEAR"]
    meta = json.loads(pq.read_schema(out / "part-00001.parquet").metadata[META_KEY])
    assert meta["rules"] == rules.version and meta["partition"] == 1


def test_csv_orders_one_per_row(settings: Settings, dask_client: Any, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "date", "to", "eccn", "origin", "end_user", "end_user_country"])
        w.writerow(["A1", "2020-06-01", "DE", "EAR99", "US", "Acme GmbH", "DE"])
        w.writerow(["A2", "2020-06-01", "CN", "3A001.a.2", "US", "Beijing Widgets Co", "CN"])
        w.writerow(["A3", "not a date", "CN", "EAR99", "US", "X", "CN"])
    out = tmp_path / "out"
    determine_batch(str(path), str(out), settings=settings, listings="none-found", client=dask_client)
    got = {r["id"]: r for r in records(out)}
    assert got["A1"]["outcome"] == "NO_LICENSE_REQUIRED"
    assert got["A2"]["outcome"] == "LICENSE_REQUIRED"
    assert got["A3"]["outcome"] == "CANNOT_CLEAR" and got["A3"]["line"] == 4
    (tmp_path / "odd.csv").write_text("id,date,colour\nA,2020-01-01,red\n", encoding="utf-8")
    with pytest.raises(DataError, match="'colour' is not an order field"):
        determine_batch(str(tmp_path / "odd.csv"), str(tmp_path / "out2"), settings=settings, client=dask_client)
