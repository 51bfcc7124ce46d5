"""Contained (issue 16): links under docs/ that leave the repository are F004, never read, never published."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.fixture_handbook import make_handbook
from tests.sitebuild import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT / "tests" / "check"))
from check_support import run_handbook  # noqa: E402

SECRET = "secret-outside-the-repository"


def _leaky_handbook(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    (outside / "home").mkdir(parents=True)
    (outside / "home" / "notes.txt").write_text(SECRET, encoding="utf-8")
    project = make_handbook(tmp_path / "project").root  # the fixture handbook (tests/fixture_handbook.py)
    sop = (project / "docs" / "billing" / "bi-001.md").read_text(encoding="utf-8")
    (outside / "bi-009.md").write_text(sop.replace("BI-001", "BI-009") + f"\n{SECRET}\n", encoding="utf-8")  # a valid SOP
    (project / "docs" / "assets").mkdir(exist_ok=True)  # the tool's own assets come from the package
    os.symlink(outside / "home", project / "docs" / "assets" / "home")
    os.symlink(outside / "bi-009.md", project / "docs" / "billing" / "bi-009.md")
    return project


def test_links_leaving_the_repository_are_reported_and_never_published(tmp_path: Path):
    project = _leaky_handbook(tmp_path)
    expected = [
        "docs/assets/home:0: F004 is a link to a file or folder outside the repository: it is not read and not published",
        "docs/billing/bi-009.md:0: F004 is a link to a file or folder outside the repository: it is not read and not published",
    ]
    checked = run_handbook("check", cwd=project)
    assert checked.code == 1
    assert [line for line in checked.out.splitlines() if " F004 " in line] == expected
    assert "F004" not in checked.out.replace(expected[0], "").replace(expected[1], "")  # nothing else about them

    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    for line in expected:
        assert line in build.log
    published = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert published, build.log  # the rest of the site is built
    assert not any(SECRET in p.read_text(encoding="utf-8", errors="replace") for p in published if p.suffix in (".html", ".txt", ".json", ".xml"))
    assert not (tmp_path / "site" / "assets" / "home").exists()
    assert not (tmp_path / "site" / "billing" / "bi-009").exists()


def _limited() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a build needs a few hundred MB; 10**9 values need far more


def test_a_front_matter_alias_never_expands_in_the_build(tmp_path: Path):
    """PyYAML builds an alias as a shared object, so MkDocs' own reading is small; this guards the build from
    anything that would write the value out (a 10**9-item list) and checks the FM011 it reports."""
    import subprocess

    project = make_handbook(tmp_path / "project").root
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi")
    )
    sop = project / "docs" / "billing" / "bi-001.md"
    sop.write_text(sop.read_text(encoding="utf-8").replace("---\n", "---\n" + laughs, 1), encoding="utf-8")
    env = {**os.environ, "HANDBOOK_TODAY": "2026-11-23", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project, env=env, capture_output=True, text=True, timeout=300, preexec_fn=_limited,
    )
    assert done.returncode == 1
    assert "MemoryError" not in done.stderr and "Traceback" not in done.stderr
    assert "docs/billing/bi-001.md:2: FM011 the value anchored at line 2 (`&name`) is repeated by a YAML alias" in done.stderr
