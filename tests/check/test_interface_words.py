"""Interface words as data: handbook/site/words/<lang>.yml, complete in every language, checked.

`test_every_language_file_has_every_english_key` is the conversion's proof: run it after
moving words from another branch's labels.py (`python -m handbook.site.interface_words import`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from check_support import findings_in, messages_in

from handbook.languages import language_findings
from handbook.policy import policy_from_mapping
from handbook.site import interface_words as words
from handbook.site.labels import LABELS, label, labels_in

EXAMPLE_LANGUAGES = ("en", "pl", "hu", "lv", "ar")


def test_every_language_file_has_every_english_key():
    loaded = words.load_words()
    assert set(EXAMPLE_LANGUAGES) <= set(loaded)
    for lang in loaded:
        found = words.gap(lang, loaded)
        assert found.missing == (), f"{found.path}: add {', '.join(found.missing)}"
        assert found.placeholders == (), f"{found.path}: placeholders differ in {', '.join(found.placeholders)}"
        assert found.unknown == (), f"{found.path}: {', '.join(found.unknown)} not in en.yml"


def test_labels_keep_their_api_and_read_the_files():
    assert LABELS == words.load_words()
    assert label("pl", "owner") == words.read_words(words.WORDS_DIR / "pl.yml")["owner"] == "Właściciel"
    assert label("ar", "banner.superseded", link="X") == "حلّ محله X."
    assert label("de", "owner") == "Owner"  # no German file: English
    assert label("en", "no.such.key") == "no.such.key"
    assert labels_in("de")["department"] == "Department"


def test_a_count_takes_the_plural_form_of_its_language():
    assert [label("en", "home.sop_count", count=n) for n in (0, 1, 2)] == ["0 SOPs", "1 SOP", "2 SOPs"]
    due = {"owner": "Ann", "date": "2027-01-05"}
    assert label("en", "banner_text.due-soon", days=1, **due) == "Ann reviews this SOP by 2027-01-05 (in 1 day)."
    assert label("en", "banner_text.overdue", days=3, **due).startswith("This SOP was due for review on 2027-01-05 (3 days ago).")
    assert label("pl", "home.sop_count", count=1) == "Procedury: 1"  # a form that needs none: the one text for every number
    assert label("de", "home.sop_count", count=1) == "1 SOP"  # no German words: English, by English rules


def test_a_language_may_give_forms_english_does_not_have(tmp_path):
    """Polish counts 1, 2-4 and 5+ differently (CLDR one, few, many): its forms are no unknown keys, and the rule picks them."""
    folder = _copy_words(tmp_path)
    path = folder / "pl.yml"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("home.sop_count:")]
    forms = ["home.sop_count.one: '{count} procedura'", "home.sop_count.few: '{count} procedury'", "home.sop_count.many: '{count} procedur'"]
    path.write_text("\n".join(kept + forms) + "\n", encoding="utf-8")
    loaded = words.load_words(folder)
    assert words.gap("pl", loaded, folder) == words.Gap("pl", path)  # nothing missing, unknown or mismatched
    assert language_findings(_policy(tmp_path, ["en", "pl"], names={"pl": "Rozliczenia"}), tmp_path, folder) == []
    LABELS.update(loaded)
    try:
        assert [label("pl", "home.sop_count", count=n) for n in (1, 3, 5, 22, 25)] == ["1 procedura", "3 procedury", "5 procedur", "22 procedury", "25 procedur"]
    finally:
        LABELS.update(words.load_words())
    path.write_text(path.read_text(encoding="utf-8").replace("{count} procedur'", "{liczba} procedur'"), encoding="utf-8")
    assert words.gap("pl", words.load_words(folder), folder).placeholders == ("home.sop_count.many",)


def _policy(tmp_path: Path, languages: list[str], names: dict | None = None, sections: dict | None = None):
    raw = {
        "languages": languages,
        "departments": {"billing": {"name": "Billing", "prefix": "BR", "lead": "Omar Example", **({"names": names} if names else {})}},
        "sections": sections or {"purpose": {"en": "Purpose", "pl": "Cel"}},
    }
    (tmp_path / "docs").mkdir(exist_ok=True)
    return policy_from_mapping(raw, tmp_path, tmp_path / "docs", "mkdocs.yml", tmp_path / "mkdocs.yml")


def _copy_words(tmp_path: Path) -> Path:
    folder = tmp_path / "words"
    shutil.copytree(words.WORDS_DIR, folder)
    return folder


def test_complete_languages_give_no_finding(tmp_path):
    assert language_findings(_policy(tmp_path, ["en", "pl"], names={"pl": "Rozliczenia"}), tmp_path) == []


def test_a_language_without_a_words_file_is_an_error_naming_the_file_to_add(tmp_path):
    folder = _copy_words(tmp_path)
    policy = _policy(tmp_path, ["en", "de"], names={"de": "Abrechnung"}, sections={"purpose": {"en": "Purpose", "de": "Zweck"}})
    [finding] = language_findings(policy, tmp_path, folder)
    assert (finding.code, finding.path, finding.is_error) == ("LANG001", "words/de.yml", True)
    assert "copy words/en.yml to words/de.yml and translate it" in finding.message


def test_missing_keys_are_named_with_their_file(tmp_path):
    folder = _copy_words(tmp_path)
    text = (folder / "pl.yml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.startswith(("owner:", "banner.draft:"))]
    (folder / "pl.yml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    [finding] = language_findings(_policy(tmp_path, ["en", "pl"], names={"pl": "Rozliczenia"}), tmp_path, folder)
    assert (finding.code, finding.path, finding.is_error) == ("LANG002", "words/pl.yml", False)
    assert finding.message == "2 interface word(s) missing in pl, shown in English: owner, banner.draft"


def test_a_translated_placeholder_is_an_error(tmp_path):
    folder = _copy_words(tmp_path)
    path = folder / "pl.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("{owner} przejrzy", "{właściciel} przejrzy"), encoding="utf-8")
    [finding] = language_findings(_policy(tmp_path, ["en", "pl"], names={"pl": "Rozliczenia"}), tmp_path, folder)
    assert (finding.code, finding.is_error) == ("LANG005", True)
    assert "banner.due-soon" in finding.message


def test_a_broken_words_file_is_reported_not_raised(tmp_path):
    folder = _copy_words(tmp_path)
    (folder / "pl.yml").write_text("owner: [unclosed\n", encoding="utf-8")
    [finding] = language_findings(_policy(tmp_path, ["en", "pl"], names={"pl": "R"}), tmp_path, folder)
    assert finding.code == "LANG005" and "not valid YAML" in finding.message


def test_missing_headings_and_department_names_are_warnings_naming_the_setting(tmp_path):
    policy = _policy(tmp_path, ["en", "pl"], sections={"purpose": {"en": "Purpose"}, "scope": {"en": "Scope", "pl": "Zakres"}})
    found = {f.code: f for f in language_findings(policy, tmp_path)}
    assert set(found) == {"LANG003", "LANG004"}
    assert found["LANG003"].path == "mkdocs.yml" and "no pl heading for purpose:" in found["LANG003"].message
    assert "no pl name for department billing" in found["LANG004"].message


def test_check_reports_a_language_without_words(handbook_dir):
    config = handbook_dir.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, de]"), encoding="utf-8")
    handbook_dir.write_sop("docs/cs/cs-001.md")
    result = handbook_dir.run_check()
    assert result.code == 1, result.out + result.err
    [lang001] = [f for f in findings_in(result.out) if f.endswith("LANG001")]
    assert lang001 == "words/de.yml:0: LANG001"  # the handbook's own words folder (extra.handbook.words)
    assert "LANG003" in "".join(findings_in(result.out)) and "LANG004" in "".join(findings_in(result.out))
    assert "de interface words" in messages_in(result.out)[lang001][0]


def test_import_moves_words_from_an_old_labels_module(tmp_path):
    folder = _copy_words(tmp_path)
    old = tmp_path / "labels.py"
    old.write_text(
        'LABELS: dict[str, dict[str, str]] = {\n    "en": {\n        "owner": "Owner",\n        # --- quiz ---\n'
        '        "quiz.title": "Check yourself: {n} questions",\n    },\n    "pl": {\n        "quiz.title": "Sprawdź się: {n} pytań",\n    },\n}\n',
        encoding="utf-8",
    )
    added = words.append_words(words.labels_from_python(old), folder, note="quiz")
    assert added == {"en": ["quiz.title"], "pl": ["quiz.title"]}
    assert (folder / "en.yml").read_text(encoding="utf-8").startswith("# Interface words")  # comments kept
    assert words.read_words(folder / "pl.yml")["quiz.title"] == "Sprawdź się: {n} pytań"
    assert words.read_words(folder / "pl.yml")["owner"] == "Właściciel"
    assert words.append_words(words.labels_from_python(old), folder) == {}  # a second run adds nothing


@pytest.mark.parametrize("text", ["a: b", "#hash", "{braces}", "'quoted'", "yes", "- dash", "line\nbreak", "ar: حلّ"])
def test_a_scalar_line_reads_back_as_written(text):
    import yaml

    assert yaml.safe_load(words.scalar_line("key", text)) == {"key": text}


def test_the_handbooks_own_words_add_a_language_and_override_the_package(handbook_dir):
    config = handbook_dir.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, de]"), encoding="utf-8")
    handbook_dir.write("words/de.yml", "owner: Verantwortlich\n")
    handbook_dir.write("words/en.yml", "home_title: Acme Handbook\n")
    loaded = words.load_words(own=handbook_dir.root / "words")
    assert loaded["de"] == {"owner": "Verantwortlich"}
    assert loaded["en"]["home_title"] == "Acme Handbook" and loaded["en"]["owner"] == "Owner"
    result = handbook_dir.run_check()
    [lang002] = [f for f in findings_in(result.out) if f.endswith("LANG002")]
    assert lang002 == "words/de.yml:0: LANG002"
    texts = {words.base_key(key) for key in loaded["en"]}  # a text's plural forms are part of it
    assert f"{len(texts) - 1} interface word(s) missing in de" in messages_in(result.out)[lang002][0]
