"""The three output formats of `handbook check`: text, github and json."""

from __future__ import annotations

import json

import pytest
from check_support import TempHandbook

from handbook.findings import RULES

SOP = "docs/cs/cs-001.md"
BR = "docs/billing/br-001.md"

FM006_MESSAGE = 'status: "published" is not one of draft, in-review, approved, retired'
REV002_MESSAGE = "review due soon: due 2026-12-10, in 17 day(s) (owner: Ana Example)"


@pytest.fixture
def one_error_one_warning(handbook_dir: TempHandbook) -> TempHandbook:
    """An FM006 error in cs-001 (line 6) and a REV002 warning in br-001 (line 8)."""
    handbook_dir.write_sop(SOP, status="published")
    handbook_dir.write_sop(BR, last_reviewed="2026-06-10")  # billing: 6 months -> due 2026-12-10
    return handbook_dir


# -- text ----------------------------------------------------------------------------------


def test_text_is_the_default_format(one_error_one_warning: TempHandbook):
    assert one_error_one_warning.check() == one_error_one_warning.check("--format", "text")


def test_text_finding_hint_and_summary(one_error_one_warning: TempHandbook):
    code, out, err = one_error_one_warning.check()
    assert out == (
        f"{BR}:8: REV002 warning {REV002_MESSAGE}\n"
        f"    hint: {RULES['REV002'].hint}\n"
        f"{SOP}:6: FM006 {FM006_MESSAGE}\n"
        f"    hint: {RULES['FM006'].hint}\n"
        "FAILED: 2 SOP file(s) checked, 1 error(s), 1 warning(s) (reviews as of 2026-11-23)\n"
    )
    assert (code, err) == (1, "")


def test_text_with_only_warnings_passes(handbook_dir: TempHandbook):
    handbook_dir.write_sop(BR, last_reviewed="2026-06-10")
    code, out, _ = handbook_dir.check()
    assert out.splitlines()[-1] == "passed: 1 SOP file(s) checked, 0 error(s), 1 warning(s) (reviews as of 2026-11-23)"
    assert code == 0


def test_text_clean(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    assert handbook_dir.check() == (0, "passed: 1 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n", "")


def test_text_findings_are_sorted_by_file_then_line(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/cs/cs-002.md", status="published", version="2")
    handbook_dir.write_sop(SOP, sections={"Purpose": ""}, department="sales")
    _, out, _ = handbook_dir.check()
    finding_lines = [line.split(" ", 2)[:2] for line in out.splitlines() if not line.startswith(("    hint:", "FAILED", "passed"))]
    assert finding_lines == [
        [f"{SOP}:4:", "ID001"],
        [f"{SOP}:12:", "SEC002"],
        ["docs/cs/cs-002.md:6:", "FM006"],
        ["docs/cs/cs-002.md:7:", "FM006"],
    ]


def test_text_every_finding_line_is_followed_by_its_hint(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, raw=b"")
    handbook_dir.write_sop("docs/cs/cs-002.md", owner=None, sections={"Scope": None})
    _, out, _ = handbook_dir.check()
    lines = out.splitlines()
    assert len(lines) % 2 == 1
    for finding, hint in zip(lines[0:-1:2], lines[1:-1:2]):
        code = finding.split(" ")[1]
        assert hint == f"    hint: {RULES[code].hint}"


# -- github ---------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def test_github_error_and_warning_commands(one_error_one_warning: TempHandbook):
    code, out, err = one_error_one_warning.check("--format", "github")
    assert out.splitlines() == [
        f"::warning file={BR},line=8,title=REV002::{_escape(REV002_MESSAGE)}%0A{RULES['REV002'].hint}",
        f"::error file={SOP},line=6,title=FM006::{_escape(FM006_MESSAGE)}%0A{RULES['FM006'].hint}",
        "FAILED: 2 SOP file(s) checked, 1 error(s), 1 warning(s) (reviews as of 2026-11-23)",
    ]
    assert (code, err) == (1, "")


def test_github_whole_file_findings_point_at_line_1(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, raw=b"")
    _, out, _ = handbook_dir.check("--format", "github")
    assert out.splitlines()[0] == f"::error file={SOP},line=1,title=F001::{_escape('the file is empty: an SOP needs front matter and its sections')}%0A{RULES['F001'].hint}"


def test_github_escapes_percent_in_the_message(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Training": 'Learn the {{ term("80% rule") }}.'})
    line = handbook_dir.line_of(SOP, "80% rule")
    _, out, _ = handbook_dir.check("--format", "github")
    assert out.splitlines()[0] == f'::error file={SOP},line={line},title=GL001::term("80%25 rule") is not in the glossary%0A{RULES["GL001"].hint}'


def test_github_escapes_commas_in_the_file_property(handbook_dir: TempHandbook):
    path = "docs/cs/cs-001,old.md"
    handbook_dir.write_sop(path, status="published")
    _, out, _ = handbook_dir.check("--format", "github")
    assert out.splitlines()[0].startswith("::error file=docs/cs/cs-001%2Cold.md,line=6,title=FM006::")


def test_github_clean_run_is_only_the_summary(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    assert handbook_dir.check("--format", "github") == (
        0,
        "passed: 1 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n",
        "",
    )


# -- json ------------------------------------------------------------------------------------


def test_json_report(one_error_one_warning: TempHandbook):
    code, out, err = one_error_one_warning.check("--format", "json")
    report = json.loads(out)
    assert report == {
        "version": 1,
        "today": "2026-11-23",
        "files_checked": 2,
        "errors": 1,
        "warnings": 1,
        "problems": [
            {
                "file": BR,
                "line": 8,
                "code": "REV002",
                "severity": "warning",
                "message": REV002_MESSAGE,
                "hint": RULES["REV002"].hint,
            },
            {
                "file": SOP,
                "line": 6,
                "code": "FM006",
                "severity": "error",
                "message": FM006_MESSAGE,
                "hint": RULES["FM006"].hint,
            },
        ],
    }
    assert (code, err) == (1, "")


def test_json_clean(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    handbook_dir.write_sop(BR)
    code, out, _ = handbook_dir.check("--format", "json")
    assert json.loads(out) == {"version": 1, "today": "2026-11-23", "files_checked": 2, "errors": 0, "warnings": 0, "problems": []}
    assert code == 0


def test_json_keeps_non_ascii_text(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, owner="Gábor Szabó", last_reviewed="2025-12-10")
    result = handbook_dir.run_check("--format", "json")
    assert "Gábor Szabó" in result.out
    assert json.loads(result.out)["problems"][0]["message"].endswith("(owner: Gábor Szabó)")


def test_json_whole_file_line_is_0(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, raw=b"  \n")  # empty: the whole file is meant (a NUL byte now has its line, F003)
    _, out, _ = handbook_dir.check("--format", "json")
    (problem,) = json.loads(out)["problems"]
    assert (problem["file"], problem["line"], problem["code"], problem["severity"]) == (SOP, 0, "F001", "error")


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_every_format_through_the_command(one_error_one_warning: TempHandbook, fmt: str):
    in_process = one_error_one_warning.check("--format", fmt)
    result = one_error_one_warning.run_check("--format", fmt)
    assert (result.code, result.out, result.err) == tuple(in_process)
