"""Tracebacks (issue 16): input that used to end in a Python traceback is a finding with its file and line.

One small handbook holds every case, checked and built (strict and not) once, each run in
a child process with a memory and CPU limit. Neither output may hold a traceback, a
machine path, or a value the author never wrote ("None", "123" as link text).
"""

from __future__ import annotations

import os

import pytest
from check_support import findings_in
from hostile_support import BoundedHandbook, logged

CS = "docs/customer-service"
MACRO_CASES = {  # SOP -> (the call, its message)
    f"{CS}/cs-003.md": ("{{ term() }}", "term() is called wrongly: missing a required argument: 'key'"),
    f"{CS}/cs-004.md": ("{{ term(None) }}", 'term() needs the term\'s key as text in quotes, as in term("AHT"); it was given nothing (None)'),
    f"{CS}/cs-005.md": ("{{ sop(123) }}", 'sop() needs the SOP\'s id as text in quotes, as in sop("CC-001"); it was given 123'),
    f"{CS}/cs-006.md": ("{{ definitions(1) }}", "definitions() is called wrongly: too many positional arguments"),
    f"{CS}/cs-007.md": ('{{ term("AHT", 5) }}', "term()'s second argument is the text shown, in quotes"),
    f"{CS}/cs-008.md": ("{{ sop(review_interval_months) }}", 'sop() needs the SOP\'s id as text in quotes, as in sop("CC-001"); it was given 12'),
}
BAD_NAMES = [b"docs/customer-service/cs-0\xff9.md", b"docs/assets/logo\r.png"]


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> BoundedHandbook:
    from workflow_support import make_handbook

    made = make_handbook(tmp_path_factory.mktemp("tracebacks") / "handbook", None, None)
    hb = BoundedHandbook(made.root, None, None)
    hb.write_sop(f"{CS}/cs-001.md", owner="|\n  Ana Example\n  * @evil")  # a line break in the calendar and CODEOWNERS
    hb.write_sop(f"{CS}/cs-002.md", id="CS-002", review_interval_months="9" * 5000)  # past Python's int-to-text limit
    for n, (path, (call, _)) in enumerate(MACRO_CASES.items(), start=3):
        extra = {"review_interval_months": "12"} if "months" in call else {}  # a number, read when the page renders
        hb.write_sop(path, id=f"CS-{n:03d}", sections={"Training": f"New agents read {call} first."}, **extra)
    hb.write_sop("docs/billing/br-001.md", id="BR-001", department="billing", owner="Omar Example")
    hb.set_config("name: Billing and Refunds", 'name: "Billing: Refunds & <b>Credits</b>"')  # `: ` once corrupted its index
    (hb.root / "docs" / "assets").mkdir()
    for name in BAD_NAMES:
        with open(os.path.join(bytes(hb.root), name), "wb") as handle:
            handle.write(hb.sop_text(f"{CS}/cs-001.md").encode())
    hb.make_buildable()
    return hb


def _expected(hb: BoundedHandbook) -> dict[str, str]:
    found = {
        f"{CS}/cs-001.md:5: FM006": 'owner: "Ana Example\\n* @evil\\n" holds a line break: write it on one line (not `|` or `>`)',
        f"{CS}/cs-002.md:10: FM003": "front matter is not valid YAML: a number of 5000 digits; no field holds one (put it in quotes if it is text)",
        "docs/assets/logo\\r.png:0: F005": "its name contains a line break: the file is not published",
        f"{CS}/cs-0\\xff9.md:0: F005": "its name is not UTF-8: the file is not checked",
    }
    for path, (call, message) in MACRO_CASES.items():
        found[f"{path}:{hb.line_of(path, call)}: TPL005"] = message
    return found


def test_the_check_names_each_case(broken):
    result = broken.check()
    assert "Traceback" not in result.out + result.err
    assert result.code == 1, result.err
    expected = _expected(broken)
    assert findings_in(result.out) == sorted(expected)
    for where, message in expected.items():
        assert f"{where} {message}" in result.out


def test_the_strict_build_names_the_same_cases(broken):
    build = broken.build(strict=True)
    log = build.out + build.err
    assert "Traceback" not in log
    assert build.code == 1
    found = sorted(f for code in ("FM006", "FM003", "F005", "TPL005") for f in logged(log, code))
    assert found == sorted(_expected(broken))


def test_a_non_strict_build_publishes_no_traceback_path_or_invented_value(broken):
    build = broken.build(strict=False)
    assert "Traceback" not in build.out + build.err
    assert build.code == 0, build.err
    for path, (call, _) in MACRO_CASES.items():
        html = broken.page(path[len("docs/"):-len(".md")])
        assert "hb-template-notice" in html and " TPL005 " in html
        assert "New agents read" in html
        for leak in ("Traceback", str(broken.root), "site-packages", ">None<", ">123<"):
            assert leak not in html, (path, leak)
    assert (broken.site / "reviews.ics").exists()  # the calendar was written, the owner with a line break left out
    assert not list(broken.site.rglob("logo*")) and not list(broken.site.rglob("cs-0*9*"))  # badly named files: never published
    index = broken.page("billing")
    assert "<h1" in index and "Billing: Refunds &amp; &lt;b&gt;Credits&lt;/b&gt;" in index


def test_a_huge_number_in_the_glossary_is_a_configuration_error_at_its_line(handbook_dir: BoundedHandbook):
    handbook_dir.write_sop(f"{CS}/cs-001.md")
    glossary = handbook_dir.root / "glossary.yml"
    lines = glossary.read_text(encoding="utf-8").count("\n")
    glossary.write_text(glossary.read_text(encoding="utf-8") + f"BIG:\n  name: {'9' * 5000}\n  definition: A big number.\n", encoding="utf-8")
    result = handbook_dir.check()
    assert (result.code, result.out) == (2, "")
    assert result.err == f"handbook: error: glossary.yml:{lines + 2}: not valid YAML: a number of 5000 digits; no field holds one (put it in quotes if it is text)\n"


def test_an_sop_with_only_an_id_and_a_title_is_findings_in_the_build_not_a_traceback(handbook_dir: BoundedHandbook):
    """A file read as an SOP with no dates, status, owner or department (e.g. `x.de.md` in a handbook without German):
    the home page's "recently changed", the dashboards and feeds go on without it."""
    handbook_dir.write_sop(f"{CS}/cs-001.md")
    (handbook_dir.root / CS / "cs-002.md").write_text("---\nid: CS-002\ntitle: Only a title\n---\n\n## Purpose\n\nText.\n", encoding="utf-8")
    handbook_dir.make_buildable()
    for strict in (True, False):
        build = handbook_dir.build(strict=strict)
        log = build.out + build.err
        assert "Traceback" not in log, log
        assert build.code == (1 if strict else 0), log
        assert sorted(f for f in logged(log, "FM005")) == [f"{CS}/cs-002.md:1: FM005"] * 5  # department, last_reviewed, owner, status, version
    assert "CS-001" in handbook_dir.page("")  # the home page was written


def test_output_into_a_pipe_the_reader_closed_is_no_traceback(handbook_dir: BoundedHandbook):
    """`handbook check | head -1`: the reader stops reading; the command ends quietly."""
    import subprocess
    import sys

    from tests.sitebuild import ROOT

    handbook_dir.write_sop(f"{CS}/cs-001.md")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": "2026-12-02"}
    proc = subprocess.Popen([sys.executable, "-m", "handbook", "check"], cwd=handbook_dir.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before the command has written a line
    err = proc.stderr.read().decode()
    assert (proc.wait(timeout=60), err) == (0, "")
