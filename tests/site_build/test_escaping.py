"""Values from front matter, mkdocs.yml and glossary.yml are text on every page, never markup.

One fixture handbook (tests/fixture_handbook.py) carries hostile and honest-but-awkward values in an SOP's title,
owner and tags (SU-001 and its Polish translation), a department's name and lead, the
site name and a glossary term (AHT); the SOP is due soon, so the owner also reaches
the banner and the review dashboard. The site is built with `mkdocs build --strict`.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.site_build.test_build_failures import _edit, _line_of, handbook_copy  # noqa: F401 (a fixture)
from tests.fixture_handbook import make_handbook
from tests.sitebuild import ROOT, TODAY, mkdocs_build

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="x'
HOSTILE = f"Refunds < €50 & fees {SCRIPT} {ATTRIBUTE} *stars* |pipe|"

TITLE = f"Answering {HOSTILE}"
TITLE_PL = f"Odbieranie {HOSTILE}"
OWNER = f"Ann, Bea; {HOSTILE}"
TAG = f"tag {HOSTILE}"
DEPARTMENT = f"Contact {HOSTILE}"
DEPARTMENT_PL = f"Centrum {HOSTILE}"
LEAD = f"Lead {HOSTILE}"
SITE_NAME = f"Fixture {HOSTILE}"
TERM_NAME = f"Average {HOSTILE}"
TERM_DEFINITION = f"1. The mean {HOSTILE}"

CC001 = "docs/support/su-001.md"


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a double-quoted YAML scalar


def _hostile_handbook(project: Path) -> Path:
    make_handbook(project)
    _edit(project, CC001, "title: Answering a customer", f"title: {_yaml(TITLE)}")
    _edit(project, CC001, "owner: Cara Owner", f"owner: {_yaml(OWNER)}")
    _edit(project, CC001, "channels: [phone, chat]", f"channels: [phone, chat]\ntags: [greeting, {_yaml(TAG)}]")
    _edit(project, CC001, "last_reviewed: 2026-06-01", "last_reviewed: 2026-06-01\nnext_review: 2026-12-10")  # due soon
    _edit(project, "docs/support/su-001.pl.md", "title: Obsługa zgłoszenia klienta", f"title: {_yaml(TITLE_PL)}")
    _edit(project, "mkdocs.yml", "        name: Support Desk\n", f"        name: {_yaml(DEPARTMENT)}\n")
    _edit(project, "mkdocs.yml", "names: {pl: Dział wsparcia,", f"names: {{pl: {_yaml(DEPARTMENT_PL)},")
    _edit(project, "mkdocs.yml", "        lead: Ana Lead\n", f"        lead: {_yaml(LEAD)}\n")
    _edit(project, "mkdocs.yml", "site_name: Fixture Co Handbook", f"site_name: {_yaml(SITE_NAME)}")
    _edit(project, "mkdocs.yml", "    people:\n", f'    people:\n      {_yaml(OWNER)}: "@ann-bea"\n      {_yaml(LEAD)}: "@contact-lead"\n')  # PPL001: CODEOWNERS must know them
    _edit(project, "glossary.yml", "  name: Average handle time\n  definition: The mean time spent on one contact, including the notes written after it.\n",
          f"  name: {_yaml(TERM_NAME)}\n  definition: {_yaml(TERM_DEFINITION)}\n")
    return project


def build_hostile(tmp_path_factory, search: str = "auto"):
    """The hostile handbook built with `mkdocs build --strict`, with Material's search or Pagefind."""
    project = _hostile_handbook(tmp_path_factory.mktemp("hostile"))
    if search != "auto":
        _edit(project, "mkdocs.yml", "    glossary: glossary.yml\n", f"    glossary: glossary.yml\n    search: {search}\n")
    build = mkdocs_build(project, tmp_path_factory.mktemp("hostile-site"))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return build_hostile(tmp_path_factory)


PAGES = {
    "home": "",
    "department index": "support/",
    "SOP page": "support/su-001/",
    "SOP page in Polish": "pl/support/su-001/",
    "review dashboard": "reviews/",
    "glossary": "glossary/",
    "translation status": "translations/",
    "Polish department index": "pl/support/",
    "a page linking the SOP": "billing/bi-001/",
}


def _injected(soup: BeautifulSoup) -> list[str]:
    """Script elements running the hostile code, and event-handler attributes anywhere."""
    found = [str(s)[:80] for s in soup.find_all("script") if "alert(1)" in (s.string or "")]
    for element in soup.find_all(True):
        found += [f"<{element.name} {name}=...>" for name in element.attrs if name.lower().startswith("on")]
    return found


def _text(element) -> str:
    """What a reader sees of an element (or of an HTML string), whitespace collapsed."""
    soup = BeautifulSoup(element, "html.parser") if isinstance(element, str) else element
    assert soup is not None
    return " ".join(soup.get_text(" ").split())


def _heading(element) -> str:
    return _text(element).removesuffix(" ¶")  # the permalink


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_no_page_runs_a_value_as_markup(hostile, page):
    soup = hostile.soup(page)
    assert _injected(soup) == []
    assert "alert(1)" in soup.get_text()  # the value is there, as text


def _cells(soup: BeautifulSoup) -> list[list[str]]:
    return [[_text(td) for td in row.find_all("td")] for row in soup.select("article table tbody tr")]


def test_the_sop_page_shows_the_literal_title_owner_and_department(hostile):
    soup = hostile.soup("support/su-001/")
    assert _text(soup.find("h1")) == f"SU-001 {TITLE}"  # the id is part of the SOP's title
    assert _text(soup.find("title")) == f"SU-001 {TITLE} - {SITE_NAME}"
    assert _text(soup.select_one(".md-header__topic:last-child .md-ellipsis")) == f"SU-001 {TITLE}"
    assert _text(soup.select_one(".md-header__topic .md-ellipsis")) == SITE_NAME
    facts = {_text(item.find("dt")): _text(item.find("dd")) for item in soup.select(".hb-card__item")}
    assert facts["Owner"] == OWNER
    assert facts["Department"] == DEPARTMENT
    assert OWNER in _text(soup.select_one(".hb-banner--due-soon"))
    nav = [_text(a) for a in soup.select("nav.md-nav--primary a")]
    assert f"SU-001 {TITLE}" in nav
    assert DEPARTMENT in [_text(label) for label in soup.select("nav.md-nav--primary label")]
    tabs = [_text(a) for a in soup.select(".md-tabs__link")]
    assert DEPARTMENT in tabs


def test_the_translated_page_shows_its_literal_title_and_the_sources_owner(hostile):
    soup = hostile.soup("pl/support/su-001/")
    assert _text(soup.find("h1")) == f"SU-001 {TITLE_PL}"
    assert _text(soup.find("title")).startswith(f"SU-001 {TITLE_PL}")
    facts = {_text(item.find("dt")): _text(item.find("dd")) for item in soup.select(".hb-card__item")}
    assert facts["Właściciel"] == OWNER
    assert facts["Dział"] == DEPARTMENT_PL


def test_glossary_term_name_and_definition_are_literal_in_tooltips_definitions_and_glossary(hostile):
    sop = hostile.soup("support/su-001/")
    tooltip = " ".join(f"{TERM_NAME}: {TERM_DEFINITION}".split())
    assert tooltip in [a.get("title") for a in sop.select("article a[href*='glossary/#term-aht']")]
    assert tooltip in [abbr.get("title") for abbr in sop.select("article abbr")]
    definitions = {_text(dt): _text(dt.find_next_sibling("dd")) for dt in sop.select("article dl:not(.hb-card__facts) dt")}
    assert definitions[f"AHT ({TERM_NAME})"] == TERM_DEFINITION
    glossary = hostile.soup("glossary/")
    heading = glossary.find(id="term-aht")
    assert _heading(heading) == f"AHT — {TERM_NAME}"
    assert _text(heading.find_next_sibling("p")) == TERM_DEFINITION  # a paragraph, not a list


def test_generated_pages_show_the_literal_values_in_their_cells(hostile):
    home = {_text(card.find("a")): _text(card) for card in hostile.soup("").select("article .hb-departments li")}
    assert home[DEPARTMENT].endswith(f"Lead: {LEAD}")  # a department's card: name, count, lead
    department = hostile.soup("support/")
    assert _heading(department.find("h1")) == DEPARTMENT
    assert LEAD in _text(department.select_one("article p"))
    rows = {row[0]: row for row in _cells(department)}
    assert rows["SU-001"][1:3] == [TITLE, OWNER]  # the pipes did not split the row
    reviews = hostile.soup("reviews/")
    rows = {row[1]: row for row in _cells(reviews)}
    assert rows["SU-001"][:3] == [OWNER, "SU-001", TITLE]
    assert DEPARTMENT in [_heading(h) for h in reviews.select("article h2")]
    assert OWNER in [_text(a) for a in reviews.select(".admonition.tip a")]
    translations = {row[0]: row for row in _cells(hostile.soup("translations/"))}
    assert translations["SU-001"][1] == TITLE
    assert {row[0]: row for row in _cells(hostile.soup("pl/support/"))}["SU-001"][1] == TITLE_PL


def test_an_sop_link_in_another_page_shows_the_literal_title(hostile):
    links = [_text(a) for a in hostile.soup("billing/bi-001/").select("article a[href$='support/su-001/']")]
    assert f"SU-001 {TITLE}" in links


def test_the_search_index_holds_the_text_as_html_text(hostile):
    index = json.loads((hostile.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"] == "support/su-001/"]
    assert entries
    page = entries[0]
    assert SCRIPT not in page["title"] and _text(page["title"]) == f"SU-001 {TITLE}"  # Material shows titles as HTML
    assert [_text(tag) for tag in page["tags"]] == ["greeting", TAG]
    assert all(SCRIPT not in tag for tag in page["tags"])
    assert not any(d["location"] == "support/" for d in index["docs"])  # generated tables stay out of search
    for doc in index["docs"]:
        assert SCRIPT not in doc["title"] + doc["text"] + "".join(doc.get("tags", [])), doc["location"]


def _pagefind_pages(site: Path, lang: str) -> dict[str, dict]:
    """url -> Pagefind's stored fragment (gzip, a signature, then JSON): what a result shows."""
    found = {}
    for path in (site / "pagefind" / lang / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragment = json.loads(data[len(b"pagefind_dcd") :])
        found[fragment["url"]] = fragment
    return found


def test_pagefind_holds_the_literal_text(tmp_path_factory):
    build = build_hostile(tmp_path_factory, search="pagefind")
    english, polish = _pagefind_pages(build.site, "en"), _pagefind_pages(build.site, "pl")
    # Pagefind keeps plain text; handbook/mkdocs/pagefind_worker.js escapes it for Material's result list.
    assert english["/support/su-001/"]["meta"]["title"] == f"SU-001 {TITLE}"
    assert "/support/" not in english  # generated tables stay out of search
    assert polish["/pl/support/su-001/"]["meta"]["title"] == f"SU-001 {TITLE_PL}"
    assert english["/support/su-001/"]["content"].startswith(f"SU-001 {TITLE} Purpose.")
    assert OWNER not in english["/support/su-001/"]["content"]  # the card is left out, as before
    assert _injected(build.soup("support/su-001/")) == []


def test_the_review_calendar_holds_the_text_escaped_for_icalendar(hostile):
    raw = (hostile.site / "reviews.ics").read_bytes()
    assert b"Ann\\, Bea\\; Refunds" in raw  # RFC 5545 TEXT: commas and semicolons escaped
    events = {str(e["uid"]): e for e in Calendar.from_ical(raw).walk("VEVENT")}
    event = events["review-su-001@handbook.fixture.test"]
    assert str(event["summary"]) == f"Review SU-001 {TITLE}"
    assert str(event["description"]).splitlines()[:2] == [f"Owner: {OWNER}", f"Department: {DEPARTMENT}"]
    assert str(Calendar.from_ical(raw)["x-wr-calname"]) == f"{SITE_NAME}: SOP reviews"


def _check(project: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "PATH": ""}
    return subprocess.run([sys.executable, "-m", "handbook", "check", "--today", TODAY], cwd=project, env=env, capture_output=True, text=True, timeout=120)


def test_the_check_passes_the_hostile_values_as_the_build_does(hostile, tmp_path):
    # Text is text: the values the strict build accepted are no error for the check either.
    project = _hostile_handbook(tmp_path)
    result = _check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    due_soon = f"{CC001}:{_line_of(project, CC001, 'next_review:')}: REV002 "  # a warning, in the check and the build alike
    assert due_soon in result.stdout and due_soon in hostile.log


def test_a_version_the_check_rejects_never_reaches_a_page_as_markup(handbook_copy, tmp_path):
    _edit(handbook_copy, CC001, 'version: "1.2"', f"version: {_yaml(SCRIPT)}")
    build = mkdocs_build(handbook_copy, tmp_path / "site", strict=False)  # --strict would stop at FM006; the site is still written
    assert re.search(rf"ERROR\s+-\s+{CC001}:7: FM006 version: ", build.log), build.log
    assert "Traceback" not in build.log
    check = _check(handbook_copy)
    assert check.returncode == 1 and f"{CC001}:7: FM006 version: " in check.stdout, check.stdout
    for page in ("support/su-001/", "support/", "translations/"):
        soup = build.soup(page)
        assert _injected(soup) == [], page
        assert SCRIPT in soup.get_text(), page
