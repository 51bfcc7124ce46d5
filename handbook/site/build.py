"""The handbook of the build in progress, shared by the site's hooks and macros.

MkDocs loads hooks and the macros module separately; both look the current
handbook up here instead of each loading the SOPs again.
"""

from __future__ import annotations

from ..handbook import Handbook

_current: Handbook | None = None


def set_current(handbook: Handbook) -> None:
    global _current
    _current = handbook


def current() -> Handbook:
    if _current is None:
        raise RuntimeError("the handbook is not loaded yet: hooks/handbook_site.py must be listed under `hooks:` in mkdocs.yml")
    return _current


# The current language's page addresses, by the source file a page is written in
# (`glossary.md`, `contact-centre/cc-001.md`), set by hooks/handbook_site.py once the
# language's files are known: a page links to others without MkDocs resolving each link.
_urls: dict[str, str] = {}


def set_page_urls(urls: dict[str, str]) -> None:
    global _urls
    _urls = urls


def page_url(docs_path: str) -> str | None:
    """The site-relative URL of the page written in `docs_path` in the language being built, if any."""
    return _urls.get(docs_path)


# How the build loads the handbook: `handbook.load` unless a preview installed a cache that
# re-reads changed files only (handbook/preview/cache.py). With one, every build reloads
# (a preview of one language has no source-language build to load it first).
_loader = None


def set_loader(loader) -> None:
    global _loader
    _loader = loader


def loader():
    return _loader
