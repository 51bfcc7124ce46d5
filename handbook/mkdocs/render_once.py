"""An untranslated SOP is converted from Markdown once, not once per language.

mkdocs-static-i18n builds every language's site in turn, and a page without a translation
is the source-language file again under /pl/, /hu/ ...: the same Markdown, converted by
the same extensions, gives the same HTML. So `mkdocs build` keeps what the source
language's Markdown conversion gave (the HTML, the table of contents, the anchors) by
a digest of the final Markdown text and the Markdown configuration, and a later
language's page with the same digest takes it instead of converting again. What differs
between languages is not touched: the card, banners, glossary links and SOP links are
placeholders filled after the conversion (handbook/site/placeholders.py), in the
reader's language, and the page template is rendered per language as before.

Only Markdown without links or images is reused: MkDocs rewrites a link relative to the
page's language site and records it for anchor validation, and that is per language.
Parallel language processes (parallel_languages.py) fork after the source language, so
they inherit what it kept. `HANDBOOK_RENDER_ONCE=false` turns it off (the test compares
both sites byte for byte: tests/site_build/test_render_once.py).
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import re
import types
import zlib

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.handbook.render_once")

_state: dict = {"command": None, "pages": 0, "reused": 0, "depth": 0}
_kept: dict[bytes, tuple] = {}  # digest -> (compressed HTML, toc, title, anchor ids, links to its own anchors)

# Markdown MkDocs rewrites per page or records for validation: links, images, raw anchors.
_LINKED = re.compile(r"\]\(|\]\s*:|\]\[|<a\b|\bhref=|\bsrc=|<img\b|<https?:|<mailto:", re.I)


def on_startup(command, dirty) -> None:
    _state["command"] = command


def on_shutdown() -> None:
    _kept.clear()


def on_pre_build(config) -> None:
    _state["pages"] = _state["reused"] = 0
    _state["depth"] += 1  # mkdocs-static-i18n builds the other languages inside the first one's build


@event_priority(-250)  # after mkdocs-static-i18n (-100): the outermost build ends once every language is built
def on_post_build(config) -> None:
    """One line per language that reused conversions; once all are built, the kept conversions are let go."""
    i18n = config.plugins.get("i18n") if config.plugins else None
    if _state["reused"] and i18n is not None:
        log.info(f"{i18n.current_language}: the Markdown of {_state['reused']} of {_state['pages']} page(s) converted once, in {i18n.default_language}")
    _state["reused"] = 0  # the source language's post_build comes after the nested ones: it must not repeat the last line
    _state["depth"] -= 1
    if _state["depth"] <= 0:
        _kept.clear()  # before the search indexer runs beside this process (pagefind_search.py, -300)


@event_priority(-1000)  # last: the Markdown is final once every plugin and hook has changed it
def on_page_markdown(markdown: str, page, config, files) -> str:
    i18n = config.plugins.get("i18n") if config.plugins else None
    if not _wanted(i18n):
        return markdown
    _state["pages"] += 1
    if _LINKED.search(markdown):
        return markdown
    key = _digest(markdown, config)
    kept = _kept.get(key)
    if kept is not None:
        _state["reused"] += 1
        page.render = types.MethodType(_replay(kept), page)
    elif getattr(i18n, "is_default_language_build", False):
        page.render = types.MethodType(_record(key), page)
    return markdown


def _wanted(i18n) -> bool:
    """Only `mkdocs build` of several languages: a preview builds one language and re-renders pages."""
    if _state["command"] != "build" or i18n is None or len(getattr(i18n, "build_languages", None) or []) < 2:
        return False
    return os.environ.get("HANDBOOK_RENDER_ONCE", "true").strip().lower() not in ("false", "0", "no", "off")


def _digest(markdown: str, config) -> bytes:
    """The Markdown text with what configures its conversion (extensions and their settings, per language build)."""
    setup = repr((config["markdown_extensions"], config["mdx_configs"]))
    return hashlib.blake2b(f"{setup}\0{markdown}".encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _record(key: bytes):
    def render(page, config, files) -> None:
        Page.render(page, config, files)
        links = page.links_to_anchors or {}
        if set(links) <= {page.file}:  # only the headings' permalinks (#purpose): the same on every language's page
            own = dict(links.get(page.file, {}))
            _kept[key] = (zlib.compress(page.content.encode("utf-8", "surrogatepass"), 1), copy.deepcopy(page.toc), page._title_from_render, frozenset(page.present_anchor_ids or ()), own)

    return render


def _replay(kept: tuple):
    content, toc, title, anchors, own_links = kept

    def render(page, config, files) -> None:
        page.content = zlib.decompress(content).decode("utf-8", "surrogatepass")
        page.toc = copy.deepcopy(toc)  # later hooks may change a page's toc: each page gets its own
        page._title_from_render = title
        page.present_anchor_ids = set(anchors)
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {page.file: dict(own_links)} if own_links else {}

    return render
