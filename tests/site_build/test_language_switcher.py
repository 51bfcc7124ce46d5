"""The language switcher and the `hreflang` links of every page lead to the same page in each language.

Built from a small handbook of this test's own (three languages, Arabic right to left, a
translated and an untranslated SOP, an authored page) with every hook of the repository, so
each kind of generated page is there: home, departments, review dashboard, glossary,
translation status, what's new, printable pages.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.handbook_maker import mkdocs_yml, sop_file, write_handbook
from tests.sitebuild import mkdocs_build

pytestmark = pytest.mark.site

LANGUAGES = {"en": "English", "pl": "Polski", "ar": "العربية"}
SOURCE = "en"

POLICY = """\
    languages: [en, pl, ar]
    glossary: glossary.yml
    search: material
    review: {default_interval_months: 12, due_soon_days: 30, exempt_statuses: [draft, retired]}
    departments:
      desk:
        name: Service Desk
        prefix: DK
        names: {pl: Obsługa, ar: مكتب الخدمة}
        lead: Dana Lee
      ops:
        name: Operations
        prefix: OP
        names: {pl: Operacje, ar: العمليات}
        lead: Omar Ali
    sections:
      purpose: {en: Purpose, pl: Cel, ar: الغرض}
      procedure: {en: Procedure, pl: Procedura, ar: الإجراء}
"""

FRONT = """\
id: {id}
title: {title}
department: {department}
owner: Dana Lee
status: approved
version: "1.0"
effective: 2026-06-01
last_reviewed: 2026-06-01
"""

PAGES = {
    "desk/dk-001.md": sop_file(FRONT.format(id="DK-001", title="Greeting a visitor", department="desk"), "## Purpose\n\nOne greeting.\n\n## Procedure\n\n1. Greet.\n"),
    "desk/dk-001.pl.md": sop_file('id: DK-001\ntitle: Powitanie gościa\ntranslation_of_version: "1.0"', "## Cel\n\nJedno powitanie.\n\n## Procedura\n\n1. Przywitaj.\n"),
    "desk/dk-002.md": sop_file(FRONT.format(id="DK-002", title="Booking a callback", department="desk"), "## Purpose\n\nCallbacks.\n\n## Procedure\n\n1. Book it.\n"),
    "ops/op-001.md": sop_file(FRONT.format(id="OP-001", title="Closing the office", department="ops"), "## Purpose\n\nSafely.\n\n## Procedure\n\n1. Lock up.\n"),
    "about.md": "# About this handbook\n\nWho keeps it.\n",
    "about.pl.md": "# O podręczniku\n\nKto go prowadzi.\n",
}

GLOSSARY = "AHT:\n  name: Average handle time\n  definition: The mean time spent on one contact.\n"

# The pages each language's site must have (site-relative, without the language's folder):
# the authored ones and one of each kind the hooks generate.
EXPECTED = [
    "", "about/", "desk/dk-001/", "desk/dk-002/", "ops/op-001/",
    "desk/", "ops/", "reviews/", "glossary/", "translations/", "desk/print/", "ops/print/",
    "whats-new/", "whats-new/desk/", "whats-new/ops/",
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
    project = write_handbook(tmp_path_factory.mktemp("switcher-hb"), mkdocs_yml("Switcher test handbook", POLICY, LANGUAGES, features=["navigation.indexes"]), GLOSSARY, PAGES)
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
    assert links == {"en": "../../glossary/", "pl": "../../pl/glossary/", "ar": "./"}
