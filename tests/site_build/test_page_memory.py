"""A converted page's HTML waits compressed for its template (handbook/mkdocs/page_memory.py).

MkDocs' own `_populate_page` and plugin events run in this process on a one-page site
whose only hook is page_memory: between conversion and template the page holds no HTML
text (a hook returning None would leave it there: MkDocs keeps the last HTML returned),
whoever reads `page.content` still gets the HTML, and the template's context sees the
page as MkDocs made it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from handbook.mkdocs import page_memory

TEXT = "# Handling a complaint\n\n" + "The agent logs the complaint in the CRM and confirms it to the customer → within one day.\n\n" * 200


@pytest.fixture
def site(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "page_memory_hook.py").write_text("from handbook.mkdocs.page_memory import *  # noqa: F401,F403\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nplugins: []\nhooks:\n  - page_memory_hook.py\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    files = get_files(config)
    nav = get_navigation(files, config)
    yield config, files, nav, files.get_file_from_path("index.md").page
    page_memory.on_startup("serve", False)


def test_a_converted_page_holds_its_html_compressed_until_its_template(site):
    config, files, nav, page = site
    mkdocs_build._populate_page(page, config, files)
    waiting = page.__dict__[page_memory._WAITING]
    assert page.__dict__["content"] is None
    assert isinstance(waiting, bytes) and 0 < len(waiting) < len(TEXT) / 10  # the repeated paragraph compresses well
    html = page.content
    assert html.count("confirms it to the customer → within one day.") == 200  # a reader in between gets the HTML
    assert isinstance(page, Page)

    config.plugins.on_page_context({}, page=page, config=config, nav=nav)
    assert type(page) is Page
    assert page.__dict__["content"] == html and page_memory._WAITING not in page.__dict__


def test_serve_keeps_pages_as_mkdocs_does(site):
    config, files, nav, page = site
    page_memory.on_startup("serve", False)
    mkdocs_build._populate_page(page, config, files)
    assert type(page) is Page and "within one day" in page.__dict__["content"]
