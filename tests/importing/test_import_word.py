"""`handbook import` of a Word document: front matter from its properties, sections mapped, lists and tables kept."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from tests.importing.conftest import handbook_cmd

SOURCE = "refund-duplicate-card-payment.docx"


def _import(root: Path, sources: Path, *extra: str):
    return handbook_cmd(root, "import", str(sources / SOURCE), "--department", "billing", *extra)


def test_word_document_becomes_a_draft_with_its_properties(handbook_root: Path, sources: Path) -> None:
    result = _import(handbook_root, sources)
    assert result.code == 0, result.err
    assert result.err == ""  # the check finds nothing but the TODOs in what was written
    text = (handbook_root / "docs/billing/br-001.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert "id: BR-001\n" in front and "status: draft\n" in front and 'version: "0.1"\n' in front
    assert "title: Refunding a duplicate card payment\n" in front  # the Title paragraph
    assert "owner: Omar Example\n" in front  # the document's author
    assert "last_reviewed: 2026-03-14\n" in front and "effective: 2024-02-01\n" in front  # modified and created, kept
    assert "tags: [refund, card, duplicate]\n" in front
    assert "format: simple\n" in front
    assert "  last_modified_by: Jane Auditor\n" in front and "  subject: Billing operations\n" in front
    assert f"  source: {Path(os.path.relpath(sources / SOURCE, handbook_root)).as_posix()}\n" in front
    assert "  imported: '2026-11-23'\n  format: docx\n" in front


def test_word_sections_are_mapped_and_the_rest_kept_marked(handbook_root: Path, sources: Path) -> None:
    result = _import(handbook_root, sources)
    assert "`3. Roles and Responsibilities` -> Responsibilities (by name)" in result.out
    assert "`5. Process` -> Procedure (by name)" in result.out
    assert "Training: missing in the source; a TODO stands in its place" in result.out
    assert "`8. Escalation contacts`: matched no required section; kept under Imported text to place" in result.out
    body = (handbook_root / "docs/billing/br-001.md").read_text(encoding="utf-8")
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Purpose", "## Scope", "## Responsibilities", "## Definitions", "## Procedure", "## Performance measures",
        "## Documentation", "## Training", "## Review and approval", "## Imported text to place",
    ]
    assert "### 8. Escalation contacts\n\nPayment provider desk: extension 4410." in body
    # Nested numbered lists at 4-space indents (Python-Markdown's rule), three levels deep.
    assert "1.  Find the order in the billing system.\n\n    1.  Search by" in body
    assert "\n        1.  Check that both captures succeeded." in body
    assert "| Billing agent | Checks the payments, issues the refund \\| records it |" in body.replace("  ", " ").replace("  ", " ")
    # Template markers in the text are escaped: the build shows them, Jinja never reads them.
    assert "{{" not in body and "&#123;{ placeholders }}" in body
    image = handbook_root / "docs/billing/br-001-media/image1.png"
    assert image.read_bytes().startswith(b"\x89PNG") and "![](br-001-media/image1.png)" in body


def test_check_shows_only_the_expected_todos(handbook_root: Path, sources: Path) -> None:
    _import(handbook_root, sources)
    check = handbook_cmd(handbook_root, "check", "--format", "json")
    found = [(f["file"], f["line"], f["code"]) for f in json.loads(check.out)["problems"]]
    lines = (handbook_root / "docs/billing/br-001.md").read_text(encoding="utf-8").splitlines()
    todo_lines = [n for n, line in enumerate(lines, 1) if "TODO" in line]
    assert found == [("docs/billing/br-001.md", n, "TODO001") for n in todo_lines]
    assert [lines[n - 1] for n in todo_lines] == [
        "TODO: refund-duplicate-card-payment.docx has no Training section; write it.",
        "TODO: this text from refund-duplicate-card-payment.docx matched no required section: move it into the sections above "
        "(or keep it under a heading of its own), then remove this section.",
    ]


def test_json_report(handbook_root: Path, sources: Path) -> None:
    result = _import(handbook_root, sources, "--format", "json")
    report = json.loads(result.out)
    assert report["summary"] == {"imported": 1, "skipped": 0, "failed": 0}
    (entry,) = report["files"]
    assert entry["target"] == "docs/billing/br-001.md" and entry["id"] == "BR-001" and entry["outcome"] == "imported"
    assert "document author -> owner" in entry["mapped"]
    assert entry["not_kept"] == ["1 template marker(s) ({{, {% or {#) escaped so the build shows them as text"]


def test_never_overwrites_and_never_imports_twice(handbook_root: Path, sources: Path) -> None:
    media = handbook_root / "docs/billing/br-001-media/image1.png"
    media.parent.mkdir(parents=True)
    media.write_bytes(b"someone else's picture")
    blocked = _import(handbook_root, sources)
    assert blocked.code == 0
    assert "skipped: docs/billing/br-001-media/image1.png already exists; import never overwrites a file" in blocked.out
    assert media.read_bytes() == b"someone else's picture" and not (handbook_root / "docs/billing/br-001.md").exists()
    media.unlink()
    assert _import(handbook_root, sources).code == 0
    again = _import(handbook_root, sources)
    assert "skipped: already imported as BR-001 (docs/billing/br-001.md)" in again.out
    assert not (handbook_root / "docs/billing/br-002.md").exists()


def test_usage_errors(handbook_root: Path, sources: Path) -> None:
    missing = handbook_cmd(handbook_root, "import", "no-such.docx", "--department", "billing")
    assert (missing.code, missing.err) == (2, "handbook: error: no-such.docx: no such file or folder\n")
    other = handbook_cmd(handbook_root, "import", str(sources / SOURCE), "--department", "bilin")
    assert other.code == 2 and "department 'bilin' is not in mkdocs.yml (did you mean billing?)" in other.err
    (handbook_root / "notes.txt").write_text("x", encoding="utf-8")
    text = handbook_cmd(handbook_root, "import", "notes.txt", "--department", "billing")
    assert text.code == 2 and "notes.txt: not a Markdown (.md) or Word (.docx) file" in text.err


def test_a_broken_document_fails_alone(handbook_root: Path, sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a Word document")
    (folder / SOURCE).write_bytes((sources / SOURCE).read_bytes())
    result = handbook_cmd(handbook_root, "import", str(folder), "--department", "billing")
    assert result.code == 1
    assert re.search(r"^\S*broken\.docx: failed: cannot be read: ", result.out, re.M)
    assert "1 imported into docs/billing/ as drafts, 0 skipped, 1 failed." in result.out
    assert (handbook_root / "docs/billing/br-001.md").exists() and not (handbook_root / "docs/billing/br-002.md").exists()
