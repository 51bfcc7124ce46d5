"""CODEOWNERS lines cannot be broken by a value: a line break or a space in a name, a handle or a file name."""

from __future__ import annotations

from workflow_support import WorkflowHandbook

FAKE_RULE = "/docs/ @attacker"


def _lines(hb: WorkflowHandbook) -> list[str]:
    result = hb.run("codeowners", today=None)
    assert result.code == 0, result
    return (hb.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()


def test_a_line_break_in_a_department_name_or_lead_stays_inside_its_comment(hb: WorkflowHandbook):
    hb.set_config("        name: Customer Service\n", f'        name: "Customer\\n{FAKE_RULE}"\n')
    hb.set_config("        lead: Ana Example\n", f'        lead: "Ana Example\\n{FAKE_RULE}"\n')
    hb.set_config('      Ana Example: "@ana-example"\n', f'      Ana Example: "@ana-example"\n      "Ana Example\\n{FAKE_RULE}": "@ana-example"\n')
    hb.write_sop("docs/customer-service/cs-001.md", owner="Bea Owner")
    lines = _lines(hb)
    assert FAKE_RULE not in lines
    assert f"# Customer {FAKE_RULE} (lead: Ana Example {FAKE_RULE})" in lines
    assert "/docs/customer-service/cs-001.md @bea-owner @ana-example" in lines


def test_a_handle_with_a_trailing_line_break_is_refused(hb: WorkflowHandbook):
    hb.set_config('      Bea Owner: "@bea-owner"\n', '      Bea Owner: "@bea-owner\\n"\n')
    result = hb.run("codeowners", today=None)
    assert result.code == 2
    assert "mkdocs.yml: extra.handbook.people.Bea Owner: '@bea-owner\\n' is not a GitHub user (@name), team (@org/team) or e-mail" in result.err
    assert not (hb.root / ".github").exists()


def test_spaces_in_a_file_name_are_escaped(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001 refunds.md", owner="Bea Owner")
    assert "/docs/customer-service/cs-001\\ refunds.md @bea-owner @ana-example" in _lines(hb)


def test_a_file_name_with_a_line_break_never_reaches_codeowners(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001\n* @attacker.md", owner="Bea Owner")
    # Such a file is not an SOP the handbook reads (F005 in the check), so it never reaches CODEOWNERS.
    check = hb.run("check")
    assert check.code == 1 and ": F005 " in check.out, check
    result = hb.run("codeowners", today=None)
    assert result.code == 0, result
    written = (hb.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "@attacker" not in written and not any(line.startswith("*") for line in written.splitlines())
