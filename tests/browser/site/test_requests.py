"""Nothing leaves the site: every request made while reading is to the site's own origin.

Five pages in two languages, a search on each backend (Material's worker or Pagefind's shards),
on the fixture handbook. By default the header's repository link calls no one; the
`repository_facts` setting is what brings the call to api.github.com back (checked in the HTML).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.site.test_search_quality import search

pytestmark = pytest.mark.browser

PAGES = ["", "phones/", "phones/ph-001/", "glossary/", "pl/phones/ph-001/", "pl/", "pl/letters/le-001/", "pl/glossary/"]


def test_every_request_is_same_origin(page, backend_url):
    backend, url = backend_url
    origin = urlparse(url).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.context.on("request", lambda request: requests.append(request.url))  # workers' fetches too
    for path in PAGES:
        page.goto(url + path, wait_until="networkidle")
    search(page, "Greet")
    expect(page.locator(".md-search-result__item").first).to_be_attached(timeout=20000)
    page.wait_for_load_state("networkidle")
    assert len(requests) > len(PAGES), requests  # the log saw the pages and their assets
    foreign = sorted({r for r in requests if urlparse(r).scheme not in ("data", "blob") and urlparse(r).netloc != origin})
    assert foreign == [], f"{backend}: requests leaving the site: {foreign}"
