"""Page templates: `handbook check` and `mkdocs build --strict` judge the same pages the same way, at the same line.

One fixture handbook (tests/fixture_handbook.py, with six more SOPs) holds a page per template problem and one page of
code samples that must pass; it is checked once and built twice (strict, for the
verdict; and as `mkdocs serve` builds, for what the author sees).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.check.check_support import run_handbook
from tests.fixture_handbook import SOPS, SopSpec, make_handbook
from tests.sitebuild import TODAY, mkdocs_build

# Six more SOPs to break, one problem each.
MORE = tuple(SopSpec(f"{dept}/{prefix.lower()}-00{n}.md", f"{prefix}-00{n}", f"Procedure {prefix}-00{n}", dept, "simple") for dept, prefix in (("support", "SU"), ("billing", "BI")) for n in (3, 4, 5))

# (page, what goes under its `## Scope`, the text on the line the finding must name, the code)
BAD = [
    ("docs/support/su-003.md", 'Measured as {{ term("AHT" }} per call.', 'term("AHT" }}', "TPL001"),
    ("docs/support/su-004.md", "Reply with the title {{ticket.title}} filled in.", "{{ticket.title}}", "TPL002"),
    ("docs/support/su-005.md", "{{< alert >}}\nShadow a senior agent first.\n{{< /alert >}}", "{{< alert >}}", "TPL004"),
    ("docs/billing/bi-003.md", "Agents learn {{ ''.__class__ }} by heart.", "__class__", "TPL003"),
    ("docs/billing/bi-004.md", "{% if status %}\nOnly for approved SOPs.\n\nMore text.", "{% if status %}", "TPL001"),
    ("docs/billing/bi-005.md", "Owner: {{ page.meta.nobody }}.", "page.meta.nobody", "TPL002"),
]

# Code samples, diagrams and anchors: text, never a template; every byte kept.
GOOD_PAGE = "docs/support/su-001.md"  # no finding of its own (su-002 is due soon: REV002)
GOOD = """\
Canned reply: `{{ticket.title}}` and ``{% if vip %}`` stay as written; so does `{{ term("NOPE") }}`.

```text
Dear {{customer.name}},
{% if vip %}TODO: never a placeholder in a sample{% endif %} {# kept #}
```

~~~
{{ ticket.id }}
~~~

1. In a list:

    ```yaml
    subject: "{{ticket.title}}"
    ```

!!! note "In an admonition"

    ```text
    {{agent.first_name}}
    ```

```mermaid
flowchart TD
    A{{"Do you want a callback?"}} -->|Yes| B["Book it"]
```

Outside code: {{ '{{' }}ticket.title}}.

### Escalation path {#escalation-path}

Escalate as described.
"""

_FINDING = re.compile(r"(docs/\S+\.md:\d+: TPL\d{3})")


def _line_of(project: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((project / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def _under_scope(project: Path, rel: str, text: str) -> None:
    path = project / rel
    source = path.read_text(encoding="utf-8")
    assert "\n## Scope\n" in source, f"{rel} has no Scope section: update the test"
    path.write_text(source.replace("\n## Scope\n", f"\n## Scope\n\n{text}\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def templates_handbook(tmp_path_factory) -> tuple[Path, set[str]]:
    project = make_handbook(tmp_path_factory.mktemp("templates") / "handbook", sops=SOPS + MORE).root
    for rel, text, _needle, _code in BAD:
        _under_scope(project, rel, text)
    _under_scope(project, GOOD_PAGE, GOOD)
    expected = {f"{rel}:{_line_of(project, rel, needle)}: {code}" for rel, _text, needle, code in BAD}
    return project, expected


@pytest.fixture(scope="module")
def served(templates_handbook, tmp_path_factory):
    """Built as `mkdocs serve` builds (not strict): every page is written."""
    project, _ = templates_handbook
    return mkdocs_build(project, tmp_path_factory.mktemp("served"), strict=False)


def test_check_and_strict_build_agree_on_every_page_and_line(templates_handbook, tmp_path):
    project, expected = templates_handbook
    check = run_handbook("check", today=TODAY, cwd=project)
    build = mkdocs_build(project, tmp_path / "site")
    assert check.code == 1 and build.returncode != 0, (check.out, build.log)
    in_check = set(_FINDING.findall(check.out))
    in_build = {m for line in build.log.splitlines() if line.startswith("ERROR") for m in _FINDING.findall(line)}
    assert in_check == expected, check.out
    assert in_build == expected, build.log
    assert "Traceback" not in build.log + check.err
    assert not any(GOOD_PAGE in line for line in (check.out + build.log).splitlines()), "code samples were judged as templates"


def test_each_template_finding_is_logged_once(served):
    for line in (l for l in served.log.splitlines() if " TPL0" in l):
        assert served.log.count(line) == 1, line


def test_page_with_a_template_error_renders_with_a_notice_naming_the_line(templates_handbook, served):
    project, _ = templates_handbook
    assert served.returncode == 0, served.log
    line = _line_of(project, "docs/support/su-003.md", 'term("AHT" }}')
    html = served.html("support/su-003/")
    assert "Macro Syntax Error" not in html
    notice = served.soup("support/su-003/").select_one("article .hb-template-notice")
    assert notice is not None
    assert f"docs/support/su-003.md:{line} TPL001 the template code cannot be read: unexpected '}}', expected ')'" in notice.get_text(" ", strip=True).replace("  ", " ")
    article = served.soup("support/su-003/").select_one("article")
    text = article.get_text()
    assert 'Measured as {{ term("AHT" }} per call.' in text  # the broken code, shown as written...
    assert '{{ term("AHT" }}' in [c.get_text() for c in article.select("code")]  # ...as code
    assert "## Procedure" not in text and article.select_one("h2#procedure") is not None  # the rest is the page
    assert article.select_one("a.hb-term, abbr") is not None  # literal calls elsewhere still filled in


def test_sandbox_escape_is_shown_as_text_never_run(served):
    article = served.soup("billing/bi-003/").select_one("article")
    assert "Agents learn {{ ''.__class__ }} by heart." in article.get_text()
    assert "{{ ''.__class__ }}" in [c.get_text() for c in article.select("code")]
    assert article.select_one(".hb-template-notice") is not None
    assert "<class 'str'>" not in served.html("billing/bi-003/")


def test_code_samples_and_diagrams_keep_their_braces(served):
    html = served.html("support/su-001/")
    soup = served.soup("support/su-001/")
    assert soup.select_one(".hb-template-notice") is None
    codes = [c.get_text() for c in soup.select("article code")]
    assert "{{ticket.title}}" in codes and "{% if vip %}" in codes and '{{ term("NOPE") }}' in codes
    assert any(c.startswith("Dear {{customer.name}},\n{% if vip %}TODO: never a placeholder in a sample{% endif %} {# kept #}") for c in codes), codes
    assert any("{{ ticket.id }}" in c for c in codes) and any('subject: "{{ticket.title}}"' in c for c in codes)
    assert any("{{agent.first_name}}" in c for c in codes)
    mermaid = soup.select_one("article .mermaid").get_text()
    assert 'A{{"Do you want a callback?"}} -->|Yes| B["Book it"]' in mermaid
    assert 'id="escalation-path"' in html
    assert "Outside code: {{ticket.title}}." in soup.select_one("article").get_text()
