"""The handbook in docs/ (the example, or an adopter's) passes its own check, as of `docs_today()`."""

from __future__ import annotations

import json
from pathlib import Path

from check_support import run_handbook

from tests.sitebuild import docs_today

ROOT = Path(__file__).resolve().parents[2]


def test_example_handbook_passes():
    result = run_handbook("check", today=docs_today(), cwd=ROOT)
    assert "Traceback" not in result.err, result.err
    assert result.code == 0, result.out
    assert result.out.splitlines()[-1].startswith("passed: ")


def test_example_handbook_json_report_has_no_errors():
    result = run_handbook("check", "--format", "json", today=docs_today(), cwd=ROOT)
    assert result.code == 0, result.err
    report = json.loads(result.out)
    # Whatever content docs/ holds (the example, or an adopter's after deleting it): every SOP file is checked.
    sop_files = [p for p in (ROOT / "docs").glob("*/*.md") if p.name != "index.md" and not p.name.startswith("index.")]
    assert report["files_checked"] == len(sop_files)
    assert report["errors"] == 0, [f"{p['file']}:{p['line']}: {p['code']} {p['message']}" for p in report["problems"]]
