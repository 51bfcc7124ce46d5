"""Unbounded work (issue 16): one line of template code never keeps a check or a build busy.

Each case is one SOP whose Training section holds one hostile expression. The check, the
strict build and the non-strict build run in child processes with a memory and CPU limit
(tests/hostile/hostile_support.py): each case must end as TPL006 at its line, the same in
the check and the build, and the non-strict page shows the text under the notice.
"""

from __future__ import annotations

import pytest
from check_support import findings_in
from hostile_support import BoundedHandbook, logged

# (what it tries, the Training text, the message the finding must hold)
CASES = [
    ("a huge power", "Score {{ 9**999999 }} points.", "`9 ** 999999` would make a number of about 1,204,118 digits"),
    ("a huge repetition", 'Say {{ "x" * 10**10 }} twice.', "`'x' * 10000000000` would make about 10,000,000,000 characters"),
    ("a repeated list", '{{ [("x" * 1000)] * 1000000 }}', "`a list of 1 item(s) * 1000000` would make about 1,003,000,000 characters"),
    ("nested loops", '{% for a in "x" * 1000 %}{% for b in "x" * 1000 %}{% for c in "x" * 1000 %}{% endfor %}{% endfor %}{% endfor %}', "it does more work than any page needs"),
    ("loops writing into a variable", '{% set s %}{% for a in "x" * 1000 %}{% for b in "x" * 1000 %}' + "Z" * 60 + "{% endfor %}{% endfor %}{% endset %}", "it does more work than any page needs"),
    ("a string method's width", '{{ "x".center(10**9) }}', "`.center()` is given 1000000000, more than the 1,000,000"),
    ("a filter's width", '{{ "x"|center(1000000000) }}', "`.center()` is given 1000000000"),
    ("replace growing a text", '{{ ("x" * 999999).replace("x", "y" * 999999) }}', "`.replace()` would make about 999,998,000,001 characters"),
    ("join growing a text", '{{ ("x" * 100000)|join("y" * 100000) }}', "`|join` would make about 10,000,000,000 characters"),
    ("a format width", '{{ "%999999999d" % 1 }}', "`%` asks for a width of 999999999"),
    ("~ doubling a text", '{% set a = "x" * 999999 %}{{ a ~ a }}', "`~` would make about 1,999,998 characters"),
    ("a number too long to show", "{{ 10**5000 }}", "a number has too many digits to be shown"),
    ("too much output", '{% for a in "x" * 3000 %}{{ "y" * 999 }}{% endfor %}', "it writes more than 2,000,000 characters"),
]


def _path(n: int) -> str:
    return f"docs/customer-service/cs-{n + 1:03d}.md"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[BoundedHandbook, dict[str, tuple[int, str]]]:
    hb = _handbook(tmp_path_factory.mktemp("templates"))
    where = {}
    for n, (_, text, message) in enumerate(CASES):
        path = _path(n)
        hb.write_sop(path, id=f"CS-{n + 1:03d}", sections={"Training": f"New agents shadow a colleague.\n\n{text}"})
        where[path] = (hb.line_of(path, text), message)
    hb.make_buildable()
    return hb, where


def _handbook(folder) -> BoundedHandbook:
    from workflow_support import make_handbook

    made = make_handbook(folder / "handbook", None, None)
    return BoundedHandbook(made.root, None, None)


def _expected(where: dict[str, tuple[int, str]]) -> list[str]:
    return sorted(f"{path}:{line}: TPL006" for path, (line, _) in where.items())


def test_each_case_is_tpl006_at_its_line_in_the_check(hostile):
    hb, where = hostile
    result = hb.check()
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    assert findings_in(result.out) == _expected(where)
    for path, (line, message) in where.items():
        assert f"{path}:{line}: TPL006 this page's template was stopped: {message}" in result.out


def test_the_strict_build_reports_the_same_findings(hostile):
    hb, where = hostile
    build = hb.build(strict=True)
    log = build.out + build.err
    assert build.code == 1
    assert "Traceback" not in log
    assert sorted(logged(log, "TPL006")) == _expected(where)


def test_a_non_strict_build_shows_each_page_as_text_under_the_notice(hostile):
    hb, where = hostile
    build = hb.build(strict=False)
    assert build.code == 0, build.err
    assert "Traceback" not in build.out + build.err
    for n, (path, (line, _)) in enumerate(where.items()):
        html = hb.page(f"customer-service/cs-{n + 1:03d}")
        assert "hb-template-notice" in html
        assert f"<code>{path}:{line}</code> TPL006" in html
        assert "New agents shadow a colleague." in html  # the rest of the page is there
        assert "``" not in html  # tags side by side are one code span, not spans run together
        assert "Traceback" not in html and "MemoryError" not in html and str(hb.root) not in html


def test_ordinary_template_code_still_renders(tmp_path):
    hb = _handbook(tmp_path)
    hb.write_sop(_path(0), sections={"Training": 'Agents: {{ title|upper }}; {% for c in ["phone", "chat"] %}{{ c }}, {% endfor %}{{ 2**10 }} {{ "%s-%d" % ("CS", 1) }} {{ "a" ~ "b" }}'})
    assert hb.check().code == 0
    hb.make_buildable()
    build = hb.build(strict=True)
    assert build.code == 0, build.out + build.err
    assert "Agents: ANSWERING THE PHONE; phone, chat, 1024 CS-1 ab" in hb.page("customer-service/cs-001")
