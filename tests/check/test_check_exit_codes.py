"""Exit codes of the real `handbook check` command (always in a subprocess) and no tracebacks."""

from __future__ import annotations

from pathlib import Path

from check_support import TempHandbook, findings_in, run_handbook

SOP = "docs/cs/cs-001.md"


def _usage_error(result, *parts: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    assert result.out == ""
    for part in parts:
        assert part in result.err, result.err


# -- 0 and 1 --------------------------------------------------------------------------------


def test_exit_0_when_clean(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check()
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("passed: 1 SOP file(s) checked")


def test_exit_0_with_no_sops_at_all(handbook_dir: TempHandbook):
    result = handbook_dir.run_check()
    assert (result.code, result.err) == (0, "")
    assert result.out == "passed: 0 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n"


def test_exit_0_with_only_warnings(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2025-12-10")
    result = handbook_dir.run_check()
    assert (result.code, result.err) == (0, "")
    assert findings_in(result.out) == [f"{SOP}:8: REV002"]


def test_exit_1_with_an_error(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    handbook_dir.write_sop("docs/cs/cs-002.md", status="published")
    result = handbook_dir.run_check()
    assert (result.code, result.err) == (1, "")
    assert result.out.splitlines()[-1].startswith("FAILED: 2 SOP file(s) checked, 1 error(s)")


def test_exit_1_with_an_error_and_a_warning(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2025-12-10")
    handbook_dir.write_sop("docs/cs/cs-002.md", raw=b"")
    assert handbook_dir.run_check().code == 1


def test_exit_1_with_every_kind_of_broken_file_at_once(handbook_dir: TempHandbook):
    """A handbook full of broken files is reported, never a traceback."""
    hb = handbook_dir
    hb.write_sop("docs/cs/cs-001.md", raw=b"")
    hb.write_sop("docs/cs/cs-002.md", raw=b"---\nowner: Jos\xe9\n---\n")
    hb.write_sop("docs/cs/cs-003.md", raw=b"\x89PNG\r\n\x1a\n\x00\x00")
    hb.write_sop("docs/cs/cs-004.md", text="## Purpose\n\nNo front matter.\n")
    hb.write_sop("docs/cs/cs-005.md", text="---\nid: CS-005\n")
    hb.write_sop("docs/cs/cs-006.md", text="---\nid: [CS-006\n---\n")
    hb.write_sop("docs/cs/cs-007.md", text="---\njust a string\n---\n")
    hb.write_sop("docs/cs/cs-008.md", text="---\n---\n")
    hb.write_sop("docs/cs/cs-009.md", text="---\n? [a, b]\n: c\n---\n")
    hb.write_sop("docs/cs/cs-010.md", text="---\nid: !!python/object:os.system x\n---\n")
    hb.write_sop("docs/cs/cs-011.md", id="42", department="[a, b]", owner="{x: 1}", status="null", version="true")
    hb.write_sop("docs/cs/cs-012.md", related="CS-001", supersedes="[1, 2]", channels="phone", tags="{a: b}")
    hb.write_sop("docs/cs/cs-013.md", last_reviewed="9999-12-31", effective="0000-00-00", next_review="2026-99-99")
    hb.write_sop("docs/cs/cs-014.md", review_interval_months="0", format="null")
    hb.write_sop("docs/cs/cs-015.md", body="```\nunclosed fence\n## Purpose\n")
    hb.write_sop("docs/cs/cs-016.md", body='{{ term("") }} {{ sop("") }} {{ term("unclosed }}\n<!-- unclosed comment\n')
    result = hb.run_check()
    assert "Traceback" not in result.err, result.err
    assert result.err == ""
    assert result.code == 1
    reported = {line.split(":")[0] for line in findings_in(result.out)}
    assert reported == {f"docs/cs/cs-{n:03d}.md" for n in range(1, 17)}


# -- 2: usage and configuration errors ----------------------------------------------------------


def test_exit_2_without_mkdocs_yml(tmp_path: Path):
    result = run_handbook("check", cwd=tmp_path)
    _usage_error(result, "handbook: error:", "mkdocs.yml", "no such file")


def test_exit_2_with_a_config_option_that_does_not_exist(handbook_dir: TempHandbook):
    result = handbook_dir.run_check("--config", "other/mkdocs.yml")
    _usage_error(result, "handbook: error:", "other/mkdocs.yml")


def test_exit_2_without_extra_handbook(handbook_dir: TempHandbook):
    (handbook_dir.root / "mkdocs.yml").write_text("site_name: Plain MkDocs site\nextra:\n  analytics: none\n", encoding="utf-8")
    result = handbook_dir.run_check()
    _usage_error(result, "handbook: error: mkdocs.yml: no `extra: handbook:` section")


def test_exit_2_with_invalid_yaml_in_mkdocs_yml(handbook_dir: TempHandbook):
    (handbook_dir.root / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    _usage_error(handbook_dir.run_check(), "handbook: error: mkdocs.yml: not valid YAML")


def test_exit_2_with_a_bad_department_in_the_policy(handbook_dir: TempHandbook):
    config = handbook_dir.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("prefix: BR", "prefix: cs"), encoding="utf-8")
    _usage_error(handbook_dir.run_check(), "handbook: error:", "departments.billing.prefix")


def test_exit_2_without_the_glossary_file(handbook_dir: TempHandbook):
    (handbook_dir.root / "glossary.yml").unlink()
    _usage_error(handbook_dir.run_check(), "handbook: error: glossary.yml: glossary file not found")


def test_exit_2_for_a_path_that_does_not_exist(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check("docs/cs/cs-404.md")
    _usage_error(result, "handbook: error: docs/cs/cs-404.md: no such file or folder")


def test_exit_2_for_a_path_outside_docs(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    (handbook_dir.root / "notes").mkdir()
    (handbook_dir.root / "notes" / "cs-001.md").write_text("x\n", encoding="utf-8")
    result = handbook_dir.run_check("notes/cs-001.md")
    _usage_error(result, "handbook: error: notes/cs-001.md: not inside the handbook's docs folder")


def test_exit_2_for_a_file_in_docs_that_is_not_an_sop(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check("docs/index.md")
    _usage_error(result, "handbook: error: docs/index.md: not an SOP")


def test_exit_2_for_an_unknown_format(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    result = handbook_dir.run_check("--format", "xml")
    _usage_error(result, "invalid choice: 'xml'")
    assert result.err.startswith("usage: handbook check")


def test_without_a_command_the_help_lists_every_command(handbook_dir: TempHandbook):
    result = run_handbook(today=None, cwd=handbook_dir.root)
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("usage: handbook [-h] [--version] COMMAND ...")
    for command in ("check", "new", "review", "report", "codeowners", "import", "init"):
        assert f"\n    {command} " in result.out or f"\n    {command}\n" in result.out, command


def test_version(handbook_dir: TempHandbook):
    from handbook import __version__

    assert run_handbook("--version", today=None, cwd=handbook_dir.root) == (0, f"handbook {__version__}\n", "")


def test_exit_2_for_an_unknown_option(handbook_dir: TempHandbook):
    _usage_error(handbook_dir.run_check("--strict"), "unrecognized arguments: --strict")
