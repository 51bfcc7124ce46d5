"""Helpers for the workflow tests: the check tests' temp handbook, plus a people registry and runners.

The handbook, the valid SOP `write_sop` writes and the subprocess runner come from
tests/check/check_support.py, so both suites build handbooks the same way.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))

from check_support import GLOSSARY_YML, MKDOCS_YML, ROOT, TODAY, Result, TempHandbook, findings_in, run_handbook  # noqa: E402

__all__ = ["ROOT", "TODAY", "Result", "WorkflowHandbook", "findings_in", "make_handbook"]

PEOPLE_YML = """\
    people:
      Ana Example: "@ana-example"
      Omar Example: "@northwind/billing-leads"
      Bea Owner: "@bea-owner"
"""


class WorkflowHandbook(TempHandbook):
    def run(self, *argv: str, today: str | None = TODAY) -> Result:
        """`python -m handbook ARGV [--today TODAY]` in a subprocess, in the handbook's folder."""
        return run_handbook(*argv, today=today, cwd=self.root)

    def main(self, *argv: str) -> Result:
        """`handbook.cli.main(argv)` in-process, for tests that patch the process (os.replace, a terminal)."""
        from handbook import cli

        self._monkeypatch.chdir(self.root)
        self._monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
        self._capsys.readouterr()
        code = cli.main(list(argv))
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def check_json(self, *paths: str, today: str = TODAY) -> dict:
        result = self.run("check", "--format", "json", *paths, today=today)
        assert result.code in (0, 1), result.err
        return json.loads(result.out)

    def read(self, rel_path: str) -> bytes:
        return (self.root / rel_path).read_bytes()

    def set_config(self, old: str, new: str) -> None:
        config = self.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert old in text, old
        config.write_text(text.replace(old, new), encoding="utf-8")


def make_handbook(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> WorkflowHandbook:
    root.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML + PEOPLE_YML, encoding="utf-8")
    (root / "glossary.yml").write_text(GLOSSARY_YML, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Test handbook\n\nNot an SOP.\n", encoding="utf-8")
    return WorkflowHandbook(root, monkeypatch, capsys)
