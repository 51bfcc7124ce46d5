"""`handbook review --note`: the note lands in the new review_log item as a quoted YAML string; a bad note changes nothing."""

from __future__ import annotations

import pytest
import yaml
from workflow_support import WorkflowHandbook

SOP = "docs/customer-service/cs-001.md"


def test_the_note_is_written_quoted_in_the_new_log_item(hb: WorkflowHandbook):
    hb.write_sop(SOP)
    before = hb.read(SOP)
    result = hb.run("review", "CS-001", "--by", "Bea Owner", "--date", "2026-11-20", "--note", '  Hold limit: "2 minutes" #1 — was 3\t ')
    assert (result.code, result.err) == (0, "")
    expected = before.replace(b"last_reviewed: 2026-09-01", b"last_reviewed: 2026-11-20").replace(b'version: "1.0"', b'version: "1.1"')
    expected = expected.replace(
        b"format: simple\n---",
        'format: simple\nreview_log:\n  - {date: 2026-11-20, by: Bea Owner, version: "1.1", note: "Hold limit: \\"2 minutes\\" #1 — was 3"}\n---'.encode("utf-8"),
    )
    assert hb.read(SOP) == expected
    assert hb.run_check(SOP)[0] == 0


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("Two\nlines", "--note: the note is one line of text; write it without line breaks"),
        ("Two\u2028lines", "--note: the note is one line of text; write it without line breaks"),
        ("bell\x07", "--note: the note contains a control character; write plain text"),
        ("   ", '--note: the note is empty; say what changed, e.g. --note "Hold limit now 2 minutes"'),
        ("x" * 301, "--note: the note has 301 characters, at most 300; say what changed in a line and put the detail in the SOP"),
    ],
)
def test_a_bad_note_is_refused_and_the_file_is_unchanged(hb: WorkflowHandbook, note: str, message: str):
    hb.write_sop(SOP)
    before = hb.read(SOP)
    result = hb.run("review", "CS-001", "--note", note)
    assert result.code == 2 and result.err == f"handbook: error: {message}\n"
    assert hb.read(SOP) == before


def test_the_check_bounds_a_note_written_by_hand(hb: WorkflowHandbook):
    hb.write_sop(SOP, review_log='\n  - {date: 2026-09-01, by: Ana Example, version: "1.0", note: "' + "y" * 301 + '"}')
    code, out, _ = hb.run_check(SOP)
    assert code == 1 and f"{SOP}:11: FM006 review_log[0].note: has 301 characters, at most 300: shorten it" in out


def test_a_note_with_yaml_punctuation_stays_text_in_a_flow_style_log(hb: WorkflowHandbook):
    hb.write_sop(SOP, review_log='[{date: 2026-09-01, by: "Ana Example", version: "1.0"}]  # kept on one line')
    note = "Step 3: ask ], {then} # wait; 'quote' & \\ back"
    assert hb.run("review", "CS-001", "--note", note).code == 0
    line = 'review_log: [{date: 2026-09-01, by: "Ana Example", version: "1.0"}, {date: 2026-11-23, by: Ana Example, version: "1.1", note: "Step 3: ask ], {then} # wait; \'quote\' & \\\\ back"}]  # kept on one line\n'
    assert line in hb.read(SOP).decode("utf-8")
    assert hb.run_check(SOP).code == 0
    front = yaml.safe_load(hb.read(SOP).decode("utf-8").split("---\n")[1])
    assert front["review_log"][-1]["note"] == note  # read back as the same text
