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


def _served(build):
    """The built site on a local HTTP server, for as long as the fixture lives."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def big_site_url(big_site):
    yield from _served(big_site[1])


def _search(url: str, query: str) -> tuple[list[str], list[str]]:
    """Type `query` into the search box of the page at `url`: the first results' links, and every URL the page requested."""
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially(query, delay=50)
        results = page.locator(".md-search-result__item")
        expect(results.first).to_be_visible(timeout=15000)
        hrefs = [results.nth(i).locator("a").first.get_attribute("href") for i in range(min(results.count(), 5))]
        browser.close()
    return hrefs, requests


def test_polish_query_finds_polish_pages_through_pagefind(big_site, big_site_url):
    project, _ = big_site
    polish = next((project / "docs").rglob("*.pl.md"))
    hrefs, requests = _search(f"{big_site_url}pl/{polish.parent.name}/{polish.name.split('.')[0]}/", "konsultant")
    assert hrefs and all("/pl/" in href for href in hrefs), hrefs
    assert any("/pagefind/" in url for url in requests)
    assert not any(url.endswith("search_index.json") and "/pagefind/" in url for url in requests)


@pytest.fixture(scope="module")
def bundled_site_url(bundled_site):
    yield from _served(bundled_site[1])


def test_a_search_over_bundles_finds_a_page_of_the_last_bundle_and_loads_webassembly_once(bundled_site, bundled_site_url):
    project, build = bundled_site
    from handbook.site import pagefind

    bundles = pagefind._bundles(pagefind._folders(build.site, "pl", {"pl", "hu", "lv", "ar"}), BUNDLE_PAGES)
    last = sorted(p.name for p in (project / "docs").iterdir() if p.is_dir() and any(p.glob("*.md")))[-1]
    assert next(i for i, b in enumerate(bundles) if f"pl/{last}/**/*.html" in b) > 0  # its pages are not in the first bundle
    sop = sorted(p for p in (project / "docs" / last).glob("*.md") if p.name.count(".") == 1 and p.name != "index.md")[0]
    sop_id = next(line.split(":", 1)[1].strip() for line in sop.read_text(encoding="utf-8").splitlines() if line.startswith("id:"))
    hrefs, requests = _search(f"{bundled_site_url}pl/", sop_id)
    assert f"pl/{last}/{sop.stem}/" in hrefs[0], (sop_id, hrefs)
    assert any(f"/pagefind/pl.{len(bundles)}/" in url for url in requests)  # the last bundle was searched too
    assert len([url for url in requests if "/wasm." in url]) == 1, [url for url in requests if "/wasm." in url]
