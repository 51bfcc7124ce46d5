"""The pieces of an SOP page: glossary links, SOP links, the Definitions list, the metadata card, banners.

They are HTML with relative addresses the adapter has resolved (`href`); in a page's
Markdown, links stand as placeholders (placeholders.py) until the page is rendered.
The targets are pages the build itself generates or lists, so there is nothing left
for MkDocs to check. The generated pages (pages.py) keep Markdown links to source
files, which MkDocs checks.
"""

from __future__ import annotations

import html
import posixpath
from datetime import date

from ..glossary import GlossaryTerm
from ..handbook import Handbook
from ..review import ReviewState, ReviewStatus
from ..sop import SOP
from ..translations import TranslationState
from .labels import label


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
    """`shown` (HTML) linked to the term's glossary entry, its definition as the tooltip (Material's content.tooltips)."""
    definition, _ = term.in_language(lang, source_lang)
    tooltip = html.escape(" ".join(f"{definition.name}: {definition.definition}".split()))
    return f'<a href="{html.escape(glossary_href)}#{term.anchor}" title="{tooltip}">{shown}</a>'


def entry_link(term: GlossaryTerm, shown: str, glossary_href: str) -> str:
    """`shown` (HTML) linked to the term's glossary entry, without a tooltip (the definition is beside it)."""
    return f'<a href="{html.escape(glossary_href)}#{term.anchor}">{shown}</a>'


def sop_link(shown: str, href: str) -> str:
    """`shown` (HTML: the SOP's id and title) linked to the SOP's page."""
    return f'<a href="{html.escape(href)}">{shown}</a>'


def definitions_list(terms: list[GlossaryTerm], glossary_href: str | None, lang: str, source_lang: str) -> str:
    """The Definitions section's body (HTML): a definition list of the glossary terms the page uses."""
    if not terms:
        return f"<p><em>{html.escape(label(lang, 'no_terms'))}</em></p>"
    items = []
    for term in terms:
        definition, _ = term.in_language(lang, source_lang)
        heading = term.key if definition.name == term.key else f"{term.key} ({definition.name})"
        shown = html.escape(heading)
        items.append(f"<dt>{entry_link(term, shown, glossary_href) if glossary_href else shown}</dt>\n<dd>{html.escape(definition.definition)}</dd>")
    return "<dl>\n" + "\n".join(items) + "\n</dl>"


def _date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def metadata_card(handbook: Handbook, sop: SOP, department_href: str, lang: str) -> str:
    """The card every SOP page opens with (HTML): who owns it, where it stands, when it is next reviewed."""
    policy = handbook.policy
    source = handbook.by_id.get(sop.id, sop)  # a translation shows its source's facts
    review = handbook.review(sop)
    department = policy.departments.get(source.department)
    dept_name = department.name_in(lang) if department else source.department
    channels = ", ".join(label(lang, f"channel.{c}") for c in source.channels) or "—"
    rows = [
        ("department", f'<a href="{html.escape(department_href)}">{html.escape(dept_name)}</a>' if department_href else html.escape(dept_name)),
        ("owner", html.escape(source.owner)),
        ("status", f'<span class="hb-status hb-status--{source.status}">{html.escape(label(lang, "status." + source.status))}</span>'),
        ("version", html.escape(source.version)),
        ("effective", _date(source.dates.get("effective"))),
        ("last_reviewed", _date(source.dates.get("last_reviewed"))),
        ("next_review", f"{_date(review.next_review)} {review_badge(review, lang)}"),
        ("channels", html.escape(channels)),
        ("format", html.escape(label(lang, "format." + source.format))),
    ]
    cells = "".join(f'<div class="hb-card__item"><dt>{html.escape(label(lang, key))}</dt><dd>{value}</dd></div>' for key, value in rows)
    # Material's search (data-search-exclude) and Pagefind (data-pagefind-ignore) skip the card,
    # so results show the SOP's own words.
    return f'<dl class="hb-card" data-sop-id="{html.escape(sop.id)}" data-search-exclude data-pagefind-ignore>{cells}</dl>\n'


def review_badge(review: ReviewStatus, lang: str) -> str:
    state = review.state.value
    return f'<span class="hb-review hb-review--{state}">{html.escape(label(lang, "state." + state))}</span>'


def banners(handbook: Handbook, sop: SOP, lang: str, source_url: str = "", fallback: bool = False) -> str:
    """Admonitions at the top of a page: overdue, due soon, draft, retired; stale or missing translation.

    `source_url` is the source page's URL relative to this page, for a stale translation's banner;
    `fallback` marks the source shown in place of a missing translation.
    """
    source = handbook.by_id.get(sop.id, sop)
    review = handbook.review(sop)
    owner = html.escape(source.owner)
    found = []
    if review.state is ReviewState.OVERDUE:
        found.append(("danger", "overdue", label(lang, "banner.overdue", date=review.next_review, days=-review.days_left, owner=owner)))
    elif review.state is ReviewState.DUE_SOON:
        found.append(("warning", "due-soon", label(lang, "banner.due-soon", date=review.next_review, days=review.days_left, owner=owner)))
    if source.status == "draft":
        found.append(("info", "draft", label(lang, "banner.draft")))
    elif source.status == "retired":
        found.append(("failure", "retired", label(lang, "banner.retired")))
    if sop.is_translation and handbook.translation_state(source, lang) is TranslationState.STALE:
        link = f'<a href="{html.escape(source_url)}">{html.escape(label(lang, "banner.stale_link"))}</a>'
        translated = html.escape(str(sop.meta.get("translation_of_version", "")))
        found.append(("warning", "stale", label(lang, "banner.stale", translated=translated, current=html.escape(source.version), link=link)))
    if fallback:
        found.append(("note", "fallback", label(lang, "banner.fallback")))
    return "".join(
        f'<div class="admonition {kind} hb-banner hb-banner--{name}" role="note" data-search-exclude data-pagefind-ignore><p>{text}</p></div>\n' for kind, name, text in found
    )
