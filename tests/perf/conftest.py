"""Fixtures for the performance features: a generated handbook, and one site built from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # perf_support, whatever pytest's import mode

from perf_support import BUNDLE_PAGES, NAV_MAX, SMALL  # noqa: E402

from benchmarks.corpus import TODAY, generate  # noqa: E402
from tests.sitebuild import mkdocs_build  # noqa: E402


@pytest.fixture(scope="session")
def big_site(tmp_path_factory):
    """A generated handbook with a low nav threshold and Pagefind, built with --strict."""
    project = tmp_path_factory.mktemp("perf") / "handbook"
    generate(project, SMALL, departments=5)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    search: auto\n" in text and "    nav_max_sops: 50\n" in text, "mkdocs.yml changed: update this fixture"
    text = text.replace("    search: auto\n", "    search: pagefind\n").replace("    nav_max_sops: 50\n", f"    nav_max_sops: {NAV_MAX}\n")
    config.write_text(text, encoding="utf-8")
    build = mkdocs_build(project, project.parent / "site", today=TODAY)
    assert build.returncode == 0, build.log
    return project, build


@pytest.fixture(scope="session")
def bundled_site(big_site):
    """The same handbook, its search indexed in Pagefind bundles of at most BUNDLE_PAGES pages."""
    project, _ = big_site
    build = mkdocs_build(project, project.parent / "bundled-site", today=TODAY, env={"HANDBOOK_PAGEFIND_BUNDLE_PAGES": str(BUNDLE_PAGES)})
    assert build.returncode == 0, build.log
    return project, build
