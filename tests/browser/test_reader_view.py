"""What a reader sees in Chromium: titles in the navigation, tooltips inside the window in every direction."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_department_navigation_shows_sop_titles(page, site_url):
    page.goto(site_url + "support/su-002/")
    section = page.locator("nav.md-nav--primary .md-nav__item--active").first
    expect(section).to_contain_text("Answering a customer")
    labels = [" ".join(t.split()) for t in section.locator("a.md-nav__link").all_inner_texts()]
    assert "None" not in labels and "" not in labels
    assert "SU-002 Handling a complaint" in labels  # by id and title, as its h1


def _tooltip_box(page, host):
    host.scroll_into_view_if_needed()
    host.hover()
    inner = page.locator(".md-tooltip2--active .md-tooltip2__inner").first
    expect(inner).to_be_visible(timeout=5000)
    return inner.bounding_box()


@pytest.mark.parametrize("path", ["ar/support/su-001/", "ar/support/su-002/", "support/su-001/"])
@pytest.mark.parametrize("kind", ["article a[href*='glossary/#term-']", "article abbr[title]"])
def test_a_hovered_tooltip_lies_inside_the_window(page, site_url, path, kind):
    page.goto(site_url + path)
    hosts = page.locator(kind)
    assert hosts.count() >= 2
    width = page.viewport_size["width"]
    for index in range(2):
        box = _tooltip_box(page, hosts.nth(index))
        assert 0 <= box["x"] and box["x"] + box["width"] <= width, f"{path} {kind} #{index}: tooltip at x = {box['x']:.0f}-{box['x'] + box['width']:.0f} in a {width} px window"
        page.mouse.move(0, 0)
        expect(page.locator(".md-tooltip2--active")).to_have_count(0, timeout=5000)


def test_english_fallback_reads_left_to_right_in_the_arabic_site(page, site_url):
    page.goto(site_url + "ar/support/su-002/")
    paragraph = page.locator("article .hb-sop-content p").first
    assert paragraph.evaluate("p => getComputedStyle(p).direction") == "ltr"
    assert page.locator(".hb-banner--fallback").evaluate("b => getComputedStyle(b).direction") == "rtl"
    expect(page.locator("article h1")).to_have_text(re.compile("Handling a complaint"))
