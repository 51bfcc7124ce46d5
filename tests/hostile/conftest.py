"""Fixtures for the hostile-input tests (issue 16): the check tests' small handbook, every run of the tool bounded."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_support import BoundedHandbook  # noqa: E402
from workflow_support import make_handbook  # noqa: E402


def _bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> BoundedHandbook:
    made = make_handbook(tmp_path / "handbook", monkeypatch, capsys)
    return BoundedHandbook(made.root, monkeypatch, capsys)


@pytest.fixture
def handbook_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> BoundedHandbook:
    return _bounded(tmp_path, monkeypatch, capsys)


@pytest.fixture
def hb(handbook_dir: BoundedHandbook) -> BoundedHandbook:
    return handbook_dir
