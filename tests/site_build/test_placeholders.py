"""Glossary and SOP links travel through Markdown as placeholders and come out as links."""

from __future__ import annotations

import re

from handbook.site.placeholders import DEFINITIONS, SOP, TERM, fill, placeholder, plain
from tests.site_build.test_build_failures import SOP as SU001, _edit, handbook_copy  # noqa: F401 (a fixture: the fixture handbook)
from tests.sitebuild import mkdocs_build

_LEFTOVER = re.compile("[\ue000-\ue00f\U000f0000-\U000fffff]")


def _links(kind: str, target: str, shown: str) -> str | None:
    return None if target == "missing" else f'<a data-kind="{ord(kind):x}" data-target="{target}">{shown}</a>'


def test_fill_makes_each_placeholder_into_its_link():
    text = f"<p>See {placeholder(TERM, 'AHT', 'handle <em>time</em>')} and {placeholder(SOP, 'CC-001', 'CC-001 Greeting')}.</p>"
    assert fill(text, _links) == (
        '<p>See <a data-kind="e003" data-target="AHT">handle <em>time</em></a> and '
        '<a data-kind="e004" data-target="CC-001">CC-001 Greeting</a>.</p>'
    )


def test_unresolved_placeholder_leaves_its_text_and_no_marker():
    assert fill(f"<p>{placeholder(TERM, 'missing', 'Root cause')}</p>", _links) == "<p>Root cause</p>"


def test_a_definitions_placeholder_replaces_its_paragraph():
    filled = fill(f"<h2>Definitions</h2>\n<p>{placeholder(DEFINITIONS, '', '')}</p>", lambda kind, target, shown: "<dl></dl>")
    assert filled == "<h2>Definitions</h2>\n<dl></dl>"


def test_targets_with_any_characters_survive():
    key = "Zwrot środków & co."
    assert fill(placeholder(TERM, key, "x"), _links) == f'<a data-kind="e003" data-target="{key}">x</a>'


def test_plain_keeps_only_the_shown_text():
    assert plain(f"Using {placeholder(TERM, 'IVR', 'IVR')} menus") == "Using IVR menus"
    assert plain("no placeholder") == "no placeholder"


def test_no_placeholder_is_left_on_any_page(fixture_site):
    pages = sorted(fixture_site.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not _LEFTOVER.search(text), page


def test_term_in_a_heading_keeps_its_anchor_and_a_clean_contents_entry(handbook_copy, tmp_path):
    _edit(handbook_copy, SU001, "## Scope\n", '## Scope\n\n### Handling *{{ term("AHT") }}* well\n\n| a | b |\n|---|---|\n| {{ term("Refund", "the money back") }} | {{ sop("SU-002") }} |\n\n')
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = build.soup("support/su-001/")
    heading = page.find("h3", id="handling-aht-well")
    assert heading is not None, [h.get("id") for h in page.find_all("h3")]
    link = heading.select_one("em a")
    assert link["href"] == "../../glossary/#term-aht" and link["title"].startswith("Average handle time")
    toc = [a.get_text(" ", strip=True) for a in page.select(".md-nav--secondary a")]
    assert "Handling AHT well" in toc
    cell_links = page.select("table:not(.hb-sheet) td a")  # not the printed sheet around the page
    assert [a.get_text(" ", strip=True) for a in cell_links][:2] == ["the money back", build.soup('support/su-002/').h1.get_text(" ", strip=True)]
    assert cell_links[1]["href"] == "../su-002/"
    assert not _LEFTOVER.search(build.html("support/su-001/"))
