"""The SOP page around the author's words: the id with the title, the way to the steps,
what the front matter knows (related and replaced SOPs, version history) and the printed copy's sheet.

Plain functions over the handbook's SOPs; the hook (hooks/handbook_site.py) only calls them.
Everything shown comes from autoescaping templates (templates/sop_*.html, print_sheet.html).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..handbook import Handbook
from ..sop import SOP
from . import language, markup, templates
from .escaping import theme_text
from .language import direction
from .labels import label

_SPACE = re.compile(r"\s+")
# The loaded handbook and, for each id, the SOPs that replace it: held with the handbook itself,
# so a handbook loaded anew (mkdocs serve) is never answered from the last one's index.
_replaced_by: dict[str, Any] = {"handbook": None, "index": {}}


def title_text(sop: SOP) -> Markup:
    """`CC-001 Answering inbound phone calls`: the browser tab's and the header's text (escaped for the theme)."""
    return theme_text(f"{sop.id} {sop.title}" if sop.id else sop.title)


def title_html(sop: SOP) -> Markup:
    """The id and the title as the h1 and the navigation show them (the id kept on one line)."""
    if not sop.id:
        return theme_text(sop.title)
    return Markup(templates.html("sop_title.html", sop_id=sop.id, title=sop.title).strip())


def procedure_anchor(handbook: Handbook, sop: SOP, toc: Any, written_in: str) -> str | None:
    """The anchor of the page's Procedure heading (a level-2 heading with an accepted name), if it has one."""
    accepted = handbook.policy.accepted_for("procedure", written_in) or ()
    wanted = {_fold(name) for name in accepted}
    for item in toc or ():
        if _fold(Markup(item.title).striptags()) in wanted:  # striptags: the title is HTML, entities and all
            return item.id
        for child in getattr(item, "children", ()):  # a page without an h1 has its h2s at the top level
            if child.level == 2 and _fold(Markup(child.title).striptags()) in wanted:
                return child.id
    return None


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def review_log(source: SOP) -> list[dict]:
    """The well-formed items of `review_log` (the schema reports the others)."""
    log = source.meta.get("review_log")
    return [item for item in log if isinstance(item, dict)] if isinstance(log, list) else []


def current_note(source: SOP) -> str:
    """What the review that made the current version says changed (its `note`), or ''."""
    for item in reversed(review_log(source)):
        if str(item.get("version", "")) == source.version:
            note = item.get("note")
            return note.strip() if isinstance(note, str) else ""
    return ""


def history(source: SOP) -> list[dict]:
    """Version history rows, newest first: version, date, by, note, and whether it is the current version."""
    rows = []
    for item in reversed(review_log(source)):
        note = item.get("note")
        rows.append({
            "version": str(item.get("version", "")),
            "date": str(item.get("date", "")),
            "by": str(item.get("by", "")),
            "note": note.strip() if isinstance(note, str) else "",
            "current": str(item.get("version", "")) == source.version,
        })
    return rows


def _ids(source: SOP, key: str) -> list[str]:
    value = source.meta.get(key)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def replaced_by(handbook: Handbook, sop_id: str) -> list[str]:
    """Ids of the SOPs whose `supersedes` names `sop_id` (indexed once per loaded handbook)."""
    if _replaced_by["handbook"] is not handbook:
        index: dict[str, list[str]] = {}
        for other in sorted(handbook.by_id.values(), key=lambda s: s.id):
            for old in _ids(other, "supersedes"):
                index.setdefault(old, []).append(other.id)
        _replaced_by.update(handbook=handbook, index=index)
    index = _replaced_by["index"]
    return index.get(sop_id, [])


def _items(handbook: Handbook, ids: list[str], lang: str, href_of: Callable[[str], str | None]) -> list[dict]:
    items = []
    for sop_id in ids:
        target = handbook.by_id.get(sop_id)
        if target is None:  # an SOP that is gone (what a new one replaces): its id stays on record
            items.append({"sop_id": sop_id, "title": "", "href": None, "lang": "", "dir": ""})
            continue
        shown = handbook.in_language(target, lang)
        written_in = lang if shown.is_translation else handbook.policy.source_lang
        items.append({
            "sop_id": sop_id,
            "title": shown.title,
            "href": href_of(target.docs_path),
            "lang": written_in if written_in != lang else "",
            "dir": direction(written_in),
        })
    return items


def about(handbook: Handbook, sop: SOP, lang: str, href_of: Callable[[str], str | None]) -> str:
    """Related SOPs, the SOPs it replaces and is replaced by, and the version history (HTML, or '' when there is none)."""
    source = handbook.by_id.get(sop.id, sop)
    groups = []
    for key, label_key, ids in (
        ("related", "related_title", _ids(source, "related")),
        ("supersedes", "supersedes", _ids(source, "supersedes")),
        ("superseded-by", "superseded_by", replaced_by(handbook, source.id)),
    ):
        if ids:
            groups.append({"key": key, "label": label_key, "items": _items(handbook, ids, lang, href_of)})
    rows = history(source)
    if not groups and not rows:
        return ""
    source_lang = handbook.policy.source_lang
    note_lang = source_lang if source_lang != lang else ""
    return str(templates.html("sop_about.html", lang=lang, groups=groups, history=rows, note_lang=note_lang, note_dir=direction(source_lang)))


def lead(handbook: Handbook, sop: SOP, lang: str) -> str:
    """What changed in this version (HTML, or '' when the review recorded no note)."""
    source = handbook.by_id.get(sop.id, sop)
    source_lang = handbook.policy.source_lang
    return str(templates.html(
        "sop_lead.html", lang=lang, note=current_note(source), version=source.version,
        note_lang=source_lang if source_lang != lang else "", note_dir=direction(source_lang),
    ))


def goto(lang: str, anchor: str | None) -> str:
    """The "Go to the procedure" link (HTML), when the page has a Procedure heading."""
    return str(templates.html("sop_goto.html", lang=lang, procedure_anchor=anchor)) if anchor else ""


def sheet(handbook: Handbook, sop: SOP, lang: str, body: str) -> str:
    """`body` inside the printed copy's sheet: id, title, version, owner above, printed date and validity below, on every page."""
    source = handbook.by_id.get(sop.id, sop)
    review = handbook.review(sop)
    valid_until = review.next_review.isoformat() if review.next_review else "—"
    return str(templates.html(
        "print_sheet.html", lang=lang, sop_id=sop.id, title=sop.title, version=source.version,
        owner=source.owner, valid_until=valid_until, body=Markup(body),
    ))


def say_title(html: str, written_in: str) -> str:
    """`!!! say` without a title: Python-Markdown titles it "Say"; the SOP's language says "Say this"."""
    return html.replace(
        '<div class="admonition say">\n<p class="admonition-title">Say</p>',
        f'<div class="admonition say">\n<p class="admonition-title">{Markup.escape(label(written_in, "say_this"))}</p>',
    )


def page(handbook: Handbook, sop: SOP, lang: str, html: str, toc: Any, department_href: str,
         source_url: str, fallback: bool, href_of: Callable[[str], str | None]) -> str:
    """An SOP page's content: banners, the way to the steps, card, what changed, the SOP, what it relates to; all in the printed sheet.

    `fallback`: the source SOP shown in place of a missing translation; its words keep their
    language and direction while the banners, the card and the rest speak the site's.
    """
    written_in = handbook.policy.source_lang if fallback else sop.lang
    html = say_title(html, written_in)
    top = (
        markup.banners(handbook, sop, lang, source_url, fallback)
        + goto(lang, procedure_anchor(handbook, sop, toc, written_in))
        + markup.metadata_card(handbook, sop, department_href, lang)
        + lead(handbook, sop, lang)
    )
    end = about(handbook, sop, lang, href_of)
    if not fallback:
        return sheet(handbook, sop, lang, top + html + end)
    heading = "" if "<h1" in html else language.in_language(str(title_html(sop)), written_in, "h1", "hb-sop-title")
    return heading + sheet(handbook, sop, lang, top + language.in_language(html, written_in) + end)
