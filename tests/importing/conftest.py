"""Fixtures for the import tests: a fresh handbook (the example's configuration, no SOPs) and the source documents."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))

from check_support import Result, run_handbook  # noqa: E402
from tests.importing.sources import markdown_handbook, word_sop  # noqa: E402
from tests.sitebuild import TODAY, copy_handbook  # noqa: E402

DEPARTMENTS = ("billing", "complaints", "contact-centre", "front-desk", "quality")


def fresh_handbook(root: Path) -> Path:
    """The example handbook's configuration, hooks and macros with no SOP in any department."""
    root.mkdir(parents=True)
    copy_handbook(root)
    for dept in DEPARTMENTS:
        shutil.rmtree(root / "docs" / dept)
    config = root / "mkdocs.yml"  # the sources' authors own the imported SOPs: CODEOWNERS (and PPL001) must know them
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\n    people:\n", '\n    people:\n      Omar Example: "@omar-example"\n      Ana Example: "@ana-example"\n      Priya Example: "@priya-example"\n', 1), encoding="utf-8")
    return root


def handbook_cmd(root: Path, *argv: str) -> Result:
    return run_handbook(*argv, today=TODAY, cwd=root)


@pytest.fixture
def handbook_root(tmp_path: Path) -> Path:
    return fresh_handbook(tmp_path / "handbook")


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sources")
    word_sop(folder / "refund-duplicate-card-payment.docx")
    markdown_handbook(folder / "old-handbook")
    return folder
