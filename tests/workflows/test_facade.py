"""The library facade and the CLI give the same record for the same order (and both apply the engine's own
no-party and denial-order rules)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clearance import Clearance
from clearance.cli.main import app
from clearance.model.order_input import rejoin_flow_commas
from clearance.rules.strict_yaml import load_file

ROOT = Path(__file__).resolve().parents[2]
ORDER_KEYS = {"id", "date", "time_local", "route", "item", "parties", "transaction", "end_use", "knowledge", "facts",
              "licence_state", "exporter"}


def _orders(data_dir: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    own = ROOT / "tests" / "rules" / "own_scenarios.yaml"
    for path in (own, data_dir.parent / "regulatory" / "ear-scenarios.yaml"):
        for scenario in load_file(path)["scenarios"]:
            raw, _ = rejoin_flow_commas(scenario)  # YAML flow mappings split "Co., Ltd." at the comma
            out.append(json.loads(json.dumps({k: v for k, v in raw.items() if k in ORDER_KEYS}, default=str)))
    out.append({"id": "no-party", "date": "2024-01-01", "route": {"to": "DE"},
                "item": {"eccn": "EAR99", "origin": "US"}})
    out.append({"id": "denied", "date": "2024-01-01", "route": {"to": "MX"}, "item": {"eccn": "EAR99", "origin": "US"},
                "parties": [{"role": "end_user", "name": "Someone Denied", "listings": ["denied_persons"]}]})
    return out


def test_library_and_cli_records_are_identical(tmp_path: Path, data_dir: Path) -> None:
    orders = _orders(data_dir)
    assert len(orders) > 80
    path = tmp_path / "orders.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in orders), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["determine", "--orders", str(path), "--out", str(out),
                                      "--listings", "none-found"])
    assert result.exit_code == 0, result.output
    cli = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    with Clearance(db=str(tmp_path / "unused.db")) as c:
        lib = [c.determine(o, listings="none-found").to_dict() for o in orders]
    assert len(cli) == len(lib)
    for a, b in zip(cli, lib, strict=True):
        a.pop("line")
        assert a == b, a["id"]
    by_id = {r["id"]: r for r in lib}
    assert by_id["no-party"]["outcome"] == "CANNOT_CLEAR"
    assert by_id["no-party"]["open_questions"][0]["fact"] == "parties"
    assert by_id["denied"]["outcome"] == "PROHIBITED" and by_id["denied"]["bases"][-1]["code"] == "DPL"
    assert not (tmp_path / "unused.db").exists()  # none-found never opens the store


def test_facade_refuses_an_unknown_listings_mode(tmp_path: Path) -> None:
    from clearance.errors import ConfigError

    with Clearance(db=str(tmp_path / "x.db")) as c, pytest.raises(ConfigError, match="none-found"):
        c.determine({"id": "x", "date": "2024-01-01", "route": {"to": "DE"}, "item": {"eccn": "EAR99", "origin": "US"},
                     "parties": [{"role": "end_user", "name": "Acme"}]}, listings="maybe")
