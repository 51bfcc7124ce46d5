"""The Northwind example as content: big enough to demonstrate the tool, checked clean, translated."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.sitebuild import ROOT, TODAY

DOCS = ROOT / "docs"


def _front(path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8").split("---", 2)[1], Loader=yaml.BaseLoader)


def _sources() -> list:
    return [p for p in sorted(DOCS.glob("*/*.md")) if p.name != "index.md" and p.name.count(".") == 1]


def test_example_handbook_is_big_enough():
    sops = [_front(p) for p in _sources()]
    assert len(sops) >= 16
    assert len({m["department"] for m in sops}) >= 5
    assert {m.get("format", "simple") for m in sops} == {"simple", "hierarchical", "flowchart"}
    glossary = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    assert len(glossary) >= 25


def test_at_least_four_sops_translated_into_each_language():
    for lang in ("pl", "hu", "lv", "ar"):
        assert len(sorted(DOCS.glob(f"*/*.{lang}.md"))) >= 4, lang


def test_the_example_passes_the_check():
    result = subprocess.run([sys.executable, "-m", "handbook", "check", "--today", TODAY], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 error(s)" in result.stdout


def test_the_example_builds_with_strict(example_site):
    assert "Documentation built" in example_site.log
    assert (example_site.site / "contact-centre" / "cc-001" / "index.html").is_file()
    assert (example_site.site / "ar" / "contact-centre" / "cc-001" / "index.html").is_file()


def test_the_tests_list_of_northwind_words_names_the_example():
    """tests/workflow/init_support.py writes the example's names out (adoption tests look for them in a new site): still all of them."""
    from handbook.policy import load_policy
    from tests.workflow.init_support import NORTHWIND_WORDS

    policy = load_policy(ROOT / "mkdocs.yml")
    words = [*policy.people]
    for dept in policy.departments.values():
        words += [dept.name, f"{dept.prefix}-0", *dept.names.values()]
    assert sorted(set(words) - set(NORTHWIND_WORDS)) == []
