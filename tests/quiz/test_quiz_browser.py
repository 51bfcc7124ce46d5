"""The quiz answered in headless Chromium, in English and in Arabic: feedback, score, acknowledgement.

The small handbook of tests/quiz/fixture.py is built with `mkdocs build --strict` and
served over HTTP on loopback; assets/quiz.js (from the package) runs as a reader's browser runs it.
"""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler
from tests.quiz.fixture import make_handbook, sop, translation
from tests.sitebuild import mkdocs_build

pytestmark = [pytest.mark.site, pytest.mark.browser]

WORDS = {
    "en": {
        "page": "desk/dk-001/",
        "wrong_option": "Yes, the number proves who calls.",
        "right_option": "No, always verify the caller.",
        "many_right": ["The reason for the call", "The next step"],
        "wrong": "Not quite: the right answer is marked.",
        "right": "Right.",
        "check": "Check answer",
        "retry": "Try again",
        "score_1": "Score: 1 of 2 right. Not passed yet: read the SOP again and try once more.",
        "score_2": "Score: 2 of 2 right. Passed.",
        "ack": "I have read version 2.1",
        "explanation": "ZEBRA-EXPLAINED",
    },
    "ar": {
        "page": "ar/desk/dk-001/",
        "wrong_option": "نعم، الرقم يثبت هوية المتصل.",
        "right_option": "لا، تحقّق دائمًا من هوية المتصل.",
        "many_right": ["سبب الاتصال", "الخطوة التالية"],
        "wrong": "ليس تمامًا: الإجابة الصحيحة مميَّزة.",
        "right": "صحيح.",
        "check": "تحقّق من الإجابة",
        "retry": "حاول مرة أخرى",
        "score_1": "النتيجة: 1 من 2 صحيحة. لم تنجح بعد: اقرأ الإجراء مرة أخرى ثم حاول من جديد.",
        "score_2": "النتيجة: 2 من 2 صحيحة. ناجح.",
        "ack": "قرأتُ الإصدار 2.1",
        "explanation": "الرقم مجرد مؤشر وليس دليلًا.",
    },
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("quiz-browser")
    config = make_handbook(root, {"desk/dk-001.md": sop(), "desk/dk-001.ar.md": translation()})
    build = mkdocs_build(config.parent, root / "site", today="2026-12-02")
    assert build.returncode == 0, build.log
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_one_wrong_one_right_then_a_pass(browser, site_url, lang):
    words = WORDS[lang]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url + words["page"])
    quiz = page.locator("section.hb-quiz")
    first, second = quiz.locator("fieldset").nth(0), quiz.locator("fieldset").nth(1)
    ack = page.locator("[data-hb-ack-open]")
    expect(ack).to_be_hidden()
    assert quiz.evaluate("e => getComputedStyle(e).direction") == ("rtl" if lang == "ar" else "ltr")

    # A keyboard reader moves through the options with the arrow keys: that chooses, it does not answer.
    first.locator("input").first.focus()
    page.keyboard.press("ArrowDown")
    expect(first.locator("input").nth(1)).to_be_checked()
    expect(first.locator("[data-hb-feedback]")).to_be_hidden()
    expect(first.locator("input").first).to_be_enabled()

    # A wrong answer to the single-answer question: on "Check answer" the right option is shown, the explanation opens.
    expect(first.locator("[data-hb-explanation]")).to_be_hidden()
    first.get_by_label(words["wrong_option"]).check()
    expect(first.locator("[data-hb-feedback]")).to_be_hidden()  # choosing is not answering: arrow keys choose too
    first.get_by_role("button", name=words["check"]).click()
    expect(first.locator("[data-hb-feedback]")).to_have_text(words["wrong"])
    expect(first.locator(".hb-quiz__option--wrong")).to_have_text(words["wrong_option"])
    expect(first.locator(".hb-quiz__option--missed")).to_have_text(words["right_option"])  # the right one, not chosen
    expect(first.locator(".hb-quiz__option--chosen")).to_have_text(words["wrong_option"])
    expect(first.locator("[data-hb-explanation]")).to_contain_text(words["explanation"])
    expect(first.locator("input").first).to_be_disabled()
    expect(quiz.locator("[data-hb-score]")).to_be_hidden()  # one question still open

    # The right answers to the many-answer question, then "Check answer".
    for option in words["many_right"]:
        second.get_by_label(option).check()
    second.get_by_role("button", name=words["check"]).click()
    expect(second.locator("[data-hb-feedback]")).to_have_text(words["right"])
    expect(quiz.locator("[data-hb-score]")).to_have_text(words["score_1"])
    expect(ack).to_be_hidden()  # 1 of 2 does not pass

    # Again, both right: passed, and "I have read version 2.1" appears with the SOP's id and version.
    quiz.get_by_role("button", name=words["retry"]).click()
    expect(quiz.locator("[data-hb-score]")).to_be_hidden()
    expect(first.locator("[data-hb-feedback]")).to_be_hidden()
    first.get_by_label(words["right_option"]).check()
    first.get_by_role("button", name=words["check"]).click()
    expect(first.locator("[data-hb-feedback]")).to_have_text(words["right"])
    expect(first.locator(".hb-quiz__option--right.hb-quiz__option--chosen")).to_have_text(words["right_option"])
    for option in words["many_right"]:
        second.get_by_label(option).check()
    second.get_by_role("button", name=words["check"]).click()
    expect(quiz.locator("[data-hb-score]")).to_have_text(words["score_2"])
    expect(ack).to_be_visible()
    link = ack.get_by_role("link", name=words["ack"])
    assert f"entry.1=DK-001&entry.2=2.1&" in link.get_attribute("href") and link.get_attribute("href").endswith(f"entry.4={lang}")
    expect(page.locator("[data-hb-ack-locked]")).to_be_hidden()
    assert errors == []
    context.close()


def test_printing_hides_the_answers(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + WORDS["en"]["page"])
    first = page.locator("section.hb-quiz fieldset").nth(0)
    first.get_by_label(WORDS["en"]["wrong_option"]).check()
    first.get_by_role("button", name=WORDS["en"]["check"]).click()
    page.emulate_media(media="print")
    quiz = page.locator("section.hb-quiz")
    expect(quiz.locator("legend").first).to_be_visible()  # the questions print
    expect(quiz.locator("[data-hb-explanation]").first).to_be_hidden()
    expect(quiz.locator("[data-hb-feedback]").first).to_be_hidden()
    mark = quiz.locator(".hb-quiz__option--missed label").first.evaluate("e => getComputedStyle(e, '::after').content")
    assert mark == "none"
    page.close()


def test_the_quiz_works_after_materials_instant_navigation(browser, tmp_path):
    """With `navigation.instant` Material swaps the page in without loading it: quiz.js sets the new quiz up (document$)."""
    pages = {"desk/dk-001.md": sop(), "desk/dk-002.md": sop("DK-002", title="Close a visit", quiz="See [the verification SOP](dk-001.md).\n")}
    # Material follows a link instantly only to pages its sitemap lists under site_url: serve first, then build for that address.
    (tmp_path / "site").mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(tmp_path / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    config = make_handbook(tmp_path, pages, features="navigation.instant", site_url=base)
    build = mkdocs_build(config.parent, tmp_path / "site", today="2026-12-02", strict=False)
    # mkdocs-static-i18n warns that its language switcher cannot follow instant navigation (why mkdocs.yml leaves it off).
    warnings = [line for line in build.log.splitlines() if line.startswith("WARNING")]
    assert build.returncode == 0 and warnings and all("navigation.instant" in w for w in warnings), build.log  # once per language
    try:
        page = browser.new_page()
        page.goto(base + "desk/dk-002/")
        page.evaluate("window.hbSamePage = true")
        page.get_by_role("link", name="the verification SOP").click()
        page.wait_for_url("**/desk/dk-001/")
        assert page.evaluate("window.hbSamePage === true")  # no page load: Material's instant navigation
        first = page.locator("section.hb-quiz fieldset").nth(0)
        first.get_by_label(WORDS["en"]["wrong_option"]).check()
        first.get_by_role("button", name=WORDS["en"]["check"]).click()
        expect(first.locator("[data-hb-feedback]")).to_have_text(WORDS["en"]["wrong"])
        page.close()
    finally:
        server.shutdown()


def test_a_pass_mark_below_100_passes_with_one_of_two(browser, tmp_path):
    config = make_handbook(tmp_path, {"desk/dk-001.md": sop()}, self_assessment="pass_mark: 50")
    build = mkdocs_build(config.parent, tmp_path / "site", today="2026-12-02")
    assert build.returncode == 0, build.log
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/desk/dk-001/")
        first, second = page.locator("section.hb-quiz fieldset").nth(0), page.locator("section.hb-quiz fieldset").nth(1)
        first.get_by_label(WORDS["en"]["wrong_option"]).check()
        first.get_by_role("button", name=WORDS["en"]["check"]).click()
        second.get_by_label("The reason for the call").check()  # one of two right options: wrong
        second.get_by_role("button", name=WORDS["en"]["check"]).click()
        expect(page.locator("[data-hb-score]")).to_have_text("Score: 0 of 2 right. Not passed yet: read the SOP again and try once more.")
        expect(page.locator("[data-hb-ack-open]")).to_be_hidden()
        page.get_by_role("button", name=WORDS["en"]["retry"]).click()
        first.get_by_label(WORDS["en"]["right_option"]).check()
        first.get_by_role("button", name=WORDS["en"]["check"]).click()
        second.get_by_label("The caller's password").check()
        second.get_by_role("button", name=WORDS["en"]["check"]).click()
        expect(page.locator("[data-hb-score]")).to_have_text("Score: 1 of 2 right. Passed.")
        expect(page.locator("[data-hb-ack-open]")).to_be_visible()
        page.close()
    finally:
        server.shutdown()
