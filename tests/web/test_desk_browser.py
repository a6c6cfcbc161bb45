"""The review desk's pages in headless Chromium (Debian's `chromium`, driven by Playwright): one test per page
clicking through its main path with the keyboard where a person would, each saving a screenshot under the test's
own output folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from clearance.api import create_app
from tests.api.conftest import Api
from tests.api.test_desk import NEAR_NAME, _licences, _order, desk_api
from tests.desk.conftest import sqlite_lists_template  # noqa: F401 - the desk's store template (real lists)
from tests.web.browser import browse, sign_in, skip_without_chromium

ROOT = Path(__file__).resolve().parents[2]

skip_without_chromium()


@pytest.fixture
def dapi(sqlite_lists_template: Path, tmp_path: Path) -> Iterator[Api]:  # noqa: F811
    yield from desk_api(sqlite_lists_template, tmp_path / "store")


@pytest.fixture
def desk_page(dapi: Api) -> Iterator[tuple[Page, str]]:
    """A desk with a held order (a possible match waiting for review) and one released under a licence."""
    c = dapi.client
    assert c.post("/v1/licenses", json={"licences": _licences()}, headers=dapi.auth("approver")).status_code == 201
    checked = c.post("/v1/orders/check", headers=dapi.auth("analyst"), json={"orders": [
        _order("SO-2025-100", "2025-12-05", "EAR99", 900, 3, NEAR_NAME),
        _order("SO-2020-001", "2020-01-10", "5A992.c", 12000, 300)]}).json()
    assert [r["verdict"] for r in checked["results"]] == ["HOLD", "RELEASE"]
    app = create_app(dapi.settings, replay_dir=ROOT / "examples" / "huawei")
    with browse(app) as opened:
        yield opened


def test_review_queue_page(desk_page: tuple[Page, str], dapi: Api, tmp_path: Path) -> None:
    page, base = desk_page
    sign_in(page, base, dapi.keys["approver"], "/ui/review")
    expect(page.locator("#queue")).to_contain_text(NEAR_NAME)
    page.screenshot(path=str(tmp_path / "review-queue.png"), full_page=True)
    page.locator("#queue a").first.click()
    expect(page.locator("#explanation")).to_contain_text("name")
    reason = page.get_by_label("Reason (kept with the decision in the audit log)")
    expect(reason).to_be_focused()  # the cursor starts in the reason box
    here = page.url
    page.get_by_role("button", name="Clear: not the listed party").click()
    assert page.url == here  # the reason is required: the browser does not send the form without one
    reason.fill("different company of a similar name, unrelated to the listed entity (registry extract on file)")
    page.screenshot(path=str(tmp_path / "review-item.png"), full_page=True)
    page.keyboard.press("Tab")  # from the reason to the Clear button, by keyboard
    page.keyboard.press("Enter")
    expect(page.locator("#done")).to_contain_text("cleared")
    page.screenshot(path=str(tmp_path / "review-decided.png"), full_page=True)
    assert all((tmp_path / n).stat().st_size > 10_000 for n in ("review-queue.png", "review-item.png",
                                                                  "review-decided.png"))


def test_order_status_page(desk_page: tuple[Page, str], dapi: Api, tmp_path: Path) -> None:
    page, base = desk_page
    sign_in(page, base, dapi.keys["viewer"], "/ui/orders")
    expect(page.locator("#orders")).to_contain_text("SO-2025-100")
    box = page.get_by_label("Order id")
    expect(box).to_be_focused()
    box.fill("SO-2020-001")
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("RELEASE")
    expect(page.locator("#lines")).to_contain_text("D1089456")
    page.screenshot(path=str(tmp_path / "order.png"), full_page=True)
    page.get_by_role("link", name="All orders").click()
    page.get_by_label("Verdict").select_option("HOLD")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#orders tbody tr")).to_have_count(1)
    assert (tmp_path / "order.png").stat().st_size > 10_000


def test_impact_page(desk_page: tuple[Page, str], dapi: Api, tmp_path: Path) -> None:
    page, base = desk_page
    sign_in(page, base, dapi.keys["analyst"], "/ui/impact")
    box = page.get_by_label("Since list version (optional)")
    expect(box).to_be_focused()
    box.fill("el-1")
    page.keyboard.press("Enter")
    expect(page.locator("#checked")).to_contain_text("2 order lines, 2 licences", timeout=180_000)  # re-screens
    chart = page.locator("#chart")
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.naturalWidth") == 750
    page.screenshot(path=str(tmp_path / "impact.png"), full_page=True)
    assert (tmp_path / "impact.png").stat().st_size > 10_000


def test_timeline_page(desk_page: tuple[Page, str], dapi: Api, tmp_path: Path) -> None:
    page, base = desk_page
    sign_in(page, base, dapi.keys["analyst"], "/ui/timeline")
    page.get_by_role("button", name="Run the replay").click()
    expect(page.locator("#state")).to_contain_text("Replay")
    chart = page.locator("#chart")  # htmx polls the page until the replay is done
    expect(chart).to_be_visible(timeout=900_000)
    assert chart.evaluate("img => img.naturalWidth") > 1000
    rows = page.locator("#rows")
    expect(rows).to_contain_text("SO-2019-0112")
    expect(rows).to_contain_text("BLOCK")
    expect(page.locator("#state")).to_contain_text("intact")
    page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)
    assert (tmp_path / "timeline.png").stat().st_size > 50_000
