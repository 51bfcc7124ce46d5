"""The pieces of an SOP page: glossary links, SOP links, the Definitions list, the metadata card, banners.

They are HTML (plain `str`, so that adding them to a page's HTML never escapes it) from autoescaping templates (templates/*.html), with relative addresses
the adapter has resolved (`href`); in a page's
Markdown, links stand as placeholders (placeholders.py) until the page is rendered.
The targets are pages the build itself generates or lists, so there is nothing left
for MkDocs to check. The generated pages (pages.py) keep Markdown links to source
files, which MkDocs checks.
"""

from __future__ import annotations

import html
import posixpath
import re
from datetime import date
from functools import lru_cache

from markupsafe import Markup

from ..glossary import GlossaryTerm
from ..handbook import Handbook
from ..review import ReviewState, ReviewStatus
from ..sop import SOP
from ..translations import TranslationState
from . import templates
from .escaping import html_label
from .labels import label, labels_in


def page_path(name: str, lang: str, source_lang: str) -> str:
    """Where a generated page lives: `glossary.md`, or `glossary.pl.md` in a translation."""
    if lang == source_lang:
        return name
    stem, ext = posixpath.splitext(name)
    return f"{stem}.{lang}{ext}"


def link_to(target: str, from_page: str) -> str:
    """The relative Markdown link from one source file to another (both docs-relative)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def term_link(term: GlossaryTerm, shown: str, glossary_href: str, lang: str, source_lang: str) -> str:
    """`shown` (the page's rendered HTML) linked to the term's glossary entry, its definition as the tooltip (Material's content.tooltips)."""
    definition, _ = term.in_language(lang, source_lang)
    tooltip = " ".join(f"{definition.name}: {definition.definition}".split())
    return _link("term_link.html", glossary_href, term.anchor, tooltip, shown)


def entry_link(term: GlossaryTerm, shown: str, glossary_href: str) -> str:
    """`shown` (HTML) linked to the term's glossary entry, without a tooltip (the definition is beside it)."""
    return _link("term_link.html", glossary_href, term.anchor, "", shown)


# An SOP id as the schema writes it, at the start of a link's text: kept on one line (sop-page.css).
_LEADING_ID = re.compile(r"^[A-Z][A-Z0-9]*-[0-9]{3,}(?=\s|$)")


def sop_link_text(shown: str, title: str) -> str:
    """An SOP link's text: `shown` (the page's rendered HTML of the id) and the SOP's title in the reader's language.

    As HTML text, escaped as Markdown escapes text (the table of contents shows it too).
    """
    return f"{shown} {html.escape(title, quote=False)}"


def sop_link(shown: str, href: str) -> str:
    """`shown` (`sop_link_text`: the SOP's id and title) linked to the SOP's page; the id never wraps at its hyphen."""
    return _link("link.html", href, "", "", _LEADING_ID.sub(lambda m: f'<span class="hb-id">{m.group(0)}</span>', shown, count=1))


@lru_cache(maxsize=8192)
def _link(template: str, href: str, anchor: str, tooltip: str, shown: str) -> str:
    # Dozens of links a page, five languages: the same term at the same depth renders once.
    return str(templates.html(template, href=href, anchor=anchor, tooltip=tooltip, shown=Markup(shown)))


def definitions_list(terms: list[GlossaryTerm], glossary_href: str | None, lang: str, source_lang: str) -> str:
    """The Definitions section's body (HTML): a definition list of the glossary terms the page uses."""
    items = []
    for term in terms:
        definition, _ = term.in_language(lang, source_lang)
        heading = term.key if definition.name == term.key else f"{term.key} ({definition.name})"
        items.append({"anchor": term.anchor, "heading": heading, "definition": definition.definition})
    return str(templates.html("definitions.html", items=items, href=glossary_href, lang=lang))


def _date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def metadata_card(handbook: Handbook, sop: SOP, department_href: str, lang: str) -> str:
    """The card every SOP page opens with (HTML): who owns it, where it stands, when it is next reviewed."""
    policy = handbook.policy
    source = handbook.by_id.get(sop.id, sop)  # a translation shows its source's facts
    review = handbook.review(sop)
    department = policy.departments.get(source.department)
    card = templates.html(
        "card.html",
        t=labels_in(lang),
        sop_id=sop.id,
        department=department.name_in(lang) if department else source.department,
        department_href=department_href,
        owner=source.owner,
        status=source.status,
        version=source.version,
        effective=_date(source.dates.get("effective")),
        last_reviewed=_date(source.dates.get("last_reviewed")),
        next_review=_date(review.shown_due),
        badge=_badge(review, lang),
        channels=", ".join(label(lang, f"channel.{c}") for c in source.channels) or "—",
        format=source.format,
        approvers=_names(source.meta.get("approved_by")),
        tags=_names(sop.meta.get("tags")) or _names(source.meta.get("tags")),  # a translation's own tags first
    )
    return str(card) + "\n"


def _names(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def review_badge(review: ReviewStatus, lang: str) -> str:
    """The review state as a coloured label (HTML holding only the label's words)."""
    return str(_badge(review, lang))


def _badge(review: ReviewStatus, lang: str) -> Markup:
    return templates.html("review_badge.html", state=review.state.value, lang=lang)


def banners(handbook: Handbook, sop: SOP, lang: str, source_url: str = "", fallback: bool = False) -> str:
    """Admonitions at the top of a page: overdue, due soon, draft, retired; stale or missing translation.

    `source_url` is the source page's URL relative to this page, for a stale translation's banner;
    `fallback` marks the source shown in place of a missing translation.
    """
    source = handbook.by_id.get(sop.id, sop)
    review = handbook.review(sop)
    found = []
    if review.state is ReviewState.OVERDUE:
        found.append(("danger", "overdue", _label(lang, "banner_text.overdue", date=review.next_review, days=-review.days_left, owner=source.owner)))
    elif review.state is ReviewState.DUE_SOON:
        found.append(("warning", "due-soon", _label(lang, "banner_text.due-soon", date=review.next_review, days=review.days_left, owner=source.owner)))
    if source.status == "draft":
        found.append(("info", "draft", _label(lang, "banner_text.draft")))
    elif source.status == "retired":
        found.append(("failure", "retired", _label(lang, "banner_text.retired")))
    if sop.is_translation and handbook.translation_state(source, lang) is TranslationState.STALE:
        link = templates.html("link.html", href=source_url, shown=label(lang, "banner.stale_link"))
        translated = str(sop.meta.get("translation_of_version", ""))
        found.append(("warning", "stale", _label(lang, "banner.stale", translated=translated, current=source.version, link=link)))
    if fallback:
        found.append(("note", "fallback", _label(lang, "banner.fallback")))
    shown = [(kind, name, label(lang, f"banner_title.{name}"), text) for kind, name, text in found]
    return str(templates.html("banners.html", banners=shown)) if found else ""


def _label(lang: str, key: str, **values: object) -> Markup:
    return html_label(label(lang, key), **values)
