"""The desk commands as a user runs them (SQLite): bad lines by line and field with exit 1, bad licence files,
unknown review ids, an altered audit row found by `audit verify`, `audit replay`, export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import CLI, Ran

pytestmark = pytest.mark.usefixtures("desk_settings")


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """The CLI tests run on SQLite (the workflow tests run on both databases)."""
    return f"sqlite:///{tmp_path / 'db' / 'desk.db'}"


ORDERS = [
    {"id": "SO-1", "date": "2020-01-10", "to": "CN", "quantity": 20,
     "item": {"eccn": "5A992.c", "origin": "US", "value": 1000},
     "parties": [{"role": "end_user", "name": "Huawei Device (Dongguan) Co Ltd", "country": "CN"}]},
    {"id": "SO-2", "to": "CN", "item": {"eccn": "5A992.c", "origin": "US"},
     "parties": [{"role": "end_user", "name": "Huawei Device (Dongguan) Co Ltd"}]},
    {"id": "SO-3", "date": "2020-01-10", "to": "CN", "item": {"origin": "US"},
     "parties": [{"role": "end_user", "name": "Huawei Device (Dongguan) Co Ltd"}]},
    {"id": "SO-4", "date": "2020-01-10", "to": "CN", "item": {"eccn": "5A992.c", "origin": "US"}},
]


def _run(cli: CLI, *args: str) -> Ran:
    return cli(*args)


def test_orders_check_reports_bad_lines_and_processes_the_rest(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "orders.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in ORDERS) + "{not json\n")
    got = cli("orders", "check", str(path))
    assert got.code == 1
    assert f"{path}:2: order 'SO-2', field 'date'" in got.err
    assert f"{path}:3: order 'SO-3', field 'item.eccn'" in got.err
    assert f"{path}:4: order 'SO-4', field 'parties'" in got.err
    assert f"{path}:5: order 'line 5'" in got.err and "not JSON" in got.err
    assert "HOLD: 1" in got.err and "bad line: 4" in got.err
    assert "Traceback" not in got.text
    js = cli("orders", "check", str(path), "--json", "--dry-run")
    rows = [json.loads(x) for x in js.out.splitlines()]
    assert [r["verdict"] for r in rows] == ["HOLD", None, None, None, None]
    assert rows[0]["hold"] == "licence_needed" and rows[0]["determination"]["outcome"] == "LICENSE_REQUIRED"


def test_orders_check_csv_and_yaml_lines(cli: CLI, tmp_path: Path) -> None:
    csv_path = tmp_path / "orders.csv"
    csv_path.write_text("id,date,to,eccn,origin,quantity,value,end_user,end_user_country\n"
                        "SO-7,2020-01-10,CN,5A992.c,US,5,100,Huawei Device (Dongguan) Co Ltd,CN\n"
                        "SO-8,2020-01-10,CN,5A992.c,US,-5,100,Huawei Device (Dongguan) Co Ltd,CN\n")
    got = cli("orders", "check", str(csv_path), "--json", "--dry-run")
    rows = [json.loads(x) for x in got.out.splitlines()]
    assert rows[0]["verdict"] == "HOLD" and rows[1]["error"]["field"] == "quantity"
    assert got.code == 1
    yml = tmp_path / "orders.yaml"
    yml.write_text("orders:\n- id: SO-9\n  date: 2020-01-10\n  to: CN\n  parties:\n"
                   "  - {role: end_user, name: Huawei Device (Dongguan) Co Ltd}\n"
                   "  lines:\n  - {eccn: 5A992.c, origin: US, quantity: 2, value: 10}\n"
                   "  - {eccn: 5A992.c, origin: US, quantity: 2, value: nope}\n")
    got = cli("orders", "check", str(yml), "--json", "--dry-run")
    rows = [json.loads(x) for x in got.out.splitlines()]
    assert rows[0]["line"] == 1 and rows[0]["verdict"] == "HOLD"
    assert rows[1]["error"]["field"] == "lines[1].value" and rows[1]["error"]["line"] == 9


def test_bad_licence_files_name_record_and_field_and_add_nothing(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "lic.yaml"
    path.write_text("- number: A1\n  holder: X Inc.\n  parties: [Huawei Device Co., Ltd.]\n  eccns: [5A992]\n"
                    "  destination: CN\n  value_limit: 10\n  valid_from: 2019-09-15\n"
                    "- number: A2\n  holder: X Inc.\n  parties: [Huawei Device Co., Ltd.]\n  eccns: [5A992]\n"
                    "  destination: CN\n  value_limit: -10\n  valid_from: 2019-09-15\n  valid_to: 2019-01-01\n")
    got = cli("licenses", "add", str(path))
    assert got.code == 2 and "Traceback" not in got.text
    assert f"{path}:13, field 'value_limit'" in got.err and "licence #2 (A2)" in got.err
    assert "A1" not in cli("licenses", "list").out
    path.write_text(path.read_text().replace("-10", "10"))
    got = cli("licenses", "add", str(path))
    assert got.code == 2 and "valid_to (2019-01-01) is before valid_from" in got.err
    assert cli("review", "clear", "999", "--reason", "x").err.startswith("error: no review 999")


def test_altered_audit_row_is_named_and_replay_reproduces(cli: CLI, tmp_path: Path, store_url: str) -> None:
    path = tmp_path / "orders.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in ORDERS[:1]) * 1)
    cli("orders", "check", str(path))
    got = cli("audit", "verify")
    assert got.code == 0 and "intact" in got.out
    shown = [json.loads(x) for x in cli("audit", "show", "--kind", "determination", "--json").out.splitlines()]
    seq = shown[0]["seq"]
    rep = cli("audit", "replay", str(seq))
    assert rep.code == 0 and rep.out.startswith("IDENTICAL")
    exported = tmp_path / "audit.jsonl"
    assert cli("audit", "export", "--out", str(exported)).code == 0
    assert len(exported.read_text().splitlines()) >= 3
    db = store_url.removeprefix("sqlite:///")
    with sqlite3.connect(db) as conn:  # someone turns the HOLD into a RELEASE in the database
        body = conn.execute("SELECT body FROM audit_log WHERE seq = ?", (seq,)).fetchone()[0]
        conn.execute("UPDATE audit_log SET body = ? WHERE seq = ?", (body.replace('"HOLD"', '"RELEASE"'), seq))
    got = cli("audit", "verify")
    assert got.code == 1 and f"BROKEN at record {seq}" in got.err and "altered" in got.err


def test_parties_import_screens_and_keeps_history(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "parties.csv"
    path.write_text("id,name,aliases,country,address\n"
                    "C-1,Huawei Device (Dongguan) Co Ltd,Huawei Device Dongguan,CN,Dongguan\n"
                    "C-2,Nordic Radio Systems Oy,,FI,Espoo\n")
    got = cli("parties", "import", str(path))
    assert got.code == 0 and "review(s) opened" in got.out
    listed = {p["id"]: p for p in json.loads(cli("parties", "list", "--json").out)}
    assert listed["C-1"]["status"] == "HIT" and listed["C-2"]["status"] == "CLEAR"
    cli("parties", "import", str(path))  # screened again: a second history entry, no duplicate review
    shown = json.loads(cli("parties", "show", "C-1", "--json").out)
    assert len(shown["history"]) == 2 and shown["history"][0]["body"]["hits"][0]["list"] == "el"
    reviews = json.loads(cli("review", "list", "--json").out)
    assert len({(r["party_key"], r["entry_id"]) for r in reviews}) == len(reviews)


def test_a_broken_counterparty_row_imports_nothing(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "parties.csv"
    path.write_text("id,name,country\nC-1,Acme Trading GmbH,DE\nC-2,,DE\n")
    got = cli("parties", "import", str(path))
    assert got.code == 2 and f"{path}:3, field 'name'" in got.err
    assert json.loads(cli("parties", "list", "--json").out) == []
    path.write_text("id,name,country\nC-1,Acme Trading GmbH,Atlantis\n")
    got = cli("parties", "import", str(path))
    assert got.code == 2 and "field 'country'" in got.err
    xlsx = tmp_path / "parties.xlsx"
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["id", "name", "country"])
    ws.append(["C-9", "Nordic Radio Systems Oy", "FI"])
    wb.save(xlsx)
    assert cli("parties", "import", str(xlsx)).code == 0
    assert [p["id"] for p in json.loads(cli("parties", "list", "--json").out)] == ["C-9"]


def test_replay_needs_an_orders_file(cli: CLI, tmp_path: Path) -> None:
    got = cli("replay", str(tmp_path))
    assert got.code == 2 and "no orders.yaml in the folder" in got.err and "Traceback" not in got.text
    got = cli("audit", "replay", "999")
    assert got.code == 2 and "no audit record 999" in got.err
