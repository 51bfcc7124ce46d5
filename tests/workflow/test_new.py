"""`handbook new`: the next free id, a skeleton the check accepts apart from its placeholders, never an overwrite."""

from __future__ import annotations

import builtins
import re

import pytest
from workflow_support import WorkflowHandbook, findings_in

NEW = "docs/customer-service/cs-001.md"


def _todo_lines(text: str) -> list[int]:
    """Lines holding the placeholder word, counted from the file itself."""
    return [n for n, line in enumerate(text.split("\n"), start=1) if re.search(r"\bTODO\b", line)]


@pytest.mark.parametrize("fmt", ["simple", "hierarchical", "flowchart"])
def test_skeleton_fails_the_check_only_for_its_placeholders(hb: WorkflowHandbook, fmt: str):
    result = hb.run("new", "--department", "customer-service", "--title", "Answering the phone", "--format", fmt, "--channels", "phone,chat")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[0] == f"Created {NEW}: CS-001 Answering the phone (draft, owner Ana Example)."
    text = hb.read(NEW).decode("utf-8")
    todo = _todo_lines(text)
    assert len(todo) >= 8  # one per section to write, more in the Procedure

    check = hb.run_check(NEW)
    assert check.code == 1
    assert findings_in(check.out) == [f"{NEW}:{n}: TODO001" for n in todo]
    step = f"  1. Replace the TODO placeholders ({len(todo)} line(s)) with the real content; `handbook check {NEW}` lists what is left."
    assert result.out.splitlines()[3] == step

    # Filled in, the same file passes: nothing but the placeholders was wrong.
    filled = re.sub(r"\bTODO\b:?", "Done", text)
    hb.write(NEW, filled)
    assert hb.run_check(NEW) == (0, "passed: 1 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n", "")


def test_skeleton_front_matter_and_sections(hb: WorkflowHandbook):
    hb.run("new", "-d", "billing", "-t", "Refunds: the 'quick' way #1", "--format", "flowchart", "--channels", "email, phone")
    text = hb.read("docs/billing/br-001.md").decode("utf-8")
    front = text.split("---\n")[1]
    assert front == (
        "id: BR-001\n"
        "title: \"Refunds: the 'quick' way #1\"\n"
        "department: billing\n"
        "owner: Omar Example\n"
        "status: draft\n"
        'version: "0.1"\n'
        "effective: 2026-11-23\n"
        "last_reviewed: 2026-11-23\n"
        "format: flowchart\n"
        "channels: [email, phone]\n"
    )
    headings = [line for line in text.split("\n") if line.startswith("## ")]
    assert headings == [
        "## Purpose", "## Scope", "## Responsibilities", "## Definitions", "## Procedure",
        "## Performance measures", "## Documentation", "## Training", "## Self-assessment", "## Review and approval",
    ]  # fmt: skip
    assert "## Definitions\n\n{{ definitions() }}\n" in text
    assert "## Self-assessment\n\n### TODO: a question" in text and "\n- [x] TODO: the right answer\n- [ ] TODO: a wrong" in text
    assert "```mermaid\nflowchart TD\n" in text
    assert "reviewed every 6 months by its owner, Omar Example; `handbook review BR-001`" in text


def test_next_free_id_counts_ids_and_file_names(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md")
    hb.write_sop("docs/customer-service/cs-007.md", id="CS-007")
    hb.write("docs/customer-service/cs-009.md", "no front matter yet\n")  # its number is taken all the same
    hb.write_sop("docs/billing/br-012.md")  # another department's numbers do not count
    result = hb.run("new", "-d", "customer-service", "-t", "Callbacks")
    assert result.code == 0, result.err
    assert result.out.startswith("Created docs/customer-service/cs-010.md: CS-010 Callbacks")
    assert hb.read("docs/customer-service/cs-010.md").startswith(b"---\nid: CS-010\n")


def test_department_by_name_or_prefix_and_owner_flag(hb: WorkflowHandbook):
    result = hb.run("new", "-d", "Billing and Refunds", "-t", "Refunds", "--owner", "Bea Owner")
    assert result.code == 0, result.err
    assert b"\nowner: Bea Owner\n" in hb.read("docs/billing/br-001.md")
    assert "Run `handbook codeowners`" in result.out  # Bea is not the lead: CODEOWNERS gains her line
    assert hb.run("new", "-d", "cs", "-t", "Greeting").out.startswith("Created docs/customer-service/cs-001.md")


def test_never_overwrites_an_existing_file(hb: WorkflowHandbook, monkeypatch: pytest.MonkeyPatch):
    path = hb.write_sop(NEW)
    before = path.read_bytes()
    from handbook.commands import new

    monkeypatch.setattr(new, "next_id", lambda handbook, department: "CS-001")  # as if another author just took it
    result = hb.main("new", "-d", "customer-service", "-t", "Answering the phone")
    assert result.code == 2
    assert result.err == (
        f"handbook: error: {NEW}: already exists; handbook new never overwrites a file (rename or remove it, then run again)\n"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["cs-001.md"]  # no temporary file left


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-t", "Greeting"], '--department is needed when handbook new does not run in a terminal, e.g. handbook new --department billing --title "Refunding a duplicate payment"'),
        (["-d", "billing"], '--title is needed when handbook new does not run in a terminal, e.g. handbook new --department billing --title "Refunding a duplicate payment"'),
        (["-d", "biling", "-t", "X"], "--department: department 'biling' is not in mkdocs.yml (did you mean billing?); known: customer-service (CS), billing (BR)"),
        ([], '--department and --title are needed when handbook new does not run in a terminal, e.g. handbook new --department billing --title "Refunding a duplicate payment"'),
        (["-d", "biling", "--channels", "fax"], "--department: department 'biling' is not in mkdocs.yml (did you mean billing?); known: customer-service (CS), billing (BR)\n--channels: fax not known; choose from phone, face-to-face, chat, email, print\n"
         '--title is needed when handbook new does not run in a terminal, e.g. handbook new --department billing --title "Refunding a duplicate payment"'),
        (["-d", "billing", "-t", "  "], '--title: give the SOP a title, e.g. "Refunding a duplicate payment"'),
        (["-d", "billing", "-t", "X", "--channels", "phone,fax"], "--channels: fax not known; choose from phone, face-to-face, chat, email, print"),
        (["-d", "billing", "-t", "X", "--language", "de"], "--language de: not one of the handbook's languages (en, in extra.handbook.languages)"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(hb: WorkflowHandbook, argv: list[str], message: str):
    result = hb.run("new", *argv)
    assert (result.code, result.out, result.err) == (2, "", f"handbook: error: {message}\n")
    assert not (hb.root / "docs" / "billing").exists() and not (hb.root / "docs" / "customer-service").exists()


def test_a_translation_language_is_refused(hb: WorkflowHandbook):
    hb.set_config("languages: [en]", "languages: [en, pl]")
    result = hb.run("new", "-d", "billing", "-t", "X", "--language", "pl")
    assert result.code == 2
    assert result.err == (
        "handbook: error: --language pl: a new SOP is written in the handbook's source language, en; "
        "translate it afterwards with handbook new --translation-of ID --language pl\n"
    )


HUNGARIAN = {
    "Purpose": "Cél", "Scope": "Hatály", "Responsibilities": "Felelősség", "Definitions": "Fogalmak",
    "Procedure": "Eljárások", "Performance measures": "Teljesítménymérések", "Documentation": "Dokumentáció",
    "Training": "Képzés", "Review and approval": "Felülvizsgálat és jóváhagyás",
}  # fmt: skip


def test_headings_in_the_source_language(hb: WorkflowHandbook):
    hb.set_config("languages: [en]", "languages: [hu, en]")
    for english, hungarian in HUNGARIAN.items():
        hb.set_config(f"{{en: {english}}}", f"{{en: {english}, hu: {hungarian}}}")
    result = hb.run("new", "-d", "billing", "-t", "Visszatérítés")
    assert result.code == 0, result.err
    text = hb.read("docs/billing/br-001.md").decode("utf-8")
    headings = list(HUNGARIAN.values())
    headings.insert(headings.index(HUNGARIAN["Review and approval"]), "Self-assessment")  # no Hungarian heading configured
    assert [line[3:] for line in text.split("\n") if line.startswith("## ")] == headings
    check = hb.run_check("docs/billing/br-001.md")
    assert {f.split(" ")[-1] for f in findings_in(check.out)} == {"TODO001"}


def test_a_section_without_a_source_language_heading_is_a_config_error(hb: WorkflowHandbook):
    hb.set_config("languages: [en]", "languages: [hu, en]")
    expected = (
        "handbook: error: mkdocs.yml: extra.handbook.sections.purpose: no heading in hu, "
        "the handbook's source language (the first of languages)\n"
    )
    for argv in (["new", "-d", "billing", "-t", "X"], ["check"]):
        result = hb.run(*argv)
        assert (result.code, result.out, result.err) == (2, "", expected)


def test_prompts_for_what_is_missing_in_a_terminal(hb: WorkflowHandbook, monkeypatch: pytest.MonkeyPatch):
    answers = iter(["billing", "Refunding a duplicate payment", "hierarchical", "phone, email"])
    prompts: list[str] = []

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", fake_input)
    result = hb.main("new")
    assert result.code == 0, result.err
    assert [p.split(" (")[0].split(" [")[0] for p in prompts] == ["Department", "Title", "Format", "Channels"]
    text = hb.read("docs/billing/br-001.md").decode("utf-8")
    assert "\nformat: hierarchical\nchannels: [phone, email]\n" in text
    assert "### Stage 1: TODO name the first stage" in text


def test_only_missing_values_are_asked(hb: WorkflowHandbook, monkeypatch: pytest.MonkeyPatch):
    prompts: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt="": prompts.append(prompt) or "")
    result = hb.main("new", "-d", "billing", "-t", "Refunds")
    assert result.code == 0, result.err
    assert prompts == ["Format (simple, hierarchical, flowchart) [simple]: ", "Channels (phone, face-to-face, chat, email, print; comma-separated) [none]: "]
    assert b"\nformat: simple\n---\n" in hb.read("docs/billing/br-001.md")


def test_a_wrong_answer_is_asked_again(hb: WorkflowHandbook, monkeypatch: pytest.MonkeyPatch):
    """A typo (`billng`) is explained and asked again: the command goes on, no answer lands in the shell."""
    answers = iter(["billng", "BR", "", "Refunds", "poem", "", "fax", "phone"])
    prompts: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt="": prompts.append(prompt) or next(answers))
    result = hb.main("new", "-d", "billng")
    assert result.code == 0, result.err
    assert [p.split(" (")[0].split(" [")[0] for p in prompts] == ["Department", "Department", "Title", "Title", "Format", "Format", "Channels", "Channels"]
    assert result.err.splitlines()[:3] == [
        "--department: department 'billng' is not in mkdocs.yml (did you mean billing?); known: customer-service (CS), billing (BR)",
        "  department 'billng' is not in mkdocs.yml (did you mean billing?); known: customer-service (CS), billing (BR); try again (Ctrl-C to stop)",
        '  give the SOP a title, e.g. "Refunding a duplicate payment"; try again (Ctrl-C to stop)',
    ]
    assert "format 'poem' is not one of simple, hierarchical, flowchart; try again" in result.err
    assert "fax not known" in result.err
    assert "\nchannels: [phone]\n" in hb.read("docs/billing/br-001.md").decode("utf-8")


def test_translation_skeleton_keeps_the_text_under_localised_headings(hb: WorkflowHandbook):
    config = hb.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, pl]")
    text = text.replace("    glossary: glossary.yml\n", "    glossary: glossary.yml\n    self_assessment:\n      headings: {en: Self-assessment, pl: Samoocena}\n")
    config.write_text(text.replace("purpose: {en: Purpose}", "purpose: {en: Purpose, pl: Cel}"), encoding="utf-8")
    hb.write_sop(NEW, sections={"Self-assessment": "### Can you skip verification?\n\n- [ ] Yes\n- [x] No\n"})
    partial = hb.run("new", "--translation-of", "CS-001", "--language", "pl")  # eight sections have no Polish heading
    assert partial.code == 2 and "--language pl: no pl heading for the section(s) scope, responsibilities" in partial.err, partial.err
    text = config.read_text(encoding="utf-8")
    for english, polish in (("Scope", "Zakres"), ("Responsibilities", "Odpowiedzialność"), ("Definitions", "Definicje"), ("Procedure", "Procedura"),
                            ("Performance measures", "Mierniki"), ("Documentation", "Dokumentacja"), ("Training", "Szkolenie"), ("Review and approval", "Przegląd")):
        text = text.replace(f"{{en: {english}}}", f"{{en: {english}, pl: {polish}}}")
    config.write_text(text, encoding="utf-8")
    result = hb.run("new", "--translation-of", "CS-001", "--language", "pl")
    assert result.code == 0, result.err
    target = "docs/customer-service/cs-001.pl.md"
    assert result.out.startswith(f"Created {target}: the pl translation of CS-001")
    translation = hb.read(target).decode("utf-8")
    assert translation.startswith('---\nid: CS-001\ntitle: "TODO: ')
    assert 'translation_of_version: "1.0"' in translation
    assert "\n## Cel\n" in translation and "\n## Purpose\n" not in translation
    assert "\n## Samoocena\n\n### Can you skip verification?\n\n- [ ] Yes\n- [x] No\n" in translation  # the quiz, to translate
    check = hb.run_check(target)
    assert {line.split(": ", 2)[1] for line in findings_in(check.out)} == {"TODO001"}, check.out
    again = hb.run("new", "--translation-of", "CS-001", "--language", "pl")
    assert again.code == 2 and "already exists" in again.err


def test_translation_needs_a_known_id_and_a_translated_language(hb: WorkflowHandbook):
    hb.write_sop(NEW)
    assert "no SOP has that id" in hb.run("new", "--translation-of", "CS-404", "--language", "pl").err
    assert "a translation needs one of" in hb.run("new", "--translation-of", "CS-001", "--language", "en").err
