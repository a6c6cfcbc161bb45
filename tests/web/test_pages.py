"""The web pages (server-rendered, usable without JavaScript): sign in with a key, screen a name and read the
hits with their explanations, the lists, a list's versions and a diff."""

from __future__ import annotations

import re
from pathlib import Path

from clearance.store import Store
from clearance.workflows.lists import load_paths
from tests.api.conftest import Api


def _signin(api: Api, role: str = "analyst", target: str = "/ui/search") -> None:
    r = api.client.post("/ui/signin", content=f"key={api.keys[role]}&next={target}".encode(),
                        headers={"Content-Type": "application/x-www-form-urlencoded"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == target
    assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()


def test_pages_ask_for_a_key_then_search_shows_hits_and_explanations(api: Api) -> None:
    c = api.client
    asked = c.get("/ui/search", params={"q": "Huawei Device Co Ltd"})
    assert asked.status_code == 401 and 'name="key"' in asked.text and "/ui/search?q=Huawei" in asked.text
    _signin(api)
    page = c.get("/ui/search", params={"q": "Huawei Device Co Ltd", "country": "CN", "lists": "el"})
    assert page.status_code == 200 and page.text.startswith("<!doctype html>")
    assert re.search(r'id="decision">HIT<', page.text)
    assert "Huawei Device Co., Ltd." in page.text and "huawei~huawei (exact 1.00)" in page.text
    assert "country agrees" in page.text and 'value="el" checked' in page.text
    fragment = c.get("/ui/search", params={"q": "Huawei Device Co Ltd"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.text and 'id="hits"' in fragment.text  # htmx swaps only the results
    clear = c.get("/ui/search", params={"q": "Nordic Oat Mills AB"})
    assert 'id="decision">CLEAR<' in clear.text and "No entry scores" in clear.text
    bad = c.get("/ui/search", params={"q": "x", "country": "Narnia"})
    assert bad.status_code == 200 and "unknown country" in bad.text
    assert c.get("/ui/static/htmx-2.0.11.min.js").status_code == 200
    assert c.get("/ui/static/../app.py").status_code == 404


def test_a_viewer_reads_lists_versions_and_a_diff_but_cannot_screen(api: Api, data_dir: Path) -> None:
    c = api.client
    _signin(api, "viewer", "/ui/lists")
    lists = c.get("/ui/lists")
    assert lists.status_code == 200 and "el-1" in lists.text and "3,421" in lists.text and "not loaded" in lists.text
    assert c.get("/ui/search", params={"q": "Huawei"}).status_code == 401  # analyst only
    with Store.open(api.settings.db_url) as st:
        load_paths(st, [data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv"], only=["el"],
                   settings=api.settings)
    versions = c.get("/ui/lists/el")
    assert "el-2" in versions.text and "pending" in versions.text and 'action="/ui/lists/el/diff"' in versions.text
    diff = c.get("/ui/lists/el/diff", params={"from": "el-1", "to": "el-2"})
    assert diff.status_code == 200
    counts = re.search(r'id="counts">.*?\+(\d+)</b> added, <b>-(\d+)</b> removed', diff.text, re.S)
    assert counts is not None and int(counts.group(2)) >= 3400
    removed = int(counts.group(2))
    assert diff.text.count('<li class="removed">') == 200  # the page shows 200 of each kind, and says so
    assert f"… {removed - 200} more removed (the API's /v1/lists/el/diff has them all)" in diff.text
    missing = c.get("/ui/lists/el/diff", params={"from": "el-1", "to": "el-9"})
    assert "no version" in missing.text
    assert c.get("/ui/lists/zz").status_code == 404


def test_sign_in_never_redirects_off_site(api: Api) -> None:
    r = api.client.post("/ui/signin", content=f"key={api.keys['viewer']}&next=https://evil.example/".encode(),
                        headers={"Content-Type": "application/x-www-form-urlencoded"}, follow_redirects=False)
    assert r.headers["location"] == "/ui/search"
    assert api.client.get("/ui/signout", follow_redirects=False).status_code == 303
