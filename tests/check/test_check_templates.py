"""`handbook check` reads page templates as the build's sandbox does: TPL001-TPL005 at the file's line.

Code spans, fenced blocks (``` or ~~~, at any indent) and Mermaid diagrams are text, never a
template; TODO in a code sample is not a placeholder, TODO in a diagram (`handbook new`'s
flowchart stub) still is.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from check_support import ROOT, TempHandbook, findings_in, messages_in

SOP = "docs/cs/cs-001.md"

PASSING = {
    "code span": "Reply with `{{ticket.title}}` and ``{% if vip %}`` as written.",
    "code span over two lines": "Reply with `{{ticket\n.title}}` as written.",
    "fence": "```text\nDear {{customer.name}},\n{% for x in y %}\n```",
    "tilde fence": "~~~\n{{ ticket.id }} {# kept #}\n~~~",
    "fence in a list": "1. Send:\n\n    ```yaml\n    subject: \"{{ticket.title}}\"\n    ```",
    "fence in an admonition": '!!! note "Sample"\n\n    ```\n    {{agent.first_name}}\n    ```',
    "mermaid hexagon": '```mermaid\nflowchart TD\n    A{{"Do you want a callback?"}} --> B\n```',
    "heading anchor": "### Escalation {#escalation}\n\nEscalate.",
    "unknown term in code": 'Write `{{ term("NOPE") }}` to link a term.',
    "page data": "Owner: {{ page.meta.owner | upper }}, id {{ id }}.",
    "set and use": "{% set who = owner %}Ask {{ who }}.",
    "literal braces": "Write {{ '{{' }}ticket.title}} or {% raw %}{{ticket.title}}{% endraw %}.",
}


@pytest.mark.parametrize("content", PASSING.values(), ids=PASSING.keys())
def test_code_and_page_data_pass(handbook_dir: TempHandbook, content: str):
    handbook_dir.write_sop(SOP, sections={"Training": content})
    code, out, _ = handbook_dir.check()
    assert (code, findings_in(out)) == (0, []), out


FAILING = {
    # name: (Training content, text on the reported line, code, message part)
    "unclosed call": ('Keep {{ term("AHT" }} low.', 'term("AHT" }}', "TPL001", "unexpected '}', expected ')'"),
    "unclosed if": ("{% if status %}\nOnly approved.\n\nMore.", "{% if status %}", "TPL001", "`{% if %}` opened here is never closed with `{% endif %}`"),
    "unknown filter": ("{{ owner | pretty }}", "| pretty", "TPL001", "No filter named 'pretty'"),
    "placeholder outside code": ("Reply with {{ticket.title}} filled in.", "{{ticket.title}}", "TPL002", "`ticket` is not a handbook macro or a field of this page"),
    "unknown macro": ('{{ glossary("AHT") }}', "glossary(", "TPL002", "`glossary` is not a handbook macro"),
    "hidden jinja global": ("{{ cycler.__init__.__globals__ }}", "cycler", "TPL003", "(`cycler` is not available to pages)"),
    "plugin variable": ("{{ config.theme.get_env() }}", "config.theme", "TPL003", "(`config` is not available to pages)"),
    "dunder": ("{{ ''.__class__ }}", "__class__", "TPL003", "(`__class__` is an internal attribute)"),
    "include": ("{% include 'mkdocs.yml' %}", "include", "TPL003", "would load another file"),
    "unsafe method": ("{{ channels.append('fax') }}", "append", "TPL003", "(it calls a function or method pages may not call)"),
    "hugo alert": ("{{< alert >}}\nBe kind.\n{{< /alert >}}", "{{< alert >}}", "TPL004", "write a Material admonition instead"),
    "hugo include": ('{{% include "reply.md" %}}', "{{% include", "TPL004", "paste the text into the SOP instead"),
    "hugo ref": ('{{< ref "cs-002" >}}', "{{< ref", "TPL004", 'or {{ sop("ID") }} for another SOP'),
    "too many arguments": ('{{ sop("CS-001", "x") }}', 'sop("CS-001", "x")', "TPL005", "sop() is called wrongly: too many positional arguments"),
}


@pytest.mark.parametrize("case", FAILING.values(), ids=FAILING.keys())
def test_template_problem_is_reported_at_its_file_line(handbook_dir: TempHandbook, case):
    content, needle, rule, part = case
    handbook_dir.write_sop(SOP, channels="[phone]", sections={"Training": content})
    line = handbook_dir.line_of(SOP, needle)
    code, out, _ = handbook_dir.check()
    assert code == 1
    assert findings_in(out) == [f"{SOP}:{line}: {rule}"], out
    (message,) = messages_in(out)[f"{SOP}:{line}: {rule}"]
    assert part in message, message


def test_lines_count_the_front_matter(handbook_dir: TempHandbook):
    """The line is the file's (as an editor shows it), not the template's: mkdocs-macros counted from the body."""
    handbook_dir.write_sop(SOP, tags="[phones]", channels="\n  - phone\n  - chat", sections={"Purpose": 'x\n\n{{ term("AHT" }}'})
    assert handbook_dir.line_of(SOP, 'term("AHT" }}') == 20  # the template's line 6
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:20: TPL001"]


def test_hint_shows_how_to_write_braces_literally(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Training": "Reply with {{ticket.title}}."})
    _, out, _ = handbook_dir.check()
    assert "    hint: Use term(), sop(), definitions() or a front-matter field; to show braces as text, write them in backticks or as {{ '{{' }}." in out


def test_strict_undefined_from_mkdocs_yml_reaches_page_fields(handbook_dir: TempHandbook):
    """`on_undefined: strict` (the macros plugin's setting) makes a missing field an error, as in the build."""
    handbook_dir.write_sop(SOP, sections={"Training": "Owner: {{ page.meta.nobody }}."})
    line = handbook_dir.line_of(SOP, "page.meta.nobody")
    assert findings_in(handbook_dir.check()[1]) == []  # mkdocs-macros' default, keep: shown as written
    config = handbook_dir.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "plugins:\n  - macros:\n      on_undefined: strict\n", encoding="utf-8")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: TPL002"]
    assert "'dict object' has no attribute 'nobody'" in out


def test_todo_in_code_samples_is_text_but_not_in_diagrams(handbook_dir: TempHandbook):
    body = "\n".join(
        [
            "Run `# TODO` in the shell; never write TODO notes.",
            "",
            "```python",
            "# TODO remove this sample line",
            "```",
            "",
            "```mermaid",
            "flowchart TD",
            '    A["TODO: first step"] --> B',
            "```",
        ]
    )
    handbook_dir.write_sop(SOP, sections={"Training": body})
    _, out, _ = handbook_dir.check()
    plain, diagram = handbook_dir.line_of(SOP, "never write TODO"), handbook_dir.line_of(SOP, "TODO: first step")
    assert findings_in(out) == [f"{SOP}:{plain}: TODO001", f"{SOP}:{diagram}: TODO001"], out


def test_macro_calls_in_code_are_not_checked_against_the_glossary(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Training": 'Write `{{ term("NOPE") }}`; but {{ term("NOPE2") }} is a link.'})
    _, out, _ = handbook_dir.check()
    assert [f.split(": ")[1] for f in findings_in(out)] == ["GL001"]
    assert 'term("NOPE2")' in out and 'term("NOPE")' not in out.replace('term("NOPE2")', "")


def test_literal_calls_only_never_load_jinja(handbook_dir: TempHandbook):
    """The check's fast path: a handbook of literal macro calls and code samples is judged without Jinja."""
    handbook_dir.write_sop(SOP, sections={"Training": "Reply with `{{ticket.title}}`."})
    handbook_dir.write_sop("docs/billing/br-001.md")
    script = (
        "import sys; from pathlib import Path; from datetime import date; from handbook.handbook import open_check; "
        "v = open_check(Path('mkdocs.yml'), date(2026, 11, 23), jobs=1); "
        "print(len(v.findings), 'jinja2' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=handbook_dir.root, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    assert result.stdout.split() == ["0", "False"], result.stderr
    handbook_dir.write_sop("docs/billing/br-001.md", sections={"Training": "{{ owner }}"})
    result = subprocess.run([sys.executable, "-c", script], cwd=handbook_dir.root, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    assert result.stdout.split() == ["0", "True"], result.stderr  # the control: other template code does need it


_PIECES = ["`", "``", "```", "~~~", "```mermaid", "    ```", "\n", "\n\n", "{{", "{%", "{#", "}}", "#}", "x", " ", "\\`", "## H {#a}", "TODO"]


def test_masking_moves_nothing_and_is_undone_exactly():
    """Masking keeps every offset and line (findings point at the file), and the build gets every byte back."""
    import random

    from handbook.templating.codetext import MASK, code_regions, mask, unmask

    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        masked = mask(text)
        assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
        assert unmask(masked) == text
        inside = [(s, e) for s, e, _ in code_regions(text)]
        for at, (old, new) in enumerate(zip(text, masked)):
            if old != new:
                assert (old, new) == ("{", MASK) and any(s <= at < e for s, e in inside), (text, at)
