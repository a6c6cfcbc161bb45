"""The yente-compatible endpoints on the real Entity List, Denied Persons List and OFAC non-SDN lists."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import Api


def _q(name: str, schema: str = "Company", **props: list[str]) -> dict[str, Any]:
    return {"schema": schema, "properties": {"name": [name], **props}}


def test_match_batch_finds_huawei_with_explanations(shared_api: Api) -> None:
    body = {"queries": {"hw": _q("Huawei Technologies Co Ltd", country=["cn"]),
                        "nobody": _q("Blue Meadow Bakery of Vermont")}}
    r = shared_api.client.post("/match/default", json=body, headers=shared_api.auth())
    assert r.status_code == 200, r.text
    assert r.headers["x-batch-size"] == "2"
    data = r.json()
    assert data["limit"] == 5
    hw = data["responses"]["hw"]
    assert hw["status"] == 200 and hw["query"]["properties"]["name"] == ["Huawei Technologies Co Ltd"]
    top = hw["results"][0]
    assert top["caption"].startswith("Huawei Technologies Co., Ltd.") and top["datasets"] in (["el"], ["ofac-cons"])
    assert top["match"] is True and top["score"] >= 0.7
    assert "huawei~huawei" in top["explanations"]["name"]["detail"]
    assert hw["total"]["value"] >= len(hw["results"]) and hw["total"]["relation"] == "eq"
    assert [r["score"] for r in hw["results"]] == sorted((r["score"] for r in hw["results"]), reverse=True)
    assert data["responses"]["nobody"]["results"] == []


def test_match_threshold_cutoff_limit_and_exclusions(shared_api: Api) -> None:
    c, h = shared_api.client, shared_api.auth()
    body = {"queries": {"q": _q("Huawei Technologies")}}
    many = c.post("/match/el", json=body, params={"limit": 50, "cutoff": 0.5}, headers=h).json()["responses"]["q"]
    assert len(many["results"]) > 5 and all(x["score"] >= 0.5 for x in many["results"])
    strict = c.post("/match/el", json=body, params={"limit": 50, "threshold": 0.999}, headers=h).json()
    assert not any(x["match"] for x in strict["responses"]["q"]["results"])  # threshold flags, does not remove
    assert len(strict["responses"]["q"]["results"]) == len(many["results"])
    first = many["results"][0]["id"]
    without = c.post("/match/el", json=body, params={"limit": 50, "exclude_entity_ids": first}, headers=h).json()
    assert first not in [x["id"] for x in without["responses"]["q"]["results"]]
    other = c.post("/match/default", json=body, params={"exclude_dataset": "el", "limit": 50}, headers=h).json()
    assert all(x["datasets"] != ["el"] for x in other["responses"]["q"]["results"])


def test_match_refusals(shared_api: Api) -> None:
    c, h = shared_api.client, shared_api.auth()
    good = _q("Huawei")
    bad_schema = c.post("/match/default", json={"queries": {"a": good, "b": _q("x", schema="Document")}}, headers=h)
    assert bad_schema.status_code == 400 and "Document" in bad_schema.json()["detail"]
    assert c.post("/match/default", json={"queries": {}}, headers=h).status_code == 400
    many = {"queries": {str(i): good for i in range(101)}}
    assert c.post("/match/default", json=many, headers=h).status_code == 400
    algo = c.post("/match/default", json={"queries": {"a": good}}, params={"algorithm": "nope"}, headers=h)
    assert algo.status_code == 400 and "algorithm" in algo.json()["detail"]
    unknown = c.post("/match/nosuchdataset", json={"queries": {"a": good}}, headers=h)
    assert unknown.status_code == 404
    not_loaded = c.post("/match/un", json={"queries": {"a": good}}, headers=h)  # a known list, not loaded here
    assert not_loaded.status_code == 404 and "no loaded list" in not_loaded.json()["detail"]
    invalid = c.post("/match/default", json={"queries": {"a": {"properties": {}}}}, headers=h)
    assert invalid.status_code == 422 and isinstance(invalid.json()["detail"], list)
    over = c.post("/match/default", json={"queries": {"a": good}}, params={"limit": 501}, headers=h)
    assert over.status_code == 422
    assert c.post("/match/default", json={"queries": {"a": {"schema": "Person", "properties": {}}}},
                  headers=h).status_code == 400  # nothing to screen by
    eleven = {"queries": {"a": {"schema": "Company", "properties": {"name": [f"Name {i}" for i in range(11)]}}}}
    assert c.post("/match/default", json=eleven, headers=h).status_code == 400  # never screen only some names
    assert c.post("/match/default", json={"queries": {"a": _q("x" * 1200)}}, headers=h).status_code == 400
    assert c.get("/search/default", params={"q": "x" * 1200}, headers=h).status_code == 400


def test_match_tolerates_unknown_parameters_and_missing_content_type(shared_api: Api) -> None:
    r = shared_api.client.post("/match/default?fuzzy=1&whatever=2", content=b'{"queries": {"q": {"schema": '
                               b'"Person", "properties": {"name": ["Huawei"]}}}}', headers=shared_api.auth())
    assert r.status_code == 200, r.text
    curl_d = {**shared_api.auth(), "Content-Type": "application/x-www-form-urlencoded"}
    form = shared_api.client.post("/match/default", content=b'{"queries": {"q": {"schema": "Person", "properties": '
                                  b'{"name": ["Huawei"]}}}}', headers=curl_d)
    assert form.status_code == 200, form.text  # curl -d without -H


def test_auth_schemes(shared_api: Api) -> None:
    c = shared_api.client
    secret = shared_api.keys["viewer"]
    assert c.get("/algorithms").status_code == 401
    assert c.get("/algorithms", headers={"Authorization": f"apikey {secret}"}).status_code == 200
    assert c.get("/algorithms", headers={"Authorization": f"APIKEY {secret}"}).status_code == 200
    assert c.get("/algorithms", params={"api_key": secret}).status_code == 200
    assert c.get("/algorithms", headers={"Authorization": "ApiKey clr_nope_nope"}).status_code == 401
    # a viewer may read but not screen
    r = c.post("/match/default", json={"queries": {"q": _q("Huawei")}}, headers=shared_api.auth("viewer"))
    assert r.status_code == 403
    assert c.get("/healthz").json() == {"status": "ok"}


def test_search_with_filters_facets_and_paging(shared_api: Api) -> None:
    c, h = shared_api.client, shared_api.auth("viewer")
    r = c.get("/search/default", params={"q": "huawei", "limit": 3}, headers=h).json()
    assert r["limit"] == 3 and r["offset"] == 0 and len(r["results"]) == 3
    assert r["total"]["value"] > 3
    assert {v["name"] for v in r["facets"]["datasets"]["values"]} >= {"el"}
    assert all("huawei" in x["caption"].lower() or any("huawei" in a.lower() for a in x["properties"].get("alias", []))
               for x in r["results"])
    page2 = c.get("/search/default", params={"q": "huawei", "limit": 3, "offset": 3}, headers=h).json()
    assert not {x["id"] for x in page2["results"]} & {x["id"] for x in r["results"]}
    de = c.get("/search/el", params={"q": "huawei", "countries": "de", "limit": 50}, headers=h).json()
    assert de["total"]["value"] >= 1 and all("de" in x["properties"]["country"] for x in de["results"])
    by_filter = c.get("/search/el", params={"q": "huawei", "filter": "country:de", "limit": 50}, headers=h).json()
    assert by_filter["total"]["value"] == de["total"]["value"]
    browse = c.get("/search/dpl", params={"limit": 2}, headers=h).json()
    assert browse["total"]["value"] == 665 and len(browse["results"]) == 2
    assert c.get("/search/default", params={"limit": 600}, headers=h).status_code == 422
    assert c.get("/search/default", params={"filter": "nocolon"}, headers=h).status_code == 400


def test_entities_nested_redirect_and_not_found(shared_api: Api) -> None:
    c, h = shared_api.client, shared_api.auth("viewer")
    e = c.get("/entities/el-66aa1cb6f567", headers=h)
    assert e.status_code == 200
    body = e.json()
    assert body["caption"] == "Huawei Technologies Co., Ltd. (Huawei)" and body["schema"] == "Company"
    sanction = body["properties"]["sanctions"][0]
    assert sanction["schema"] == "Sanction" and sanction["properties"]["listingDate"] == ["2019-05-21"]
    flat = c.get("/entities/el-66aa1cb6f567", params={"nested": "false"}, headers=h).json()
    assert "sanctions" not in flat["properties"]
    # OFAC entries carry bare numeric ids: the bare id redirects to the canonical one
    moved = c.get("/entities/30947", headers=h, follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"].startswith("/entities/ofac-cons-30947")
    followed = c.get("/entities/30947", headers=h)
    assert followed.status_code == 200 and followed.json()["id"] == "ofac-cons-30947"
    assert followed.json()["referents"] == ["30947"]
    missing = c.get("/entities/el-000000000000", headers=h)
    assert missing.status_code == 404 and missing.json() == {"detail": "No such entity!"}


def test_algorithms_and_catalog_etag(shared_api: Api) -> None:
    c, h = shared_api.client, shared_api.auth("viewer")
    algos = c.get("/algorithms", headers=h).json()
    names = [a["name"] for a in algos["algorithms"]]
    assert algos["default"] in names and algos["best"] in names and "clearance-name@1" in names
    r = c.get("/catalog", headers=h)
    assert r.status_code == 200 and r.headers["etag"]
    datasets = {d["name"]: d for d in r.json()["datasets"]}
    assert datasets["el"]["load"] and datasets["el"]["entity_count"] == 3421 and not datasets["un"]["load"]
    assert set(datasets["default"]["children"]) == {"el", "dpl", "ofac-cons"}
    assert datasets["export_controls"]["children"] == ["el", "dpl"]
    again = c.get("/catalog", headers={**h, "If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert c.get("/catalog", headers={**h, "If-None-Match": '"other"'}).status_code == 200
