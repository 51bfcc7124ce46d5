"""The reader's-eye test: every page of the built handbook, in every language, as a reader sees it.

The handbook in docs/ (whatever content it holds: the Northwind example, or an adopter's)
is built once by the session's `example_site`, the fixture handbook by `fixture_site`;
`tests/reader_view.py` says what counts as broken. A green check must mean a correct
page: this is the test that would have seen 95 pages of "None" titles.
"""

from __future__ import annotations

import pytest

from handbook.policy import load_policy
from handbook.site.labels import label
from tests.reader_view import load_site, site_problems
from tests.sitebuild import ROOT

pytestmark = pytest.mark.site


def _reads_right(build, root) -> None:
    languages = list(load_policy(root / "mkdocs.yml").languages)
    problems = site_problems(build.site, root / "docs", languages, {lang: label(lang, "nav.home") for lang in languages})
    assert problems == [], f"{len(problems)} problem(s), first ones:\n" + "\n".join(problems[:40])


def test_every_page_reads_right(example_site):
    _reads_right(example_site, ROOT)


def test_every_page_of_the_fixture_reads_right(fixture_site, fixture_handbook):
    _reads_right(fixture_site, fixture_handbook.root)


def test_the_test_sees_every_page(example_site):
    # Every SOP in every language's site, with the generated pages: a scan of a handful would prove nothing.
    languages = load_policy(ROOT / "mkdocs.yml").languages
    sources = [p for p in (ROOT / "docs").glob("*/*.md") if p.name != "index.md" and p.name.count(".") == 1]
    pages = load_site(example_site.site)
    sop_pages = [url for url in pages if any(url.rstrip("/").endswith(f"{p.parent.name}/{p.stem}") for p in sources)]
    assert len(sop_pages) == len(sources) * len(languages)
    assert len(pages) >= len(sop_pages) + 4 * len(languages)  # home, glossary, reviews, translations per language


def test_department_navigation_lists_sop_titles(fixture_site):
    # Each SOP by its id and title, as its h1 reads (the id is part of the SOP).
    soup = fixture_site.soup("support/su-002")
    labels = [" ".join(a.get_text(" ", strip=True).split()) for a in soup.select("nav.md-nav--primary .md-nav__item--active a.md-nav__link") if not a["href"].startswith("#")]
    assert labels[:3] == ["Support Desk", "SU-001 Answering a customer", "SU-002 Handling a complaint"]


def test_english_fallback_in_the_arabic_site_is_left_to_right(fixture_site):
    soup = fixture_site.soup("ar/support/su-002")
    assert soup.body["dir"] == "rtl"  # the site's interface stays Arabic
    body = soup.select_one("article .hb-sop-content")
    assert body is not None and body["lang"] == "en" and body["dir"] == "ltr"
    assert soup.select_one("article h1")["lang"] == "en"
    banner = soup.select_one(".hb-banner--fallback")
    assert banner.find_parent(attrs={"lang": "en"}) is None  # the notice is in Arabic


def _page(lang: str, nav: str, body: str, dir_: str = "ltr", head: str = "", switcher: str = "") -> str:
    return (
        f'<html lang="{lang}"><head><title>A page - Site</title>{head}</head><body dir="{dir_}">'
        f'<header><ul class="md-select__list">{switcher}</ul></header><nav class="md-nav md-nav--primary">{nav}</nav>'
        f'<article class="md-content__inner md-typeset"><h1>A page</h1>{body}</article></body></html>'
    )


def test_the_reader_view_sees_each_kind_of_breakage(tmp_path):
    """The checker itself: a hand-made site with one of each defect, and a clean page beside it."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "dept").mkdir(parents=True)
    (docs / "dept" / "sop.md").write_text("---\ntitle: A page\n---\n<p onclick=x>authored</p>\n", encoding="utf-8")
    pages = {
        "index.html": _page(
            "en", '<a class="md-nav__link" href="dept/sop/">A page</a>', '<h2 id="top">Top</h2><p>Clean <code>{{ kept }}</code></p>',
            head='<link rel="alternate" href="/" hreflang="en"><link rel="alternate" href="/ar/" hreflang="ar">',
            switcher='<a href="/" hreflang="en" class="md-select__link">English</a><a href="/ar/" hreflang="ar" class="md-select__link">العربية</a>',
        ),
        "dept/sop/index.html": _page(
            "en",
            '<a class="md-nav__link" href="../../">None</a><a class="md-nav__link" href="../../">Wrong title</a>',
            '<p>\ue000\ue003x\ue001AHT\ue002</p><p>Hello {{ ticket.title }}</p><p>Written as text: &#123;{ name }}</p><p>Macro Syntax Error</p>'
            '<p><a href="../../missing/">gone</a> <a href="../../#nowhere">anchor</a> <a href="../../#top">fine</a></p>'
            '<script>alert(1)</script><p onmouseover="x">hover</p><p onclick=x>authored</p>',
        ),
        "ar/index.html": _page("ar", "", "<p>نص</p>", "rtl"),
        "ar/dept/sop/index.html": _page(
            "ar", "", "<h2>Purpose</h2><p>English text</p>", "rtl",
            head='<link rel="alternate" href="../../../dept/sop/" hreflang="en"><link rel="alternate" href="./" hreflang="ar">',
            switcher='<a href="../../../" hreflang="en" class="md-select__link">English</a><a href="./" hreflang="ar" class="md-select__link">العربية</a>',
        ),
        "dept/other/index.html": _page("en", "", "<p>Only in English</p>", head='<link rel="alternate" href="../../ar/dept/other/" hreflang="ar">'),
    }
    for rel, html in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    problems = site_problems(site, docs, ["en", "ar"], {"en": "Home"})
    text = "\n".join(problems)
    assert not [p for p in problems if p.startswith(("index.html", "ar/index.html", ": "))], text
    expected = [
        "dept/sop/: navigation label 'None' for ../../",
        "dept/sop/: navigation label 'Wrong title' for ../../, whose title is 'A page'",
        "dept/sop/: an unfilled placeholder (private-use characters) is on the page",
        "dept/sop/: template code left in the text: '{{ ticket.title }}'",
        "dept/sop/: macro error text on the page: 'Macro Syntax Error'",
        "dept/sop/: link to ../../missing/ leads nowhere",
        "dept/sop/: link to ../../#nowhere: no anchor #nowhere on /",
        "dept/sop/: inline script the Markdown does not contain: 'alert(1)'",
        "dept/sop/: event handler onmouseover= on <p>",
        "ar/dept/sop/: content written in 'en' shown as lang='ar' dir='rtl': 'Purpose'",
        "ar/dept/sop/: language switcher for 'en' leads to ../../../, not to this page in 'en' (/dept/sop/)",
        "dept/other/: hreflang link for 'ar' leads to /ar/dept/other/, which is not built",
        "dept/other/: link to ../../ar/dept/other/ leads nowhere",
    ]
    assert sorted(problems) == sorted(expected), text
