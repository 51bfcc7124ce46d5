"""MD001-MD003: `handbook check` warns where a list renders otherwise than in GitHub's preview.

Each case is a Procedure as an author might write it and every list finding the check must
report, as `file:line: CODE` with the line counted from the file. The correct forms (and
fenced code) must report nothing.
"""

from __future__ import annotations

import pytest
from check_support import TempHandbook, findings_in, messages_in

from handbook.lists import divergences, may_diverge

SOP = "docs/cs/cs-001.md"

# Procedure text -> (needle of each line with a finding, its code), in order.
WARNED: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "ordered list after a paragraph line": ("1. Greet the caller.\n\nThen do this:\n1. Verify the caller.\n2. Log the call.", [("1. Verify", "MD001")]),
    "bullets after a paragraph line, one warning": ("1. Greet the caller.\n\nCheck:\n- the address;\n- the phone.", [("- the address", "MD001")]),
    "an item's second paragraph runs into the next item": (
        "1. Greet the caller:\n\n    > Good morning.\n\n    Say your first name only.\n2. Verify the caller.",
        [("2. Verify", "MD001")],
    ),
    "a nested list after a later paragraph of its item": ("1. Greet the caller.\n\n   Then check:\n   - the address.\n2. Log the call.", [("- the address", "MD001")]),
    "inside an admonition": ("1. Greet the caller.\n\n!!! note\n    Check:\n    - the address.", [("- the address", "MD001")]),
    "bullets right after a numbered list": ("1. Greet the caller.\n2. Verify the caller.\n- Log the call.", [("- Log", "MD002")]),
    "bullets after a numbered list and a blank line": ("1. Greet the caller.\n\n- Log the call.", [("- Log", "MD002")]),
    "numbers after bullets": ("1. Greet the caller.\n\nNotes:\n\n- Be polite.\n1. Log the call.", [("1. Log", "MD002")]),
    "a sub-item of `10.` at 3 spaces": (
        "\n".join(f"{n}. Step {n}." for n in range(1, 10)) + "\n10. Step 10.\n   - Check ten.\n11. Step 11.",
        [("- Check ten", "MD002")],
    ),
    "`1)` numbering": ("1. Greet the caller.\n\n1) Verify the caller.\n2) Log the call.", [("1) Verify", "MD003")]),
    "`1)` interrupting a paragraph": ("1. Greet the caller.\n\nThen:\n1) Verify the caller.", [("1) Verify", "MD003")]),
}

CLEAN: dict[str, str] = {
    "items after items": "1. Greet the caller.\n2. Verify the caller.\n3. Log the call.",
    "2-space bullets": "1. Greet the caller.\n\nMethods:\n\n- By phone\n  - Call.\n  - Log.\n- By email\n  - Write.",
    "3-space under `1.`": "1. Greet the caller.\n   - Say your name.\n   - Smile.\n2. Verify the caller.\n   - Two questions.",
    "4-space nesting": "1. Greet the caller.\n    - Say your name.\n        - First name only.\n2. Verify the caller.",
    "4-space under `10.`": "\n".join(f"{n}. Step {n}." for n in range(1, 10)) + "\n10. Step 10.\n    - Check ten.\n11. Step 11.",
    "continued item text, then a nested list": "1. Greet the caller\n   with the standard greeting:\n   - name;\n   - team.\n2. Verify.",
    "a list after a heading": "### Stage 1\n1. Greet the caller.\n2. Verify the caller.",
    "a list inside an admonition and tabs": (
        "1. Greet the caller.\n\n!!! note\n    1. Check.\n       - Balance\n    2. Open.\n\n=== \"Phone\"\n\n    - Greet\n      - Name\n"
    ),
    "fenced code in an item": "1. Run:\n\n   ```bash\n   echo ready\n   ```\n\n2. Check.",
    "list-like lines in fenced code": "1. Greet the caller.\n\n```text\nSay:\n- hello\n1) name\n2. team\n- bye\n```\n\n~~~\nNote:\n- x\n~~~",
    "`2.` after a paragraph line (GitHub does not start a list either)": "1. Greet the caller.\n\nWe have 3 queues, see step\n2. of the greeting.",
    "a `1)` inside a sentence": "1. Greet the caller (see\n2) below).",
    "a thematic break": "1. Greet the caller.\n\nText\n* * *\n",
    "a list under an underlined heading": "1. Greet the caller.\n\nNotes\n-----\n- Be polite.",
    "in an HTML comment": "1. Greet the caller.\n\n<!--\nNotes:\n- draft\n-->",
}


def _write(hb: TempHandbook, procedure: str) -> None:
    hb.write_sop(SOP, sections={"Procedure": procedure})


@pytest.mark.parametrize("name", sorted(WARNED))
def test_warned(handbook_dir: TempHandbook, name: str):
    procedure, expected = WARNED[name]
    _write(handbook_dir, procedure)
    code, out, err = handbook_dir.check()
    wanted = [f"{SOP}:{handbook_dir.line_of(SOP, needle)}: {rule}" for needle, rule in expected]
    assert [f for f in findings_in(out) if ": MD" in f] == wanted, out
    assert (code, err) == (0, "")  # warnings only
    assert f"{wanted[0]} warning " in out


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean(handbook_dir: TempHandbook, name: str):
    _write(handbook_dir, CLEAN[name])
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [], out
    assert code == 0


def test_md002_tells_how_far_to_indent(handbook_dir: TempHandbook):
    procedure, _ = WARNED["a sub-item of `10.` at 3 spaces"]
    _write(handbook_dir, procedure)
    _, out, _ = handbook_dir.check()
    (message,) = messages_in(out)[f"{SOP}:{handbook_dir.line_of(SOP, '- Check ten')}: MD002"]
    assert message == (
        "warning `-` starts a bulleted item after a numbered list: GitHub shows a new list, this site adds the item to the list above;"
        " to nest it under the item above, indent it 4 spaces"
    )
    assert "hint: To nest the item, indent it to the text of the item above (3 spaces under `1.`, 4 under `10.`)" in out


def test_md001_message_and_hint(handbook_dir: TempHandbook):
    procedure, _ = WARNED["ordered list after a paragraph line"]
    _write(handbook_dir, procedure)
    _, out, _ = handbook_dir.check()
    line = handbook_dir.line_of(SOP, "1. Verify")
    assert f"{SOP}:{line}: MD001 warning `1.` starts a list item on GitHub, but this site keeps it in the paragraph above (no blank line before it)\n" in out
    assert "    hint: Put a blank line before the item: without one, only GitHub starts a list there.\n" in out


@pytest.mark.parametrize("text", [procedure for procedure, _ in WARNED.values()])
def test_the_cheap_test_lets_every_warned_case_through(text: str):
    assert may_diverge(text) and divergences(text)


def test_the_cheap_test_skips_plain_lists():
    assert not may_diverge("## Procedure\n\n1. Greet.\n2. Verify.\n\nText.\n\n- a\n- b\n\n## Scope\n\nAll calls.\n")
