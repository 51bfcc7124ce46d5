"""A handbook in Polish and Arabic (right to left) built with --strict alongside English: the fixture handbook."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from handbook.site.labels import LABELS
from handbook.site.search import fold
import pytest

LANGUAGES = ("pl", "ar")
GENERATED = ("", "glossary/", "reviews/", "translations/", "support/")


@pytest.fixture(scope="module", autouse=True)
def _docs(fixture_handbook):
    """The fixture's files, read independently of the code under test."""
    global DOCS, ROOT
    ROOT, DOCS = fixture_handbook.root, fixture_handbook.docs


def _front(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8").split("---", 2)[1], Loader=yaml.BaseLoader)


def _translations(lang: str) -> list[Path]:
    return sorted(DOCS.glob(f"*/*.{lang}.md"))


def _url(path: Path, lang: str) -> str:
    return f"{lang}/{path.parent.name}/{path.name[: -len(f'.{lang}.md')]}/"


def test_the_fixture_has_a_translation_in_each_language():
    assert [p.name for p in _translations("pl")] == ["bi-001.pl.md", "su-001.pl.md"]
    assert [p.name for p in _translations("ar")] == ["su-001.ar.md"]


def test_arabic_pages_are_right_to_left_with_arabic_labels(fixture_site):
    for path in _translations("ar"):
        page = fixture_site.soup(_url(path, "ar"))
        assert page.find("html")["lang"] == "ar"
        assert page.find("body")["dir"] == "rtl"
        labels = [dt.get_text(strip=True) for dt in page.select(".hb-card dt")]
        assert labels[:3] == [LABELS["ar"]["id"], LABELS["ar"]["version"], LABELS["ar"]["owner"]]
        front = _front(path)
        assert page.find("h1").get_text(" ", strip=True) == f"{front['id']} {front['title']}"


def test_translated_pages_keep_their_localised_sections(fixture_site):
    headings = {"pl": "Procedura", "ar": "الإجراء"}
    for lang, heading in headings.items():
        for path in _translations(lang):
            page = fixture_site.soup(_url(path, lang))
            texts = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
            assert heading in texts, (path, texts)


def test_stale_translation_has_a_banner_in_its_language_linking_to_the_source(fixture_site):
    stale = []
    for lang in LANGUAGES:
        for path in _translations(lang):
            translated = _front(path)["translation_of_version"]
            source = _front(path.with_name(path.name.replace(f".{lang}.md", ".md")))["version"]
            if tuple(map(int, translated.split("."))) < tuple(map(int, source.split("."))):
                stale.append((lang, path))
    assert [p.name for _, p in stale] == ["bi-001.pl.md"], "the fixture keeps one translation stale on purpose"
    for lang, path in stale:
        page = fixture_site.soup(_url(path, lang))
        banner = page.select_one(".hb-banner--stale")
        assert banner is not None, path
        assert LABELS[lang]["banner.stale_link"] in banner.get_text()
        link = banner.find("a")["href"]
        assert (fixture_site.site / _url(path, lang) / link / "index.html").resolve().is_file()
    assert "TR004" in fixture_site.log


def test_generated_pages_exist_in_every_language_without_overwriting(fixture_site):
    for page_path in GENERATED:
        english = fixture_site.soup(page_path)
        assert english.find("html")["lang"] == "en"
        for lang in LANGUAGES:
            page = fixture_site.soup(f"{lang}/{page_path}")
            assert page.find("html")["lang"] == lang, (lang, page_path)
    for lang in LANGUAGES:
        title = fixture_site.soup(f"{lang}/glossary/").find("h1").get_text(strip=True).rstrip("¶")
        assert title == LABELS[lang]["glossary_title"]


def test_untranslated_sop_falls_back_to_english_with_a_notice_and_a_search_entry_in_the_readers_site(fixture_site):
    page = fixture_site.soup("pl/support/su-002/")
    assert page.select_one(".hb-banner--fallback") is not None
    index = json.loads((fixture_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    # Each reader searches their own language's entries (handbook-search.js): the English SOP is found in the Polish site.
    polish = [doc for doc in index["docs"] if doc["location"].startswith("pl/support/su-002/")]
    assert polish and {doc["lang"] for doc in polish} == {"pl"} and len(polish) > 1, polish[:2]
    assert "support/su-002/" in locations
    for path in _translations("pl"):
        assert _url(path, "pl") in locations


def test_department_index_shows_languages_and_stale_ones(fixture_site):
    page = fixture_site.soup("billing/")
    row = next(r for r in page.select("article table tbody tr") if r.find("td").get_text(strip=True) == "BI-001")
    languages = row.find_all("td")[-1]
    assert "pl" in languages.get_text() and languages.select_one(".hb-lang--stale") is not None


def test_translation_status_page_shows_the_matrix(fixture_site):
    page = fixture_site.soup("translations/")
    rows = page.select("article table")[-1].select("tbody tr")  # the first table sums up each language
    sources = [p for p in DOCS.glob("*/*.md") if p.name.count(".") == 1]
    assert len(rows) == len(sources)
    assert page.select(".hb-tr--stale") and page.select(".hb-tr--missing") and page.select(".hb-tr--current")


def test_glossary_in_arabic_shows_the_english_fallback(fixture_site):
    glossary = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    untranslated = [key for key, entry in glossary.items() if "ar" not in (entry.get("translations") or {})]
    assert untranslated == ["Refund"], "one term stays untranslated in Arabic on purpose"
    page = fixture_site.soup("ar/glossary/")
    section = page.find(id=f"term-{untranslated[0].lower().replace(' ', '-')}")
    assert LABELS["ar"]["fallback"] in section.find_next("p").get_text()


def test_tooltips_in_the_readers_language(fixture_site):
    glossary = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    page = fixture_site.soup("pl/support/su-001/")
    titles = [a["title"] for a in page.select("article a[href*='glossary/#term-'][title]")]
    polish = {entry["translations"]["pl"]["name"] for entry in glossary.values() if "pl" in (entry.get("translations") or {})}
    assert any(title.split(":")[0] in polish for title in titles), titles[:3]


def test_language_switcher_keeps_the_reader_on_the_same_sop(fixture_site):
    page = fixture_site.soup("pl/support/su-001/")
    links = {a.get("hreflang"): a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert links["en"].rstrip("/").endswith("support/su-001") and "/pl/" not in links["en"]
    assert links["ar"].rstrip("/").endswith("ar/support/su-001")


def test_search_index_has_accent_free_spellings(fixture_site):
    index = json.loads((fixture_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    polish = [d for d in index["docs"] if d["location"].startswith("pl/support/su-001/")]
    text = " ".join(d["text"] for d in polish)
    accented = [w for w in text.split() if fold(w) != w and w.isalpha()]
    assert accented and fold(accented[0]) in text


def test_fold_removes_polish_latvian_and_arabic_marks():
    assert fold("Zwrót pieniędzy łatwo") == "Zwrot pieniedzy latwo"
    assert fold("Darbības joma") == "Darbibas joma"
    assert fold("مُدِير") == "مدير"
