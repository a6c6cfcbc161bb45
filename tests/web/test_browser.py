"""The web pages in a real browser: headless Chromium (Debian's `chromium`, installed by .ci/run) driven by
Playwright, one test per page clicking through its main path with the keyboard where a person would, each saving a
screenshot under the test's own output folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from clearance.api import create_app
from clearance.store import Store
from clearance.workflows.lists import load_paths
from tests.api.conftest import Api
from tests.web.browser import browse, sign_in, skip_without_chromium

skip_without_chromium()


@pytest.fixture
def browser_page(api: Api) -> Iterator[tuple[Page, str]]:
    app = create_app(api.settings)
    with browse(app) as opened:
        yield opened


def test_search_page(browser_page: tuple[Page, str], api: Api, tmp_path: Path) -> None:
    page, base = browser_page
    sign_in(page, base, api.keys["analyst"], "/ui/search")
    box = page.get_by_label("Name")
    expect(box).to_be_focused()  # the cursor starts in the search box
    box.fill("Huawei Device Co Ltd")
    page.get_by_label("Country").fill("CN")
    page.keyboard.press("Enter")
    expect(page.locator("#decision")).to_have_text("HIT")
    first = page.locator("#hits tbody tr").first
    expect(first).to_contain_text("Huawei Device Co., Ltd.")
    expect(first).to_contain_text("huawei~huawei (exact 1.00)")
    # htmx swapped the results in and pushed the address (a plain form submission would write + for spaces)
    assert "q=Huawei%20Device%20Co%20Ltd" in page.url
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
    box.fill("Nordic Oat Mills AB")
    page.get_by_role("button", name="Screen").click()
    expect(page.locator("#decision")).to_have_text("CLEAR")
    assert (tmp_path / "search.png").stat().st_size > 10_000


def test_lists_versions_and_diff_pages(browser_page: tuple[Page, str], api: Api, data_dir: Path,
                                       tmp_path: Path) -> None:
    with Store.open(api.settings.db_url) as st:
        load_paths(st, [data_dir / "us_csl" / "moov_cslustest_fixture_2025-06.csv"], only=["el"],
                   settings=api.settings)
    page, base = browser_page
    sign_in(page, base, api.keys["viewer"], "/ui/lists")
    expect(page.locator("#lists")).to_contain_text("Entity List (Supp. No. 4 to 15 CFR Part 744)")
    page.screenshot(path=str(tmp_path / "lists.png"), full_page=True)
    page.get_by_role("link", name="el", exact=True).click()
    expect(page.locator("#versions")).to_contain_text("el-2")
    page.get_by_label("from").select_option("el-1")
    page.get_by_label("to").select_option("el-2")
    page.get_by_role("button", name="Diff").click()
    expect(page.locator("#counts")).to_contain_text("el-1 (2025-11-08) → el-2")
    expect(page.locator("#removed li").first).to_be_visible()
    page.screenshot(path=str(tmp_path / "diff.png"))
    assert all((tmp_path / n).stat().st_size > 10_000 for n in ("lists.png", "diff.png"))
