"""`handbook serve`'s fast path: a page rebuilt after an edit is the page a whole build writes.

Each edit is applied, the preview rebuilds only what it touched, then the language is built
whole again: the touched pages must be identical, byte for byte. And an edit the fast path
cannot serve exactly (front matter) must rebuild the language whole.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.preview.preview_support import MKDOCS_ENV, ROOT, small_handbook

DRIVER = Path(__file__).with_name("incremental_driver.py")


def _rebuilds(project: Path, lang: str, edits: list[tuple[str, str, str]], tmp_path: Path) -> list[dict]:
    edits_file = tmp_path / "edits.json"
    edits_file.write_text(json.dumps(edits), encoding="utf-8")
    command = [sys.executable, str(DRIVER), str(project / "mkdocs.yml"), lang, str(tmp_path / "site"), str(edits_file)]
    result = subprocess.run(command, cwd=project, env={**MKDOCS_ENV, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def _sources(project: Path) -> list[str]:
    docs = project / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.glob("*/*.md") if p.name.count(".") == 1 and p.name != "index.md")


def _unused_term(project: Path, text: str) -> str:
    terms = yaml.safe_load((project / "glossary.yml").read_text(encoding="utf-8"))
    return next(t for t in terms if f'"{t}"' not in text)


def _first_paragraph_edit(text: str, addition: str) -> tuple[str, str]:
    """(old, new): `addition` as a new paragraph under the first level-2 heading."""
    start = text.index("\n## ")
    old = text[start : text.index("\n\n", start + 1) + 2]
    return old, old + addition + "\n\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return small_handbook(tmp_path_factory.mktemp("hb") / "hb", n=6)


def test_an_edit_of_an_sops_text_rebuilds_that_page_only_and_it_equals_the_whole_build(project, tmp_path):
    sop = _sources(project)[0]
    text = (project / "docs" / sop).read_text(encoding="utf-8")
    old, new = _first_paragraph_edit(text, "A sentence added while previewing.")
    [result] = _rebuilds(project, "en", [(sop, old, new)], tmp_path)
    assert result["whole"] is False and result["touched"] == [sop]
    assert "A sentence added while previewing." in result["pages"][sop]
    assert result["pages"] == result["full"]


def test_a_new_glossary_term_in_the_text_also_rebuilds_the_glossary_page_as_the_whole_build_does(project, tmp_path):
    sop = _sources(project)[1]
    text = (project / "docs" / sop).read_text(encoding="utf-8")
    term = _unused_term(project, text)
    old, new = _first_paragraph_edit(text, f'Mind the {{{{ term("{term}") }}}} here.')
    [result] = _rebuilds(project, "en", [(sop, old, new)], tmp_path)
    assert result["whole"] is False and sorted(result["touched"]) == sorted([sop, "glossary.md"])
    assert result["pages"] == result["full"]


def test_a_front_matter_edit_rebuilds_the_language_whole(project, tmp_path):
    sop = _sources(project)[2]
    text = (project / "docs" / sop).read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    [result] = _rebuilds(project, "en", [(sop, title_line, title_line.rstrip('"') + ' (revised)"' if title_line.endswith('"') else title_line + " (revised)")], tmp_path)
    assert result["whole"] is True


def test_a_preview_of_another_language_rebuilds_its_pages_as_that_languages_whole_build(project, tmp_path):
    sources = _sources(project)
    untranslated = next(s for s in sources if not (project / "docs" / s.replace(".md", ".pl.md")).exists())
    translated = next(s.replace(".md", ".pl.md") for s in sources if (project / "docs" / s.replace(".md", ".pl.md")).exists())
    edits = []
    for sop, words in ((untranslated, "English words shown under /pl/."), (translated, "Zdanie dodane podczas podglądu.")):
        old, new = _first_paragraph_edit((project / "docs" / sop).read_text(encoding="utf-8"), words)
        edits.append((sop, old, new))
    first, second = _rebuilds(project, "pl", edits, tmp_path)
    assert first["touched"] == [untranslated] and second["touched"] == [translated]
    for result, words in zip((first, second), ("English words shown under /pl/.", "Zdanie dodane podczas podglądu.")):
        assert result["whole"] is False
        [page] = result["pages"].values()
        assert words in page and 'lang="pl"' in page
        assert result["pages"] == result["full"]
