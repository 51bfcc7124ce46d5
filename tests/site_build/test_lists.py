"""Lists nest in the built site as GitHub previews them: 2, 3 or 4 spaces (handbook.list_nesting).

SOPs with lists are added to a fixture handbook (tests/fixture_handbook.py) and built with
`mkdocs build --strict`; the nesting is counted in the HTML. A second copy, built without the
extension, shows that every other page (4-space nesting or flat lists) is unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.fixture_handbook import SOPS, make_handbook, sop_text
from tests.sitebuild import mkdocs_build

pytestmark = pytest.mark.site

BASE = sop_text(SOPS[0], "en")  # a valid SOP (SU-001) whose Procedure the list SOPs replace

TWO_METHODS = """\
1. Choose one of the two methods with the customer.

Either method records the same answers:

- Method A: by phone
  - Call the customer on the number in Relay.
  - Read out the three survey questions.
  - Log the answers.
- Method B: by email
  - Send the survey link.
  - Wait two working days.
  - Log the answers from the report.
"""

INSTALL = "\n".join(
    [f"{n}. Install step {n}.\n   - Check {n} is done." for n in range(1, 5)]
    + ["5. Run the installer:\n\n   ```bash\n   ./install.sh --quiet\n   ```\n\n   - Check 5 is done.\n"]
    + [f"{n}. Install step {n}.\n   - Check {n} is done." for n in range(6, 10)]
    + [f"{n}. Install step {n}.\n    - Check {n} is done." for n in range(10, 26)]  # 4 spaces: the text of `10. `
) + "\n"

MIXED = """\
1. Step one
    - four-space sub
        - four-space sub-sub
2. Step two
   - three-space sub
     - two-more sub-sub
3. Step three
"""

CONTAINERS = """\
1. Open the case.

!!! note "Before you start"
    1. Check the account.
       - Balance
       - Status
    2. Open the case.

=== "Phone"

    - Greet the caller
      - Say your name
    - Verify the caller

=== "Email"

    1. Read the whole email
       - Subject line too
"""

PARAGRAPH_THEN_LIST = """\
1. Open the case.

Before you close it, check:
- the address;
- the phone number.
"""

FIXTURES = {"su-090": TWO_METHODS, "su-091": INSTALL, "su-092": MIXED, "su-093": CONTAINERS, "su-094": PARAGRAPH_THEN_LIST}


def _sop(number: str, procedure: str) -> str:
    text = BASE.replace("id: SU-001", f"id: {number.upper()}").replace("title: Answering", f"title: Lists {number}, answering")
    return re.sub(r"(?s)(## Procedure\n\n).*?(\n## Performance measures)", lambda m: m.group(1) + procedure + m.group(2), text)


def _add_fixtures(project: Path) -> Path:
    for number, procedure in FIXTURES.items():
        (project / "docs" / "support" / f"{number}.md").write_text(_sop(number, procedure), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(with the extension, without it): the same handbook plus the fixture SOPs."""
    ours = _add_fixtures(make_handbook(tmp_path_factory.mktemp("lists") / "handbook").root)
    plain = _add_fixtures(make_handbook(tmp_path_factory.mktemp("lists-plain") / "handbook").root)
    config = plain / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    without_extension = re.sub(r"(?m)^  - handbook\.list_nesting\b.*\n", "", text)
    assert without_extension != text, "the fixture's mkdocs.yml lists no handbook.list_nesting"
    config.write_text(without_extension, encoding="utf-8")
    with_ext = mkdocs_build(ours, tmp_path_factory.mktemp("site-lists"))
    assert with_ext.returncode == 0, with_ext.log
    without = mkdocs_build(plain, tmp_path_factory.mktemp("site-lists-plain"), strict=False)
    assert without.returncode == 0, without.log
    return with_ext, without


def _procedure(build, number: str) -> list:
    """The elements of the page's Procedure section, up to the next level-2 heading."""
    soup = build.soup(f"support/{number}/")
    heading = soup.find("h2", id="procedure")
    parts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(element)
    return parts


def _items(tag, name: str) -> list:
    return tag.find_all("li", recursive=False) if tag is not None and tag.name == name else []


def test_two_space_bullets_nest(builds):
    lists = [e for e in _procedure(builds[0], "su-090") if e.name == "ul"]
    assert len(lists) == 1
    methods = _items(lists[0], "ul")
    assert [m.find(string=True).strip() for m in methods] == ["Method A: by phone", "Method B: by email"]
    assert [len(_items(m.find("ul", recursive=False), "ul")) for m in methods] == [3, 3]
    assert len(lists[0].select("ul > li > ul > li")) == 6


def test_without_the_extension_the_same_page_is_flat(builds):
    """What the page looked like before: six sub-steps as siblings of the two methods."""
    lists = [e for e in _procedure(builds[1], "su-090") if e.name == "ul"]
    assert len(_items(lists[0], "ul")) == 8 and not lists[0].select("ul > li > ul")


def test_twenty_five_steps_with_three_space_sub_items_are_one_list(builds):
    parts = _procedure(builds[0], "su-091")
    assert [e.name for e in parts] == ["ol"]
    steps = _items(parts[0], "ol")
    assert len(steps) == 25
    assert all(len(_items(step.find("ul", recursive=False), "ul")) == 1 for step in steps)
    assert [step.find("ul").get_text(strip=True) for step in steps] == [f"Check {n} is done." for n in range(1, 26)]
    code = steps[4].find("pre")  # the fenced code stays inside step 5
    assert code is not None and "./install.sh --quiet" in code.get_text()
    assert len(parts[0].find_all("pre")) == 1


def test_four_three_and_two_space_nesting_on_one_page(builds):
    parts = _procedure(builds[0], "su-092")
    assert [e.name for e in parts] == ["ol"]
    first, second, third = _items(parts[0], "ol")
    for step, sub, subsub in ((first, "four-space sub", "four-space sub-sub"), (second, "three-space sub", "two-more sub-sub")):
        (inner,) = _items(step.find("ul", recursive=False), "ul")
        assert inner.find(string=True).strip() == sub
        assert [li.get_text(strip=True) for li in _items(inner.find("ul", recursive=False), "ul")] == [subsub]
    assert third.find("ul") is None
    assert len(parts[0].select("ol > li > ul > li > ul > li")) == 2


def test_lists_nest_inside_an_admonition_and_content_tabs(builds):
    parts = _procedure(builds[0], "su-093")
    note = next(e for e in parts if "admonition" in (e.get("class") or []))
    steps = _items(note.find("ol", recursive=False), "ol")
    assert len(steps) == 2
    assert [li.get_text(strip=True) for li in _items(steps[0].find("ul", recursive=False), "ul")] == ["Balance", "Status"]
    tabs = next(e for e in parts if "tabbed-set" in (e.get("class") or []))
    phone, email = tabs.select("div.tabbed-block")
    greet, verify = _items(phone.find("ul"), "ul")
    assert [li.get_text(strip=True) for li in _items(greet.find("ul"), "ul")] == ["Say your name"] and verify.find("ul") is None
    (read,) = _items(email.find("ol"), "ol")
    assert [li.get_text(strip=True) for li in _items(read.find("ul"), "ul")] == ["Subject line too"]


def test_a_list_right_after_a_paragraph_is_reported_and_stays_text(builds):
    """MD001 is a warning: logged at INFO, so --strict passes, with the same line the check gives."""
    build = builds[0]
    path = "docs/support/su-094.md"
    line = next(n for n, text in enumerate(_sop("su-094", PARAGRAPH_THEN_LIST).splitlines(), 1) if text == "- the address;")
    assert re.search(rf"INFO\s+-\s+{re.escape(path)}:{line}: MD001 warning `-` starts a list item on GitHub", build.log), build.log
    assert "MD00" not in build.log.replace(f"{path}:{line}: MD001", "")  # no other list finding in the whole handbook
    paragraph = next(e for e in _procedure(build, "su-094") if e.name == "p" and "Before you close it" in e.get_text())
    assert "- the address;" in paragraph.get_text()


def test_every_other_page_is_unchanged_by_the_extension(builds):
    """Lists written with 4-space nesting (or none) render byte for byte as without the extension."""
    ours, plain = builds
    pages = sorted(p.relative_to(plain.site) for p in plain.site.rglob("index.html"))
    assert len(pages) > 20
    compared = 0
    for page in pages:
        if "su-09" in str(page) or page.parent.name == "print":
            continue  # the fixtures, and the department's printable page that holds them
        before = BeautifulSoup((plain.site / page).read_text(encoding="utf-8"), "html.parser").find("article")
        after = BeautifulSoup((ours.site / page).read_text(encoding="utf-8"), "html.parser").find("article")
        assert before is not None and str(after) == str(before), page
        compared += 1
    assert compared > 20
