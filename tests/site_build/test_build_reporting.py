"""How the build tells the author: each finding once, with its hint, failing --strict at any log level."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handbook.findings import RULES
from tests.sitebuild import TODAY, mkdocs_build

pytestmark = pytest.mark.site

# In the fixture handbook (tests/fixture_handbook.py): each test breaks a fresh copy of its own.
SOP = "docs/billing/bi-002.md"
TERM_SOP = "docs/billing/bi-001.md"
OVERDUE_SOP = "docs/support/su-002.md"


@pytest.fixture
def handbook_copy(fixture_copy) -> Path:
    return fixture_copy.root


def _break(project: Path) -> None:
    """Three handbook errors: an unknown department (ID001), an unknown term (GL001), an overdue review (REV001)."""
    path = project / SOP
    path.write_text(path.read_text(encoding="utf-8").replace("department: billing", "department: billingx", 1), encoding="utf-8")
    path = project / TERM_SOP
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## Scope\n", '## Scope\n\nSee {{ term("NOPE") }}.\n', 1), encoding="utf-8")
    path = project / OVERDUE_SOP
    path.write_text(re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2024-01-10", path.read_text(encoding="utf-8")), encoding="utf-8")


def _build(project: Path, site: Path, *flags: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HANDBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site), *flags]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("flags", [("--strict", "-q"), ("--strict",), ("--strict", "-v")])
def test_handbook_errors_fail_a_strict_build_at_any_log_level(handbook_copy, tmp_path, flags):
    _break(handbook_copy)
    result = _build(handbook_copy, tmp_path / "site", *flags)
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert "Aborted with 3 errors in strict mode" in log
    for code in ("ID001", "GL001", "REV001"):
        assert re.search(rf"ERROR\s+-\s+docs/\S+\.md:\d+: {code} ", log), log


def test_each_finding_is_logged_once_with_its_hint(handbook_copy, tmp_path):
    _break(handbook_copy)
    build = mkdocs_build(handbook_copy, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log  # not strict: the site is still written
    for code in ("ID001", "GL001", "REV001"):
        assert len(re.findall(rf": {code} ", build.log)) == 1, build.log
        assert build.log.count(f"hint: {RULES[code].hint}") == 1, build.log
    # An SOP of an unknown department is one error, not one more "not in the nav" warning per language.
    assert "not included in the \"nav\"" not in build.log
    assert "Traceback" not in build.log


def test_serve_logs_each_finding_once_with_its_hint(handbook_copy, tmp_path):
    _break(handbook_copy)
    env = {**os.environ, "HANDBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", "127.0.0.1:0", "--no-livereload"], cwd=handbook_copy, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 240
            while "Serving on" not in log_path.read_text() and time.monotonic() < deadline and serve.poll() is None:
                time.sleep(0.5)
        finally:
            serve.terminate()
            serve.wait(timeout=30)
    text = log_path.read_text()
    assert "Serving on" in text, text
    assert len(re.findall(r": GL001 ", text)) == 1, text
    assert text.count(f"hint: {RULES['GL001'].hint}") == 1, text
