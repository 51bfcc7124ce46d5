"""The what's-new Atom feeds (feedgen): every change, and one feed per department, in each language.

Entry ids are tag: URIs of the change (changes.entry_id), so a feed reader shows a
change once however often the site is rebuilt. Every date comes from the changes:
the same handbook and "today" give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timezone

from feedgen.feed import FeedGenerator

from ..changes import TRANSLATION, Change, entry_id
from ..handbook import Handbook
from .labels import label
from .whats_new import changes_in, department_name, describe, feed_of, page_of, title_of

#: docs-relative source path (an SOP file, a what's-new page or feed) -> its address in this language's site.
Address = Callable[[str], str]


def feeds(handbook: Handbook, lang: str, site_name: str, address: Address) -> dict[str, bytes]:
    """Feed path (docs-relative, the same in every language) -> the Atom document."""
    return {feed_of(key): _feed(handbook, lang, key, title(handbook, lang, site_name, key), site_name, address) for key in [None, *handbook.policy.departments]}


def title(handbook: Handbook, lang: str, site_name: str, department: str | None) -> str:
    """The feed's name in a feed reader (and in the page's <link rel="alternate">)."""
    if department is None:
        return label(lang, "feed_title", site=site_name)
    return label(lang, "feed_title_department", site=site_name, department=department_name(handbook, department, lang))


def _feed(handbook: Handbook, lang: str, department: str | None, title: str, site_name: str, address: Address) -> bytes:
    changes = changes_in(handbook, lang, department)
    site_url = handbook.policy.site_url
    fg = FeedGenerator()
    fg.id(_feed_id(site_url, lang, department))
    fg.title(title)
    fg.author({"name": site_name})
    fg.language(lang)
    fg.link(href=address(feed_of(department)), rel="self", type="application/atom+xml")
    fg.link(href=address(page_of(department)), rel="alternate", type="text/html")
    fg.updated(_moment(changes[0].day if changes else handbook.today))
    for change in reversed(changes):  # feedgen puts the last added first: newest first in the file
        _entry(fg, handbook, change, lang, site_url, address)
    return fg.atom_str(pretty=True)


def _entry(fg: FeedGenerator, handbook: Handbook, change: Change, lang: str, site_url: str, address: Address) -> None:
    sop = handbook.by_id.get(change.sop_id)
    what = describe(handbook, change, lang)
    entry = fg.add_entry()
    # The same change in another language's feed is another entry; a translation's change is in its own language's feed only.
    entry.id(entry_id(change, site_url) + ("" if lang == handbook.policy.source_lang or change.kind == TRANSLATION else f"/{lang}"))
    entry.title(f"{change.sop_id} {title_of(handbook, change, lang)}: {what}")
    entry.updated(_moment(change.day))
    entry.published(_moment(change.day))
    if sop is not None:
        entry.link(href=address(sop.docs_path), rel="alternate", type="text/html")
    entry.summary(f"{what}: {change.note}" if change.note else what)  # text: feedgen escapes it
    entry.category(term=change.department, label=department_name(handbook, change.department, lang))
    if change.by:
        entry.author({"name": change.by})


def _feed_id(site_url: str, lang: str, department: str | None) -> str:
    base = (site_url or "https://sop-handbook.invalid/").rstrip("/")
    return f"{base}/{lang}/whats-new/{department or 'all'}"


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc)
