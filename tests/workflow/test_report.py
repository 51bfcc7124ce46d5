"""`handbook report`: review states by owner and department, with totals equal to the check's REV001/REV002."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
from workflow_support import ROOT, TODAY, WorkflowHandbook, run_handbook


def _mixed(hb: WorkflowHandbook) -> None:
    """Today is 2026-11-23; customer service reviews every 12 months, billing every 6."""
    hb.write_sop("docs/customer-service/cs-001.md", last_reviewed="2025-06-01")  # overdue since 2026-06-01
    hb.write_sop("docs/customer-service/cs-002.md", last_reviewed="2025-12-10", owner="Bea Owner")  # due soon: 2026-12-10
    hb.write_sop("docs/customer-service/cs-003.md", last_reviewed="2026-09-01")  # current
    hb.write_sop("docs/customer-service/cs-004.md", last_reviewed="2024-01-01", status="draft")  # exempt
    hb.write_sop("docs/billing/br-001.md", last_reviewed="2026-05-01", owner="Bea Owner")  # billing: overdue since 2026-11-01
    hb.write_sop("docs/billing/br-002.md", last_reviewed="2026-06-20")  # due 2026-12-20: due soon


def _rev_counts(check: dict) -> tuple[int, int]:
    codes = Counter(p["code"] for p in check["problems"])
    return codes["REV001"], codes["REV002"]


def test_totals_agree_with_the_check(hb: WorkflowHandbook):
    _mixed(hb)
    hb.write_sop("docs/customer-service/cs-005.md", id="CS-003", last_reviewed="2025-01-01")  # ID003: a duplicate, overdue
    hb.write_sop("docs/customer-service/cs-006.md", last_reviewed="2026-12-01")  # FM009: in the future, not judged
    for today in (TODAY, "2027-06-01", "2025-01-02"):
        report = json.loads(hb.run("report", "--format", "json", today=today).out)
        overdue, due_soon = _rev_counts(hb.check_json(today=today))
        assert (report["totals"]["overdue"], report["totals"]["due-soon"]) == (overdue, due_soon), today


def test_totals_agree_with_the_check_on_the_example_handbook():
    for today in (TODAY, "2027-03-01", "2028-01-15"):
        report = json.loads(run_handbook("report", "--format", "json", today=today, cwd=ROOT).out)
        check = json.loads(run_handbook("check", "--format", "json", today=today, cwd=ROOT).out)
        assert (report["totals"]["overdue"], report["totals"]["due-soon"]) == _rev_counts(check), today
        assert len(report["sops"]) == len(list(ROOT.glob("docs/*/*-[0-9][0-9][0-9].md")))  # source SOPs, not translations


def test_text_report(hb: WorkflowHandbook):
    _mixed(hb)
    result = hb.run("report")
    assert (result.code, result.err) == (1, "")  # something is overdue
    assert result.out == (
        "Reviews as of 2026-11-23: 2 overdue, 2 due soon, 1 current, 1 not scheduled (6 SOP(s))\n"
        "\n"
        "Overdue (2):\n"
        "  CS-001  Answering the phone  (owner: Ana Example; due 2026-06-01, 175 day(s) ago)  docs/customer-service/cs-001.md\n"
        "  BR-001  Answering the phone  (owner: Bea Owner; due 2026-11-01, 22 day(s) ago)  docs/billing/br-001.md\n"
        "\n"
        "Due soon (2):\n"
        "  CS-002  Answering the phone  (owner: Bea Owner; due 2026-12-10, in 17 day(s))  docs/customer-service/cs-002.md\n"
        "  BR-002  Answering the phone  (owner: Ana Example; due 2026-12-20, in 27 day(s))  docs/billing/br-002.md\n"
        "\n"
        "By department:\n"
        "  Customer Service: 1 overdue, 1 due soon, 1 current, 1 not scheduled\n"
        "  Billing and Refunds: 1 overdue, 1 due soon\n"
        "\n"
        "By owner:\n"
        "  Ana Example: 1 overdue, 1 due soon, 1 current, 1 not scheduled\n"
        "  Bea Owner: 1 overdue, 1 due soon\n"
    )


def test_json_report(hb: WorkflowHandbook):
    _mixed(hb)
    report = json.loads(hb.run("report", "--format", "json").out)
    assert report["version"] == 1 and report["today"] == TODAY and report["due_soon_days"] == 30
    assert report["totals"] == {"overdue": 2, "due-soon": 2, "current": 1, "exempt": 1, "unknown": 0}
    assert report["by_department"]["billing"] == {"overdue": 1, "due-soon": 1, "current": 0, "exempt": 0, "unknown": 0}
    assert report["by_owner"]["Bea Owner"] == {"overdue": 1, "due-soon": 1, "current": 0, "exempt": 0, "unknown": 0}
    assert report["sops"][0] == {
        "id": "CS-001",
        "title": "Answering the phone",
        "department": "customer-service",
        "owner": "Ana Example",
        "status": "approved",
        "state": "overdue",
        "next_review": "2026-06-01",
        "days_left": -175,
        "path": "docs/customer-service/cs-001.md",
    }


def test_csv_report(hb: WorkflowHandbook):
    _mixed(hb)
    rows = list(csv.DictReader(io.StringIO(hb.run("report", "--format", "csv").out)))
    assert list(rows[0]) == ["id", "title", "department", "owner", "status", "state", "next_review", "days_left", "path"]
    # By department (policy order), then owner, then id.
    assert [(r["id"], r["owner"], r["state"], r["next_review"], r["days_left"]) for r in rows] == [
        ("CS-001", "Ana Example", "overdue", "2026-06-01", "-175"),
        ("CS-003", "Ana Example", "current", "2027-09-01", "282"),
        ("CS-004", "Ana Example", "exempt", "2025-01-01", "-691"),
        ("CS-002", "Bea Owner", "due-soon", "2026-12-10", "17"),
        ("BR-002", "Ana Example", "due-soon", "2026-12-20", "27"),
        ("BR-001", "Bea Owner", "overdue", "2026-11-01", "-22"),
    ]


def test_markdown_report_for_a_job_summary(hb: WorkflowHandbook):
    _mixed(hb)
    out = hb.run("report", "--format", "md").out
    assert out.startswith("# SOP review report\n\nAs of **2026-11-23**: **2 overdue**, **2 due soon** (within 30 days), 1 current, 6 SOP(s) in all.\n")
    assert "| CS-001 | Answering the phone | Ana Example | Customer Service | 2026-06-01 | 175 day(s) ago |\n" in out
    assert "| Department | Overdue | Due soon | Current | Not scheduled | No date |\n|---|--:|--:|--:|--:|--:|\n| Customer Service | 1 | 1 | 1 | 1 | 0 |\n" in out


def test_filters(hb: WorkflowHandbook):
    _mixed(hb)
    owner = json.loads(hb.run("report", "--format", "json", "--owner", "bea owner").out)
    assert [s["id"] for s in owner["sops"]] == ["CS-002", "BR-001"]
    both = json.loads(hb.run("report", "--format", "json", "--owner", "Bea Owner", "--department", "customer-service").out)
    assert [s["id"] for s in both["sops"]] == ["CS-002"]
    for given in ("CS", "cs", "Customer Service"):  # a department by its prefix or name, as `handbook new -d` takes it
        assert json.loads(hb.run("report", "--format", "json", "--owner", "Bea Owner", "--department", given).out)["sops"] == both["sops"]
    result = hb.run("report", "--department", "customer-service", "--owner", "Bea Owner")
    assert result.code == 0  # nothing overdue in this selection


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--department", "biling"], "--department: department 'biling' is not in mkdocs.yml (did you mean billing?); known: customer-service (CS), billing (BR)"),
        (["--owner", "Bea Ownr"], "--owner Bea Ownr: owns no SOP (did you mean Bea Owner?); owners: Ana Example, Bea Owner"),
    ],
)
def test_unknown_filters_are_usage_errors(hb: WorkflowHandbook, argv: list[str], message: str):
    _mixed(hb)
    assert hb.run("report", *argv) == (2, "", f"handbook: error: {message}\n")


def test_markdown_report_shows_values_as_text(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md", last_reviewed="2025-06-01", title="Refunds < €50 & fees |pipe| *stars* <script>x</script>")
    out = hb.run("report", "--format", "md").out
    row = "| CS-001 | Refunds &lt; €50 &amp; fees &#124;pipe&#124; &#42;stars&#42; &lt;script&gt;x&lt;/script&gt; | Ana Example | Customer Service |"
    assert row in out


def test_csv_cells_a_spreadsheet_would_evaluate_are_neutralised(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md", title="'=HYPERLINK(\"http://x\",\"y\")'")
    hb.write_sop("docs/customer-service/cs-002.md", title='"@SUM(A1)"', last_reviewed="2026-01-01")
    hb.write_sop("docs/customer-service/cs-003.md", title='"-2+3"')
    rows = list(csv.DictReader(io.StringIO(hb.run("report", "--format", "csv").out)))
    assert [r["title"] for r in rows] == ['\'=HYPERLINK("http://x","y")', "'@SUM(A1)", "'-2+3"]
    assert rows[0]["days_left"].lstrip("-").isdigit()  # numbers stay numbers, negative ones too
