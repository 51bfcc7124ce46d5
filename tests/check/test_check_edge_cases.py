"""Edge cases of `handbook check`: encodings, YAML typing, Markdown structure, formats, reviews and dates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from check_support import TODAY, TempHandbook, findings_in, messages_in, with_polish

from handbook.handbook import open_handbook
from handbook.review import add_months
from handbook.yamlio import load_front_matter

SOP = "docs/cs/cs-001.md"


# -- encodings and line endings ----------------------------------------------------------


def test_bom_and_crlf_pass_cleanly(handbook_dir: TempHandbook):
    path = handbook_dir.write_sop(SOP, bom=True, newline="\r\n")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf---\r\nid: CS-001\r\n")
    result = handbook_dir.run_check()
    assert (result.code, result.err) == (0, "")
    assert result.out == "passed: 1 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n"


def test_bom_and_crlf_keep_front_matter_line_numbers(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, bom=True, newline="\r\n", status="published")
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:6: FM006"]
    assert code == 1


def test_bom_and_crlf_keep_body_line_numbers(handbook_dir: TempHandbook):
    handbook_dir.write_sop(
        SOP, bom=True, newline="\r\n", sections={"Purpose": "", "Training": 'Practise a {{ term("Kallback") }}.'}
    )
    gl = handbook_dir.line_of(SOP, "Kallback")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:12: SEC002", f"{SOP}:{gl}: GL001"]


def test_old_mac_line_endings_are_read_as_lines(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, newline="\r", status="published")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:6: FM006"]


def test_whitespace_only_file_is_empty(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, raw=b"\n  \n\t\n")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:0: F001"]


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"], ids=["bom", "bom-crlf"])
def test_file_with_only_a_bom_is_empty(handbook_dir: TempHandbook, raw: bytes):
    """Notepad saves an empty file as UTF-8 with a BOM: that is an empty file (F001), not missing front matter."""
    handbook_dir.write_sop(SOP, raw=raw)
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:0: F001"]


def test_non_utf8_byte_in_the_body_reports_its_line(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Scope": "Calls to the caf\u00e9 desk."}, encoding="cp1252")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:18: F002"]  # ## Scope on 16, its text on 18


def test_utf16_file_is_not_a_traceback(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, encoding="utf-16")
    result = handbook_dir.run_check()
    assert result.code == 1
    assert "Traceback" not in result.err
    assert [f.rsplit(" ", 1)[1] for f in findings_in(result.out)] in (["F002"], ["F003"])


# -- YAML typing -----------------------------------------------------------------------------


def test_unquoted_version_1_10_stays_1_10(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, version="1.10")
    code, out, _ = handbook_dir.check()
    assert code == 0, out
    book = open_handbook(handbook_dir.root / "mkdocs.yml", date(2026, 11, 23), shown_root=handbook_dir.root)
    sop = book.by_id["CS-001"]
    assert sop.meta["version"] == "1.10"
    assert sop.version == "1.10"


def test_front_matter_loader_keeps_decimals_and_dates_as_written():
    loaded = load_front_matter('version: 1.10\nother: 2.0\nlast_reviewed: 2026-01-31\nquoted: "3.20"\n', 2)
    assert loaded.data == {"version": "1.10", "other": "2.0", "last_reviewed": "2026-01-31", "quoted": "3.20"}
    assert loaded.key_lines == {"version": 2, "other": 3, "last_reviewed": 4, "quoted": 5}


def test_unquoted_date_in_front_matter_is_checked_as_a_date(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2026-9-1")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:8: FM006"]
    assert "is not a date in the form YYYY-MM-DD" in out


# -- Markdown structure -------------------------------------------------------------------------


def test_heading_inside_a_fenced_code_block_is_not_a_section(handbook_dir: TempHandbook):
    procedure = "1. Copy the template:\n\n```markdown\n## Training\n\nShadow a senior agent.\n```\n\n2. Fill it in."
    handbook_dir.write_sop(SOP, sections={"Procedure": procedure, "Training": None})
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:11: SEC001"]
    assert "required section Training is missing" in out


def test_heading_inside_a_tilde_fence_does_not_end_the_section(handbook_dir: TempHandbook):
    """`## Scope` inside ~~~ is code: Purpose keeps its content and the real Scope still counts."""
    handbook_dir.write_sop(SOP, sections={"Purpose": "~~~\n## Scope\n~~~"})
    code, out, _ = handbook_dir.check()
    assert code == 0, out


def test_heading_inside_an_html_comment_is_not_a_section(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Purpose": "Why.\n\n<!--\n## Training\n-->", "Training": None})
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:11: SEC001"]


def test_numbered_list_inside_a_code_block_is_not_the_procedure(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Procedure": "Follow the script:\n\n```text\n1. Greet.\n2. Close.\n```"})
    line = handbook_dir.line_of(SOP, "## Procedure")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: FMT001"]


def test_numbered_steps_with_parentheses_count(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Procedure": "1) Greet the caller.\n2) Close the call."})
    code, out, _ = handbook_dir.check()
    assert code == 0, out


def test_level_one_heading_ends_a_section(handbook_dir: TempHandbook):
    """A `#` heading right after `## Purpose` leaves Purpose empty."""
    handbook_dir.write_sop(SOP, sections={"Purpose": ""})
    text = (handbook_dir.root / SOP).read_text(encoding="utf-8").replace("## Purpose\n", "## Purpose\n\n# Part one\n\nText.\n")
    handbook_dir.write_sop(SOP, text=text)
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:12: SEC002"]


# -- procedure formats ---------------------------------------------------------------------------


def test_hierarchical_with_one_stage_fails(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, format="hierarchical", sections={"Procedure": "### Prepare\n\n1. Log in."})
    line = handbook_dir.line_of(SOP, "## Procedure")
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: FMT002"]
    assert code == 1


def test_hierarchical_with_two_stages_passes(handbook_dir: TempHandbook):
    procedure = "### Prepare\n\n1. Log in to the phone system.\n\n### Answer\n\n#### On the phone\n\n1. Greet the caller."
    handbook_dir.write_sop(SOP, format="hierarchical", sections={"Procedure": procedure})
    code, out, _ = handbook_dir.check()
    assert code == 0, out


def test_hierarchical_stages_without_steps_are_a_finding_each(handbook_dir: TempHandbook):
    # Stages of prose passed FMT002 before FMT004: a hierarchical procedure is stages of numbered steps.
    procedure = "### Prepare\n\nLog in to the phone system.\n\n### Answer\n\n1. Greet the caller.\n\n### Close\n\n```\n1. not a step\n```"
    handbook_dir.write_sop(SOP, format="hierarchical", sections={"Procedure": procedure})
    prepare, close = handbook_dir.line_of(SOP, "### Prepare"), handbook_dir.line_of(SOP, "### Close")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{prepare}: FMT004", f"{SOP}:{close}: FMT004"]
    assert "stage `Prepare` of the hierarchical Procedure has no numbered steps" in out


def test_sec001_points_at_a_misnamed_heading(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    path = handbook_dir.root / SOP
    path.write_text(path.read_text(encoding="utf-8").replace("## Scope\n", "## Scopes\n"), encoding="utf-8")
    line = handbook_dir.line_of(SOP, "## Scopes")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: SEC001"]
    assert "required section Scope is missing: add a heading `## Scope`; `## Scopes` looks like it: rename it to `## Scope`" in out


def test_hierarchical_stages_inside_code_do_not_count(handbook_dir: TempHandbook):
    procedure = "### Prepare\n\nLog in.\n\n```markdown\n### Answer\n```"
    handbook_dir.write_sop(SOP, format="hierarchical", sections={"Procedure": procedure})
    line = handbook_dir.line_of(SOP, "## Procedure")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: FMT002"]


def test_stages_under_another_section_do_not_count(handbook_dir: TempHandbook):
    handbook_dir.write_sop(
        SOP,
        format="hierarchical",
        sections={"Procedure": "### Prepare\n\nLog in.", "Training": "### Week one\n\nShadow.\n\n### Week two\n\nListen."},
    )
    line = handbook_dir.line_of(SOP, "## Procedure")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: FMT002"]


def test_flowchart_with_a_mermaid_flowchart_passes(handbook_dir: TempHandbook):
    procedure = "```mermaid\nflowchart TD\n    A[Call arrives] --> B{Verified?}\n    B -->|Yes| C[Help]\n    B -->|No| D[General info only]\n```"
    handbook_dir.write_sop(SOP, format="flowchart", sections={"Procedure": procedure})
    code, out, _ = handbook_dir.check()
    assert code == 0, out


def test_flowchart_with_a_sequence_diagram_fails(handbook_dir: TempHandbook):
    procedure = "```mermaid\nsequenceDiagram\n    Caller->>Agent: Hello\n```"
    handbook_dir.write_sop(SOP, format="flowchart", sections={"Procedure": procedure})
    line = handbook_dir.line_of(SOP, "## Procedure")
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: FMT003"]
    assert code == 1


def test_flowchart_outside_the_procedure_does_not_count(handbook_dir: TempHandbook):
    handbook_dir.write_sop(
        SOP,
        format="flowchart",
        sections={"Procedure": "See the chart in Scope.", "Scope": "```mermaid\nflowchart TD\n  A --> B\n```"},
    )
    line = handbook_dir.line_of(SOP, "## Procedure")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: FMT003"]


def test_flowchart_in_a_plain_code_block_does_not_count(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, format="flowchart", sections={"Procedure": "```text\nflowchart TD\n  A --> B\n```"})
    line = handbook_dir.line_of(SOP, "## Procedure")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: FMT003"]


def test_unknown_format_is_a_front_matter_error_only(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, format="checklist")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:9: FM006"]


# -- reviews ------------------------------------------------------------------------------------


def test_next_review_overrides_the_interval(handbook_dir: TempHandbook):
    # last_reviewed + 12 months would be long overdue; the explicit date wins.
    handbook_dir.write_sop(SOP, last_reviewed="2024-01-15", next_review="2027-03-01")
    code, out, _ = handbook_dir.check()
    assert code == 0, out
    assert findings_in(out) == []


def test_next_review_can_bring_the_review_forward(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2026-10-01", next_review="2026-12-01")  # next_review on line 10
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: REV002"]
    assert "review due soon: due 2026-12-01, in 8 day(s)" in out
    assert code == 0


def test_department_interval_applies(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/billing/br-001.md", last_reviewed="2026-04-01")  # billing: 6 months -> 2026-10-01
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == ["docs/billing/br-001.md:8: REV001"]
    assert "due 2026-10-01, 53 day(s) ago" in out


def test_review_interval_months_overrides_the_departments(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/billing/br-001.md", last_reviewed="2026-04-01", review_interval_months="12")
    code, out, _ = handbook_dir.check()
    assert code == 0, out
    assert findings_in(out) == []


def test_review_interval_months_can_shorten_the_default(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2026-09-01", review_interval_months="3")  # due 2026-12-01
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:8: REV002"]


def test_handbook_default_interval_applies_without_a_department_interval(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2025-11-22")  # customer-service has none: 12 months -> 2026-11-22
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:8: REV001"]
    assert "due 2026-11-22, 1 day(s) ago" in out


@pytest.mark.parametrize("status", ["draft", "retired"])
def test_exempt_statuses_never_get_rev001(handbook_dir: TempHandbook, status: str):
    handbook_dir.write_sop(SOP, status=status, last_reviewed="2020-01-01")
    code, out, _ = handbook_dir.check()
    assert code == 0, out
    assert findings_in(out) == []


@pytest.mark.parametrize("status", ["draft", "retired"])
def test_exempt_statuses_never_get_rev002(handbook_dir: TempHandbook, status: str):
    handbook_dir.write_sop(SOP, status=status, last_reviewed="2025-12-10")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == []


def test_in_review_is_not_exempt(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, status="in-review", last_reviewed="2020-01-01")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:8: REV001"]


def test_due_today_is_due_soon_and_the_day_after_is_overdue(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2025-11-23")
    _, out, _ = handbook_dir.check()
    assert messages_in(out) == {f"{SOP}:8: REV002": ["warning review due soon: due 2026-11-23, in 0 day(s) (owner: Ana Example)"]}
    _, out, _ = handbook_dir.check(today="2026-11-24")
    assert messages_in(out) == {f"{SOP}:8: REV001": ["review overdue: due 2026-11-23, 1 day(s) ago (owner: Ana Example)"]}


def test_due_soon_window_edge(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, next_review="2026-12-23")  # exactly 30 days after 2026-11-23
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: REV002"]
    _, out, _ = handbook_dir.check(today="2026-11-22")  # 31 days: current
    assert findings_in(out) == []


def test_month_end_arithmetic_through_the_check(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2026-01-31", review_interval_months="1")  # due 2026-02-28
    _, out, _ = handbook_dir.check(today="2026-02-28")
    assert messages_in(out) == {f"{SOP}:8: REV002": ["warning review due soon: due 2026-02-28, in 0 day(s) (owner: Ana Example)"]}
    _, out, _ = handbook_dir.check(today="2026-03-01")
    assert messages_in(out) == {f"{SOP}:8: REV001": ["review overdue: due 2026-02-28, 1 day(s) ago (owner: Ana Example)"]}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),  # across the year end
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 1, 31), 0, date(2026, 1, 31)),
        (date(2026, 1, 15), 60, date(2031, 1, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_add_months(day: date, months: int, expected: date):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("value", "bound"), [("0", "minimum: 1"), ("61", "maximum: 60"), ("100000", "maximum: 60")])
def test_out_of_range_review_interval_is_only_fm006(handbook_dir: TempHandbook, value: str, bound: str):
    """The schema bounds review_interval_months to 1..60. An out-of-range value is FM006 on its line;
    the review rule must not compute a due date from it (no REV001 from 0 months, no crash from 100000)."""
    handbook_dir.write_sop(SOP, review_interval_months=value)  # line 10
    result = handbook_dir.run_check()
    assert "Traceback" not in result.err, result.err
    assert result.code == 1
    assert findings_in(result.out) == [f"{SOP}:10: FM006"], result.out
    assert f"review_interval_months: {value} is out of range ({bound})" in result.out


# -- today --------------------------------------------------------------------------------------


def test_handbook_today_env_var_sets_the_date(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2025-12-10")  # due 2026-12-10
    result = handbook_dir.run_check("--format", "json", today=None, env={"HANDBOOK_TODAY": "2026-12-11"})
    assert result.code == 1, result.out
    report = json.loads(result.out)
    assert report["today"] == "2026-12-11"
    assert [p["code"] for p in report["problems"]] == ["REV001"]


def test_today_option_sets_the_date(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2025-12-10")
    result = handbook_dir.run_check("--format", "json", today="2026-12-11")
    assert json.loads(result.out)["today"] == "2026-12-11"
    assert result.code == 1


def test_today_option_wins_over_the_env_var(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check("--format", "json", today="2026-11-23", env={"HANDBOOK_TODAY": "2030-01-01"})
    assert (result.code, json.loads(result.out)["today"]) == (0, "2026-11-23")


def test_today_option_wins_over_a_bad_env_var(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check(today=TODAY, env={"HANDBOOK_TODAY": "soon"})
    assert (result.code, result.err) == (0, "")


def test_without_either_the_system_date_is_used(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2000-01-01", next_review="2999-01-01")
    before = date.today().isoformat()
    result = handbook_dir.run_check("--format", "json", today=None)
    assert json.loads(result.out)["today"] in {before, date.today().isoformat()}


def test_bad_handbook_today_exits_2_with_a_clear_message(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check(today=None, env={"HANDBOOK_TODAY": "23/11/2026"})
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.out == ""
    assert result.err == "handbook: error: HANDBOOK_TODAY: '23/11/2026' is not a date; write YYYY-MM-DD, e.g. 2026-11-23\n"


def test_bad_today_option_exits_2_with_a_clear_message(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check(today="2026-02-30")
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.err == "handbook: error: --today: '2026-02-30' is not a date; write YYYY-MM-DD, e.g. 2026-11-23\n"


def test_empty_handbook_today_falls_back_to_the_system_date(handbook_dir: TempHandbook):
    result = handbook_dir.run_check("--format", "json", today=None, env={"HANDBOOK_TODAY": "  "})
    assert result.code == 0, result.err
    assert json.loads(result.out)["today"] == date.today().isoformat()


def test_absent_id_is_not_a_duplicate(handbook_dir: TempHandbook):
    """Two SOPs with an empty `id:` each get FM006; they do not share an id called "None"."""
    handbook_dir.write_sop(SOP, id="")
    handbook_dir.write_sop("docs/cs/cs-002.md", id="")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:2: FM006", "docs/cs/cs-002.md:2: FM006"]
    assert "None" not in out


def test_paths_are_shown_relative_to_the_working_folder(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, status="published")
    result = handbook_dir.run_check("--config", "handbook/mkdocs.yml", cwd=handbook_dir.root.parent)
    assert findings_in(result.out) == ["handbook/docs/cs/cs-001.md:6: FM006"]
    assert Path(handbook_dir.root.parent / "handbook/docs/cs/cs-001.md").exists()


@pytest.mark.parametrize("value", ["!!bool maybe", "!!int x", "!!float many"])
def test_value_that_does_not_fit_its_tag_is_a_finding_not_a_traceback(handbook_dir: TempHandbook, value: str):
    handbook_dir.write_sop(SOP, version=value)
    code, out, err = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:2: FM003"], out
    assert "does not fit its explicit YAML tag" in out and "Traceback" not in out + err
    assert code == 1


@pytest.mark.parametrize(
    "title, context",
    [('"Answering the phone', "closing quote missing"), ("'Answering the phone", "quoted scalar that starts here")],
)
def test_unclosed_quote_is_reported_where_the_value_starts(handbook_dir: TempHandbook, title: str, context: str):
    """PyYAML only notices at the end of the front matter; the author must look at the title (line 3)."""
    handbook_dir.write_sop(SOP, title=title)
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:3: FM003"], out
    assert context in out and code == 1


def test_unclosed_list_is_reported_where_it_starts(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, channels="[phone, email")  # after format: line 10
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: FM003"], out
    assert "flow sequence that starts here" in out


def test_bad_indentation_is_reported_at_its_own_line(handbook_dir: TempHandbook):
    text = handbook_dir.sop_text(SOP).replace("status: approved", "  status: approved")  # line 6
    handbook_dir.write_sop(SOP, text=text)
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:6: FM003"], out


def test_description_is_a_front_matter_key_a_translation_may_set(handbook_dir: TempHandbook):
    """Material puts `description` in <meta name="description">: it is the SOP's, and each language's own."""
    with_polish(handbook_dir.root)
    handbook_dir.write_sop(SOP, description='"Greeting, identifying and helping a caller."')
    handbook_dir.write("docs/cs/cs-001.pl.md", '---\nid: CS-001\ntitle: Odbieranie telefonu\ndescription: Powitanie rozmówcy.\ntranslation_of_version: "1.0"\n---\n' + handbook_dir.sop_text(SOP).split("---\n", 2)[2])
    code, out, _ = handbook_dir.check()
    assert code == 0 and findings_in(out) == [], out
    handbook_dir.write_sop(SOP, description='""')
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: FM006"], out
