"""What only a browser shows: search results and glossary tooltips."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def search(page, query: str) -> None:
    """Type a query into Material's search box once its index has loaded, as a reader would."""
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Initializing"), timeout=30000)
    page.locator("input.md-search__input").press_sequentially(query, delay=50)


def test_search_finds_the_refund_sop(page, site_url):
    page.goto(site_url)
    search(page, "refund")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    expect(page.locator(".md-search-result")).to_contain_text("Paying a refund")
    page.locator(".md-search-result__link", has_text="Paying a refund").first.click()
    expect(page).to_have_url(re.compile(r"billing/bi-001/"))


def test_hovering_a_glossary_term_shows_its_definition(page, site_url):
    page.goto(site_url + "support/su-001/")
    term = page.locator("article a[href*='glossary/#term-']").first
    expect(term).to_be_visible()
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=re.compile(r"\w+: \w+")).first
    expect(tooltip).to_be_visible(timeout=5000)
    assert len(tooltip.inner_text().strip()) > 20


def test_hovering_an_abbreviation_shows_its_definition(page, site_url):
    page.goto(site_url + "support/su-001/")
    abbr = page.locator("article abbr[title]").first
    expect(abbr).to_be_visible()
    title = abbr.get_attribute("title") or ""
    abbr.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=title.split(":")[0]).first
    expect(tooltip).to_be_visible(timeout=5000)
