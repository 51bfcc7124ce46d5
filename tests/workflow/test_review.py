"""`handbook review`: last_reviewed, version and review_log change; every other byte stays; the write is atomic."""

from __future__ import annotations

import os

import pytest
from workflow_support import WorkflowHandbook, findings_in

SOP = "docs/customer-service/cs-001.md"
PASSED = "passed: 1 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n"

# Comments, odd quoting and spacing, a BOM and CRLF line endings: all must survive.
UNUSUAL_FRONT = [
    "---",
    "# Front matter of the greeting SOP",
    "id: 'CS-001'   # never change",
    'title: "Answering the phone: the \\"quick\\" way"',
    "department: customer-service",
    "owner:   Ana Example",
    "status: approved",
    "version: '1.9'  # quoted so YAML keeps 1.9 as text",
    'last_reviewed: "2026-01-15"',
    "format: simple",
    'tags: [ greeting,  "inbound" ]',
    "review_log:",
    "    - {date: 2026-01-15, by: 'Ana Example', version: \"1.9\"}   # first review",
    "# end of the log",
    "---",
]


def _crlf(lines: list[str]) -> bytes:
    return "".join(line + "\r\n" for line in lines).encode("utf-8")


def test_only_the_changed_lines_change_in_a_crlf_file_with_comments_and_quoting(hb: WorkflowHandbook):
    body = hb.sop_text(SOP).split("---\n", 2)[2].replace("\n", "\r\n").encode("utf-8")
    hb.write(SOP, b"\xef\xbb\xbf" + _crlf(UNUSUAL_FRONT) + body)

    result = hb.run("review", "CS-001", "--by", "Bea Owner", "--date", "2026-11-20")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Recorded the review of CS-001 in {SOP}: 2026-11-20 by Bea Owner, version 1.9 -> 1.10.\nNext review due 2027-11-20.\n"
    )
    expected = list(UNUSUAL_FRONT)
    expected[7] = "version: '1.10'  # quoted so YAML keeps 1.9 as text"
    expected[8] = 'last_reviewed: "2026-11-20"'
    expected.insert(13, '    - {date: 2026-11-20, by: Bea Owner, version: "1.10"}')
    assert hb.read(SOP) == b"\xef\xbb\xbf" + _crlf(expected) + body
    assert hb.run_check(SOP) == (0, PASSED, "")


def test_a_first_review_starts_the_log_at_the_end_of_the_front_matter(hb: WorkflowHandbook):
    hb.write_sop(SOP, last_reviewed="2025-06-01")  # overdue: REV001
    assert findings_in(hb.run_check(SOP).out) == [f"{SOP}:8: REV001"]
    before = hb.read(SOP).decode("utf-8")

    assert hb.run("review", "cs-001").code == 0  # the id in any case; by the owner, today
    after = hb.read(SOP).decode("utf-8")
    assert after == before.replace('version: "1.0"', 'version: "1.1"').replace("last_reviewed: 2025-06-01", "last_reviewed: 2026-11-23").replace(
        "format: simple\n---\n", 'format: simple\nreview_log:\n  - {date: 2026-11-23, by: Ana Example, version: "1.1"}\n---\n'
    )
    assert hb.run_check(SOP) == (0, PASSED, "")


@pytest.mark.parametrize(("bump", "version"), [("none", "1.0"), ("minor", "1.1"), ("major", "2.0")])
def test_version_bump(hb: WorkflowHandbook, bump: str, version: str):
    hb.write_sop(SOP)
    result = hb.run("review", "CS-001", "--version-bump", bump)
    assert result.code == 0, result.err
    text = hb.read(SOP).decode("utf-8")
    assert f'\nversion: "{version}"\n' in text
    assert f'\n  - {{date: 2026-11-23, by: Ana Example, version: "{version}"}}\n' in text
    shown = "1.0 (unchanged)" if bump == "none" else f"1.0 -> {version}"
    assert result.out.splitlines()[0].endswith(f"version {shown}.")


def test_flow_style_log_grows_in_place(hb: WorkflowHandbook):
    hb.write_sop(SOP, review_log='[{date: 2026-09-01, by: "Ana Example", version: "1.0"}]  # kept on one line')
    assert hb.run("review", "CS-001", "--by", "Jānis Bērziņš", "--version-bump", "none").code == 0
    assert (
        'review_log: [{date: 2026-09-01, by: "Ana Example", version: "1.0"}, {date: 2026-11-23, by: Jānis Bērziņš, version: "1.0"}]  # kept on one line\n'
    ) in hb.read(SOP).decode("utf-8")
    assert hb.run_check(SOP).code == 0


def test_translations_are_not_touched(hb: WorkflowHandbook):
    hb.set_config("languages: [en]", "languages: [en, pl]")
    hb.write_sop(SOP)
    translation = hb.write_sop("docs/customer-service/cs-001.pl.md", lang="pl", translation_of_version='"1.0"')
    before = translation.read_bytes()
    assert hb.run("review", "CS-001").code == 0
    assert translation.read_bytes() == before
    assert b'version: "1.1"' in hb.read(SOP)


def test_an_interrupted_write_leaves_the_old_file(hb: WorkflowHandbook, monkeypatch: pytest.MonkeyPatch):
    path = hb.write_sop(SOP)
    before = path.read_bytes()

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = hb.main("review", "CS-001")
    assert result.code == 2
    assert result.err == f"handbook: error: {SOP}: could not be written (No space left on device); the file is unchanged\n"
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [".cs-001.md.lock", "cs-001.md"]  # the temporary file is gone; the lock file stays


def test_an_interruption_between_write_and_rename_leaves_the_old_file(hb: WorkflowHandbook, monkeypatch: pytest.MonkeyPatch):
    path = hb.write_sop(SOP)
    before = path.read_bytes()

    def interrupted(src, dst):
        raise KeyboardInterrupt  # Ctrl+C at the worst moment

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        hb.main("review", "CS-001")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [".cs-001.md.lock", "cs-001.md"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["CS-002"], "no SOP has the id CS-002 (did you mean CS-001?); `handbook report` lists every SOP"),
        (["CS-001", "--date", "2026-11-24"], "--date 2026-11-24: after today (2026-11-23); record a review on or after the day it happened"),
        (["CS-001", "--date", "2026-08-31"], f"--date 2026-08-31: before the last review recorded in {SOP} (2026-09-01); a review log only grows"),
        (["CS-001", "--date", "2026-02-30"], "--date: '2026-02-30' is not a date; write YYYY-MM-DD, e.g. 2026-11-23"),
        (["CS-001", "--by", " "], None),
    ],
)
def test_usage_errors_leave_the_file_alone(hb: WorkflowHandbook, argv: list[str], message: str | None):
    path = hb.write_sop(SOP, **({"owner": None} if message is None else {}))
    before = path.read_bytes()
    result = hb.run("review", *argv)
    expected = message or f"--by NAME: {SOP} has no owner to default to; say who reviewed it"
    assert (result.code, result.out, result.err) == (2, "", f"handbook: error: {expected}\n")
    assert path.read_bytes() == before


def test_a_broken_version_is_reported_with_its_line(hb: WorkflowHandbook):
    path = hb.write_sop(SOP, version="1")
    before = path.read_bytes()
    result = hb.run("review", "CS-001")
    assert result.code == 2
    assert result.err == f'handbook: error: {SOP}:7: version is missing or not MAJOR.MINOR in quotes (e.g. "2.0"): correct it first\n'
    assert path.read_bytes() == before


def test_an_explicit_next_review_is_pointed_out(hb: WorkflowHandbook):
    hb.write_sop(SOP, next_review="2026-10-01")
    result = hb.run("review", "CS-001")
    assert result.code == 0
    assert result.err == (
        f"handbook: warning: {SOP}:10: next_review is set and still decides the due date; update it or remove it to use the review interval\n"
    )


def test_reviewing_a_draft_records_it_without_a_due_date(hb: WorkflowHandbook):
    """Drafts are not on the review cycle (the site shows them as not scheduled): no "Next review due"."""
    hb.write_sop(SOP, status="draft")
    result = hb.run("review", "CS-001", "--by", "Bea Owner", "--date", "2026-11-20")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[1:] == ["No review is due: draft SOPs are not on the review cycle (extra.handbook.review.exempt_statuses)."]
    written = hb.read(SOP).decode("utf-8")
    assert "status: draft\n" in written and "last_reviewed: 2026-11-20\n" in written and "{date: 2026-11-20, by: Bea Owner" in written
