"""Fixtures shared by the site and browser tests: the example handbook, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixture_handbook import FixtureHandbook, make_handbook
from tests.sitebuild import ROOT, Build, copy_handbook, docs_today, mkdocs_build


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Build:
    """The handbook in docs/ (the example, or an adopter's) as built on `docs_today()`: must pass --strict."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site"), today=docs_today())
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def overdue_site(tmp_path_factory) -> Build:
    """The example handbook a year later: every SOP overdue, so --strict fails, but the site is written."""
    return mkdocs_build(ROOT, tmp_path_factory.mktemp("site-overdue"), today="2028-01-15", strict=False)


@pytest.fixture
def handbook_copy(tmp_path) -> Path:
    project = tmp_path / "handbook"
    project.mkdir()
    return copy_handbook(project)


# -- the tool's tests: a fixture handbook the test writes (tests/fixture_handbook.py) ---------


@pytest.fixture(scope="session")
def fixture_handbook(tmp_path_factory) -> FixtureHandbook:
    """The fixture handbook, written once per session: read it, never change it (use `fixture_copy`)."""
    return make_handbook(tmp_path_factory.mktemp("fixture") / "handbook")


@pytest.fixture(scope="session")
def fixture_site(fixture_handbook, tmp_path_factory) -> Build:
    """The fixture handbook built with --strict."""
    build = mkdocs_build(fixture_handbook.root, tmp_path_factory.mktemp("fixture-site"))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def fixture_overdue_site(fixture_handbook, tmp_path_factory) -> Build:
    """The fixture handbook a year later: every approved SOP overdue, so --strict fails, but the site is written."""
    return mkdocs_build(fixture_handbook.root, tmp_path_factory.mktemp("fixture-overdue"), today="2028-01-15", strict=False)


@pytest.fixture
def fixture_copy(tmp_path) -> FixtureHandbook:
    """A fresh fixture handbook of this test's own, to break on purpose."""
    return make_handbook(tmp_path / "handbook")
