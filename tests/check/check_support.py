"""Helpers for the `handbook check` tests: a small, valid handbook in a temp folder.

`handbook_dir` builds the handbook (mkdocs.yml with `extra.handbook`, glossary.yml,
an index page); `write_sop` writes a fully valid SOP that a test then breaks through
keyword overrides; `run_check` runs `python -m handbook check` in a subprocess (the
real command, exit code and stderr included) and `check` calls `handbook.cli.main`
in-process when the subprocess adds nothing.

The default SOP written by `write_sop("docs/cs/cs-001.md")` has this layout, which the
tests rely on for exact line numbers:

     1  ---
     2  id: CS-001
     3  title: ...
     4  department: customer-service
     5  owner: Ana Example
     6  status: approved
     7  version: "1.0"
     8  last_reviewed: 2026-09-01
     9  format: simple
    10  ---          (keys a test adds go just before this fence and push it down)
    11               (blank: the body starts here)
    12  ## Purpose
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the repository: tests/check/conftest.py -> /

try:  # the package is normally installed (pip install -e .); fall back to the checkout
    import handbook  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    sys.path.insert(0, str(ROOT))

TODAY = "2026-11-23"

MKDOCS_YML = """\
site_name: Test handbook
docs_dir: docs

markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format

extra:
  handbook:
    languages: [en]
    glossary: glossary.yml
    review:
      default_interval_months: 12
      due_soon_days: 30
      exempt_statuses: [draft, retired]
    departments:
      customer-service:
        name: Customer Service
        prefix: CS
        lead: Ana Example
      billing:
        name: Billing and Refunds
        prefix: BR
        lead: Omar Example
        review_interval_months: 6
    sections:
      purpose: {en: Purpose}
      scope: {en: Scope}
      responsibilities: {en: Responsibilities}
      definitions: {en: Definitions}
      procedure: {en: Procedure}
      performance: {en: Performance measures}
      documentation: {en: Documentation}
      training: {en: Training}
      review: {en: Review and approval}
"""

GLOSSARY_YML = """\
AHT:
  name: Average handle time
  definition: The mean time an agent spends on one contact, including after-call work.
KBA:
  name: Knowledge-based authentication
  definition: Checking identity with questions only the account holder can answer.
Callback:
  name: Callback
  definition: A call the agent makes back to the customer at an agreed time.
"""

POLISH_HEADINGS = {"Purpose": "Cel", "Scope": "Zakres", "Responsibilities": "Odpowiedzialność", "Definitions": "Definicje", "Procedure": "Procedura",
                   "Performance measures": "Mierniki", "Documentation": "Dokumentacja", "Training": "Szkolenie", "Review and approval": "Przegląd"}


def with_polish(root: Path) -> None:
    """Build the handbook in Polish too, complete: headings and department names (else LANG003/LANG004)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, pl]")
    for english, polish in POLISH_HEADINGS.items():
        text = text.replace(f"{{en: {english}}}", f"{{en: {english}, pl: {polish}}}")
    for prefix in ("CS", "BR"):
        text = text.replace(f"prefix: {prefix}\n", f"prefix: {prefix}\n        names: {{pl: Dział {prefix}}}\n")
    config.write_text(text, encoding="utf-8")


DEPARTMENT_OF_PREFIX = {"cs": "customer-service", "br": "billing"}

# Front-matter fields of a valid SOP, as raw YAML text after `key: `, in file order.
DEFAULT_FIELDS: dict[str, str] = {
    "id": "CS-001",
    "title": "Answering the phone",
    "department": "customer-service",
    "owner": "Ana Example",
    "status": "approved",
    "version": '"1.0"',
    "last_reviewed": "2026-09-01",
    "format": "simple",
}

# The nine required sections with content, in order.
DEFAULT_SECTIONS: dict[str, str] = {
    "Purpose": "Every caller gets the same welcome and leaves knowing what happens next.",
    "Scope": "All inbound calls to the helpline that reach an agent.",
    "Responsibilities": "Agents follow this SOP; the team leader coaches on it.",
    "Definitions": "{{ definitions() }}",
    "Procedure": '1. Greet the caller.\n2. Verify the caller with {{ term("KBA") }}.\n3. Close the call and log it.',
    "Performance measures": 'Keep {{ term("AHT") }} under six minutes.',
    "Documentation": "Every call is logged in the CRM.",
    "Training": "New agents shadow a senior agent for one week.",
    "Review and approval": "The owner reviews this SOP every year.",
}

_FINDING = re.compile(r"^(?P<path>\S+):(?P<line>\d+): (?P<code>[A-Z]+\d{3}) (?P<message>.*)$")


class Result(NamedTuple):
    code: int
    out: str
    err: str


def render_body(sections: Mapping[str, str | None] | None = None) -> str:
    """The Markdown body: `## Heading` + content per section; None drops a section, "" leaves it empty."""
    merged: dict[str, str | None] = dict(DEFAULT_SECTIONS)
    for heading, content in (sections or {}).items():
        merged[heading] = content
    parts = [""]
    for heading, content in merged.items():
        if content is None:
            continue
        parts.append(f"## {heading}\n")
        if content:
            parts.append(content.rstrip("\n") + "\n")
    return "\n".join(parts)


def render_front(fields: Mapping[str, str | None]) -> str:
    lines = []
    for key, value in fields.items():
        if value is None:
            continue
        # A value starting with a newline is a block (a list written item per line).
        lines.append(f"{key}:{value}" if value.startswith("\n") or value == "" else f"{key}: {value}")
    return "\n".join(lines) + "\n"


def findings_in(text_output: str) -> list[str]:
    """The `file:line: CODE` prefixes of the finding lines of a text report, in order."""
    found = []
    for line in text_output.splitlines():
        m = _FINDING.match(line)
        if m:
            found.append(f"{m['path']}:{m['line']}: {m['code']}")
    return found


def messages_in(text_output: str) -> dict[str, list[str]]:
    """`file:line: CODE` prefix -> the messages reported under it."""
    found: dict[str, list[str]] = {}
    for line in text_output.splitlines():
        m = _FINDING.match(line)
        if m:
            found.setdefault(f"{m['path']}:{m['line']}: {m['code']}", []).append(m["message"])
    return found


class TempHandbook:
    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.root = root
        self._monkeypatch = monkeypatch
        self._capsys = capsys

    # -- files ------------------------------------------------------------------

    def write(self, rel_path: str, content: str | bytes) -> Path:
        path = self.root / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    def sop_text(
        self,
        rel_path: str,
        *,
        sections: Mapping[str, str | None] | None = None,
        body: str | None = None,
        **fields: str | None,
    ) -> str:
        """The text `write_sop` would write (LF line endings, no BOM)."""
        merged: dict[str, str | None] = dict(DEFAULT_FIELDS)
        stem = Path(rel_path).name.split(".", 1)[0]
        m = re.fullmatch(r"([a-z]+)-(\d+)", stem)
        if m:  # docs/billing/br-002.md -> id BR-002 in the billing department
            merged["id"] = f"{m[1].upper()}-{m[2]}"
            merged["department"] = DEPARTMENT_OF_PREFIX.get(m[1], merged["department"])
        merged.update(fields)
        text_body = render_body(sections) if body is None else body
        return "---\n" + render_front(merged) + "---\n" + text_body

    def write_sop(
        self,
        rel_path: str,
        *,
        sections: Mapping[str, str | None] | None = None,
        body: str | None = None,
        text: str | None = None,
        raw: bytes | None = None,
        encoding: str = "utf-8",
        newline: str = "\n",
        bom: bool = False,
        **fields: str | None,
    ) -> Path:
        """Write a valid SOP at `rel_path` (relative to the handbook root), then apply the overrides.

        Front-matter fields are keyword arguments holding the raw YAML after `key: `
        (None removes the key; new keys are appended after `format`). `sections` maps
        a heading to its content (None drops the section, "" leaves it empty);
        `body` replaces the whole body; `text` the whole file; `raw` writes exact bytes.
        The id and department follow the file name (br-002.md -> BR-002, billing).
        """
        if raw is not None:
            return self.write(rel_path, raw)
        if text is None:
            text = self.sop_text(rel_path, sections=sections, body=body, **fields)
        if newline != "\n":
            text = text.replace("\n", newline)
        data = text.encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
        return self.write(rel_path, data)

    def line_of(self, rel_path: str, needle: str, nth: int = 1) -> int:
        """1-based line of the `nth` line of the file containing `needle` (computed from the file, not by handbook)."""
        text = (self.root / rel_path).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        seen = 0
        for number, line in enumerate(text.split("\n"), start=1):
            if needle in line:
                seen += 1
                if seen == nth:
                    return number
        raise AssertionError(f"{needle!r} not found {nth} time(s) in {rel_path}")

    # -- running the check -------------------------------------------------------

    def run_check(
        self,
        *args: str,
        today: str | None = TODAY,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> Result:
        """`python -m handbook check ARGS [--today TODAY]` in a subprocess, in the handbook's folder."""
        return run_handbook("check", *args, today=today, env=env, cwd=cwd or self.root)

    def check(self, *args: str, today: str | None = TODAY) -> Result:
        """`handbook.cli.main(["check", ...])` in-process (output captured with capsys)."""
        from handbook import cli

        self._monkeypatch.chdir(self.root)
        self._monkeypatch.delenv("HANDBOOK_TODAY", raising=False)
        argv = ["check", *args] + (["--today", today] if today is not None else [])
        self._capsys.readouterr()
        code = cli.main(argv)
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)


def run_handbook(*argv: str, today: str | None = TODAY, env: Mapping[str, str] | None = None, cwd: Path) -> Result:
    """Run `python -m handbook ARGV` in a subprocess with the checkout importable."""
    environment = {k: v for k, v in os.environ.items() if k != "HANDBOOK_TODAY"}
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    command = [sys.executable, "-m", "handbook", *argv]
    if today is not None:
        command += ["--today", today]
    proc = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, timeout=120)
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))
