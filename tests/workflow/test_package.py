"""The tool as an adopter gets it: `pip install` (not editable) into a fresh venv, then a handbook in its own folder.

The venv sees this interpreter's site-packages (`--system-site-packages`, `--no-deps`) so the
dependencies are not downloaded again; the package itself is built and installed from a copy
of this repository's source, and the handbook is checked and built with no checkout on the path.
Prints how long each step took (no timed assertion).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from init_support import ACME, ROOT, fill_in, leftovers, northwind_words, run


@pytest.mark.site
def test_installed_package_makes_checks_and_builds_a_handbook_of_its_own(tmp_path: Path):
    steps: list[tuple[str, float]] = []

    def timed(name: str, command: list[str], cwd: Path, python: str) -> None:
        start = time.perf_counter()
        result = run(command, cwd, python=python, checkout=False)
        steps.append((name, time.perf_counter() - start))
        assert result.code == 0, f"{name}: {result.out}\n{result.err}"

    source = tmp_path / "source"  # a copy: building in the checkout would leave build/ and *.egg-info behind
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "handbook", source / "handbook", ignore=shutil.ignore_patterns("__pycache__"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(tmp_path / "venv")], check=True, timeout=300)
    python = str(tmp_path / "venv" / "bin" / "python")
    timed("pip install (the package, --no-deps)", ["pip", "install", "-q", "--no-deps", str(source)], tmp_path, python)
    steps.insert(0, ("venv", time.perf_counter() - start - steps[0][1]))
    shutil.rmtree(source)  # nothing may read the source from here on

    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([python, "-c", "import handbook, handbook.mkdocs; print(handbook.__file__)"], cwd=tmp_path, env=clean, capture_output=True, text=True)
    assert where.stdout.startswith(str(tmp_path / "venv")), where  # the installed copy, not the editable checkout
    timed("handbook init", ["handbook", "init", "acme", *ACME], tmp_path, python)
    acme = tmp_path / "acme"
    requirement = (acme / "requirements.txt").read_text(encoding="utf-8").splitlines()[1]
    assert requirement.startswith("sop-handbook @ git+https://github.com/"), requirement  # CI cannot reach the folder it came from
    timed("handbook new (2 SOPs)", ["handbook", "new", "-d", "CA", "-t", "Answering a call"], acme, python)
    timed("handbook new (2 SOPs)", ["handbook", "new", "-d", "BL", "-t", "Refunding a duplicate payment"], acme, python)
    for sop in ("customer-care/ca-001.md", "billing/bl-001.md"):
        fill_in(acme / "docs" / sop)
    timed("handbook check", ["handbook", "check"], acme, python)
    timed("handbook codeowners --check", ["handbook", "codeowners", "--check"], acme, python)
    timed("mkdocs build --strict", ["mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], acme, python)

    assert (tmp_path / "site" / "billing" / "bl-001" / "index.html").is_file()
    assert (tmp_path / "site" / "assets" / "vendor" / "mermaid.min.js").is_file()  # package data made it into the wheel
    assert leftovers(tmp_path / "site", northwind_words()) == []
    total = sum(seconds for _, seconds in steps)
    print("\n| step | seconds |\n|---|--:|")
    for name, seconds in steps:
        print(f"| {name} | {seconds:.1f} |")
    print(f"| total (an adopter's machine time, not counting typing) | {total:.1f} ({total / 60:.1f} min) |")
