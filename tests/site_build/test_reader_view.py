"""The reader's-eye test: every page of the built example handbook, in every language, as a reader sees it.

Built once (all languages, a fixed HANDBOOK_TODAY) by the session's `example_site`;
`tests/reader_view.py` says what counts as broken. A green check must mean a correct
page: this is the test that would have seen 95 pages of "None" titles.
"""

from __future__ import annotations

import pytest

from handbook.site.labels import label
from tests.reader_view import load_site, site_problems
from tests.sitebuild import ROOT

pytestmark = pytest.mark.site

LANGUAGES = ["en", "pl", "hu", "lv", "ar"]


def test_every_page_reads_right(example_site):
    problems = site_problems(example_site.site, ROOT / "docs", LANGUAGES, {lang: label(lang, "nav.home") for lang in LANGUAGES})
    assert problems == [], f"{len(problems)} problem(s), first ones:\n" + "\n".join(problems[:40])


def test_the_test_sees_every_page(example_site):
    # 19 SOPs and 16 translations in five sites, with their generated pages: a scan of a handful would prove nothing.
    pages = load_site(example_site.site)
    sop_pages = [url for url in pages if url.rstrip("/").split("/")[-1][:3] in ("cc-", "fd-", "ce-", "br-", "qt-")]
    assert len(sop_pages) == 19 * len(LANGUAGES)
    assert len(pages) >= 140


def test_department_navigation_lists_sop_titles(example_site):
    soup = example_site.soup("contact-centre/cc-004")
    labels = [" ".join(a.get_text(" ", strip=True).split()) for a in soup.select("nav.md-nav--primary .md-nav__item--active a.md-nav__link") if not a["href"].startswith("#")]
    assert labels[:6] == [
        "Contact Centre",
        "Answering inbound phone calls",
        "Web chat and messenger conversations",
        "Answering customer emails",
        "The three stages of every customer contact",
        "Transferring calls and arranging callbacks",
    ]


def test_english_fallback_in_the_arabic_site_is_left_to_right(example_site):
    soup = example_site.soup("ar/contact-centre/cc-002")
    assert soup.body["dir"] == "rtl"  # the site's interface stays Arabic
    body = soup.select_one("article .hb-sop-content")
    assert body is not None and body["lang"] == "en" and body["dir"] == "ltr"
    assert soup.select_one("article h1")["lang"] == "en"
    banner = soup.select_one(".hb-banner--fallback")
    assert banner.find_parent(attrs={"lang": "en"}) is None  # the notice is in Arabic
