"""Pagefind behind Material's search box, in a browser: a Polish reader's query finds Polish pages."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def big_site_url(big_site):
    _, build = big_site
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_polish_query_finds_polish_pages_through_pagefind(big_site, big_site_url):
    project, _ = big_site
    polish = next((project / "docs").rglob("*.pl.md"))
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{big_site_url}pl/{polish.parent.name}/{polish.name.split('.')[0]}/")
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("konsultant", delay=50)
        results = page.locator(".md-search-result__item")
        expect(results.first).to_be_visible(timeout=15000)
        hrefs = [results.nth(i).locator("a").first.get_attribute("href") for i in range(min(results.count(), 5))]
        browser.close()
    assert hrefs and all("/pl/" in href for href in hrefs), hrefs
    assert any("/pagefind/" in url for url in requests)
    assert not any(url.endswith("search_index.json") and "/pagefind/" in url for url in requests)
