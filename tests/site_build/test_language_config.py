"""One source of truth for languages: the i18n plugin's list; a second list that differs is a configuration error.

A language the site is built in gets its interface words, section headings and
department names, or the check and the build say which are missing and where to add them.
"""

from __future__ import annotations

import pytest

from handbook.language_list import i18n_languages, plugin_options
from handbook.policy import load_policy
from tests.fixture_handbook import make_handbook, run_handbook
from tests.sitebuild import mkdocs_build

BOTH_PLACES = ("extra.handbook.languages", "plugins.i18n.languages")


@pytest.fixture
def hb(tmp_path):
    return make_handbook(tmp_path / "hb")


def _add_handbook_list(hb, languages: str) -> None:
    hb.edit("mkdocs.yml", "    glossary: glossary.yml\n", f"    languages: [{languages}]\n    glossary: glossary.yml\n")


def _build_de(hb) -> None:
    """German built by the i18n plugin, with no words, headings or department names."""
    hb.edit("mkdocs.yml", "        - locale: pl\n", "        - locale: de\n          name: Deutsch\n          build: true\n        - locale: pl\n")


def test_without_a_handbook_list_the_languages_are_the_plugins(hb):
    assert load_policy(hb.path("mkdocs.yml")).languages == ("en", "pl", "ar")


def test_a_matching_second_list_is_accepted(hb):
    _add_handbook_list(hb, "en, ar, pl")  # same languages, source first: order of the others is free
    assert load_policy(hb.path("mkdocs.yml")).languages == ("en", "ar", "pl")


@pytest.mark.parametrize(
    ("listed", "difference"),
    [
        ("en", "only plugins.i18n.languages has pl, ar"),
        ("en, pl, ar, de", "only extra.handbook.languages has de"),
        ("pl, en, ar", "the source language is pl in extra.handbook.languages but en (default: true) in the plugin"),
    ],
)
def test_a_mismatch_is_a_configuration_error_naming_both_places(hb, listed, difference):
    _add_handbook_list(hb, listed)
    result = run_handbook(hb.root, "check")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert difference in result.stderr
    for place in BOTH_PLACES:
        assert place in result.stderr
    assert "Remove extra.handbook.languages" in result.stderr


def test_the_build_stops_on_the_same_mismatch(hb, tmp_path):
    _add_handbook_list(hb, "en")
    build = mkdocs_build(hb.root, tmp_path / "site")
    assert build.returncode != 0
    assert "Traceback" not in build.log
    assert "only plugins.i18n.languages has pl, ar" in build.log
    assert not (tmp_path / "site" / "pl").exists()


def test_a_language_the_plugin_does_not_build_still_owns_its_translation_files(hb, tmp_path):
    """`build: false` (a translation under way): su-001.ar.md stays a translation, never a second SU-001."""
    hb.edit("mkdocs.yml", "        - locale: ar\n          name: العربية\n          build: true", "        - locale: ar\n          name: العربية\n          build: false")
    assert load_policy(hb.path("mkdocs.yml")).languages == ("en", "pl", "ar")
    build = mkdocs_build(hb.root, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert not (tmp_path / "site" / "ar").exists()
    assert "SU-001" in build.soup("support/su-001/").get_text()


def test_a_new_language_without_words_headings_or_names_is_reported_with_the_fix(hb, tmp_path):
    _build_de(hb)
    result = run_handbook(hb.root, "check")
    assert result.returncode == 1, result.stdout
    out = result.stdout
    assert "words/de.yml:0: LANG001 the site is built in de, but there are no de interface words" in out
    assert "mkdocs.yml:0: LANG003 warning extra.handbook.sections has no de heading for purpose, scope" in out
    assert "mkdocs.yml:0: LANG004 warning no de name for department support, billing" in out
    build = mkdocs_build(hb.root, tmp_path / "site")
    assert build.returncode != 0
    assert "LANG001" in build.log and "Traceback" not in build.log


def test_a_words_file_in_the_handbook_makes_the_language_complete(hb, tmp_path):
    from handbook.site.interface_words import WORDS_DIR

    _build_de(hb)
    hb.write("words/de.yml", (WORDS_DIR / "en.yml").read_text(encoding="utf-8").replace("owner: Owner", "owner: Verantwortlich"))
    for key in ("purpose", "scope", "responsibilities", "definitions", "procedure", "performance", "documentation", "training", "review"):
        hb.edit("mkdocs.yml", f"      {key}: {{en: ", f"      {key}: {{de: {key.title()}-de, en: ")
    hb.edit("mkdocs.yml", "        names: {pl: Dział wsparcia", "        names: {de: Kundendienst, pl: Dział wsparcia")
    hb.edit("mkdocs.yml", "        names: {pl: Dział rozliczeń", "        names: {de: Abrechnung, pl: Dział rozliczeń")
    result = run_handbook(hb.root, "check")
    assert result.returncode == 0, result.stdout
    assert "LANG" not in result.stdout
    build = mkdocs_build(hb.root, tmp_path / "site")
    assert build.returncode == 0, build.log
    card = build.soup("de/support/su-001/")
    assert "Verantwortlich" in card.get_text()  # the handbook's own word, not the English fallback
    assert "Kundendienst" in card.get_text()


def test_new_translation_into_a_language_without_headings_refuses_with_the_fix(hb):
    _build_de(hb)
    result = run_handbook(hb.root, "new", "--translation-of", "SU-001", "--language", "de")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "--language de: no de heading for the section(s) purpose, scope" in result.stderr
    assert "e.g. purpose: {en: Purpose, de: ...}" in result.stderr
    assert not hb.path("docs/support/su-001.de.md").exists()


def test_new_translation_gets_the_languages_headings(hb):
    hb.path("docs/support/su-001.pl.md").unlink()
    result = run_handbook(hb.root, "new", "--translation-of", "SU-001", "--language", "pl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "## Cel\n" in hb.read("docs/support/su-001.pl.md") and "## Purpose" not in hb.read("docs/support/su-001.pl.md")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"languages": [{"locale": "pl"}, {"locale": "en", "default": True}]}, ("en", "pl")),
        ({"languages": [{"locale": "en", "default": True}, {"locale": "null", "name": "Help"}, {"locale": "ar", "build": False}]}, ("en", "ar")),
        ({"build_only_locale": "pl", "languages": [{"locale": "en", "default": True}, {"locale": "pl"}]}, None),
        ({}, None),
        (None, None),
    ],
)
def test_the_plugins_languages(options, expected):
    assert i18n_languages(options) == expected


def test_plugin_options_in_a_list_or_a_mapping():
    assert plugin_options(["search", {"i18n": {"languages": []}}], "i18n") == {"languages": []}
    assert plugin_options({"search": None, "i18n": None}, "i18n") == {}
    assert plugin_options(["search"], "i18n") is None

