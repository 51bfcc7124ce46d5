"""The what's-new pages (all departments, and one per department) and the home page's latest changes.

Markdown from templates (whats_new.md, _whats_new_latest.md, _change.md); the SOP
links are placeholders, made into links in the page's language after rendering.
Filtering by department is a link to that department's page: it works without JS.
"""

from __future__ import annotations

from ..changes import TRANSLATION, Change, for_language, handbook_changes, in_department
from ..handbook import Handbook
from . import templates
from .escaping import Markdown, markdown_text
from .labels import label
from .markup import link_to, page_path
from .placeholders import SOP as SOP_LINK
from .placeholders import placeholder

FOLDER = "whats-new"
INDEX = f"{FOLDER}/index.md"
FEED = f"{FOLDER}/feed.xml"  # the Atom feed of every change; a department's is whats-new/<key>.xml
LATEST = 5  # changes the home page shows
LIMIT = 200  # changes a page or feed lists: the newest; older ones stay in each SOP's review_log


def page_of(department: str | None) -> str:
    return INDEX if department is None else f"{FOLDER}/{department}.md"


def feed_of(department: str | None) -> str:
    return FEED if department is None else f"{FOLDER}/{department}.xml"


_computed: dict = {"handbook": None, "changes": []}


def _every(handbook: Handbook) -> list[Change]:
    """The handbook's changes, worked out once per loaded handbook (each language shows them in several places)."""
    if _computed["handbook"] is not handbook:
        _computed.update(handbook=handbook, changes=handbook_changes(handbook))
    return _computed["changes"]


def changes_in(handbook: Handbook, lang: str, department: str | None = None) -> list[Change]:
    """What a language's page (or feed) lists, newest first."""
    every = _every(handbook)
    return in_department(for_language(every, lang, handbook.policy.source_lang), department)[:LIMIT]


def describe(handbook: Handbook, change: Change, lang: str) -> str:
    """What happened, in the reader's language: "New version 4.1", "Retired", ..."""
    if change.kind == TRANSLATION:
        return label(lang, "change.translation", language=change.lang, version=change.version)
    return label(lang, f"change.{change.kind}", version=change.version)


def title_of(handbook: Handbook, change: Change, lang: str) -> str:
    sop = handbook.by_id.get(change.sop_id)
    return handbook.in_language(sop, lang).title if sop is not None else change.sop_id


def department_name(handbook: Handbook, key: str, lang: str) -> str:
    dept = handbook.policy.departments.get(key)
    return dept.name_in(lang) if dept is not None else key


def _row(handbook: Handbook, change: Change, lang: str) -> dict:
    shown = markdown_text(f"{change.sop_id} {title_of(handbook, change, lang)}")
    return {
        "date": change.day.isoformat(),
        "department": department_name(handbook, change.department, lang),
        "link": Markdown(placeholder(SOP_LINK, change.sop_id, shown)),
        "what": describe(handbook, change, lang),
        "note": change.note,
        "note_lang": handbook.policy.source_lang,  # notes are written with the SOP, in its language
        "by": change.by,
    }


def page(handbook: Handbook, lang: str, department: str | None) -> str:
    source_lang = handbook.policy.source_lang
    here = page_path(page_of(department), lang, source_lang)
    filters = [{"name": label(lang, "whats_new_all"), "current": department is None, "target": _link(page_of(None), here, lang, source_lang)}]
    for key, dept in handbook.policy.departments.items():
        filters.append({"name": dept.name_in(lang), "current": key == department, "target": _link(page_of(key), here, lang, source_lang)})
    title = label(lang, "whats_new_title")
    if department is not None:
        title = f"{title}: {department_name(handbook, department, lang)}"
    return templates.markdown(
        "whats_new.md",
        lang=lang,
        title=title,
        filtered=department is not None,  # a department's page repeats the full page: one search hit is enough
        today=Markdown(f"<bdi>{handbook.today.isoformat()}</bdi>"),  # an ISO date keeps its order in right-to-left text
        filters=filters,
        feed=Markdown(link_to(feed_of(department), here)),  # feeds keep one name in every language
        rows=[_row(handbook, c, lang) for c in changes_in(handbook, lang, department)],
    )


def pages(handbook: Handbook, lang: str) -> dict[str, str]:
    """Docs-relative path -> Markdown: the page of every change, then one per department."""
    source_lang = handbook.policy.source_lang
    found = {page_path(INDEX, lang, source_lang): page(handbook, lang, None)}
    for key in handbook.policy.departments:
        found[page_path(page_of(key), lang, source_lang)] = page(handbook, lang, key)
    return found


def latest(handbook: Handbook, lang: str, here: str = "index.md", count: int = LATEST) -> dict:
    """The values of the `_whats_new_latest.md` partial for a page written in `here` (docs-relative, this language)."""
    source_lang = handbook.policy.source_lang
    return {
        "rows": [_row(handbook, c, lang) for c in changes_in(handbook, lang)[:count]],
        "target": _link(INDEX, here, lang, source_lang),
    }


def _link(target: str, here: str, lang: str, source_lang: str) -> Markdown:
    # department keys and the handbook's own file names: nothing to escape
    return Markdown(link_to(page_path(target, lang, source_lang), here))
