"""A printable page per department: every SOP of the department in id order, one per printed sheet.

The page is generated in each language with a marker where the SOPs go; once the language's
SOP pages are written, each one's article (its h1, banners, card and printed sheet, as the
reader sees it) replaces the marker. The book sits in the department's folder, at the depth
of its SOPs, so their relative links lead where they led.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ..handbook import Handbook
from . import templates
from .escaping import Markdown
from .markup import page_path

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>(.*?)</article>', re.S)  # Pagefind marks SOP articles
_MERMAID_SCRIPT = re.compile(r'<script src="[^"]*mermaid\.min\.js"></script>')
_MARKER = '<div class="hb-print-book" data-hb-department="{key}"></div>'


def in_force(handbook: Handbook, key: str) -> list:
    """The department's SOPs a printed binder holds, by id: retired ones are kept online for audit, not printed."""
    return [sop for sop in handbook.in_department(key) if sop.status != "retired"]


def book_path(key: str, lang: str, source_lang: str) -> str:
    """`contact-centre/print.md`, or `contact-centre/print.pl.md` in a translation."""
    return page_path(f"{key}/print.md", lang, source_lang)


def book_pages(handbook: Handbook, lang: str) -> dict[str, str]:
    """Docs-relative path -> Markdown of each department's printable page in `lang`."""
    policy = handbook.policy
    found = {}
    for key, dept in policy.departments.items():
        found[book_path(key, lang, policy.source_lang)] = templates.markdown(
            "print_book.md", lang=lang, department=dept.name_in(lang), marker=_marker(key),
        )
    return found


def _marker(key: str) -> Markdown:
    return Markdown(_MARKER.format(key=re.sub(r"[^a-z0-9_-]", "", key)))


def article(html: str) -> str:
    """The article of a built page (its h1 and content), or '' when there is none."""
    match = _ARTICLE.search(html)
    return match.group(1) if match else ""


def fill(book_html: str, key: str, sop_pages: list[tuple[Path, str]]) -> str:
    """The built book with the marker replaced by each SOP page's article, each on its own sheets.

    `sop_pages`: each SOP's written page and the language its words are in (a translation's, or the source's).
    """
    parts, scripts = [], set()
    for path, written_in in sop_pages:
        html = path.read_text(encoding="utf-8") if path.is_file() else ""
        body = article(html)
        if body:
            parts.append(f'<section class="hb-print-sop" data-hb-written-in="{escape(written_in)}">{body}</section>')
            scripts.update(_MERMAID_SCRIPT.findall(html))  # the same depth: the SOP's relative script address holds
    marker = _MARKER.format(key=re.sub(r"[^a-z0-9_-]", "", key))
    filled = book_html.replace(marker, "\n".join(parts), 1)
    if scripts and not _MERMAID_SCRIPT.search(filled):
        filled = filled.replace("</head>", "\n".join(sorted(scripts)) + "\n</head>", 1)
    return filled
