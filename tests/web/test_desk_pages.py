"""The review desk's pages, server-rendered (usable without JavaScript): the review queue with clear/confirm and a
required reason, order status, the change-impact report with its chart, the replay timeline's states."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.api.conftest import Api
from tests.api.test_desk import NEAR_NAME, _order, desk_api
from tests.desk.conftest import sqlite_lists_template  # noqa: F401 - the desk's store template (real lists)


@pytest.fixture
def dapi(sqlite_lists_template: Path, tmp_path: Path) -> Iterator[Api]:  # noqa: F811
    yield from desk_api(sqlite_lists_template, tmp_path)


def _signin(api: Api, role: str) -> None:
    r = api.client.post("/ui/signin", content=f"key={api.keys[role]}&next=/ui/review".encode(),
                        headers={"Content-Type": "application/x-www-form-urlencoded"}, follow_redirects=False)
    assert r.status_code == 303


def _form(api: Api, path: str, body: str) -> object:
    return api.client.post(path, content=body.encode(), follow_redirects=False,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})


def test_review_queue_decide_with_a_reason_and_order_status(dapi: Api) -> None:
    c = dapi.client
    held = c.post("/v1/orders/check", headers=dapi.auth("analyst"), json={"orders": [
        _order("SO-2025-100", "2025-12-05", "EAR99", 900, 3, NEAR_NAME)]}).json()
    assert held["results"][0]["verdict"] == "HOLD"
    assert c.get("/ui/review").status_code == 401  # not signed in: the sign-in form
    _signin(dapi, "viewer")
    queue = c.get("/ui/review")
    assert queue.status_code == 200 and NEAR_NAME in queue.text
    ids = [int(x) for x in re.findall(r'href="/ui/review/(\d+)"', queue.text)]
    assert ids
    item = c.get(f"/ui/review/{ids[0]}")
    assert "Why it matched" in item.text and "key decides reviews; yours reads them" in item.text
    assert 'name="reason"' not in item.text  # a viewer reads only
    refused = _form(dapi, f"/ui/review/{ids[0]}", "decision=clear&reason=not+them")
    assert refused.status_code == 403  # type: ignore[attr-defined]

    _signin(dapi, "approver")
    page = c.get(f"/ui/review/{ids[0]}")
    assert 'name="reason"' in page.text and "required" in page.text
    blank = _form(dapi, f"/ui/review/{ids[0]}", "decision=clear&reason=+++")
    assert blank.status_code == 422 and "give the reason" in blank.text  # type: ignore[attr-defined]
    why = "different company of a similar name (registry extract on file)"
    for rid in ids:
        done = _form(dapi, f"/ui/review/{rid}", f"decision=clear&reason={why.replace(' ', '+')}")
        assert done.status_code == 303, done.text  # type: ignore[attr-defined]
        assert f"review {rid} cleared" in unquote(done.headers["location"])  # type: ignore[attr-defined]
    again = _form(dapi, f"/ui/review/{ids[0]}", "decision=confirm&reason=x")
    assert again.status_code == 400 and "already decided" in again.text  # type: ignore[attr-defined]
    assert "No open reviews" in c.get("/ui/review").text
    decided = c.get("/ui/review?status=cleared").text
    assert why in decided and "desk-approver (key " in decided
    assert c.get("/ui/review/999999").status_code == 404

    orders = c.get("/ui/orders")
    assert "SO-2025-100" in orders.text and "HOLD" in orders.text
    status = c.get("/ui/orders/SO-2025-100")
    assert status.status_code == 200 and 'id="status">HOLD<' in status.text
    assert c.get("/ui/orders", params={"order": "SO-2025-100"}, follow_redirects=False).headers["location"] == (
        "/ui/orders/SO-2025-100")
    assert c.get("/ui/orders/NOPE").status_code == 404


def test_impact_report_with_its_chart(dapi: Api) -> None:
    c = dapi.client
    c.post("/v1/orders/check", headers=dapi.auth("analyst"), json={"orders": [
        _order("SO-2025-7", "2025-12-05", "EAR99", 10, 1, "Nordic Oat Mills AB")]})
    _signin(dapi, "viewer")
    assert c.get("/ui/impact?run=1").status_code == 401  # the what-if needs an analyst
    _signin(dapi, "analyst")
    assert 'id="chart"' not in c.get("/ui/impact").text  # computed only when asked
    page = c.get("/ui/impact", params={"run": "1", "since": "el-1"})
    assert page.status_code == 200 and "Re-evaluated 0 counterparties, 1 order lines, 0 licences" in page.text
    png = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page.text)
    assert png is not None and len(png.group(1)) > 5000
    bad = c.get("/ui/impact", params={"run": "1", "since": "el-99"})
    assert bad.status_code == 200 and "el-99" in bad.text and 'role="alert"' in bad.text


def test_timeline_page_without_a_replay_folder(dapi: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    dapi.client.app.state.service.replay = None  # type: ignore[attr-defined]
    _signin(dapi, "analyst")
    page = dapi.client.get("/ui/timeline")
    assert page.status_code == 200 and "--replay-dir examples/huawei" in page.text
    assert dapi.client.get("/ui/timeline/chart.png").status_code == 404
