"""The SOP page, built from a small handbook of its own (tests/sop_fixture.py).

The id is part of the SOP (h1, browser tab, navigation, card), the front matter's related
and replaced SOPs and version history are shown with their titles in the reader's
language, banners carry a title, `!!! say` scripts are titled, and every department has a
printable page holding its SOPs in force in order, in each language.
"""

from __future__ import annotations

import posixpath

import pytest

from tests.check.check_support import run_handbook
from tests.sitebuild import Build, mkdocs_build
from tests.sop_fixture import TODAY, make_handbook


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Build:
    project = make_handbook(tmp_path_factory.mktemp("sop-page") / "handbook")
    build = mkdocs_build(project, project / "site", today=TODAY)
    assert build.returncode == 0, build.log
    return build


def _text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def test_the_id_is_in_the_h1_the_tab_the_navigation_and_the_card(fixture_site):
    soup = fixture_site.soup("desk/dk-001")
    h1 = soup.select_one("article h1")
    assert h1.select_one(".hb-id").get_text() == "DK-001"  # kept on one line by sop-page.css
    assert _text(h1) == "DK-001 Greeting a visitor"
    assert soup.title.get_text() == "DK-001 Greeting a visitor - Fixture handbook"
    nav = [_text(a) for a in soup.select("nav.md-nav--primary a.md-nav__link") if not a["href"].startswith("#")]
    assert "DK-001 Greeting a visitor" in nav and "DK-002 Booking a callback" in nav
    card = soup.select_one(".hb-card")
    assert card["data-sop-id"] == "DK-001"
    assert _text(card.select_one(".hb-card__facts .hb-id")) == "DK-001"


def test_a_translation_shows_its_own_title_with_the_id(fixture_site):
    soup = fixture_site.soup("ar/desk/dk-001")
    assert _text(soup.select_one("article h1")) == "DK-001 استقبال الزائر"
    assert soup.title.get_text().startswith("DK-001 استقبال الزائر")


def test_the_card_keeps_every_fact_and_folds_the_less_used_ones(fixture_site):
    card = fixture_site.soup("desk/dk-001").select_one(".hb-card")
    shown = [_text(dt) for dt in card.select(":scope > .hb-card__facts dt")]
    assert shown == ["ID", "Version", "Owner", "Next review", "Channels", "Status"]
    more = card.select_one("details.hb-card__more")
    assert more is not None and not more.has_attr("open")
    folded = {_text(item.dt): _text(item.dd) for item in more.select(".hb-card__item")}
    assert folded["Approved by"] == "Dana Lee, Omar Ali"
    assert folded["Tags"] == "greeting visitors"
    assert folded["Department"] == "Service Desk"


def test_go_to_the_procedure_leads_to_the_procedure_heading(fixture_site):
    soup = fixture_site.soup("desk/dk-001")
    link = soup.select_one(".hb-goto a")
    assert _text(link) == "Go to the procedure"
    target = soup.find(id=link["href"][1:])
    assert target is not None and target.name == "h2" and _text(target).startswith("Procedure")
    ar = fixture_site.soup("ar/desk/dk-001")
    ar_target = ar.find(id=ar.select_one(".hb-goto a")["href"][1:])
    assert _text(ar_target).startswith("الإجراء")


def test_related_sops_are_links_with_their_titles_in_the_readers_language(fixture_site):
    for page, expected in (
        ("desk/dk-001/", [("DK-002", "Booking a callback", "desk/dk-002/"), ("OP-001", "Closing the office", "ops/op-001/")]),
        ("ar/desk/dk-002/", [("DK-001", "استقبال الزائر", "ar/desk/dk-001/")]),
    ):
        soup = fixture_site.soup(page)
        related = soup.select_one("#hb-related").find_next_sibling("ul")
        found = []
        for link in related.select("a"):
            resolved = posixpath.normpath(posixpath.join(page, link["href"])) + "/"
            assert (fixture_site.site / resolved / "index.html").is_file(), resolved
            found.append((link.select_one(".hb-id").get_text(), _text(link.select("span")[1]), resolved))
        assert found == expected


def test_an_untranslated_related_title_says_its_language(fixture_site):
    soup = fixture_site.soup("ar/desk/dk-001")
    title = soup.select_one("#hb-related").find_next_sibling("ul").select("a span")[1]
    assert _text(title) == "Booking a callback" and title["lang"] == "en" and title["dir"] == "ltr"


def test_replaced_and_replacing_sops_are_shown_both_ways(fixture_site):
    new = fixture_site.soup("desk/dk-002")
    assert _text(new.select_one("#hb-supersedes")) == "Replaces"
    assert _text(new.select_one("#hb-supersedes").find_next_sibling("ul")) == "DK-003 Old callback diary"
    old = fixture_site.soup("desk/dk-003")
    assert _text(old.select_one("#hb-superseded-by").find_next_sibling("ul")) == "DK-002 Booking a callback"


def test_version_history_lists_the_review_log_newest_first_with_its_notes(fixture_site):
    soup = fixture_site.soup("desk/dk-001")
    rows = [[_text(td) for td in tr.select("td")] for tr in soup.select("table.hb-history tbody tr")]
    assert rows == [
        ["2.1", "2026-06-01", "Dana Lee", "Greeting shortened <for> visitors & callers."],
        ["2.0", "2026-01-10", "Omar Ali", "—"],
        ["2.0", "2025-06-02", "Dana Lee", "First version for both channels."],
    ]
    assert "Greeting shortened &lt;for&gt; visitors &amp; callers." in fixture_site.html("desk/dk-001")  # text, escaped
    assert "hb-history--current" in soup.select("table.hb-history tbody tr")[0]["class"]


def test_the_current_versions_note_is_shown_at_the_top(fixture_site):
    changed = fixture_site.soup("desk/dk-001").select_one(".hb-changed")
    assert _text(changed.select_one(".admonition-title")) == "What changed in version 2.1"
    assert _text(changed.select("p")[1]) == "Greeting shortened <for> visitors & callers."
    ar = fixture_site.soup("ar/desk/dk-001").select_one(".hb-changed")
    assert _text(ar.select_one(".admonition-title")) == "ما الذي تغيّر في الإصدار 2.1"
    assert ar.select("p")[1]["lang"] == "en"  # the note is written in the source language
    assert fixture_site.soup("desk/dk-002").select_one(".hb-changed") is None  # no review_log, no note


def test_banners_have_an_icon_title_in_the_readers_language(fixture_site):
    retired = fixture_site.soup("desk/dk-003").select_one(".hb-banner--retired")
    assert "failure" in retired["class"]  # Material's admonition type: its icon
    assert _text(retired.select_one(".admonition-title")) == "Retired"
    assert _text(retired.select("p")[1]) == "This SOP is no longer in force and is kept for audit only."
    fallback = fixture_site.soup("ar/desk/dk-002").select_one(".hb-banner--fallback")
    assert _text(fallback.select_one(".admonition-title")) == "لم يُترجم بعد"


def test_say_this_scripts_are_titled_in_the_sops_language(fixture_site):
    scripts = fixture_site.soup("desk/dk-001").select(".admonition.say")
    assert [_text(s.select_one(".admonition-title")) for s in scripts] == ["Say this", "Say this"]
    assert _text(scripts[0].select("p")[1]) == '"Good morning, this is the desk."'
    ar = fixture_site.soup("ar/desk/dk-001").select_one(".admonition.say .admonition-title")
    assert _text(ar) == "قل هذا"


def test_every_page_carries_the_printed_sheet(fixture_site):
    soup = fixture_site.soup("desk/dk-001")
    head = _text(soup.select_one("table.hb-sheet > thead"))
    assert head == "DK-001 Greeting a visitor · Version 2.1 · Owner: Dana Lee"
    foot = soup.select_one("table.hb-sheet > tfoot")
    assert "Uncontrolled when printed, valid until 2027-06-01" in _text(foot)
    assert foot.select_one("[data-hb-printed]")["data-hb-printed"] == "Printed {date}"  # print.js fills in the day


def test_each_department_has_a_printable_page_with_its_sops_in_force_in_order(fixture_site):
    for lang_prefix, link_text in (("", "Print all SOPs of this department"), ("ar/", "اطبع جميع إجراءات هذا القسم")):
        index = fixture_site.soup(f"{lang_prefix}desk/")
        link = next(a for a in index.select("article a") if _text(a) == link_text)
        assert link["href"] == "print/"
        book = fixture_site.soup(f"{lang_prefix}desk/print")
        sections = book.select("section.hb-print-sop")
        assert [s.select_one("table.hb-sheet")
                and _text(s.select_one(".hb-sheet > thead .hb-id")) for s in sections] == ["DK-001", "DK-002"]  # DK-003 is retired
        assert [s["data-hb-written-in"] for s in sections] == (["en", "en"] if not lang_prefix else ["ar", "en"])
        assert book.select_one(".hb-print-book") is None  # the marker is filled
    ops = fixture_site.soup("ops/print")
    assert [_text(s.select_one(".hb-sheet > thead .hb-id")) for s in ops.select("section.hb-print-sop")] == ["OP-001"]
    assert "mermaid.min.js" in fixture_site.html("ops/print")  # the flowchart is drawn in the book too


def test_the_printable_pages_stay_out_of_search_and_navigation(fixture_site):
    index = (fixture_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "desk/print/" not in index
    nav = fixture_site.soup("desk/dk-001").select("nav.md-nav--primary a.md-nav__link")
    assert not any(a["href"].rstrip("/").endswith("print") for a in nav)


def test_a_review_note_that_is_not_text_is_a_clear_error(tmp_path):
    project = make_handbook(tmp_path / "handbook")
    path = project / "docs" / "desk" / "dk-001.md"
    path.write_text(path.read_text(encoding="utf-8").replace('version: "2.0"}', 'version: "2.0", note: 5}', 1), encoding="utf-8")
    result = run_handbook("check", cwd=project, today=TODAY)
    assert result.code == 1
    assert "docs/desk/dk-001.md:15: FM006 review_log[1].note: expected text, got 5" in result.out


def test_the_printable_page_is_filled_with_pagefind_search_too(tmp_path):
    # Pagefind marks each SOP's <article>: the book still finds them, and stays out of the index itself.
    project = make_handbook(tmp_path / "handbook")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("search: material", "search: pagefind"), encoding="utf-8")
    build = mkdocs_build(project, project / "site", today=TODAY)
    assert build.returncode == 0, build.log
    book = build.soup("desk/print")
    assert [_text(s.select_one(".hb-sheet > thead .hb-id")) for s in book.select("section.hb-print-sop")] == ["DK-001", "DK-002"]
    assert "data-pagefind-body" not in build.html("desk/print") and "data-pagefind-body" in build.html("desk/dk-001")
