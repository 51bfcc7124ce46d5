"""`mkdocs build --strict` fails, naming the file, on exactly what `handbook check` reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sitebuild import mkdocs_build

SOP = "docs/support/su-001.md"  # in the fixture handbook (tests/fixture_handbook.py)


@pytest.fixture
def handbook_copy(fixture_copy) -> Path:
    """A fresh fixture handbook of this test's own, to break on purpose."""
    return fixture_copy.root


def _edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer contains {old!r}: update the test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(project: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((project / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def _fails_with(build, location: str, code: str) -> None:
    assert build.returncode != 0, build.log
    line = "" if re.search(r":\d+$", location) else r":\d+"
    # Handbook errors are logged at ERROR: MkDocs' -q drops warnings before --strict counts them.
    assert re.search(rf"ERROR\s+-\s+{re.escape(location)}{line}: {code} ", build.log), build.log
    assert "Traceback" not in build.log


def test_missing_required_section_fails(handbook_copy, tmp_path):
    _edit(handbook_copy, SOP, "## Training", "## Coaching")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    _fails_with(build, SOP, "SEC001")
    assert "required section Training is missing" in build.log


def test_overdue_review_fails(handbook_copy, tmp_path):
    path = handbook_copy / SOP
    path.write_text(re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2024-01-10", path.read_text(encoding="utf-8")), encoding="utf-8")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    _fails_with(build, f"{SOP}:{_line_of(handbook_copy, SOP, 'last_reviewed:')}", "REV001")


def test_unknown_glossary_term_fails_with_line(handbook_copy, tmp_path):
    _edit(handbook_copy, SOP, "## Scope\n", "## Scope\n\nMeasured by {{ term(\"NOPE\") }}.\n")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    _fails_with(build, f"{SOP}:{_line_of(handbook_copy, SOP, 'NOPE')}", "GL001")


def test_unknown_sop_id_fails_with_line(handbook_copy, tmp_path):
    _edit(handbook_copy, SOP, "## Scope\n", "## Scope\n\nSee {{ sop(\"SU-999\") }}.\n")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    _fails_with(build, f"{SOP}:{_line_of(handbook_copy, SOP, 'SU-999')}", "ID005")


def test_simple_format_without_steps_fails(handbook_copy, tmp_path):
    path = handbook_copy / SOP
    text = path.read_text(encoding="utf-8")
    procedure, rest = text.split("## Procedure", 1)[1].split("\n## ", 1)
    path.write_text(text.replace(procedure, "\n\nAnswer the phone and help the customer.\n\n"), encoding="utf-8")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    _fails_with(build, f"{SOP}:{_line_of(handbook_copy, SOP, '## Procedure')}", "FMT001")


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
        "{{ config.theme.get_env().from_string(\"{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}\").render() }}",
        "{{ term.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{% include 'mkdocs.yml' %}",
    ],
)
def test_sandbox_escapes_fail_the_build_without_running_code(handbook_copy, tmp_path, payload):
    _edit(handbook_copy, SOP, "## Scope\n", f"## Scope\n\n{payload}\n")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    assert build.returncode != 0, build.log
    line = _line_of(handbook_copy, SOP, payload)
    assert re.search(rf"ERROR\s+-\s+docs/support/su-001\.md:{line}: TPL003 this page's template tried something pages may not do", build.log), build.log
    assert "Aborted with" in build.log  # strict mode stops on the logged finding; the page itself renders as text
    assert not (handbook_copy / "MARKER").exists(), "the payload ran a shell command"
    assert "Traceback" not in build.log


def test_page_data_and_macros_still_work_in_the_sandbox(handbook_copy, tmp_path):
    _edit(handbook_copy, SOP, "## Scope\n", "## Scope\n\nOwner on file: {{ page.meta.owner | upper }}; id {{ id }}.\n")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    assert build.returncode == 0, build.log
    card = build.soup("support/su-001/").select(".hb-card__item")
    owner = next(item.dd.get_text(strip=True) for item in card if item.dt.get_text(strip=True) == "Owner")
    assert f"Owner on file: {owner.upper()}; id SU-001." in build.html("support/su-001/")


def test_retired_sop_is_marked_and_left_out_of_search(handbook_copy, tmp_path):
    _edit(handbook_copy, SOP, "status: approved", "status: retired")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = build.soup("support/su-001/")
    assert page.select_one(".hb-banner--retired") is not None
    index = (build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"support/su-001/' not in index.replace(" ", "")


def test_draft_sop_gets_a_banner(handbook_copy, tmp_path):
    _edit(handbook_copy, SOP, "status: approved", "status: draft")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert build.soup("support/su-001/").select_one(".hb-banner--draft") is not None


def test_bad_policy_is_a_clean_error(handbook_copy, tmp_path):
    _edit(handbook_copy, "mkdocs.yml", "prefix: SU", "prefix: su")
    build = mkdocs_build(handbook_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "extra.handbook.departments.support.prefix" in build.log
    assert "Traceback" not in build.log
