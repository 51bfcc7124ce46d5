"""The language switcher and the `hreflang` links of every page lead to the same page in each language.

Built from the site tests' small handbook (tests/browser/site/fixture.py: five languages,
Arabic right to left, translated and untranslated SOPs) with the tool's mkdocs.yml (as `handbook init` writes it) and
every hook, and an authored page of this test's own, so each kind of page is there: SOPs,
fallbacks, home, departments, review dashboard, glossary, translation status, what's new,
printable pages.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from tests.browser.site.fixture import GLOSSARY, POLICY, SOPS
from tests.handbook_maker import tool_config_with, write_handbook
from tests.sitebuild import mkdocs_build

pytestmark = pytest.mark.site

LANGUAGES = ["en", "pl", "hu", "lv", "ar"]  # the fixture's policy and the repository's i18n languages
SOURCE = "en"
SITE_URL = "https://handbook.example.org/"  # init's mkdocs.yml (tests/handbook_maker.py tool_config)

PAGES = {
    **SOPS,
    "about.md": "# About this handbook\n\nWho keeps it.\n",
    "about.pl.md": "# O podręczniku\n\nKto go prowadzi.\n",
}

# The pages each language's site must have (site-relative, without the language's folder):
# the authored ones and one of each kind the hooks generate.
EXPECTED = [
    "", "about/", "phones/ph-001/", "phones/ph-002/", "letters/le-001/",
    "phones/", "letters/", "reviews/", "glossary/", "translations/", "phones/print/", "letters/print/",
    "whats-new/", "whats-new/phones/", "whats-new/letters/",
]


def _in(lang: str, here: str) -> str:
    return here if lang == SOURCE else f"{lang}/{here}"


def _pages(site) -> dict[str, BeautifulSoup]:
    pages = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()[: -len("index.html")]
        pages[rel] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return pages


def _target(page_url: str, href: str) -> str:
    """The site-relative page a link on `page_url` leads to (the fixture's site is served at the root)."""
    return urlsplit(urljoin("https://site.test/" + page_url, href)).path.lstrip("/")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = write_handbook(tmp_path_factory.mktemp("switcher-hb"), tool_config_with(POLICY.format(search="material")), GLOSSARY, PAGES)
    build = mkdocs_build(project, tmp_path_factory.mktemp("switcher-site"), today="2026-12-02")
    assert build.returncode == 0, build.log
    return build.site


def test_every_page_switches_to_itself_in_each_language(site):
    pages = _pages(site)
    for lang in LANGUAGES:
        missing = [_in(lang, here) for here in EXPECTED if _in(lang, here) not in pages]
        assert missing == [], f"pages not built: {missing}"
    wrong = []
    for url, soup in pages.items():
        lang = url.split("/", 1)[0] if url.split("/", 1)[0] in LANGUAGES else SOURCE
        here = url if lang == SOURCE else url[len(lang) + 1 :]
        expected = {other: _in(other, here) for other in LANGUAGES}
        switcher = {a["hreflang"]: _target(url, a["href"]) for a in soup.select("a.md-select__link[hreflang]")}
        alternates = {link["hreflang"]: _target(url, link["href"]) for link in soup.select('link[rel="alternate"][hreflang]')}
        for what, found in (("switcher", switcher), ("hreflang", alternates)):
            if found != expected:
                wrong.append(f"/{url} {what}: {found}")
            wrong += [f"/{url} {what}: /{target} is not built" for target in found.values() if target not in pages]
    assert wrong == [], f"{len(wrong)} wrong link set(s) in {len(pages)} pages:\n" + "\n".join(wrong[:20])


def test_a_generated_page_names_its_own_language_in_the_switcher(site):
    # Not the page rendered before it: the Arabic glossary offers the Polish glossary, relative to itself.
    soup = _pages(site)["ar/glossary/"]
    links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
    assert links == {"en": "../../glossary/", "pl": "../../pl/glossary/", "hu": "../../hu/glossary/", "lv": "../../lv/glossary/", "ar": "./"}


def test_the_sitemap_lists_every_page_with_the_same_page_in_each_language(site):
    pages = _pages(site)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    listed = {}
    for url in ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns):
        loc = url.findtext("s:loc", namespaces=ns)
        listed[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
    assert sorted(listed) == sorted(SITE_URL + page for page in pages)
    for page in pages:
        lang = page.split("/", 1)[0] if page.split("/", 1)[0] in LANGUAGES else SOURCE
        here = page if lang == SOURCE else page[len(lang) + 1 :]
        assert listed[SITE_URL + page] == {other: SITE_URL + _in(other, here) for other in LANGUAGES}, page


def test_the_one_404_page_is_in_the_source_language_and_offers_each_language_home(site):
    # Every language's build writes the site's 404.html; before, the last one (Arabic) was kept,
    # its switcher pointing at the last page that build rendered.
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("404.html")) == ["404.html"]
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == SOURCE
    homes = {lang: "/" + _in(lang, "") for lang in LANGUAGES}
    assert {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")} == homes
    assert {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')} == homes
