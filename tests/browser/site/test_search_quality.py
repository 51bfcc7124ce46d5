"""Search that serves readers, in both backends (Material's lunr and Pagefind), on the fixture handbook.

The expectations are about the fixture's own content (tests/browser/site/fixture.py).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.site.fixture import SECRET

pytestmark = pytest.mark.browser

# (site language, query, the page that must come first)
FIRST_RESULT = [
    ("en", "PH-001", "phones/ph-001/"),        # an id; PH-002 mentions PH-001 too
    ("en", "ph-1", "phones/ph-001/"),          # the id as typed in a hurry
    ("en", "marmalade", "letters/le-001/"),    # a body word
    ("en", "IVR", "phones/ph-001/"),           # an abbreviation: the SOP, not the glossary
    ("en", "AHT", "phones/ph-001/"),
    ("pl", "srodkow", "pl/phones/ph-001/"),    # "środków" typed without diacritics
    ("ar", "المكالمات", "ar/phones/ph-001/"),  # an Arabic title word
]


def _results(page) -> list[str]:
    """The result pages in order, as site paths (without the highlight query)."""
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_attached(timeout=20000)
    page.wait_for_timeout(300)  # Material renders the list in one go; let it settle
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    return [urlparse(href).path.lstrip("/") for href in hrefs]


def search(page, query: str) -> None:
    """Type a query once the search worker is ready: Material then shows its placeholder, in the page's language."""
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    page.locator("input.md-search__input").click()
    expect(page.locator(".md-search-result__meta")).to_have_text(placeholder, timeout=30000)
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=30)
    box.press("End")  # Playwright types Arabic as inserted text, without the key-up Material listens for


def _search(page, url: str, lang: str, query: str) -> None:
    page.goto(url + ("" if lang == "en" else f"{lang}/"))
    search(page, query)


@pytest.mark.parametrize("lang, query, expected", FIRST_RESULT, ids=[q for _, q, _ in FIRST_RESULT])
def test_the_expected_page_comes_first(page, backend_url, lang, query, expected):
    backend, url = backend_url
    _search(page, url, lang, query)
    results = _results(page)
    assert results[0] == expected, f"{backend}: {query!r} in {lang}: {results}"


def test_sop_pages_come_before_the_glossary(page, backend_url):
    backend, url = backend_url
    _search(page, url, "en", "IVR")
    results = [r.split("#")[0] for r in _results(page)]
    assert "glossary/" in results, f"{backend}: the glossary defines IVR: {results}"
    first_glossary = results.index("glossary/")
    assert all(r.startswith(("phones/", "letters/")) for r in results[:first_glossary]), results
    assert all(not r.startswith(("phones/", "letters/")) for r in results[first_glossary:]), f"{backend}: an SOP after the glossary: {results}"


def test_results_are_in_the_readers_language_and_untranslated_sops_are_found(page, backend_url):
    backend, url = backend_url
    _search(page, url, "pl", "callback")  # PH-002 has no Polish translation: shown in English in the Polish site
    results = _results(page)
    assert results[0] == "pl/phones/ph-002/", f"{backend}: {results}"
    assert all(r.startswith("pl/") for r in results), f"{backend}: a page from another language: {results}"


def test_an_english_reader_gets_no_polish_pages(page, backend_url):
    backend, url = backend_url
    _search(page, url, "en", "Answering")
    results = _results(page)
    assert results and not any(re.match(r"(pl|hu|lv|ar)/", r) for r in results), f"{backend}: {results}"


@pytest.mark.parametrize("query", [SECRET, "Kowalczyk"], ids=["collapsed answer", "only in generated tables and the card"])
def test_hidden_parts_and_generated_tables_are_not_found(page, backend_url, query):
    backend, url = backend_url
    _search(page, url, "en", "Greet")  # the index answers at all
    _results(page)
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.locator("input.md-search__input").press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents", timeout=20000)
    assert page.locator(".md-search-result__item").count() == 0, backend
