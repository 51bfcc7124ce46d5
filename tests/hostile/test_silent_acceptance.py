"""Hostile and broken input (issue 16): strict about what the check reads, bounded YAML.

Each case feeds one bad file to the real `handbook check` and asserts the exact
`file:line: CODE` or configuration error. Cases that could expand without bound run in
a child process with a memory and CPU limit and a timeout, so a regression fails here
instead of hanging CI.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys

from check_support import MKDOCS_YML, ROOT, TODAY, TempHandbook, findings_in

SOP = "docs/cs/cs-001.md"
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi")
)  # 10**9 values once expanded, 400 bytes written


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: a check needs a few tens of MB
    resource.setrlimit(resource.RLIMIT_CPU, (20, 20))


def bounded_check(hb: TempHandbook) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_TODAY"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "handbook", "check", "--today", TODAY],
        cwd=hb.root, env=env, capture_output=True, text=True, timeout=30, preexec_fn=_limited,
    )


# -- the file itself -----------------------------------------------------------------


def test_a_nul_byte_after_the_first_8_kb_is_f003_at_its_line(handbook_dir: TempHandbook):
    text = handbook_dir.sop_text(SOP, sections={"Training": "x" * 9000 + "\n\nNew agents shadow."})
    handbook_dir.write_sop(SOP, raw=text.encode().replace(b"New agents", b"New\x00agents"))
    line = text[: text.index("New agents")].count("\n") + 1
    result = handbook_dir.check()
    assert result.code == 1
    assert findings_in(result.out) == [f"{SOP}:{line}: F003"]
    assert f"{SOP}:{line}: F003 the file contains a NUL byte at line {line}" in result.out


def test_utf16_and_utf32_files_are_told_to_save_as_utf8(handbook_dir: TempHandbook):
    text = handbook_dir.sop_text(SOP)
    for rel, data in (
        (SOP, text.encode("utf-16")),  # with its BOM
        ("docs/cs/cs-002.md", text.replace("CS-001", "CS-002").encode("utf-16-le")),  # no BOM: the NULs tell
        ("docs/cs/cs-003.md", text.replace("CS-001", "CS-003").encode("utf-32")),
    ):
        handbook_dir.write_sop(rel, raw=data)
    result = handbook_dir.check()
    assert findings_in(result.out) == [f"{SOP}:1: F002", "docs/cs/cs-002.md:1: F002", "docs/cs/cs-003.md:1: F002"]
    assert f"{SOP}:1: F002 the file is UTF-16 text, not UTF-8: save it as UTF-8 in your editor" in result.out
    assert "docs/cs/cs-003.md:1: F002 the file is UTF-32 text" in result.out
    assert "binary" not in result.out


def test_hidden_files_and_folders_are_neither_checked_nor_counted(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    handbook_dir.write_sop("docs/cs/.cs-002.md", owner="")  # broken, but MkDocs never builds it
    handbook_dir.write_sop("docs/.drafts/cs-003.md", owner="")
    result = handbook_dir.check()
    assert (result.code, findings_in(result.out)) == (0, [])
    assert "1 SOP file(s) checked" in result.out


def test_a_line_break_in_a_file_name_is_f005_on_one_line(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    handbook_dir.write_sop("docs/cs/cs-002\r\nx.md")
    result = handbook_dir.run_check()
    assert "Traceback" not in result.err
    assert findings_in(result.out) == ["docs/cs/cs-002\\r\\nx.md:0: F005"]
    assert "docs/cs/cs-002\\r\\nx.md:0: F005 its name contains a line break: the file is not checked\n" in result.out


def test_the_check_reads_exactly_the_sop_files_mkdocs_builds(handbook_dir: TempHandbook):
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from handbook.handbook import find_sop_files, is_sop_file
    from handbook.policy import load_policy

    for rel in (SOP, "docs/cs/.cs-002.md", "docs/.hidden/cs-003.md", "docs/cs/cs-004.md", "docs/cs/index.md"):
        handbook_dir.write_sop(rel)
    policy = load_policy(handbook_dir.root / "mkdocs.yml")
    config = load_config(str(handbook_dir.root / "mkdocs.yml"))
    built = sorted(f.src_uri for f in get_files(config) if f.inclusion.is_included() and is_sop_file(f.src_uri, policy))
    assert find_sop_files(policy) == built == ["cs/cs-001.md", "cs/cs-004.md"]


# -- front matter --------------------------------------------------------------------


def test_a_key_written_twice_is_fm010_at_the_second_naming_the_first(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, status="approved\nowner: Someone Else")  # owner at line 5, again at line 7
    result = handbook_dir.check()
    assert findings_in(result.out) == [f"{SOP}:7: FM010"]
    assert f"{SOP}:7: FM010 key `owner` is written twice: first at line 5; keep one" in result.out
    assert "hint: Keep one of the two lines" in result.out


def test_an_alias_in_front_matter_is_fm011_and_never_expanded(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, format="simple\n" + LAUGHS.rstrip("\n"))
    result = bounded_check(handbook_dir)
    assert result.returncode == 1, result.stderr
    assert findings_in(result.stdout) == [f"{SOP}:10: FM011"]  # `a: &a [...]`, repeated by b
    assert "value anchored at line 10" in result.stdout
    assert "x, x" not in result.stdout and "Traceback" not in result.stderr


def test_a_huge_number_is_a_finding_not_a_traceback(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, review_interval_months="9999999999999999999999")
    result = handbook_dir.run_check()
    assert "Traceback" not in result.err
    assert findings_in(result.out) == [f"{SOP}:10: FM006"]
    assert "9999999999999999999999 is out of range" in result.out


def test_a_long_wrong_value_is_shortened_in_the_message(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, status="w" + "x" * 5000)
    result = handbook_dir.check()
    assert findings_in(result.out) == [f"{SOP}:6: FM006"]
    assert max(len(line) for line in result.out.splitlines()) < 300


# -- the glossary --------------------------------------------------------------------


def test_a_glossary_term_written_twice_is_a_configuration_error_with_its_line(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    handbook_dir.write("glossary.yml", "AHT:\n  definition: one\nKBA:\n  definition: two\nAHT:\n  definition: three\n")
    result = handbook_dir.check()
    assert result.code == 2
    assert result.err == "handbook: error: glossary.yml:5: key `AHT` is written twice: first at line 1; keep one\n"


def test_glossary_translations_as_a_list_is_a_configuration_error(handbook_dir: TempHandbook):
    handbook_dir.write("glossary.yml", "AHT:\n  definition: one\n  translations: [pl, hu]\n")
    result = handbook_dir.run_check()
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.startswith("handbook: error: glossary.yml:1: term 'AHT': `translations:` maps languages")


def test_glossary_aliases_are_bounded(handbook_dir: TempHandbook):
    handbook_dir.write("glossary.yml", "AHT:\n  definition: one\n" + LAUGHS)
    result = bounded_check(handbook_dir)
    assert result.returncode == 2, result.stderr
    assert result.stderr == "handbook: error: glossary.yml: its YAML aliases (`*name`) stand for over 200000 values; write the entries out\n"


def test_a_few_glossary_aliases_are_still_fine(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    handbook_dir.write(
        "glossary.yml",
        "AHT:\n  definition: &d Average time.\nKBA:\n  definition: *d\nCallback:\n  definition: A call back.\n",
    )
    assert handbook_dir.check().code == 0


# -- the policy ----------------------------------------------------------------------


def test_a_misspelt_policy_setting_is_a_configuration_error_with_a_suggestion(handbook_dir: TempHandbook):
    cases = {
        "    glossary: glossary.yml\n": "    glossary: glossary.yml\n    nav_max_sop: 10\n",
        "      due_soon_days: 30\n": "      due_soon_day: 30\n",
        "        lead: Omar Example\n": "        lead: Omar Example\n        review_interval: 6\n",
    }
    expected = [
        "mkdocs.yml: extra.handbook: unknown setting `nav_max_sop`; did you mean `nav_max_sops`?",
        "mkdocs.yml: extra.handbook.review: unknown setting `due_soon_day`; did you mean `due_soon_days`?",
        "mkdocs.yml: extra.handbook.departments.billing: unknown setting `review_interval`; did you mean `review_interval_months`?",
    ]
    for (old, new), message in zip(cases.items(), expected):
        handbook_dir.write("mkdocs.yml", MKDOCS_YML.replace(old, new))
        result = handbook_dir.check()
        assert (result.code, result.err) == (2, f"handbook: error: {message}\n")


def test_a_missing_docs_folder_is_a_configuration_error(handbook_dir: TempHandbook):
    handbook_dir.write("mkdocs.yml", MKDOCS_YML.replace("docs_dir: docs", "docs_dir: doc"))
    result = handbook_dir.check()
    assert result.code == 2
    assert result.err == "handbook: error: mkdocs.yml: docs_dir 'doc' is not a folder; create it or correct `docs_dir:` in mkdocs.yml\n"


# -- publishing (.github/publish_gate.py) ------------------------------------------------


def _publish_gate(hb: TempHandbook, today: str = TODAY) -> subprocess.CompletedProcess:
    report = hb.run("check", "--format", "json", today=today)
    (hb.root / "check.json").write_text(report.out, encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / ".github" / "publish_gate.py"), "check.json"], cwd=hb.root, capture_output=True, text=True, timeout=60)


def test_publishing_stops_on_an_sop_with_invalid_front_matter(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/cs/cs-001.md")
    handbook_dir.write_sop("docs/cs/cs-002.md", id="CS-002", status="aproved")
    gate = _publish_gate(handbook_dir)
    assert gate.returncode == 1
    assert gate.stdout.startswith("::error file=docs/cs/cs-002.md,line=6::FM006 status: ")
    assert "1 error(s) other than overdue reviews: the site is not published" in gate.stdout


def test_publishing_goes_ahead_when_only_reviews_are_overdue(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/cs/cs-001.md")
    overdue = handbook_dir.run("check", today="2028-01-01")
    assert overdue.code == 1 and findings_in(overdue.out) == ["docs/cs/cs-001.md:8: REV001"]  # the check fails: the gate lets it through
    gate = _publish_gate(handbook_dir, today="2028-01-01")
    assert (gate.returncode, gate.stdout) == (0, "No error but overdue reviews: publishing (overdue SOPs show their banner).\n")


def test_the_publish_workflow_runs_the_gate_before_it_builds():
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    gate, build = workflow.index("python .github/publish_gate.py check.json"), workflow.index("run: mkdocs build")
    assert gate < build
