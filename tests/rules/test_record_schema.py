"""The decision record's published JSON Schema: current, and met by every `clearance determine --json` output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from clearance.model.decision_schema import DeterminationRecord, json_schema
from clearance.settings import get_settings

from .conftest import ROOT, SCENARIOS
from .test_cli import run

SCHEMA_FILE = ROOT / "docs" / "determination-record.schema.json"
OWN = Path(__file__).parent / "own_scenarios.yaml"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _valid(v: jsonschema.protocols.Validator, record: dict[str, Any]) -> None:
    errors = sorted(v.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"{record.get('id')}: {[(list(e.path), e.message) for e in errors[:3]]}"
    DeterminationRecord.model_validate(record)  # the model the schema is generated from agrees


def test_the_published_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema(), "run .venv/bin/python tools/gen_schema.py"


def test_the_schema_refuses_a_record_in_the_old_spelling(validator: jsonschema.protocols.Validator) -> None:
    _code, out = run("determine", "--eccn", "3A991", "--to", "CN", "--end-user", "Huawei Technologies Co., Ltd.",
                    "--date", "2019-06-01", "--json")
    record = json.loads(out)
    _valid(validator, record)
    record["outcome"] = "LICENCE_REQUIRED"
    assert list(validator.iter_errors(record)), "the schema must pin the outcome values"
    del record["outcome"]
    record["outcome"] = "PROHIBITED"
    record["surprise"] = 1
    assert list(validator.iter_errors(record)), "unknown keys are not part of the record"


def test_every_scenario_record_matches_the_schema(validator: jsonschema.protocols.Validator) -> None:
    outcomes: set[str] = set()
    for path in (SCENARIOS, OWN):
        code, out = run("determine", "--scenarios", str(path), "--listings", "none-found", "--json")
        assert code == 0, out
        records = [json.loads(line) for line in out.splitlines() if line.strip()]
        assert len(records) >= 23
        for r in records:
            _valid(validator, r)
            outcomes.add(r["outcome"])
    code, out = run("determine", "--eccn", "3A001.a.2", "--to", "BR", "--end-user", "Acme Ltda", "--date",
                    "2024-01-01", "--listings", "none-found", "--json")
    _valid(validator, json.loads(out))
    outcomes.add(json.loads(out)["outcome"])
    assert {"NOT_SUBJECT", "NO_LICENSE_REQUIRED", "LICENSE_EXCEPTION", "LICENSE_REQUIRED", "CANNOT_CLEAR"} <= outcomes


def test_order_lines_bad_lines_and_screened_parties_match_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validator: jsonschema.protocols.Validator
) -> None:
    orders = tmp_path / "orders.jsonl"
    lines = [
        {"id": "A", "date": "2025-11-20", "route": {"to": "CN"}, "item": {"eccn": "EAR99", "origin": "US"},
         "parties": [{"role": "end_user", "name": "Sichuan University"}]},
        {"id": "B", "date": "2025-11-20", "route": {"to": "MX"}, "item": {"eccn": "EAR99", "origin": "US"},
         "parties": [{"role": "end_user", "name": "Aaron Abraham Villa"}]},
        {"id": "C", "date": "2025-11-20", "route": {"to": "DE"}, "item": {"eccn": "EAR99", "origin": "US"}},
        {"id": "D", "date": "2025-11-20", "route": {"to": "ES"}, "item": {"eccn": "EAR99", "origin": "US"},
         "parties": [{"role": "end_user", "name": "Banco Nacional de Cuba"}]},  # on the SDN List [CUBA]
    ]
    orders.write_text("\n".join([json.dumps(x) for x in lines] + ["{not json", "[1]"]) + "\n", encoding="utf-8")
    monkeypatch.setenv("CLEARANCE_DB", str(tmp_path / "fresh.db"))
    monkeypatch.setenv("CLEARANCE_MAX_AGE_OVERRIDES", '{"el": 400, "dpl": 1200, "meu": 1200, "uvl": 1200, "sdn": 700}')
    get_settings.cache_clear()
    try:
        out_file = tmp_path / "results.jsonl"
        code, out = run("determine", "--orders", str(orders), "--out", str(out_file))
    finally:
        get_settings.cache_clear()
    assert code == 0, out
    records = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    for r in records:
        _valid(validator, r)
    by_id = {r["id"]: r for r in records}
    assert by_id["A"]["outcome"] == "LICENSE_REQUIRED" and by_id["A"]["screening"]
    assert by_id["A"]["lists"]["consulted"] and by_id["A"]["versions"]["lists"]["el"].startswith("el-")
    assert by_id["B"]["outcome"] == "PROHIBITED"
    assert by_id["C"]["outcome"] == "CANNOT_CLEAR" and by_id["C"]["open_questions"][0]["fact"] == "parties"
    assert [r["as_of"] for r in records[4:]] == [None, None]
    # the SDN List is screened inside the determination: an OFAC-blocked bank is never cleared
    assert by_id["D"]["outcome"] == "PROHIBITED", by_id["D"]
    assert by_id["D"]["lists"]["consulted"] and "sdn" in by_id["D"]["versions"]["lists"]
