"""Pagefind behind Material's search box, in a browser: a Polish reader's query finds Polish pages."""

from __future__ import annotations

import functools
import json
import threading
from http.server import ThreadingHTTPServer

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from perf_support import BUNDLE_PAGES  # noqa: E402

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


@pytest.fixture(scope="module")
def bundled_site_url(bundled_site):
    _, build = bundled_site
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_search_over_bundles_finds_a_page_of_the_last_bundle_and_loads_webassembly_once(bundled_site, bundled_site_url):
    project, build = bundled_site
    from handbook.site import pagefind

    bundles = pagefind._bundles(pagefind._folders(build.site, "pl", {"pl", "hu", "lv", "ar"}), BUNDLE_PAGES)
    last = sorted(p.name for p in (project / "docs").iterdir() if p.is_dir() and any(p.glob("*.md")))[-1]
    assert next(i for i, b in enumerate(bundles) if f"pl/{last}/**/*.html" in b) > 0  # its pages are not in the first bundle
    sop = sorted(p for p in (project / "docs" / last).glob("*.md") if p.name.count(".") == 1 and p.name != "index.md")[0]
    sop_id = next(line.split(":", 1)[1].strip() for line in sop.read_text(encoding="utf-8").splitlines() if line.startswith("id:"))
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{bundled_site_url}pl/")
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially(sop_id, delay=50)
        results = page.locator(".md-search-result__item")
        expect(results.first).to_be_visible(timeout=15000)
        first = results.first.locator("a").first.get_attribute("href")
        browser.close()
    assert f"pl/{last}/{sop.stem}/" in first, (sop_id, first)
    assert any(f"/pagefind/pl.{len(bundles)}/" in url for url in requests)  # the last bundle was searched too
    assert len([url for url in requests if "/wasm." in url]) == 1, [url for url in requests if "/wasm." in url]
