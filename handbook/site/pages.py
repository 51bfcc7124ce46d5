"""The generated pages: the home page, one index per department, the review dashboard, the glossary.

Each function returns Markdown for one page in one language, rendered from a template
(templates/*.md) that escapes every value for Markdown: front matter, mkdocs.yml and
glossary.yml are text, never markup; `generated_pages`
lists them all with their docs-relative paths. Their many SOP links (a row per SOP)
are placeholders, made into links after rendering like those of the macros.
"""

from __future__ import annotations

from collections import defaultdict

from ..handbook import Handbook
from ..review import ReviewState
from ..sop import SOP
from ..translations import TranslationState
from . import templates, whats_new
from .calendar_links import calendar_box
from .escaping import Markdown, markdown_text
from .labels import label
from .markup import link_to, page_path, review_badge
from .placeholders import SOP as SOP_LINK
from .placeholders import placeholder
from .search import fold


def _sop_link(sop: SOP, shown: str | None = None) -> Markdown:
    # In a translated build the link leads to the translation where there is one.
    return Markdown(placeholder(SOP_LINK, sop.id, markdown_text(shown or sop.id)))


def _target(path: str) -> Markdown:
    """A link to another source file: made of department keys and the handbook's own file names."""
    return Markdown(path)


def _badge(handbook: Handbook, sop: SOP, lang: str) -> Markdown:
    return Markdown(review_badge(handbook.review(sop), lang))  # HTML holding only a label


def _languages(handbook: Handbook, sop: SOP) -> Markdown:
    """`pl · hu (stale)`: the translations an SOP has, and which are behind their source."""
    found = []
    for lang in handbook.policy.languages[1:]:
        state = handbook.translation_state(sop, lang)
        if state in (TranslationState.STALE, TranslationState.CURRENT):
            found.append((lang, state is TranslationState.STALE))
    return templates.markdown("_languages.md", languages=found)


START_HERE_TAG = "start-here"  # an SOP tagged so is listed under "Start here" on the home page
RECENT = 5  # SOPs under "Recently changed"


def home_page(handbook: Handbook, lang: str, whats_new_built: bool = True) -> str:
    """For agents: search, where to start, what changed; the departments; owner tools last, one click away.

    Its latest changes link to the what's-new pages only where the site has them."""
    policy = handbook.policy
    here = page_path("index.md", lang, policy.source_lang)
    departments = [
        {"name": dept.name_in(lang), "lead": dept.lead, "count": len(handbook.in_department(dept.key)),
         "target": _target(link_to(page_path(f"{dept.key}/index.md", lang, policy.source_lang), here))}
        for dept in policy.departments.values()
    ]
    in_force = [s for s in sorted(handbook.by_id.values(), key=lambda s: s.id) if s.status not in ("draft", "retired")]
    start_here = [_titled_link(handbook, s, lang) for s in in_force if START_HERE_TAG in (s.meta.get("tags") or [])]
    dated = [s for s in in_force if _changed(s)]  # an SOP without dates is a finding, not a recent change
    recent = sorted(dated, key=lambda s: (_changed(s), s.id), reverse=True)[:RECENT]
    return templates.markdown(
        "home.md",
        lang=lang,
        home_title=policy.home_text("title", lang) or label(lang, "home_title"),  # settings in extra.handbook
        home_intro=policy.home_text("introduction", lang) or label(lang, "home_intro"),
        departments=departments,
        start_here=start_here,
        recent=[{"link": _titled_link(handbook, s, lang), "version": s.version, "date": _changed(s).isoformat()} for s in recent],
        example=in_force[0].id if in_force else "",
        reviews=_target(link_to(page_path("reviews.md", lang, policy.source_lang), here)),
        translations=_target(link_to(page_path("translations.md", lang, policy.source_lang), here)) if len(policy.languages) > 1 else None,
        glossary=_target(link_to(page_path("glossary.md", lang, policy.source_lang), here)),
        whats_new_latest=whats_new.latest(handbook, lang, here) if whats_new_built else {"rows": []},
    )


def _titled_link(handbook: Handbook, sop: SOP, lang: str) -> Markdown:
    """`CC-001 Answering inbound phone calls`, linked, in the reader's language where translated."""
    return _sop_link(sop, f"{sop.id} {handbook.in_language(sop, lang).title}")


def _changed(sop: SOP):
    """When the SOP's current version took effect (or, without `effective`, when it was last reviewed)."""
    return sop.dates.get("effective") or sop.dates.get("last_reviewed")


def department_page(handbook: Handbook, key: str, lang: str) -> str:
    policy = handbook.policy
    dept = policy.departments[key]
    multilingual = len(policy.languages) > 1
    rows = []
    for sop in handbook.in_department(key):
        review = handbook.review(sop)
        rows.append({
            "id_link": _sop_link(sop),
            "title_link": _sop_link(sop, handbook.in_language(sop, lang).title),
            "owner": sop.owner,
            "status": sop.status,
            "version": sop.version,
            "due": review.shown_due.isoformat() if review.shown_due else "—",
            "badge": _badge(handbook, sop, lang),
            "languages": _languages(handbook, sop) if multilingual else "",
        })
    return templates.markdown("department.md", lang=lang, name=dept.name_in(lang), lead=dept.lead, rows=rows, multilingual=multilingual)


def reviews_page(handbook: Handbook, lang: str) -> str:
    """Every overdue and due-soon SOP, by department, then owner."""
    policy = handbook.policy
    pending: dict[str, list[SOP]] = defaultdict(list)
    for sop in sorted(handbook.by_id.values(), key=lambda s: s.id):
        if handbook.review(sop).state in (ReviewState.OVERDUE, ReviewState.DUE_SOON):
            pending[sop.department].append(sop)
    departments = []
    for key, dept in policy.departments.items():
        sops = sorted(pending.get(key, []), key=lambda s: (s.owner, handbook.review(s).next_review, s.id))
        if sops:
            rows = [
                {"owner": s.owner, "id_link": _sop_link(s), "title": _sop_title(handbook, s, lang),
                 "due": handbook.review(s).next_review, "badge": _badge(handbook, s, lang)}
                for s in sops
            ]
            departments.append({"name": dept.name_in(lang), "rows": rows})
    return templates.markdown(
        "reviews.md",
        lang=lang,
        due_soon_days=policy.review.due_soon_days,
        today=handbook.today.isoformat(),
        calendar=calendar_box(handbook, lang),
        departments=departments,
        first_reviews=_first_reviews(handbook, lang),
    )


def _first_reviews(handbook: Handbook, lang: str) -> list[dict]:
    """Drafts `handbook import` wrote and nobody has reviewed yet: they wait for their first review."""
    return [
        {"owner": s.owner, "id_link": _sop_link(s), "title": _sop_title(handbook, s, lang), "imported": s.meta["legacy"].get("imported", "")}
        for s in sorted(handbook.by_id.values(), key=lambda s: s.id)
        if s.status == "draft" and isinstance(s.meta.get("legacy"), dict) and not s.meta.get("review_log")
    ]


def _sop_title(handbook: Handbook, sop: SOP, lang: str) -> str:
    return handbook.in_language(sop, lang).title


def glossary_page(handbook: Handbook, lang: str) -> str:
    """Every term with its definition and the SOPs that use it (by id and title), under an A–Z index."""
    usage = handbook.term_usage()
    letters: dict[str, list[dict]] = {}
    for term in handbook.glossary.sorted():
        definition, fell_back = term.in_language(lang, handbook.policy.source_lang)
        letters.setdefault(_initial(term.key), []).append({
            "name": term.key if definition.name == term.key else f"{term.key} — {definition.name}",
            "anchor": Markdown(f"{{#{term.anchor}}}"),  # term-<a-z0-9->: the glossary's own anchor
            "definition": definition.definition,
            "fell_back": fell_back,
            "users": [_titled_link(handbook, s, lang) for s in usage.get(term.key, [])],
        })
    groups = [{"letter": letter, "href": Markdown(f"#letter-{index}"), "anchor": Markdown(f"{{#letter-{index}}}"), "entries": entries}
              for index, (letter, entries) in enumerate(letters.items())]
    return templates.markdown("glossary.md", lang=lang, groups=groups, used_by_class=Markdown("{: .hb-used-by }"))


def _initial(key: str) -> str:
    """The letter a term is filed under: `Ä`-words with `A`, digits and signs under `#`."""
    first = fold(key[:1]).upper()
    return first if first.isalpha() else "#"


def translations_page(handbook: Handbook, lang: str) -> str:
    """The whole matrix: every SOP, every language, up to date, stale or missing."""
    others = handbook.policy.languages[1:]
    marks = {state: templates.markdown("_translation_state.md", state=state.value, lang=lang) for state in TranslationState}
    rows = [
        {"id_link": _sop_link(sop), "title": _sop_title(handbook, sop, lang), "version": sop.version,
         "states": [handbook.translation_state(sop, other) for other in others]}
        for sop in sorted(handbook.by_id.values(), key=lambda s: s.id)
    ]
    summary = [{"lang": other, "counts": {state.value: [r["states"][i] for r in rows].count(state) for state in TranslationState}}
               for i, other in enumerate(others)]
    return templates.markdown("translations.md", lang=lang, others=others, rows=rows, marks=marks, summary=summary)


def generated_pages(handbook: Handbook, lang: str, whats_new_built: bool = True) -> dict[str, str]:
    """Docs-relative path -> Markdown, for every page the handbook generates in `lang`."""
    source_lang = handbook.policy.source_lang
    pages = {
        page_path("index.md", lang, source_lang): home_page(handbook, lang, whats_new_built),
        page_path("reviews.md", lang, source_lang): reviews_page(handbook, lang),
        page_path("glossary.md", lang, source_lang): glossary_page(handbook, lang),
    }
    if len(handbook.policy.languages) > 1:
        pages[page_path("translations.md", lang, source_lang)] = translations_page(handbook, lang)
    for key in handbook.policy.departments:
        pages[page_path(f"{key}/index.md", lang, source_lang)] = department_page(handbook, key, lang)
    return pages
