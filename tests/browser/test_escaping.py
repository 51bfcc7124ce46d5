"""In a browser, hostile values stay text: no alert, no handler, on pages and in search results (Material's and Pagefind's)."""

from __future__ import annotations

import functools
import re
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _QuietHandler
from tests.browser.test_reader import search
from tests.site_build.test_escaping import SITE_NAME, TITLE, build_hostile

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["material", "pagefind"])
def hostile_url(request, tmp_path_factory):
    build = build_hostile(tmp_path_factory, search=request.param)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _watch_dialogs(page) -> list[str]:
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def test_a_search_result_shows_the_title_as_text(page, hostile_url):
    opened = _watch_dialogs(page)
    page.goto(hostile_url + "support/su-001/")
    assert page.title() == f"SU-001 {TITLE} - {SITE_NAME}"  # the id is part of the title
    expect(page.locator("article h1")).to_have_text(f"SU-001 {TITLE}")
    page.locator("nav.md-nav--primary a", has_text="Answering Refunds").first.hover()
    search(page, "Answering")
    result = page.locator(".md-search-result__item h1", has_text="Answering Refunds").first
    expect(result).to_be_visible(timeout=15000)
    assert " ".join(result.inner_text().split()) == f"SU-001 {TITLE}"  # search results show the id with the title
    result.hover()
    assert page.locator("[onmouseover]").count() == 0
    assert page.locator("script", has_text="alert(1)").count() == 0
    assert opened == []
