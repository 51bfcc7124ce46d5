"""The site a handbook builds (the fixture handbook, tests/fixture_handbook.py), asserted on its HTML."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import yaml

import pytest

from tests.fixture_handbook import DEPARTMENTS


@pytest.fixture(scope="module", autouse=True)
def _docs(fixture_handbook):
    """The fixture's files, read independently of the code under test."""
    global DOCS, ROOT
    ROOT, DOCS = fixture_handbook.root, fixture_handbook.docs


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.load(text.split("---", 2)[1], Loader=yaml.BaseLoader)


def _sops() -> dict[str, dict]:
    """id -> front matter of every source-language SOP in the example handbook, read independently of the code."""
    found = {}
    for path in sorted(DOCS.glob("*/*.md")):
        if path.name == "index.md" or path.name.count(".") > 1:
            continue
        meta = _front_matter(path)
        meta["url"] = f"{path.parent.name}/{path.stem}/"
        found[meta["id"]] = meta
    return found


def _departments() -> dict:
    """The department registry, read from mkdocs.yml's `extra:` block (the rest holds MkDocs-only tags)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load("extra:" + text.split("\nextra:", 1)[1])["extra"]["handbook"]["departments"]


def test_the_fixture_covers_what_the_tests_rely_on():
    sops = _sops()
    assert set(sops) == {"SU-001", "SU-002", "BI-001", "BI-002"}
    assert set(_departments()) == set(DEPARTMENTS)
    assert {m.get("format", "simple") for m in sops.values()} == {"simple", "hierarchical", "flowchart"}


def test_each_department_page_lists_exactly_its_sops(fixture_site):
    departments = _departments()
    expected = defaultdict(set)
    for sop_id, meta in _sops().items():
        expected[meta["department"]].add(sop_id)
    for key, dept in departments.items():
        page = fixture_site.soup(f"{key}/")
        assert page.find("h1").get_text(strip=True).startswith(dept["name"])
        rows = page.select("article table tbody tr")
        listed = {row.find("td").get_text(strip=True) for row in rows}
        assert listed == expected[key], key


def test_home_shows_every_department_with_its_count(fixture_site):
    page = fixture_site.soup("")
    counts = defaultdict(int)
    for meta in _sops().values():
        counts[meta["department"]] += 1
    departments = _departments()
    cards = {card.find("a").get_text(strip=True): card.get_text(" ", strip=True) for card in page.select("article .hb-departments li")}
    for key, dept in departments.items():
        assert f"{counts[key]} SOPs" in cards[dept["name"]], cards


def test_sop_page_opens_with_metadata_card(fixture_site):
    meta = _sops()["SU-001"]
    page = fixture_site.soup(meta["url"])
    card = page.select_one(".hb-card")
    assert card is not None
    facts = {item.find("dt").get_text(strip=True): item.find("dd").get_text(" ", strip=True) for item in card.select(".hb-card__item")}
    assert facts["Owner"] == meta["owner"]
    assert facts["Version"] == meta["version"]
    assert facts["Last reviewed"] == meta["last_reviewed"]
    assert facts["Department"] == "Support Desk"
    assert card.find("a")["href"] == "../"  # the department index
    assert set(facts) >= {"Status", "Effective", "Next review", "Channels", "Format"}


def test_due_soon_banner_only_where_due(fixture_site):
    sops = _sops()
    due = fixture_site.soup(sops["SU-002"]["url"])
    banner = due.select_one(".hb-banner--due-soon")
    assert banner is not None and "2026-12-10" in banner.get_text()
    current = fixture_site.soup(sops["SU-001"]["url"])
    assert current.select(".hb-banner") == []


def test_nothing_overdue_today_and_due_soon_on_dashboard(fixture_site):
    page = fixture_site.soup("reviews/")
    listed = {row.find_all("td")[1].get_text(strip=True) for row in page.select("article table tbody tr")}
    assert listed == {"SU-002"}
    assert page.select(".hb-review--overdue") == []


def test_overdue_banners_and_dashboard_a_year_later(fixture_overdue_site):
    sops = _sops()
    page = fixture_overdue_site.soup(sops["SU-001"]["url"])
    assert page.select_one(".hb-banner--overdue") is not None
    dashboard = fixture_overdue_site.soup("reviews/")
    approved = [m for m in sops.values() if m["status"] == "approved"]
    assert len(dashboard.select(".hb-review--overdue")) == len(approved) == 3  # the draft is not scheduled
    assert "docs/support/su-001.md" in fixture_overdue_site.log and "REV001" in fixture_overdue_site.log


def test_glossary_term_has_tooltip_and_link(fixture_site):
    page = fixture_site.soup(_sops()["SU-001"]["url"])
    links = [a for a in page.select("article a[href*='glossary/#term-']") if a.get("title")]
    assert links, "term() should render links to the glossary with a title tooltip"
    anchor = links[0]["href"].split("#", 1)[1]
    glossary = fixture_site.soup("glossary/")
    assert glossary.find(id=anchor) is not None
    assert page.select("article abbr[title]"), "plain abbreviations get <abbr> tooltips"


def test_definitions_section_lists_the_terms_used(fixture_site):
    page = fixture_site.soup(_sops()["SU-001"]["url"])
    heading = page.find("h2", id="definitions")
    definitions = heading.find_next_sibling("dl")
    terms = [dt.get_text(strip=True) for dt in definitions.find_all("dt")]
    assert terms == ["AHT(Average handle time)", "Refund"]  # the terms SU-001 uses, with their names
    for dd in definitions.find_all("dd"):
        assert dd.get_text(strip=True)


def test_every_relative_link_in_content_resolves(fixture_site):
    site = fixture_site.site
    checked = 0
    for html in site.rglob("index.html"):
        page = fixture_site.soup(str(html.parent.relative_to(site)) + "/" if html.parent != site else "")
        for a in page.select("article a[href]"):
            href = a["href"].split("#", 1)[0]
            if not href or href.startswith(("http:", "https:", "mailto:", "tel:")):
                continue
            target = (html.parent / href).resolve()
            assert target.exists(), f"{html}: {a['href']}"
            checked += 1
    assert checked > 20


def test_sop_macro_links_by_id_with_current_title(fixture_site):
    sops = _sops()
    page = fixture_site.soup(sops["SU-001"]["url"])
    texts = {a.get_text(" ", strip=True) for a in page.select("article a")}
    assert f"BI-001 {sops['BI-001']['title']}" in texts


def test_flowchart_sops_carry_mermaid_flowcharts(fixture_site):
    for meta in _sops().values():
        if meta.get("format") == "flowchart":
            page = fixture_site.soup(meta["url"])
            diagram = page.select_one("pre.mermaid")
            assert diagram is not None and "flowchart" in diagram.get_text() and "{" in diagram.get_text(), meta["id"]


def test_glossary_page_lists_terms_with_their_sops(fixture_site):
    page = fixture_site.soup("glossary/")
    glossary = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    headings = page.select("article h3[id^='term-']")  # filed under their letter (h2, the A–Z index)
    assert len(headings) == len(glossary)
    assert [a.get_text() for a in page.select("article nav.hb-az a")][:2] == ["A", "R"]
    aht = page.find(id="term-aht")
    used_by = aht.find_next("p", class_="hb-used-by")
    assert used_by.select("a"), "AHT is used by at least one SOP"
    assert "SU-001 Answering a customer" in [a.get_text() for a in used_by.select("a")]  # ids with titles


def test_suggest_a_change_link_on_every_sop(fixture_site):
    page = fixture_site.soup(_sops()["SU-001"]["url"])
    edit = page.select_one("a.md-content__button[href*='/edit/main/docs/']")
    assert edit is not None and edit["href"] == "https://github.com/fixture-co/handbook/edit/main/docs/support/su-001.md"


def test_search_index_holds_the_sops(fixture_site):
    index = json.loads((fixture_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for meta in _sops().values():
        assert meta["url"] in locations


def test_a_terms_definition_is_searched_on_the_glossary_page_not_on_every_sop_that_defines_it(fixture_site):
    words = "The mean time spent on one contact"  # AHT's definition (tests/fixture_handbook.py)
    sop_page = fixture_site.soup(_sops()["SU-001"]["url"])
    definition = next(dd for dd in sop_page.select("dl dd") if words in dd.get_text())
    assert definition.has_attr("data-search-exclude") and definition.has_attr("data-pagefind-ignore")
    index = json.loads((fixture_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    holding = sorted({doc["location"].split("#")[0] for doc in index["docs"] if words in doc["text"]})
    assert holding == ["glossary/"], holding
