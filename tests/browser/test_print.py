"""Printing an SOP as a controlled copy, in Chromium: page.pdf() and poppler's pdftotext read it back.

Built from the SOP page tests' own small handbook (tests/sop_fixture.py). Every printed
page carries the SOP's id, version and "valid until"; a department's printable page puts
each SOP on its own sheets, in order; tabs print expanded; tables fit the page width.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.browser.conftest import _QuietHandler
from tests.sitebuild import mkdocs_build
from tests.sop_fixture import TODAY, make_handbook

A4_CONTENT_PX = 703  # 210 mm less print.css's 2 x 12 mm margins, at 96 px per inch


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    project = make_handbook(tmp_path_factory.mktemp("print") / "handbook")
    build = mkdocs_build(project, project / "site", today=TODAY)
    assert build.returncode == 0, build.log
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _pdf_pages(browser, url: str, tmp_path) -> list[str]:
    """The page printed to A4 as Chromium's print dialog would, as the text of each printed page."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/run installs it)")
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function("() => !document.querySelector('pre.mermaid')")  # Material has drawn the diagrams
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(p.split()) for p in text.split("\f") if p.strip()]


def test_every_printed_page_names_the_sop_its_version_and_validity(browser, fixture_url, tmp_path):
    pages = _pdf_pages(browser, fixture_url + "desk/dk-001/", tmp_path)
    assert pages
    for text in pages:
        assert "DK-001 Greeting a visitor · Version 2.1 · Owner: Dana Lee" in text
        assert "Uncontrolled when printed, valid until 2027-06-01" in text
        assert re.search(r"Printed \d{4}-\d{2}-\d{2}", text), text  # the day of printing, from print.js
    whole = " ".join(pages)
    assert "Go to the procedure" not in whole and "Search" not in whole  # screen furniture stays on screen
    assert "Approved by Dana Lee, Omar Ali" in re.sub(r"\s+", " ", whole)  # the folded card prints open


def test_content_tabs_print_expanded_with_their_labels(browser, fixture_url, tmp_path):
    whole = " ".join(_pdf_pages(browser, fixture_url + "desk/dk-001/", tmp_path))
    phone, face = whole.find("Phone Say this"), whole.find("Face-to-face Say this")
    assert phone != -1 and face != -1 and phone < face, whole
    assert '"Good morning, this is the desk."' in whole and '"Welcome to the desk."' in whole


def test_a_department_prints_one_sop_after_another_each_on_its_own_sheets(browser, fixture_url, tmp_path):
    pages = _pdf_pages(browser, fixture_url + "desk/print/", tmp_path)
    heads = [re.search(r"(DK-\d{3}) [^·]+ · Version", text).group(1) for text in pages]
    assert heads[0] == "DK-001" and heads[-1] == "DK-002"
    assert heads == sorted(heads)  # in order, each sheet headed by the SOP on it
    assert "DK-003 Old callback diary · Version" not in " ".join(pages)  # retired: not in the binder (only named as replaced)
    first_of_dk002 = heads.index("DK-002")
    assert pages[first_of_dk002].startswith("DK-002 Booking a callback DK-002 Booking a callback · Version 1.0")  # its h1 opens a new sheet


@pytest.mark.parametrize("path", ["desk/", "desk/dk-001/"])
def test_tables_fit_the_printed_page(browser, fixture_url, path):
    page = browser.new_page(viewport={"width": A4_CONTENT_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(fixture_url + path)
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('article table:not(.hb-sheet) th, article table:not(.hb-sheet) td')]
                .filter(cell => cell.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .map(cell => cell.textContent.trim())"""
    )
    cells = page.evaluate("() => document.querySelectorAll('article table:not(.hb-sheet) td').length")
    page.close()
    assert cells > 0
    assert overflow == []
