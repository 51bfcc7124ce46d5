"""The people registry in `handbook check` (PPL001): the names `codeowners --check` would fail on, found first."""

from __future__ import annotations

from workflow_support import WorkflowHandbook, findings_in


def test_an_owner_missing_from_the_registry_fails_the_check_as_codeowners_does(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md", owner="Zoe Unknown")
    check = hb.run("check")
    assert check.code == 1
    assert findings_in(check.out) == ["docs/customer-service/cs-001.md:5: PPL001"]
    assert "owner Zoe Unknown is not in the people registry (extra.handbook.people in mkdocs.yml)" in check.out
    assert hb.run("codeowners", today=None).code == 2  # the same name stops CODEOWNERS


def test_a_lead_missing_from_the_registry_is_reported_at_its_line(hb: WorkflowHandbook):
    hb.set_config('      Omar Example: "@northwind/billing-leads"\n', "")
    hb.write_sop("docs/customer-service/cs-001.md")
    check = hb.run("check")
    line = next(n for n, text in enumerate((hb.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1) if "lead: Omar Example" in text)
    assert check.code == 1
    assert findings_in(check.out) == [f"mkdocs.yml:{line}: PPL001"]
    assert "extra.handbook.departments.billing.lead: Omar Example is not in the people registry" in check.out


def test_owners_in_the_registry_and_the_lead_pass(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md", owner="Bea Owner")
    hb.write_sop("docs/customer-service/cs-002.md")  # owned by the lead: the department's line names them
    check = hb.run("check")
    assert (check.code, findings_in(check.out)) == (0, [])
    assert hb.run("codeowners", today=None).code == 0  # CODEOWNERS agrees: every name is known


def test_a_handbook_without_a_registry_does_not_use_codeowners(hb: WorkflowHandbook):
    text = (hb.root / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("    people:\n")
    hb.set_config(text[start:], "")
    hb.write_sop("docs/customer-service/cs-001.md", owner="Zoe Unknown")
    assert hb.run("check").code == 0
