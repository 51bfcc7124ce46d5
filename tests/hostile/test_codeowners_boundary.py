"""CODEOWNERS as a security boundary (issue 16): no value can break a line or widen a rule, and the tooling CI runs has owners.

Every `handbook` run here is a child process with a memory and CPU limit (tests/hostile/conftest.py).
"""

from __future__ import annotations

from workflow_support import WorkflowHandbook

from handbook.codeowners import TOOLING

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


TOOLING_OWNERS = '    tooling_owners: ["@northwind/handbook-maintainers", "@ana-example"]\n'


def test_the_tooling_owners_own_the_code_ci_runs_on_the_last_lines(hb: WorkflowHandbook):
    hb.set_config("    people:\n", TOOLING_OWNERS + "    people:\n")
    hb.write_sop("docs/customer-service/cs-001.md", owner="Bea Owner")
    lines = _lines(hb)
    owned = [f"/{path} @northwind/handbook-maintainers @ana-example" for path in ("mkdocs.yml", *TOOLING)]
    assert [line for line in lines if line and not line.startswith("#")][-len(owned):] == owned  # last: no SOP line overrides them
    assert {"/.github/", "/hooks/", "/macros/", "/handbook/", "/pyproject.toml", "/mkdocs.yml"} <= {line.split()[0] for line in owned}
    assert hb.run("codeowners", "--check", today=None).code == 0  # --check accepts the file it writes


def test_without_tooling_owners_the_file_says_nobody_owns_the_tooling(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md")
    lines = _lines(hb)
    assert "# Nobody owns the tooling and CI files: set extra.handbook.tooling_owners in mkdocs.yml." in lines
    assert not any(line.startswith("/hooks/") for line in lines)


def test_a_tooling_owner_that_is_not_a_handle_is_refused(hb: WorkflowHandbook):
    config = (hb.root / "mkdocs.yml").read_text(encoding="utf-8")
    cases = [
        ('["@org/team\\n* @attacker"]', "tooling_owners: '@org/team\\n* @attacker' is not a GitHub user (@name), team (@org/team) or e-mail"),
        ('["maintainers"]', "tooling_owners: 'maintainers' is not a GitHub user (@name), team (@org/team) or e-mail"),
        ("[]", "tooling_owners: list the GitHub users or teams who review the tooling"),
    ]
    for bad, message in cases:
        hb.write("mkdocs.yml", config.replace("    people:\n", f"    tooling_owners: {bad}\n    people:\n", 1))
        result = hb.run("codeowners", today=None)
        assert (result.code, result.out) == (2, ""), (bad, result)
        assert f"mkdocs.yml: extra.handbook.{message}" in result.err, result.err
        assert not (hb.root / ".github").exists()


def test_a_file_name_with_a_glob_character_is_refused(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-0*.md", id="CS-002", owner="Bea Owner")  # would make its owner review every cs-0 file
    result = hb.run("codeowners", today=None)
    assert result.code == 2, result
    assert "'docs/customer-service/cs-0*.md': a file name with * ? [ ] ! # or \\ would be read as a pattern in CODEOWNERS; rename the file" in result.err
    assert not (hb.root / ".github").exists()
