"""`handbook check` on self-assessments: each malformed quiz gives its own finding, at its line."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from handbook.handbook import open_check
from handbook.policy import ConfigError, load_policy
from tests.quiz.fixture import make_handbook, sop

TODAY = date(2026, 12, 2)


def _findings(tmp_path: Path, quiz: str, **options) -> list[str]:
    config = make_handbook(tmp_path, {"desk/dk-001.md": sop(quiz=quiz)}, **options)
    verdict = open_check(config, TODAY, shown_root=tmp_path)
    return [str(f) for f in verdict.findings if f.code.startswith("QZ")]


QUESTION = "## Self-assessment\n\n### Pick one?\n\n"  # the heading is on line 22 of the file, the question on 24
AT = "docs/desk/dk-001.md"


def test_a_well_formed_quiz_has_no_findings(tmp_path):
    assert _findings(tmp_path, QUESTION + "- [x] A\n- [ ] B\n\n> Because.\n") == []


def test_no_right_answer_is_qz001(tmp_path):
    assert _findings(tmp_path, QUESTION + "- [ ] A\n- [ ] B\n") == [
        f"{AT}:24: QZ001 question `Pick one?` has no right answer: tick the right option(s) as `- [x] ...`"
    ]


def test_duplicate_options_are_qz002(tmp_path):
    assert _findings(tmp_path, QUESTION + "- [x] Call back\n- [ ] call  back\n- [ ] Hold\n") == [
        f"{AT}:27: QZ002 question `Pick one?`: option `call  back` is also on line 26"
    ]


def test_one_option_is_qz003(tmp_path):
    assert _findings(tmp_path, QUESTION + "- [x] Only this\n") == [
        f"{AT}:24: QZ003 question `Pick one?` has one option: add at least one wrong answer (`- [ ] ...`)"
    ]


def test_the_old_free_text_form_is_qz004(tmp_path):
    quiz = '## Self-assessment\n\n??? question "Can you skip verification?"\n    No. Always verify.\n'
    assert _findings(tmp_path, quiz) == [
        f"{AT}:24: QZ004 a free-text question (`??? question`): rewrite it as a `### ` question with `- [x]` right and `- [ ]` wrong options"
    ]


def test_a_question_without_options_is_qz004(tmp_path):
    assert _findings(tmp_path, QUESTION + "Explain in your own words.\n") == [
        f"{AT}:24: QZ004 question `Pick one?` has no options: list them below it as `- [x] right` and `- [ ] wrong`"
    ]


def test_required_but_missing_is_qz005_and_an_empty_section_too(tmp_path):
    assert _findings(tmp_path, "", required=True) == [
        f"{AT}:1: QZ005 the policy requires a self-assessment: add a `## Self-assessment` section with at least one question"
    ]
    (tmp_path / "b").mkdir()
    assert _findings(tmp_path / "b", "## Self-assessment\n\nThink about it.\n") == [
        f"{AT}:22: QZ005 the Self-assessment section has no questions: write each as a `### ` heading with `- [x]`/`- [ ]` options"
    ]


def test_an_item_without_a_box_is_qz006(tmp_path):
    assert _findings(tmp_path, QUESTION + "- [x] A\n- B\n- [ ] C\n") == [
        f"{AT}:27: QZ006 question `Pick one?`: a list item without a box among its options; write it `- [ ] ...` (wrong) or `- [x] ...` (right)"
    ]


def test_code_and_wrapped_options_are_read_as_written(tmp_path):
    quiz = QUESTION + "```\n### not a question\n- [ ] not an option\n```\n\n- [x] A long option\n  wrapped onto a second line\n- [ ] B\n"
    assert _findings(tmp_path, quiz) == []


@pytest.mark.parametrize(
    "template, message",
    [
        ("http://forms.example/?a={id}", "is not an https:// address"),
        ("https://forms.example/?a={id}&b={who}", "unknown placeholder {who}"),
        ("https://forms.example/?a={id", "expected '}' before end of string"),
    ],
)
def test_a_bad_acknowledgement_template_is_a_configuration_error(tmp_path, template, message):
    config = make_handbook(tmp_path, {"desk/dk-001.md": sop()}, acknowledgement=template)
    with pytest.raises(ConfigError, match="extra.handbook.acknowledgement: .*" + message.replace("{", r"\{").replace("}", r"\}")):
        load_policy(config)


def test_the_cli_reports_quiz_findings_with_their_hint(tmp_path):
    config = make_handbook(tmp_path, {"desk/dk-001.md": sop(quiz=QUESTION + "- [ ] A\n- [ ] B\n")})
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "check", "--config", str(config)],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "HANDBOOK_TODAY": "2026-12-02"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "QZ001 question `Pick one?` has no right answer" in result.stdout
    assert "hint: Tick the right option(s) as `- [x] ...`" in result.stdout


def test_pasted_word_text_and_windows_line_endings_are_read_as_options(tmp_path):
    quiz = QUESTION + "- [\u00a0] Yes\u00a0\r\n- [X]\u00a0No\r\n- [ ] yes\r\n"  # a no-break space in a box; `yes` repeats `Yes`
    text = sop(quiz=quiz).replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    config = make_handbook(tmp_path, {})
    (tmp_path / "docs" / "desk").mkdir(parents=True)
    (tmp_path / "docs" / "desk" / "dk-001.md").write_bytes(text.encode("utf-8"))
    verdict = open_check(config, TODAY, shown_root=tmp_path)
    assert [str(f) for f in verdict.findings if f.code.startswith("QZ")] == [f"{AT}:28: QZ002 question `Pick one?`: option `yes` is also on line 26"]


@pytest.mark.parametrize(
    "required, department, expected",
    [
        (False, "self_assessment: required", ["QZ005"]),
        (True, "self_assessment: optional", []),
        (True, "", ["QZ005"]),
    ],
)
def test_a_department_overrides_the_handbooks_requirement(tmp_path, required, department, expected):
    config = make_handbook(tmp_path, {"desk/dk-001.md": sop(quiz=""), "desk/dk-002.md": sop("DK-002", status="retired", quiz="")}, required=required, department=department)
    verdict = open_check(config, TODAY, shown_root=tmp_path)
    assert [(f.path, f.code) for f in verdict.findings if f.code.startswith("QZ")] == [(AT, code) for code in expected]  # never the retired DK-002


@pytest.mark.parametrize(
    "department, setting, message",
    [
        ("self_assessment: always", "", "extra.handbook.departments.desk.self_assessment: `required` or `optional`, got 'always'"),
        ("", "pass_mark: 0", "extra.handbook.self_assessment.pass_mark: the percentage of right answers that passes, 1 to 100, got 0"),
        ("", "requird: true", "extra.handbook.self_assessment: unknown setting `requird`; did you mean `required`?"),
    ],
)
def test_bad_self_assessment_settings_are_configuration_errors(tmp_path, department, setting, message):
    config = make_handbook(tmp_path, {"desk/dk-001.md": sop()}, department=department, self_assessment=setting)
    with pytest.raises(ConfigError) as raised:
        load_policy(config)
    assert str(raised.value) == f"mkdocs.yml: {message}"
