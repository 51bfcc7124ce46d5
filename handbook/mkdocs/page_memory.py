"""`mkdocs build`: what a page holds is let go of as soon as the build is done with it.

Memory, not speed: a 5,000-SOP handbook builds five languages of 5,000 pages each, and
CPython keeps the high-water mark of its heap. Two things here (the page's Markdown goes
once converted, its HTML once written: hooks/handbook_site.py):

- A converted page's HTML waits compressed until its template is rendered. MkDocs 1.6
  converts every page of a language before it renders the first template, so each
  language's build held every page's HTML at once: about 37 MB per 1,000 SOPs (Python
  keeps text with one "→" in it at two bytes a character). A hook cannot empty
  `page.content` (MkDocs keeps the last HTML a hook returned, and None means unchanged),
  so the page's class gains a `content` property that keeps what MkDocs assigns
  compressed and gives it back whole to whoever reads it. The page is itself again
  just before its template is rendered, ahead of every plugin that reads it there
  (Material's search).
- A built language's pages become the little that mkdocs-static-i18n still reads of them.
  The plugin keeps every language's pages to the end, for the alternates in sitemap.xml
  (about 25 MB per 1,000 SOPs and language, with their tables of contents and metadata);
  once the language is built, the plain data that template reads (`sitemap_data`) stands in.

Hooked in through hooks/parallel_languages.py (build-only work, as render_once.py is), which
also sends the sitemap data of the languages its child processes build. `mkdocs serve` and
`handbook serve` keep pages as MkDocs does: they render pages again.
"""

from __future__ import annotations

import zlib
from types import SimpleNamespace

from mkdocs.plugins import event_priority

_state: dict = {"command": None}
_WAITING = "_handbook_waiting_html"  # the page's compressed HTML, between its conversion and its template
_waiting_classes: dict[type, type] = {}


def on_startup(command, dirty) -> None:
    _state["command"] = command


@event_priority(-2000)  # after every hook and plugin has changed the page's HTML
def on_page_content(html: str, page, config, files):
    if _state["command"] == "build" and html is not None and not isinstance(page, _Waiting):
        page.__class__ = _waiting_class(type(page))  # MkDocs assigns the returned HTML next: it is kept compressed
    return html


@event_priority(2000)  # before every plugin's on_page_context (Material's search reads page.content)
def on_page_context(context, page, config, nav):
    if isinstance(page, _Waiting):
        html = page.content
        page.__class__ = type(page).__bases__[1]  # the class MkDocs made the page with
        page.__dict__.pop(_WAITING, None)
        page.content = html
    return context


class _Waiting:
    """Mixed in before a page's class between conversion and template: `content` kept compressed."""

    @property
    def content(self):
        waiting = self.__dict__.get(_WAITING)
        return zlib.decompress(waiting).decode("utf-8", "surrogatepass") if waiting is not None else self.__dict__.get("content")

    @content.setter
    def content(self, html) -> None:
        if isinstance(html, str):
            self.__dict__[_WAITING], self.__dict__["content"] = zlib.compress(html.encode("utf-8", "surrogatepass"), 1), None
        else:
            self.__dict__[_WAITING], self.__dict__["content"] = None, html


def _waiting_class(cls: type) -> type:
    if cls not in _waiting_classes:
        _waiting_classes[cls] = type(cls.__name__, (_Waiting, cls), {"__module__": cls.__module__, "__qualname__": cls.__qualname__})
    return _waiting_classes[cls]


def release_language(i18n) -> None:
    """The language just built keeps, of its pages, only what sitemap.xml reads (mkdocs-static-i18n `i18n`)."""
    if _state["command"] != "build" or i18n is None:
        return
    kept = i18n.i18n_files_per_language
    files = kept.get(i18n.current_language)
    if files and not isinstance(files[0], SimpleNamespace):
        kept[i18n.current_language] = [sitemap_file(data) for data in sitemap_data(files)]


def sitemap_data(files) -> list:
    """What mkdocs-static-i18n's sitemap.xml reads of a language's pages, as plain data (picklable)."""

    def page(p, full: bool):
        if p is None:
            return None
        data = {"canonical_url": p.canonical_url, "abs_url": p.abs_url}
        if full:
            data.update(is_link=getattr(p, "is_link", False), update_date=p.update_date)
        return data

    out = []
    for file in files:
        alternates = [(lang, {"url": alt.url, "page": page(getattr(alt, "page", None), False)}) for lang, alt in (getattr(file, "alternates", None) or {}).items()]
        out.append({"url": file.url, "page": page(file.page, True), "alternates": alternates})
    return out


def sitemap_file(data: dict) -> SimpleNamespace:
    """One page of `sitemap_data` as the template reads a file: url, page, alternates."""
    alternates = {lang: SimpleNamespace(url=alt["url"], page=SimpleNamespace(**alt["page"]) if alt["page"] else None) for lang, alt in data["alternates"]}
    return SimpleNamespace(url=data["url"], page=SimpleNamespace(**data["page"]) if data["page"] else None, alternates=alternates)
