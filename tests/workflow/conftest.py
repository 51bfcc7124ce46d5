"""Fixtures for the workflow tests (new, review, report, calendar, codeowners); helpers in workflow_support.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Make workflow_support (and through it tests/check/check_support) importable in any import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from workflow_support import WorkflowHandbook, make_handbook  # noqa: E402


@pytest.fixture
def hb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> WorkflowHandbook:
    """A minimal valid handbook in tmp_path (two departments, a people registry), no SOPs yet."""
    return make_handbook(tmp_path / "handbook", monkeypatch, capsys)
