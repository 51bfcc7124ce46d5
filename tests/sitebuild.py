"""Building the example handbook with `mkdocs build` in a subprocess.

A subprocess, because MkDocs caches hook modules per process: an in-process build
would carry state from one build to the next.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"  # the example handbook's dates are realistic for this day


@dataclass
class Build:
    returncode: int
    log: str
    site: Path

    def html(self, page: str) -> str:
        """The HTML of a page by its URL path, e.g. `contact-centre/cc-001/`."""
        return (self.site / page / "index.html").read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(page), "html.parser")


def docs_today() -> str:
    """The day the handbook in docs/ is checked and built as of: TODAY (the example's dates are realistic then), or
    the newest review its SOPs record when an adopter's content was reviewed later (else FM009, "reviewed in the future")."""
    days = [TODAY]
    for path in ROOT.glob("docs/**/*.md"):
        text = path.read_text(encoding="utf-8", errors="replace")
        front = text.split("\n---", 1)[0] if text.startswith("---") else ""
        days += re.findall(r"^\s*-?\s*(?:last_reviewed|date):\s*[\"']?(\d{4}-\d\d-\d\d)", front, re.M)
    return max(days)


def copy_handbook(dest: Path) -> Path:
    """A throw-away copy of the example handbook to break on purpose."""
    for name in ("mkdocs.yml", "glossary.yml"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "hooks", "macros"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def mkdocs_build(project: Path, site: Path, today: str = TODAY, strict: bool = True, env: dict[str, str] | None = None) -> Build:
    env = {**os.environ, "HANDBOOK_TODAY": today, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site), "-f", str(project / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return Build(result.returncode, result.stdout + result.stderr, site)
