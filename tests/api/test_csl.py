"""The CSL-compatible endpoints (trade.gov's Consolidated Screening List API v1) on real lists."""

from __future__ import annotations

import csv
from pathlib import Path

from clearance.api.csl import SOURCES
from tests.api.conftest import Api

URL = "/consolidated_screening_list/v1/search"


def test_source_strings_are_the_official_ones(data_dir: Path) -> None:
    official: set[str] = set()
    for name in ("moov_csl_subset_2023-11-30.csv", "moov_cslustest_fixture_2025-06.csv"):
        with open(data_dir / "us_csl" / name, encoding="utf-8", newline="") as fh:
            official |= {row["source"] for row in csv.DictReader(fh) if row.get("source") not in (None, "source")}
    assert set(SOURCES.values()) == official  # all 13 sources, spelled as the CSL spells them


def test_name_search_is_word_based_and_intersects_filters(shared_api: Api) -> None:
    c, key = shared_api.client, shared_api.keys["viewer"]
    r = c.get(URL, params={"name": "huawei technologies", "size": 100}, headers={"subscription-key": key})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["offset"] == 0 and len(body["results"]) == body["total"] == 48
    assert len(c.get(URL, params={"name": "huawei", "size": 100}, headers={"subscription-key": key}
                     ).json()["results"]) == 50  # size is clamped to 50
    sources = {x["source"] for x in body["results"]}
    assert "Entity List (EL) - Bureau of Industry and Security" in sources
    assert all("score" not in x for x in body["results"])
    for x in body["results"]:
        names = " ".join([x["name"], *x["alt_names"]]).lower()
        assert "huawei" in names and "technolog" in names
    used = {u["source"]: u for u in body["sources_used"]}
    assert used["Entity List (EL) - Bureau of Industry and Security"]["source_last_updated"] == "2025-11-08"
    assert body["search_performed_at"].endswith("+00:00")
    cmic = c.get(URL, params={"name": "huawei technologies", "sources": "CMIC", "subscription-key": key}).json()
    assert [x["name"] for x in cmic["results"]] == ["HUAWEI TECHNOLOGIES CO., LTD."]
    assert cmic["results"][0]["source"] == SOURCES["CMIC"] and cmic["results"][0]["programs"] == ["CMIC-EO13959"]
    de = c.get(URL, params={"name": "huawei", "countries": "DE", "sources": "EL", "size": 50},
               headers={"subscription-key": key}).json()
    assert de["total"] >= 1 and all("DE" in {a["country"] for a in x["addresses"]} for x in de["results"])
    city = c.get(URL, params={"name": "huawei", "sources": "EL", "city": "munich", "size": 50},
                 headers={"subscription-key": key}).json()
    assert sorted(x["name"] for x in city["results"]) == [  # the Huawei entries with a Munich address
        "Huawei Cloud Berlin", "Huawei OpenLab Munich", "Huawei OpenLab Munich", "Huawei Technologies Dusseldorf GmbH"]
    postal = c.get(URL, params={"name": "huawei", "sources": "EL", "full_address": "riesstr. 12", "size": 50},
                   headers={"subscription-key": key}).json()
    assert [x["name"] for x in postal["results"]] == ["Huawei OpenLab Munich"]
    people = c.get(URL, params={"sources": "PLC", "types": "Individual", "size": 5},
                   headers={"subscription-key": key}).json()
    assert people["total"] == 78 and {x["type"] for x in people["results"]} == {"Individual"}
    assert c.get(URL, params={"sources": "PLC", "type": "Entity"}, headers={"subscription-key": key}
                 ).json()["total"] == 0
    ssi = c.get(URL, params={"name": "novatek", "sources": "SSI"}, headers={"subscription-key": key}).json()
    assert ssi["total"] >= 1 and {x["source"] for x in ssi["results"]} == {SOURCES["SSI"]}


def test_fuzzy_name_scores_and_paging(shared_api: Api) -> None:
    c, h = shared_api.client, {"subscription-key": shared_api.keys["viewer"]}
    exact = c.get(URL, params={"name": "huawei technolgies", "sources": "EL"}, headers=h).json()
    assert exact["total"] == 0  # a misspelt word is not found without fuzzy_name
    for flag in ("true", "True"):
        fuzzy = c.get(URL, params={"name": "huawei technolgies", "fuzzy_name": flag, "sources": "EL"}, headers=h)
        body = fuzzy.json()
        assert body["total"] >= 1 and all(0.5 <= x["score"] <= 1 for x in body["results"])
        assert [x["score"] for x in body["results"]] == sorted((x["score"] for x in body["results"]), reverse=True)
    page = c.get(URL, params={"name": "huawei", "sources": "EL", "size": 5, "offset": 5}, headers=h).json()
    first = c.get(URL, params={"name": "huawei", "sources": "EL", "size": 5}, headers=h).json()
    assert page["offset"] == 5 and not {x["id"] for x in page["results"]} & {x["id"] for x in first["results"]}


def test_errors_use_the_csl_envelope(shared_api: Api) -> None:
    c, h = shared_api.client, {"subscription-key": shared_api.keys["viewer"]}
    assert c.get(URL, params={"name": "x"}).json()["statusCode"] == 401
    for params, field in [({"fuzzy_name": "yes"}, "fuzzy_name"), ({"offset": 1001}, "offset"),
                          ({"sources": "XYZ"}, "source"), ({"types": "Robot"}, "type"),
                          ({"countries": "Narnia"}, "countr"), ({"size": "ten"}, "size")]:
        r = c.get(URL, params=params, headers=h)
        assert r.status_code == 400, (params, r.text)
        assert set(r.json()) == {"statusCode", "message"} and field in r.json()["message"]
    for name in ("!!!", "x" * 1200):  # nothing to search for, or too long to screen whole: never an empty 200
        for fuzzy in ("true", "false"):
            r = c.get(URL, params={"name": name, "fuzzy_name": fuzzy}, headers=h)
            assert r.status_code == 400 and "name" in r.json()["message"], (name[:5], fuzzy)
    not_loaded = c.get(URL, params={"name": "x", "sources": "SDN"}, headers=h)
    assert not_loaded.status_code == 404 and "SDN" in not_loaded.json()["message"]


def test_sources_endpoint(shared_api: Api) -> None:
    r = shared_api.client.get("/consolidated_screening_list/v1/sources",
                              params={"subscription-key": shared_api.keys["viewer"]})
    rows = {s["abbreviation"]: s for s in r.json()["sources"]}
    assert set(rows) == set(SOURCES)
    assert rows["EL"]["loaded"] and rows["EL"]["entries"] == 3421 and rows["EL"]["source_last_updated"] == "2025-11-08"
    assert rows["PLC"]["entries"] == 78  # as in the CSL itself (us_csl/PROVENANCE.md) and not rows["SDN"]["loaded"]
