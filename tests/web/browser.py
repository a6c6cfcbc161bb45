"""Headless Chromium for the page tests: Debian's `chromium` (installed by .ci/run; no browser download) driven by
Playwright over a server running the app, on a laptop-sized screen, and the sign-in every page starts with."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect, sync_playwright

from tests.api.conftest import running

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def skip_without_chromium() -> None:
    """Skip the calling test module where Chromium is missing, except in CI (which must run it)."""
    if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
        pytest.skip("Debian's chromium is not installed here (.ci/run installs it)", allow_module_level=True)


@contextmanager
def browse(app: FastAPI) -> Iterator[tuple[Page, str]]:
    """A page in headless Chromium and the base URL of `app` served on 127.0.0.1; closes both afterwards."""
    app.state.service.warm()
    with running(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 900})  # a laptop screen
        try:
            yield page, base
        finally:
            browser.close()
            app.state.service.close()


def sign_in(page: Page, base: str, key: str, path: str) -> None:
    """Open `path`, meet the sign-in form, give the API key with the keyboard and land on `path`."""
    page.goto(base + path)
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("API key").fill(key)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{path}")
