"""The self-assessment in the built site: a quiz out of search and print, the acknowledgement link.

Each test builds the small handbook of tests/quiz/fixture.py with `mkdocs build --strict`
in a subprocess and reads the HTML, Material's search index and Pagefind's fragments.
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from handbook.handbook import open_check
from tests.quiz.fixture import make_handbook, sop, translation
from tests.sitebuild import Build, mkdocs_build

pytestmark = pytest.mark.site

PAGES = {
    "desk/dk-001.md": sop(),
    "desk/dk-001.ar.md": translation(),
    "desk/dk-002.md": sop("DK-002", title="Close a visit", version="1.0", quiz=""),
    "desk/dk-004.md": sop("DK-004", title='Refunds \\"50%\\" <b>now</b> & #1?', version="3.0"),
}
ANSWERS = ("No, always verify the caller", "ZEBRA-EXPLAINED", "The caller's password", "Never write down a password", "تحقّق دائمًا")


def _build(root: Path, pages: dict[str, str] = PAGES, strict: bool = True, **options) -> Build:
    config = make_handbook(root, pages, **options)
    return mkdocs_build(config.parent, root / "site", today="2026-12-02", strict=strict)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Build:
    build = _build(tmp_path_factory.mktemp("quiz"))
    assert build.returncode == 0, build.log
    return build


def test_the_questions_become_a_quiz(site):
    soup = site.soup("desk/dk-001")
    quiz = soup.select_one("article section.hb-quiz[data-hb-quiz]")
    questions = quiz.select("fieldset.hb-quiz__question")
    assert [q.legend.get_text(strip=True) for q in questions] == [
        "May you skip verification when the number matches?",
        "Which belong in every call note?",
    ]
    first, second = ([(i["type"], i.parent.get_text(strip=True), i.has_attr("data-hb-right")) for i in q.select("input")] for q in questions)
    assert first == [
        ("radio", "Yes, the number proves who calls.", False),
        ("radio", "No, always verify the caller.", True),
        ("radio", "Only for callers in a hurry.", False),
    ]
    assert [t for t, _, _ in second] == ["checkbox"] * 3 and [r for _, _, r in second] == [True, True, False]
    explanation = questions[0].select_one("[data-hb-explanation]")
    assert explanation.has_attr("hidden") and "ZEBRA-EXPLAINED" in explanation.get_text()
    # The questions are no headings: not in the table of contents, not a search section of their own.
    assert "May you skip" not in " ".join(h.get_text() for h in soup.select("article h2, article h3, nav.md-nav--secondary"))
    assert quiz.has_attr("data-pagefind-ignore")
    assert soup.find("script", src="../../assets/quiz.js") is not None
    assert soup.find("link", href="../../assets/quiz.css") is not None


def test_the_arabic_quiz_speaks_arabic(site):
    quiz = site.soup("ar/desk/dk-001").select_one("section.hb-quiz")
    assert quiz["data-hb-right-label"] == "صحيح." and quiz["data-hb-score-label"] == "النتيجة: {right} من {total} صحيحة."
    assert quiz.select_one(".hb-quiz__how").get_text() == "اختر إجابة واحدة، ثم تحقّق."
    assert quiz.find_parent(attrs={"dir": "rtl"}) is not None


def test_answers_are_not_in_materials_search_index(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert "Why we verify callers." in text  # the page itself is indexed
    for answer in ANSWERS:
        assert answer not in text


def test_the_acknowledgement_link_carries_the_sops_id_and_version(site):
    soup = site.soup("desk/dk-001")
    ack = soup.select_one("[data-hb-ack]")
    link = ack.select_one("a")
    assert link["href"] == "https://forms.example/ack?entry.1=DK-001&entry.2=2.1&entry.3=Verify%20%26%20greet%20callers&entry.4=en"
    assert link.get_text() == "I have read version 2.1"
    assert ack.select_one("[data-hb-ack-open]").has_attr("hidden")  # until the quiz is passed
    assert not ack.select_one("[data-hb-ack-locked]").has_attr("hidden")
    # The Arabic page: the source's version, the translation's title and language.
    arabic = site.soup("ar/desk/dk-001").select_one("[data-hb-ack] a")
    assert arabic["href"].endswith("entry.1=DK-001&entry.2=2.1&entry.3=%D8%A7%D9%84%D8%AA%D8%AD%D9%82%D9%82%20%D9%85%D9%86%20%D8%A7%D9%84%D9%85%D8%AA%D8%B5%D9%84%D9%8A%D9%86&entry.4=ar")
    assert arabic.get_text() == "قرأتُ الإصدار 2.1"


def test_without_a_quiz_the_link_shows_at_once(site):
    soup = site.soup("desk/dk-002")
    assert soup.select_one("section.hb-quiz") is None
    ack = soup.select_one("[data-hb-ack]")
    assert not ack.select_one("[data-hb-ack-open]").has_attr("hidden") and ack.select_one("[data-hb-ack-locked]") is None
    assert "entry.1=DK-002&entry.2=1.0" in ack.a["href"]


def test_a_title_with_quotes_markup_and_url_characters_stays_text_in_its_field(site):
    ack = site.soup("desk/dk-004").select_one("[data-hb-ack]")
    assert ack.a["href"] == (
        "https://forms.example/ack?entry.1=DK-004&entry.2=3.0"
        "&entry.3=Refunds%20%2250%25%22%20%3Cb%3Enow%3C%2Fb%3E%20%26%20%231%3F&entry.4=en"
    )
    assert ack.find("b") is None and ack.a.get_text() == "I have read version 3.0"


def test_without_the_setting_no_acknowledgement_and_drafts_never(tmp_path):
    pages = {"desk/dk-001.md": sop(), "desk/dk-003.md": sop("DK-003", status="draft")}
    build = _build(tmp_path / "none", pages, acknowledgement=None)
    assert build.returncode == 0, build.log
    assert build.soup("desk/dk-001").select_one("[data-hb-ack]") is None
    assert build.soup("desk/dk-001").select_one("section.hb-quiz") is not None
    drafts = _build(tmp_path / "draft", pages)
    assert drafts.soup("desk/dk-003").select_one("[data-hb-ack]") is None
    assert drafts.soup("desk/dk-001").select_one("[data-hb-ack]") is not None


def test_build_and_check_agree_on_a_broken_quiz(tmp_path):
    broken = sop(quiz="## Self-assessment\n\n### Pick one?\n\n- [ ] A\n- [ ] B\n")
    build = _build(tmp_path, {"desk/dk-001.md": broken}, strict=False)
    verdict = open_check(tmp_path / "mkdocs.yml", date(2026, 12, 2), shown_root=tmp_path)
    (expected,) = [str(f) for f in verdict.findings if f.is_error]
    assert expected.startswith("docs/desk/dk-001.md:24: QZ001 question `Pick one?` has no right answer")
    assert expected in build.log
    strict = mkdocs_build(tmp_path, tmp_path / "strict-site", today="2026-12-02")
    assert strict.returncode == 1 and expected in strict.log
    # Left as written, not half a quiz.
    assert build.soup("desk/dk-001").select_one("section.hb-quiz") is None


def _pagefind_text(site: Path, lang: str) -> dict[str, str]:
    found = {}
    for path in (site / "pagefind" / lang / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[len(b"pagefind_dcd") :])
        found[fragment["url"]] = fragment["content"]
    return found


def test_answers_are_not_in_the_pagefind_index(tmp_path):
    build = _build(tmp_path, search="pagefind")
    assert build.returncode == 0, build.log
    english, arabic = _pagefind_text(build.site, "en"), _pagefind_text(build.site, "ar")
    assert "Why we verify callers." in english["/desk/dk-001/"]
    assert "نص الغرض." in arabic["/ar/desk/dk-001/"]
    for content in (english["/desk/dk-001/"], arabic["/ar/desk/dk-001/"]):
        for answer in ANSWERS + ("I have read version",):
            assert answer not in content


def test_a_quiz_without_its_script_fails_the_strict_build(tmp_path):
    config = make_handbook(tmp_path, {"desk/dk-001.md": sop()})
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/tool_assets.py\n", ""), encoding="utf-8")
    build = mkdocs_build(tmp_path, tmp_path / "site", today="2026-12-02")
    assert build.returncode == 1
    assert "desk/dk-001.md: a self-assessment, but assets/quiz.js is not linked (mkdocs.yml's hooks: must list hooks/tool_assets.py): readers cannot answer it" in build.log
