"""Clearance's own /v1: screening with a decision, determinations in the published record schema, lists."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.lists import load_paths
from tests.api.conftest import Api, make_api

ROOT = Path(__file__).resolve().parents[2]
HUAWEI_ORDER = {"id": "o-1", "date": "2020-09-01", "item": {"eccn": "3A991", "origin": "US"}, "route": {"to": "CN"},
                "parties": [{"role": "end_user", "name": "Huawei Technologies Co., Ltd."}]}


@pytest.fixture(scope="module")
def record_schema() -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "docs" / "determination-record.schema.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_screen_one_and_batch(shared_api: Api) -> None:
    c, h = shared_api.client, shared_api.auth()
    r = c.post("/v1/screen", json={"name": "Huawei Device Co Ltd", "country": "China", "lists": ["el"]}, headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["decision"] == "HIT" and body["list_versions"] == {"el": "el-1"} and body["reasons"] == []
    top = body["hits"][0]
    assert top["name"] == "Huawei Device Co., Ltd." and top["list"] == "el" and top["score"] >= 0.7
    assert top["explanation"][0]["feature"] == "name" and "huawei~huawei" in top["explanation"][0]["detail"]
    assert body["query"]["country"] == "CN"
    clear = c.post("/v1/screen", json={"name": "Nordic Oat Mills AB"}, headers=h).json()
    assert clear["decision"] == "CLEAR" and clear["hits"] == [] and set(clear["list_versions"]) == {"el", "dpl",
                                                                                                   "ofac-cons"}
    batch = c.post("/v1/screen/batch", json={"parties": [{"name": "Huawei Device Co Ltd"}, {"name": "   "},
                                                         {"name": "Nordic Oat Mills AB"}]}, headers=h)
    assert [x["decision"] for x in batch.json()["results"]] == ["HIT", "CANNOT_CLEAR", "CLEAR"]
    assert batch.json()["results"][1]["reasons"] == ["empty name"]


def test_bad_input_is_a_4xx_naming_the_field(shared_api: Api) -> None:
    c, h = shared_api.client, shared_api.auth()
    cases = [
        ({"name": "x", "country": "Narnia"}, "country"),
        ({"name": "x", "schema": "Robot"}, "schema"),
        ({"name": "x", "lists": ["nope"]}, "lists"),
        ({"name": "x", "lists": []}, "lists"),
        ({"name": "x", "algorithm": "nope@9"}, "algorithm"),
        ({"name": 5}, "name"),
        ({"name": "x", "threshold": 2}, "threshold"),
        ({"name": "x", "colour": "red"}, "colour"),
        ({}, "name"),
    ]
    for body, field in cases:
        r = c.post("/v1/screen", json=body, headers=h)
        assert r.status_code == 422, (body, r.text)
        err = r.json()["error"]
        assert err["field"] == field and err["status"] == 422 and err["message"], body
    r = c.post("/v1/screen/batch", json={"parties": [{"name": "a"}, {"name": "b", "country": "Narnia"}]}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["field"] == "parties[1].country"
    assert c.post("/v1/screen", content=b"{not json", headers={**h, "Content-Type": "application/json"}
                  ).status_code == 422
    not_loaded = c.post("/v1/screen", json={"name": "x", "lists": ["un"]}, headers=h)
    assert not_loaded.status_code == 422 and not_loaded.json()["error"]["field"] == "lists"
    assert c.get("/v1/nothing", headers=h).json()["error"]["code"] == "not_found"


def test_determine_one_and_batch_in_the_record_schema(shared_api: Api,
                                                      record_schema: jsonschema.protocols.Validator) -> None:
    c, h = shared_api.client, shared_api.auth()
    r = c.post("/v1/determine", json=HUAWEI_ORDER, headers=h)
    assert r.status_code == 200, r.text
    record = r.json()
    assert not list(record_schema.iter_errors(record))
    assert record["outcome"] == "LICENSE_REQUIRED" and record["bases"][0]["code"] == "EL"
    assert record["id"] == "o-1"
    given = c.post("/v1/determine", json=HUAWEI_ORDER, params={"listings": "none-found"}, headers=h).json()
    assert not list(record_schema.iter_errors(given))
    bad = c.post("/v1/determine", json={**HUAWEI_ORDER, "item": {"eccn": "3A991", "origin": "US", "colour": 1}},
                 headers=h)
    assert bad.status_code == 422 and "colour" in (bad.json()["error"]["field"] or bad.json()["error"]["message"])
    assert c.post("/v1/determine", json=[1, 2], headers=h).status_code == 422
    assert c.post("/v1/determine", json=HUAWEI_ORDER, params={"listings": "maybe"}, headers=h).status_code == 422
    batch = c.post("/v1/determine/batch", json={"orders": [HUAWEI_ORDER, {"date": "not a date"}]}, headers=h)
    assert batch.status_code == 200, batch.text
    first, second = batch.json()["results"]
    assert first["outcome"] == "LICENSE_REQUIRED" and not list(record_schema.iter_errors(first))
    assert second["index"] == 1 and second["error"]["status"] == 422 and second["error"]["message"]
    viewer = c.post("/v1/determine", json=HUAWEI_ORDER, headers=shared_api.auth("viewer"))
    assert viewer.status_code == 403 and viewer.json()["error"]["code"] == "forbidden"


def test_lists_versions_entity_and_diff(api: Api, data_dir: Path) -> None:
    c, h = api.client, api.auth("viewer")
    rows = {r["code"]: r for r in c.get("/v1/lists", headers=h).json()}
    assert rows["el"]["version"] == "el-1" and rows["el"]["entries"] == 3421 and rows["el"]["status"] == "current"
    assert rows["un"]["status"] == "not loaded"
    entry = c.get("/v1/lists/el/entities/el-66aa1cb6f567", headers=h).json()
    assert entry["names"][0]["value"] == "Huawei Technologies Co., Ltd. (Huawei)" and entry["listed_on"] == "2019-05-21"
    assert c.get("/v1/lists/el/entities/el-000000000000", headers=h).status_code == 404
    assert c.get("/v1/lists/zz/versions", headers=h).json()["error"]["field"] == "code"
    # a second EL version from the 2025-06 CSL test file: an extract, so held back (pending), never active; diffable
    with Store.open(api.settings.db_url) as st:
        load_paths(st, [data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv"], only=["el"],
                   settings=api.settings)
    versions = c.get("/v1/lists/el/versions", headers=h).json()
    assert [(v["version_id"], v["state"]) for v in versions] == [("el-2", "pending"), ("el-1", "active")]
    d = c.get("/v1/lists/el/diff", params={"from": "1", "to": "el-2"}, headers=h).json()
    assert d["counts"]["removed"] >= 3400 and d["new"]["version_id"] == "el-2"
    assert c.get("/v1/lists/el/diff", params={"from": "1", "to": "9"}, headers=h).status_code == 404
    assert c.get("/v1/lists/el/diff", params={"from": "1"}, headers=h).json()["error"]["field"] == "to"


def test_stale_lists_fail_closed(api_db_template: Path, tmp_path: Path) -> None:
    for stale in make_api(api_db_template, tmp_path, max_age_days=30):
        c, h = stale.client, stale.auth()
        r = c.post("/v1/screen", json={"name": "Huawei Device Co Ltd"}, headers=h).json()
        assert r["decision"] == "CANNOT_CLEAR" and r["hits"][0]["name"] == "Huawei Device Co., Ltd."
        assert any("el-1 data is" in x for x in r["reasons"])
        nobody = c.post("/v1/screen", json={"name": "Nordic Oat Mills AB"}, headers=h).json()
        assert nobody["decision"] == "CANNOT_CLEAR" and nobody["reasons"]
        m = c.post("/match/default", json={"queries": {"q": {"schema": "Company", "properties": {"name": ["x y"]}}}},
                   headers=h)
        assert m.status_code == 409 and "stale" in m.json()["detail"]
        csl = c.get("/consolidated_screening_list/v1/search", params={"name": "nordic oat"}, headers=h)
        assert csl.status_code == 409 and csl.json()["statusCode"] == 409
        ready = c.get("/readyz")
        assert ready.status_code == 503 and "el-1" in ready.json()["detail"]
        assert c.get("/healthz").status_code == 200


def test_a_newly_activated_version_is_used_without_a_restart(api: Api, data_dir: Path) -> None:
    c, h = api.client, api.auth()
    assert c.post("/v1/screen", json={"name": "x", "lists": ["uvl"]}, headers=h).status_code == 422
    with Store.open(api.settings.db_url) as st:
        outcomes = load_paths(st, [data_dir / "us_bis" / "uvl_from_csl_subset_2023-11-30.csv"], settings=api.settings)
        assert all(o.ok for o in outcomes)
    r = c.post("/v1/screen", json={"name": "x y z", "lists": ["uvl"]}, headers=h)
    assert r.status_code == 200 and r.json()["list_versions"] == {"uvl": "uvl-1"}


def test_keys_are_stored_hashed_and_revocable(api: Api) -> None:
    import sqlite3

    from clearance.workflows.keys import revoke

    raw = sqlite3.connect(api.db).execute("SELECT secret_sha256 FROM api_keys").fetchall()
    assert len(raw) == 4 and all(len(r[0]) == 64 for r in raw)
    assert not any(secret.encode() in api.db.read_bytes() for secret in api.keys.values())
    key_id = api.keys["viewer"].split("_")[1]
    settings = Settings(db=str(api.db), snapshot=False)
    revoke(settings, key_id)
    # remembered verifications last a few seconds: a fresh checker sees the revocation at once
    api.client.app.state.keys._seen.clear()  # type: ignore[attr-defined]
    assert api.client.get("/v1/lists", headers=api.auth("viewer")).status_code == 401
