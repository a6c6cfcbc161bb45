"""`clearance determine` and `clearance rules show` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.errors import ConfigError
from clearance.settings import get_settings

from .conftest import SCENARIOS

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_huawei_single_order_json() -> None:
    code, out = run("determine", "--eccn", "3A991", "--to", "CN", "--end-user", "Huawei Technologies Co., Ltd.",
                    "--date", "2019-06-01", "--json")
    assert code == 0, out
    d = json.loads(out)
    assert d["outcome"] == "LICENSE_REQUIRED" and d["license_required"] is True
    assert d["bases"][0]["code"] == "EL" and "84 FR 22961" in d["bases"][0]["cite"]
    assert d["review_policy"] == "presumption of denial"
    assert any(t["rule"] == "el.group.huawei.review_policy" for t in d["trace"])


def test_human_output_and_screening_against_the_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_DB", str(tmp_path / "fresh.db"))  # first use: the embedded snapshot loads
    get_settings.cache_clear()
    try:
        code, out = run("determine", "--eccn", "3A001.a.2", "--to", "DE", "--end-user", "Acme GmbH", "--date",
                        "2021-06-01")
        assert code == 0 and "CANNOT_CLEAR" in out
        assert "active el version el-1 describes 2025-11-08, after 2021-06-01" in out  # no 2021 lists loaded
        monkeypatch.setenv("CLEARANCE_MAX_AGE_OVERRIDES", '{"dpl": 1200, "meu": 1200, "uvl": 1200, "sdn": 700}')
        get_settings.cache_clear()
        code, out = run("determine", "--eccn", "EAR99", "--to", "CN", "--end-user", "Sichuan University",
                        "--date", "2025-11-20")
        assert code == 0 and "LICENSE_REQUIRED" in out and "Parties screened" in out and "HIT" in out
        code, out = run("determine", "--eccn", "EAR99", "--to", "AE", "--end-user", "Acme Trading LLC",
                        "--intermediate-consignee", "Aaron Abraham Villa", "--date", "2025-11-20", "--json")
        d = json.loads(out)
        assert d["outcome"] == "PROHIBITED" and any("Denied Persons List" in b["cite"] for b in d["bases"])
        assert [s["decision"] for s in d["screening"]] == ["CLEAR", "HIT"]
    finally:
        get_settings.cache_clear()
    code, out = run("determine", "--eccn", "3A001.a.2", "--to", "DE", "--end-user", "Acme GmbH", "--date",
                    "2021-06-01", "--listings", "none-found")
    assert "NO_LICENSE_REQUIRED" in out and "Rules consulted" in out


def test_scenarios_file_one_json_line_each() -> None:
    code, out = run("determine", "--scenarios", str(SCENARIOS), "--listings", "none-found", "--json")
    assert code == 0, out
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) >= 23
    for d in lines:
        assert {"id", "outcome", "subject_to_ear", "license_required", "bases", "review_policy",
                "license_exceptions", "citations", "trace"} <= set(d)
    by_id = {d["id"]: d for d in lines}
    assert by_id["S02"]["license_required"] is True and by_id["S35"]["license_required"] is None


def test_order_file_with_overlay_side_by_side(tmp_path: Path) -> None:
    order = tmp_path / "order.yaml"
    order.write_text("id: PO-1\ndate: 2026-03-01\nroute: {from: US, to: CN}\nitem: {eccn: EAR99, origin: US}\n"
                     "parties:\n  - {role: end_user, name: 'Huawei Technologies Co., Ltd.'}\n")
    overlay = tmp_path / "stop.yaml"
    overlay.write_text("overlay: true\nparameters:\n  el.group.huawei.review_policy:\n    values:\n"
                       "      2026-01-01: {value: policy of denial, cite: hypothetical}\n")
    code, out = run("determine", "--order", str(order), "--overlay", str(overlay), "--json")
    assert code == 0, out
    base, proposed = (json.loads(x) for x in out.splitlines())
    assert base["review_policy"] == "presumption of denial" and proposed["review_policy"] == "policy of denial"
    assert "+stop" in proposed["versions"]["rules"]


def test_rules_show_as_of() -> None:
    code, out = run("rules", "show", "744.11", "--as-of", "2020-06-01", "--json")
    assert code == 0, out
    rows = {r["rule"]: r for r in map(json.loads, out.splitlines())}
    assert "85 FR 29849" in rows["el.group.huawei.license_requirement"]["cite"]
    assert rows["el.group.huawei.footnote2"]["effective"] is None  # not yet in force on 2020-06-01
    code, out = run("rules", "show", "734.9(e)(1)", "--as-of", "2020-09-01")
    assert code == 0 and "V2" in out


def test_help_teaches_with_an_example() -> None:
    code, out = run("determine", "--help")
    assert code == 0 and "clearance determine --eccn 3A991" in out


def test_bad_country_is_a_config_error() -> None:
    try:
        run("determine", "--eccn", "3A991", "--to", "Atlantis")
    except ConfigError as exc:
        assert "Atlantis" in str(exc)
    else:
        raise AssertionError("expected a ConfigError")


def test_orders_file_one_result_per_line(tmp_path: Path) -> None:
    orders = tmp_path / "orders.jsonl"
    lines = [json.dumps({"id": f"PO-{i}", "date": "2021-06-01", "route": {"to": to},
                         "item": {"eccn": eccn, "origin": "US"},
                         "parties": [{"role": "end_user", "name": "Huawei Technologies Co., Ltd."}]})
             for i, (to, eccn) in enumerate([("CN", "3A991"), ("DE", "3A001.a.2"), ("CN", "EAR99")])]
    orders.write_text("\n".join([*lines, "[1, 2]"]) + "\n", encoding="utf-8")
    out_file = tmp_path / "results.jsonl"
    code, out = run("determine", "--orders", str(orders), "--out", str(out_file), "--listings", "none-found")
    assert code == 0, out
    results = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in results] == [1, 2, 3, 4]
    assert [r["outcome"] for r in results] == ["LICENSE_REQUIRED", "LICENSE_REQUIRED", "LICENSE_REQUIRED",
                                               "CANNOT_CLEAR"]
    assert "an order must be a mapping" in results[3]["reasons"][0]
    assert "4 determinations" in out


def test_destination_us_is_explained() -> None:
    code, out = run("determine", "--eccn", "EAR99", "--to", "US", "--end-user", "Acme Corp", "--listings",
                    "none-found", "--json")
    d = json.loads(out)
    assert code == 0
    assert d["outcome"] == "CANNOT_CLEAR" and "destination is the United States" in d["reasons"][0]


def test_accept_stale_lists_for_one_run_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--accept-stale LIST[:DAYS]` (issue 9 kind 10) replaces the JSON environment variable for one run: without it
    the old Denied Persons / MEU / UV / SDN versions of the snapshot are stale on 2025-11-20 (CANNOT_CLEAR naming the
    option); with it the parties are screened and each answer records the accepted ages."""
    from clearance.cli.determine import accept_stale

    monkeypatch.setenv("CLEARANCE_DB", str(tmp_path / "fresh.db"))  # first use: the embedded snapshot loads
    monkeypatch.delenv("CLEARANCE_MAX_AGE_OVERRIDES", raising=False)
    get_settings.cache_clear()
    try:
        args = ("determine", "--eccn", "EAR99", "--to", "CN", "--end-user", "Sichuan University", "--date",
                "2025-11-20", "--json")
        code, out = run(*args)
        d = json.loads(out)
        assert code == 0 and d["outcome"] == "CANNOT_CLEAR"
        assert any("stale list" in r and "--accept-stale" in r for r in d["reasons"])
        code, out = run(*args, "--accept-stale", "dpl:1200,meu:1200", "--accept-stale", "uvl:1200",
                        "--accept-stale", "sdn")
        d = json.loads(out)
        assert code == 0 and d["outcome"] == "LICENSE_REQUIRED", d["reasons"]
        why = {u["code"]: u["why"] for u in d["lists"]["consulted"]}
        assert why["dpl"] == "stale version accepted by the caller (--accept-stale dpl:1200)"
        assert why["sdn"] == "stale version accepted by the caller (--accept-stale sdn)" and why["el"] is None
        assert any(n.startswith("list ages accepted by the caller") for n in d["notes"])
    finally:
        get_settings.cache_clear()
    assert accept_stale(["el:7", "sdn"]) == {"el": 7, "sdn": 365_000}
    for bad in ("ofac-xx:3", "el:seven"):
        with pytest.raises(ConfigError):
            accept_stale([bad])
    with pytest.raises(ConfigError, match="--accept-stale 'nope'"):  # before any list or rule is read
        run("determine", "--eccn", "EAR99", "--to", "CN", "--end-user", "X", "--accept-stale", "nope")
