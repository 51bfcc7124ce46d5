"""Theme templates compiled once for all five languages (hooks/console_watch.py): the site is byte for byte the same."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys

from tests.preview.preview_support import MKDOCS_ENV, small_handbook


def _build(project, site) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    result = subprocess.run(command, cwd=project, env=MKDOCS_ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def _files(site) -> list[str]:
    return sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site) for f in fs)


def test_the_site_is_identical_with_and_without_the_shared_compiled_templates(tmp_path):
    project = small_handbook(tmp_path / "with", n=6)
    without = tmp_path / "without"
    shutil.copytree(project, without)
    config = without / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/console_watch.py" in text
    config.write_text("\n".join(line for line in text.splitlines() if "hooks/console_watch.py" not in line) + "\n", encoding="utf-8")
    _build(project, tmp_path / "site-with")
    _build(without, tmp_path / "site-without")
    files = _files(tmp_path / "site-with")
    assert files == _files(tmp_path / "site-without") and len(files) > 100
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "site-with", tmp_path / "site-without", files, shallow=False)
    assert mismatch == [] and errors == []
