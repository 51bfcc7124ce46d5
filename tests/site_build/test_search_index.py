"""What the search index is told (handbook/site/search_index.py) and the setting that brings the repository widget back."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.policy import ConfigError, policy_from_mapping
from handbook.site.search_index import IndexedPage, annotate, titled, without_hidden_parts


def test_collapsed_and_hidden_parts_are_marked_for_both_backends():
    html = '<p>a</p><details class="question"><summary>Q</summary>answer</details><div hidden>h</div><div class="hidden">v</div>'
    marked = without_hidden_parts(html)
    assert '<details data-search-exclude data-pagefind-ignore class="question">' in marked
    assert "<div data-search-exclude data-pagefind-ignore hidden>" in marked
    assert '<div class="hidden">' in marked  # a class is not the attribute
    assert without_hidden_parts(marked) == marked  # once is enough


def test_entries_get_their_language_and_sop_and_the_page_its_id_in_the_title():
    index = {"docs": [
        {"location": "phones/ph-001/", "title": "Answering", "text": ""},
        {"location": "phones/ph-001/#procedure", "title": "Procedure", "text": "Greet"},
        {"location": "pl/phones/ph-001/", "title": "Odbieranie", "text": ""},
        {"location": "about/", "title": "About", "text": ""},
    ]}
    pages = {"phones/ph-001/": IndexedPage("en", "PH-001"), "pl/phones/ph-001/": IndexedPage("pl", "PH-001")}
    assert annotate(index, pages) == 3
    docs = index["docs"]
    assert [d.get("lang") for d in docs] == ["en", "en", "pl", None]  # an unknown page is language-neutral
    assert [d["title"] for d in docs] == ["PH-001 Answering", "Procedure", "PH-001 Odbieranie", "About"]
    assert docs[1]["sop"] == "PH-001" and "sop" not in docs[3]


def test_an_untranslated_sop_is_found_in_the_readers_site_by_its_source_words():
    index = {"docs": [
        {"location": "phones/ph-002/", "title": "Calling back", "text": ""},
        {"location": "phones/ph-002/#procedure", "title": "Procedure", "text": "Offer a callback"},
        {"location": "pl/phones/ph-002/", "title": "Calling back", "text": ""},  # all mkdocs-static-i18n keeps
    ]}
    pages = {"phones/ph-002/": IndexedPage("en", "PH-002"), "pl/phones/ph-002/": IndexedPage("pl", "PH-002", shown_from="phones/ph-002/")}
    annotate(index, pages)
    polish = [d for d in index["docs"] if d["lang"] == "pl"]
    assert [d["location"] for d in polish] == ["pl/phones/ph-002/", "pl/phones/ph-002/#procedure"]
    assert polish[1]["text"] == "Offer a callback"
    assert len([d for d in index["docs"] if d["lang"] == "en"]) == 2


def test_a_title_holding_the_id_is_kept():
    assert titled("CC-001: Answering", "CC-001") == "CC-001: Answering"


def test_repository_facts_is_true_or_false():
    raw = {"departments": {"phones": {"name": "Phones", "prefix": "PH", "lead": "A"}}, "repository_facts": "yes"}
    with pytest.raises(ConfigError, match=r"mkdocs.yml: extra.handbook.repository_facts: true or false, got 'yes'"):
        policy_from_mapping(raw, Path("."), Path("docs"))
    raw["repository_facts"] = True
    assert policy_from_mapping(raw, Path("."), Path("docs")).repository_facts is True
