"""Fixtures for the import tests: a fresh handbook (the example's configuration, no SOPs) and the source documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))

from check_support import Result, run_handbook  # noqa: E402
from tests.importing.sources import markdown_handbook, word_sop  # noqa: E402
from tests.fixture_handbook import make_handbook  # noqa: E402
from tests.sitebuild import TODAY  # noqa: E402



# The departments documents are imported into, with their prefixes (the test's own, not the example's).
IMPORT_DEPARTMENTS = {
    key: (prefix, {"en": name, "pl": f"{name} (pl)", "ar": f"{name} (ar)"}, lead)
    for key, prefix, name, lead in (
        ("billing", "BR", "Billing and Refunds", "Ben Lead"),
        ("complaints", "CE", "Complaints", "Ana Lead"),
        ("contact-centre", "CC", "Contact Centre", "Ana Lead"),
        ("front-desk", "FD", "Front Desk", "Ana Lead"),
        ("quality", "QT", "Quality", "Ana Lead"),
    )
}
DEPARTMENTS = tuple(IMPORT_DEPARTMENTS)


# Other names of the sections that `handbook import` maps to them.
SYNONYMS = """\
    synonyms:
      purpose: {en: [Objective, Objectives, Aim, Overview, Introduction]}
      scope: {en: [Applicability, Coverage]}
      responsibilities: {en: [Roles and Responsibilities, Roles, Who does what, Accountabilities]}
      definitions: {en: [Terms, Glossary, Terms and definitions, Abbreviations]}
      procedure: {en: [Procedures, Process, Steps, Instructions, Method, How to]}
      performance: {en: [Metrics, KPIs, Measures, Performance, Service levels]}
      documentation: {en: [Records, Record keeping, References, Related documents]}
      training: {en: [Training requirements, Competence]}
      review: {en: [Review, Approval, Document control, Revision history, Change history]}
"""


def fresh_handbook(root: Path) -> Path:
    """A fixture handbook (tests/fixture_handbook.py) with these departments and synonyms, and no SOP in any department."""
    make_handbook(root, departments=IMPORT_DEPARTMENTS, sops=(), policy=SYNONYMS)
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
