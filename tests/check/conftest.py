"""Fixtures for the `handbook check` tests; the helpers live in check_support.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Make check_support importable whatever pytest's import mode (this folder has no __init__.py).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_support import GLOSSARY_YML, MKDOCS_YML, TempHandbook  # noqa: E402


@pytest.fixture
def handbook_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> TempHandbook:
    """A minimal handbook in tmp_path: mkdocs.yml, glossary.yml, docs/index.md and no SOPs yet."""
    root = tmp_path / "handbook"
    root.mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "glossary.yml").write_text(GLOSSARY_YML, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Test handbook\n\nNot an SOP.\n", encoding="utf-8")
    return TempHandbook(root, monkeypatch, capsys)


@pytest.fixture
def write_sop(handbook_dir: TempHandbook):
    return handbook_dir.write_sop


@pytest.fixture
def run_check(handbook_dir: TempHandbook):
    return handbook_dir.run_check


@pytest.fixture
def check(handbook_dir: TempHandbook):
    return handbook_dir.check
