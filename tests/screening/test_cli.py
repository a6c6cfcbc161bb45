"""`clearance screen` and `clearance compare` as a user runs them (typer's runner, a temporary SQLite file)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.errors import ConfigError, DataError
from clearance.settings import get_settings

runner = CliRunner()


@pytest.fixture(scope="module")
def el_db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[Path]:
    """A store with the real Entity List loaded (and a maximum age that keeps it fresh)."""
    path = tmp_path_factory.mktemp("screen") / "cli.db"
    old = {k: os.environ.get(k) for k in ("CLEARANCE_DB", "CLEARANCE_MAX_AGE_DAYS")}
    os.environ["CLEARANCE_DB"] = str(path)
    os.environ["CLEARANCE_MAX_AGE_DAYS"] = "100000"
    get_settings.cache_clear()
    result = runner.invoke(app, ["lists", "load", "--from", str(data_dir / "us_bis"), "--only", "el"])
    assert result.exit_code == 0, result.output
    yield path
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str, BaseException | None]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output, result.exception


def test_compare_one_pair_with_explanation() -> None:
    code, out, _ = run("compare", "Huawei Technologies Co Ltd", "华为技术有限公司", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["match"] is True and data["score"] >= 0.7 and data["algorithm"] == "clearance-name@3"
    detail = data["explanation"][0]["detail"]
    assert "pinyin" in detail and "hua wei" in detail
    assert data["explanation"][1]["feature"] == "legal_form"


def test_compare_pairs_file(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_text("name1,name2,schema,note\nHuawei Device Co Ltd,Huawei Cloud Co Ltd,Company,sibling\n"
                   "Vladimir Putin,Владимир Путин,Person,same\n", encoding="utf-8")
    out = tmp_path / "scores.csv"
    code, text, _ = run("compare", "--pairs", str(src), "--out", str(out))
    assert code == 0, text
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["note"] for r in rows] == ["sibling", "same"]
    assert [r["match"] for r in rows] == ["false", "true"]
    assert 0 <= float(rows[0]["score"]) < float(rows[1]["score"]) <= 1


def test_compare_pairs_without_name_column_names_the_field(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("a,b\nx,y\n", encoding="utf-8")
    code, _, exc = run("compare", "--pairs", str(src))
    assert code != 0 and isinstance(exc, DataError) and exc.field == "name1"


def test_screen_one_name_json(el_db: Path) -> None:
    code, out, _ = run("screen", "华为技术有限公司", "--country", "China", "--limit", "3", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["decision"] == "HIT" and data["list_versions"] == {"el": "el-1"}
    top = data["hits"][0]
    assert top["list"] == "el" and "Huawei" in top["name"]
    assert {f["feature"] for f in top["explanation"]} >= {"name", "country"}
    scores = [h["score"] for h in data["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_screen_table_and_unknown_country(el_db: Path) -> None:
    code, out, _ = run("screen", "Huawei Device Co., Ltd.")
    assert code == 0 and "HIT" in out and "Huawei Device Co., Ltd." in out
    code, _, exc = run("screen", "Huawei", "--country", "Atlantis")
    assert isinstance(exc, ConfigError)


def test_screen_file_keeps_every_row_in_order(el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "parties.csv"
    src.write_text(
        "name,country,id,ref\nHuawei Technologies Co Ltd,CN,,a\n,,,b\nAcme Widgets,US,,c\n"
        "Hikvision,Atlantis,,d\nCORP,,,e\n" + "x" * 10_000 + ",,,f\n",
        encoding="utf-8",
    )
    out = tmp_path / "hits.jsonl"
    code, text, _ = run("screen", "--file", str(src), "--out", str(out))
    assert code == 0, text
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["row"] for r in rows] == list(range(6))
    assert [r["input"]["ref"] for r in rows] == list("abcdef")
    # a 10,000-character name is not cut to 1,000 and screened (a cut name could clear a listed party)
    assert [r["decision"] for r in rows] == ["HIT", "CANNOT_CLEAR", "CLEAR", "CANNOT_CLEAR", "CLEAR", "CANNOT_CLEAR"]
    assert "empty name" in rows[1]["reasons"][0] and "Atlantis" in rows[3]["reasons"][0]
    assert "10,000 characters" in rows[5]["reasons"][0]
    assert rows[0]["algorithm"] == "clearance-name@3" and rows[0]["list_versions"] == {"el": "el-1"}


def test_screen_parquet_in_and_out(el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    pl.DataFrame({"name": ["Huawei Device Co Ltd", "Nobody Special"], "k": [1, 2]}).write_parquet(src)
    out = tmp_path / "out.parquet"
    code, text, _ = run("screen", "--file", str(src), "--out", str(out))
    assert code == 0, text
    df = pl.read_parquet(out)
    assert df["decision"].to_list() == ["HIT", "CLEAR"] and df["input_k"].to_list() == ["1", "2"]


def test_screen_bad_files_are_clear_errors(el_db: Path, tmp_path: Path) -> None:
    no_name = tmp_path / "no_name.csv"
    no_name.write_text("company\nHuawei\n", encoding="utf-8")
    _, _, exc = run("screen", "--file", str(no_name))
    assert isinstance(exc, DataError) and exc.field == "name"
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("name\nSociété Générale\n".encode("latin-1"))
    _, _, exc = run("screen", "--file", str(latin1))
    assert isinstance(exc, DataError) and exc.line == 2 and "UTF-8" in str(exc)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    _, _, exc = run("screen", "--file", str(broken))
    assert isinstance(exc, DataError) and "parquet" in str(exc)


def test_screen_file_with_two_workers_matches_one(el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "orders.csv"
    names = ["Huawei Technologies Co Ltd", "Acme Widgets", "Hikvision", "", "华为技术有限公司", "Nobody Special"]
    src.write_text("name,ref\n" + "".join(f"{names[i % len(names)]},{i}\n" for i in range(300)), encoding="utf-8")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        code, text, _ = run("screen", "--file", str(src), "--out", str(out), "--workers", workers)
        assert code == 0, text
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    rows = [json.loads(line) for line in outs[1].splitlines()]
    assert [r["input"]["ref"] for r in rows] == [str(i) for i in range(300)]
    assert rows[3]["decision"] == "CANNOT_CLEAR" and rows[0]["decision"] == "HIT"
