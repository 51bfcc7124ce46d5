"""Search that serves readers: what the index knows about each page, and what it must not show.

Shared by both search backends (Material's lunr index and Pagefind); imports nothing from MkDocs.

- Each indexed page is marked with its language, so the reader's search answers in the
  reader's language (mkdocs-static-i18n merges every language into one Material index).
  A page whose language is unknown (an authored page outside the language sites) has
  none: it is language-neutral and found from every language.
- Each section of an SOP page carries the SOP's id, and the page's first entry is titled
  "CC-001 Title": searching an id puts that SOP first (handbook-rank.js), and SOP pages
  come before every other page.
- Hidden parts (a collapsed `<details>`, an element with `hidden`) are read only when
  opened: they never reach an index, so never an excerpt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Material's parser skips an element with `data-search-exclude`; Pagefind one with `data-pagefind-ignore`.
NOT_INDEXED = "data-search-exclude data-pagefind-ignore"
# A `<details>` (collapsed answers, `???` admonitions) or any element with a bare `hidden` attribute.
_HIDDEN_OPENING = re.compile(r"<(details|[a-z][a-z0-9-]*(?=[^>]*\shidden(?:[\s>]|=\"\")))(?=[\s>])(?![^>]*data-search-exclude)", re.I)


@dataclass(frozen=True)
class IndexedPage:
    """What the index should know of one built page (by its site-relative URL)."""

    lang: str
    sop_id: str | None = None
    shown_from: str | None = None  # an untranslated SOP: the URL of the source-language page it shows


def without_hidden_parts(html: str) -> str:
    """Mark collapsed and hidden elements so neither search backend indexes them; the page is unchanged."""
    return _HIDDEN_OPENING.sub(lambda m: f"<{m.group(1)} {NOT_INDEXED}", html)


def titled(title: str, sop_id: str) -> str:
    """`CC-001 Answering calls`; a title that already holds the id is kept."""
    return title if sop_id.casefold() in title.casefold() else f"{sop_id} {title}".strip()


def annotate(index: dict, pages: dict[str, IndexedPage]) -> int:
    """Give a Material search index's entries their page's language and SOP id, in place.

    `pages` maps a page URL ("pl/contact-centre/cc-001/") to what is known of it.
    Returns the number of entries annotated.
    """
    _copy_fallbacks(index, pages)
    changed = 0
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        page = pages.get(location.split("#", 1)[0])
        if page is None:
            continue
        doc["lang"] = page.lang
        if page.sop_id:
            doc["sop"] = page.sop_id
            if "#" not in location:
                doc["title"] = titled(str(doc.get("title", "")), page.sop_id)
        changed += 1
    return changed


def _copy_fallbacks(index: dict, pages: dict[str, IndexedPage]) -> None:
    """An untranslated SOP in, say, the Polish site is found by its English words, in the Polish site.

    mkdocs-static-i18n keeps only its title in the merged index (the rest repeats the English
    page), so the English page's entries are copied under the Polish page's address.
    """
    fallbacks = {url: page.shown_from for url, page in pages.items() if page.shown_from}
    if not fallbacks:
        return
    docs = index.get("docs", [])
    by_page: dict[str, list[dict]] = {}
    for doc in docs:
        by_page.setdefault(str(doc.get("location", "")).split("#", 1)[0], []).append(doc)
    kept = [doc for doc in docs if str(doc.get("location", "")).split("#", 1)[0] not in fallbacks]
    for url, source in fallbacks.items():
        entries = by_page.get(source) or by_page.get(url, [])
        kept.extend({**doc, "location": url + str(doc.get("location", ""))[len(source):]} if doc in by_page.get(source, []) else dict(doc) for doc in entries)
    index["docs"] = kept
