"""`handbook codeowners`: CODEOWNERS from SOP owners, department leads and the people registry; --check for CI."""

from __future__ import annotations

import pytest
from workflow_support import ROOT, WorkflowHandbook, run_handbook

from handbook.codeowners import HEADER

EXPECTED = (
    HEADER
    + "\n"
    + "# Customer Service (lead: Ana Example)\n"
    + "/docs/customer-service/ @ana-example\n"
    + "/docs/customer-service/cs-002.md @bea-owner @ana-example\n"
    + "/docs/customer-service/cs-002.*.md @bea-owner @ana-example\n"
    + "\n"
    + "# Billing and Refunds (lead: Omar Example)\n"
    + "/docs/billing/ @northwind/billing-leads\n"
    + "\n"
    + "# Nobody owns the tooling and CI files: set extra.handbook.tooling_owners in mkdocs.yml.\n"
)


def _two_owners(hb: WorkflowHandbook) -> None:
    hb.write_sop("docs/customer-service/cs-001.md")  # owned by the lead: the folder line covers it
    hb.write_sop("docs/customer-service/cs-002.md", owner="Bea Owner")


def test_the_example_handbooks_codeowners_is_up_to_date():
    result = run_handbook("codeowners", "--check", today=None, cwd=ROOT)
    assert result == (0, ".github/CODEOWNERS is up to date.\n", ""), result.out


def test_writes_codeowners(hb: WorkflowHandbook):
    _two_owners(hb)
    result = hb.run("codeowners", today=None)
    assert result == (0, "Wrote .github/CODEOWNERS: every SOP's owner and department lead is asked to review its pull requests.\n", "")
    assert (hb.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == EXPECTED
    assert hb.run("codeowners", "--check", today=None) == (0, ".github/CODEOWNERS is up to date.\n", "")


def test_check_fails_when_missing_or_out_of_date(hb: WorkflowHandbook):
    _two_owners(hb)
    missing = hb.run("codeowners", "--check", today=None)
    assert missing == (1, ".github/CODEOWNERS is missing: run `handbook codeowners` and commit the file.\n", "")
    assert not (hb.root / ".github").exists()  # --check writes nothing

    hb.run("codeowners", today=None)
    hb.write_sop("docs/customer-service/cs-002.md", owner="Ana Example")  # ownership moved to the lead
    stale = hb.run("codeowners", "--check", today=None)
    assert stale.code == 1
    assert "-/docs/customer-service/cs-002.md @bea-owner @ana-example\n" in stale.out
    assert stale.out.endswith(".github/CODEOWNERS is out of date: run `handbook codeowners` and commit the file.\n")


def test_crlf_checkout_is_up_to_date(hb: WorkflowHandbook):
    _two_owners(hb)
    hb.write(".github/CODEOWNERS", EXPECTED.replace("\n", "\r\n"))
    assert hb.run("codeowners", "--check", today=None).code == 0


def test_translations_follow_their_source(hb: WorkflowHandbook):
    hb.set_config("languages: [en]", "languages: [en, pl]")
    _two_owners(hb)
    hb.write_sop("docs/customer-service/cs-002.pl.md", lang="pl", owner="Somebody Else")  # a translation's owner is its source's
    hb.run("codeowners", today=None)
    assert (hb.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == EXPECTED


def test_an_owner_missing_from_the_registry_is_named(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md", owner="Zoe Unknown")
    result = hb.run("codeowners", today=None)
    assert result == (
        2,
        "",
        'handbook: error: docs/customer-service/cs-001.md:5: Zoe Unknown is not in the people registry; add `Zoe Unknown: "@github-user"` under extra.handbook.people in mkdocs.yml\n',
    )
    assert not (hb.root / ".github").exists()


def test_a_lead_missing_from_the_registry_is_named(hb: WorkflowHandbook):
    hb.set_config('      Omar Example: "@northwind/billing-leads"\n', "")
    result = hb.run("codeowners", today=None)
    assert result.code == 2
    assert result.err == (
        "handbook: error: mkdocs.yml: extra.handbook.departments.billing.lead: Omar Example is not in the people registry; "
        'add `Omar Example: "@github-user"` under extra.handbook.people in mkdocs.yml\n'
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('Bea Owner: "bea-owner"', "mkdocs.yml: extra.handbook.people.Bea Owner: 'bea-owner' is not a GitHub user (@name), team (@org/team) or e-mail; quote it: \"@name\""),
        ("Bea Owner:", "mkdocs.yml: extra.handbook.people.Bea Owner: None is not a GitHub user (@name), team (@org/team) or e-mail; quote it: \"@name\""),
    ],
)
def test_a_bad_registry_entry_is_a_config_error(hb: WorkflowHandbook, entry: str, message: str):
    hb.set_config('Bea Owner: "@bea-owner"', entry)
    result = hb.run("codeowners", today=None)
    assert result == (2, "", f"handbook: error: {message}\n")
    assert hb.run_check().code == 2  # the check reads the same policy
