"""`handbook import` of a folder of Markdown procedures from another handbook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.importing.conftest import handbook_cmd


@pytest.fixture
def imported(handbook_root: Path, sources: Path) -> tuple[Path, str]:
    result = handbook_cmd(
        handbook_root, "import", str(sources / "old-handbook"), "--department", "billing", "--old-site", "https://old.example.com"
    )
    assert result.code == 0, result.err
    assert result.err == ""
    return handbook_root, result.out


def _sop(root: Path, number: int) -> str:
    return (root / f"docs/billing/br-{number:03d}.md").read_text(encoding="utf-8")


def _by_source(root: Path) -> dict[str, str]:
    """Source file name -> the imported SOP's text."""
    found = {}
    for path in sorted((root / "docs/billing").glob("br-*.md")):
        text = path.read_text(encoding="utf-8")
        source = next(line for line in text.splitlines() if line.startswith("  source: "))
        found[source.rsplit("/", 1)[1]] = text
    return found


def test_every_procedure_imported_once_in_order(imported: tuple[Path, str]) -> None:
    root, out = imported
    assert "_index.md: skipped: a folder's index page, not a procedure (its text stays in the source)" in out
    assert out.rstrip().splitlines()[-1].startswith("12 imported into docs/billing/ as drafts, 1 skipped, 0 failed.")
    assert sorted(p.name for p in (root / "docs/billing").glob("br-*.md")) == [f"br-{n:03d}.md" for n in range(1, 13)]
    assert "address-change.md -> docs/billing/br-001.md (BR-001 Change a billing address, draft)" in out


def test_front_matter_keys_mapped_or_kept_under_legacy(imported: tuple[Path, str]) -> None:
    root, _ = imported
    sops = _by_source(root)
    duplicate = sops["duplicate-payment.md"].split("---\n")[1]
    assert "owner: Omar Example\n" in duplicate and "last_reviewed: 2025-06-30\n" in duplicate and "effective: 2023-01-10\n" in duplicate
    assert "tags: [refunds, cards]\n" in duplicate and "status: draft\n" in duplicate
    assert "  weight: 10\n  slug: duplicate\n  aliases:\n  - /old/refund-twice/\n" in duplicate
    toml = sops["chargebacks.md"].split("---\n")[1]  # TOML front matter (+++)
    assert "title: Handle a chargeback\n" in toml and "last_reviewed: 2025-09-01\n" in toml and "  draft: false\n" in toml
    assert 'version: "2.1"\n' in sops["direct-debit.md"] and "description: Setting up a customer's direct debit" in sops["direct-debit.md"]
    shopper = sops["mystery-shopper.md"].split("---\n")[1]
    assert "\ndescription:" not in shopper and "  description: How the quality team plans" in shopper  # too long for the field
    voicemail = sops["voicemail.md"].split("---\n")[1]  # no front matter: the heading is the title, the lead the owner
    assert "title: Handle a voicemail\n" in voicemail and "owner: Ben Lead\n" in voicemail and "last_reviewed: 2026-11-23\n" in voicemail


def test_links_images_and_shortcodes(imported: tuple[Path, str]) -> None:
    root, out = imported
    sops = _by_source(root)
    ids = {name: next(l for l in text.splitlines() if l.startswith("id: "))[4:].lower() for name, text in sops.items()}
    duplicate = sops["duplicate-payment.md"]
    assert f"[chargeback rules]({ids['chargebacks.md']}.md)" in duplicate  # a Hugo ref shortcode
    assert f"[the callback workflow]({ids['callback.md']}.md)" in duplicate  # a pretty URL, relative to the page
    assert f"[here]({ids['chargebacks.md']}.md)" in duplicate  # a site-absolute link
    assert "privacy (`https://old.example.com/policies/privacy/`)" in duplicate  # the old site, page not imported
    image = f"{ids['duplicate-payment.md']}-media/payments-tab.png"
    assert f"![The payments tab]({image})" in duplicate and (root / "docs/billing" / image).read_bytes().startswith(b"\x89PNG")
    assert "!!! warning\n    Never refund the **first** payment" in duplicate
    address = sops["address-change.md"]
    assert "([ID check](./missing-page.md))" not in address and "ID check (`./missing-page.md`)" in address
    assert f"[evidence rules]({ids['chargebacks.md']}.md#evidence)" in address  # the section kept its anchor
    assert "line 13: link `./missing-page.md` points at nothing imported: kept as text with its address" in out
    assert '!!! tip "Be on time"\n    Call within the hour you promised.' in sops["callback.md"]
    assert '??? note "If nobody answers"\n    Leave a short message' in sops["callback.md"]
    assert "!!! info\n    A partial refund keeps the order open." in sops["partial-refund.md"]
    assert "!!! warning\n    The deadline is 7 days" in sops["chargebacks.md"]
    invoice = sops["invoice-copy.md"]
    assert "line 12: shortcode `{{< youtube dQw4w9WgXcQ >}}` has no Material equivalent: kept as text" in out
    # In prose the brace is an entity; code is text to the build (handbook.templating.codetext) and stays as written.
    assert "&#123;{< youtube dQw4w9WgXcQ >}}" in invoice and "`{{ customer_name }}`" in invoice
    assert "```text\nDear {{ customer_name }},\nplease find your invoice attached.\n```" in invoice and "{% raw %}" not in invoice
    assert f"[scorecard][card]" in sops["call-scoring.md"] and f"[card]: {ids['call-scoring.md']}-media/scorecard.pdf" in sops["call-scoring.md"]


def test_sections_mapped_and_stages_without_steps(imported: tuple[Path, str]) -> None:
    root, out = imported
    sops = _by_source(root)
    assert "`Roles and Responsibilities` -> Responsibilities (by name)" in out and "`KPIs` -> Performance measures (by name)" in out
    assert "`Who this applies to`: matched no required section; kept under Imported text to place" in out
    assert "## Imported text to place" in sops["duplicate-payment.md"] and "### Who this applies to\n\nBilling agents" in sops["duplicate-payment.md"]
    assert "format: hierarchical" in sops["angry-caller.md"] and "TODO: write this stage" not in sops["angry-caller.md"]
    escalation = sops["escalation.md"]
    assert "format: hierarchical" in escalation
    assert "### Decide\n\nJudge whether you can solve it yourself within the call.\n\n1. TODO: write this stage as numbered steps" in escalation
    assert "## Imported text to place" not in sops["direct-debit.md"] and "TODO" not in sops["direct-debit.md"]


def test_check_shows_only_todos_one_per_gap(imported: tuple[Path, str]) -> None:
    root, _ = imported
    check = json.loads(handbook_cmd(root, "check", "--format", "json").out)
    assert {p["code"] for p in check["problems"]} == {"TODO001"}
    for problem in check["problems"]:  # each at a line of its file that holds the TODO
        lines = (root / problem["file"]).read_text(encoding="utf-8").splitlines()
        assert "TODO" in lines[problem["line"] - 1]
    per_file = {}
    for problem in check["problems"]:
        per_file[problem["file"]] = per_file.get(problem["file"], 0) + 1
    sops = _by_source(root)
    assert "direct-debit.md" in sops and all("direct-debit" not in f for f in per_file)
    assert check["errors"] == sum(text.count("TODO") for text in sops.values())


def test_json_report_lists_every_file(handbook_root: Path, sources: Path) -> None:
    result = handbook_cmd(handbook_root, "import", str(sources / "old-handbook"), "-d", "billing", "--format", "json")
    report = json.loads(result.out)
    assert report["summary"] == {"imported": 12, "skipped": 1, "failed": 0}
    assert [f["outcome"] for f in report["files"]].count("imported") == 12
    first = next(f for f in report["files"] if f["source"].endswith("duplicate-payment.md"))
    assert "front matter `updated` -> last_reviewed" in first["mapped"]
    assert "Scope: missing in the source; a TODO stands in its place" in first["needs_author"]


def test_synonyms_are_validated_with_the_policy(handbook_root: Path) -> None:
    config = handbook_root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      scope: {en: [Applicability, Coverage]}\n" in text
    config.write_text(text.replace("      scope: {en: [Applicability, Coverage]}\n", "      scoop: {en: [Applicability]}\n"), encoding="utf-8")
    result = handbook_cmd(handbook_root, "check")
    assert result.code == 2
    assert result.err.startswith("handbook: error: mkdocs.yml: extra.handbook.synonyms.scoop: not a section key of extra.handbook.sections (")


def test_a_synonym_maps_a_heading_the_check_alone_would_not_accept(handbook_root: Path, tmp_path: Path) -> None:
    source = tmp_path / "coverage.md"
    source.write_text("---\ntitle: Coverage test\nauthor: Ana Example\ndate: 2026-01-05\n---\n\n## Coverage\n\nEvery caller.\n", encoding="utf-8")
    result = handbook_cmd(handbook_root, "import", str(source), "-d", "quality")
    assert "`Coverage` -> Scope (by name)" in result.out
    assert "## Scope\n\nEvery caller.\n" in (handbook_root / "docs/quality/qt-001.md").read_text(encoding="utf-8")
