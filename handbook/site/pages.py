"""The generated pages: the home page, one index per department, the review dashboard, the glossary.

Each function returns Markdown for one page in one language; `generated_pages`
lists them all with their docs-relative paths. Their many SOP links (a row per SOP)
are placeholders, made into links after rendering like those of the macros.
"""

from __future__ import annotations

from collections import defaultdict

from ..handbook import Handbook
from ..review import ReviewState
from ..sop import SOP
from ..translations import TranslationState
from .calendar_links import calendar_box
from .labels import label
from .markup import link_to, page_path, review_badge
from .placeholders import SOP as SOP_LINK
from .placeholders import placeholder


def _opening(title: str, hide: str = "") -> list[str]:
    """Front matter and heading of a generated page."""
    lines = ["---", f"title: {title}"]
    if hide:
        lines.append(f"hide: [{hide}]")
    # Generated Markdown holds `{#anchor}` attributes, which Jinja would read as comments.
    return lines + ["render_macros: false", "---", "", f"# {title}", ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _sop_link(sop: SOP, shown: str | None = None) -> str:
    # In a translated build the link leads to the translation where there is one.
    return placeholder(SOP_LINK, sop.id, shown or sop.id)


def _title(handbook: Handbook, sop: SOP, lang: str) -> str:
    return _cell(handbook.in_language(sop, lang).title)


def _languages(handbook: Handbook, sop: SOP) -> str:
    """`pl · hu (stale)`: the translations an SOP has, and which are behind their source."""
    found = []
    for lang in handbook.policy.languages[1:]:
        state = handbook.translation_state(sop, lang)
        if state is TranslationState.STALE:
            found.append(f'<span class="hb-lang hb-lang--stale" title="stale">{lang}&nbsp;⚠</span>')
        elif state is TranslationState.CURRENT:
            found.append(f'<span class="hb-lang">{lang}</span>')
    return " ".join(found) or "—"


def home_page(handbook: Handbook, lang: str) -> str:
    policy = handbook.policy
    here = page_path("index.md", lang, policy.source_lang)
    lines = [
        *_opening(label(lang, "home_title"), hide="navigation"),
        label(lang, "home_intro"),
        "",
        f"## {label(lang, 'departments')}",
        "",
        f"| {label(lang, 'department')} | {label(lang, 'lead')} | {label(lang, 'sops')} | "
        f"{label(lang, 'state.due-soon')} | {label(lang, 'state.overdue')} |",
        "|---|---|--:|--:|--:|",
    ]
    for dept in policy.departments.values():
        sops = handbook.in_department(dept.key)
        states = [handbook.review(s).state for s in sops]
        target = link_to(page_path(f"{dept.key}/index.md", lang, policy.source_lang), here)
        lines.append(
            f"| [{_cell(dept.name_in(lang))}]({target}) | {_cell(dept.lead)} | {len(sops)} | "
            f"{states.count(ReviewState.DUE_SOON)} | {states.count(ReviewState.OVERDUE)} |"
        )
    reviews = link_to(page_path("reviews.md", lang, policy.source_lang), here)
    glossary = link_to(page_path("glossary.md", lang, policy.source_lang), here)
    lines += ["", f"[{label(lang, 'reviews_title')}]({reviews}) · [{label(lang, 'glossary_title')}]({glossary})", ""]
    return "\n".join(lines)


def department_page(handbook: Handbook, key: str, lang: str) -> str:
    policy = handbook.policy
    dept = policy.departments[key]
    name = dept.name_in(lang)
    multilingual = len(policy.languages) > 1
    lines = [
        *_opening(name, hide="toc"),
        f"{label(lang, 'lead')}: **{dept.lead}** · {label(lang, 'sops')}: **{len(handbook.in_department(key))}**",
        "",
        f"| {label(lang, 'id')} | {label(lang, 'title')} | {label(lang, 'owner')} | {label(lang, 'status')} | "
        f"{label(lang, 'version')} | {label(lang, 'next_review')} | {label(lang, 'review')} |"
        + (f" {label(lang, 'languages')} |" if multilingual else ""),
        "|---|---|---|---|---|---|---|" + ("---|" if multilingual else ""),
    ]
    for sop in handbook.in_department(key):
        review = handbook.review(sop)
        due = review.next_review.isoformat() if review.next_review else "—"
        lines.append(
            f"| {_sop_link(sop)} | {_sop_link(sop, _title(handbook, sop, lang))} | {_cell(sop.owner)} | "
            f"{label(lang, 'status.' + sop.status)} | {sop.version} | {due} | {review_badge(review, lang)} |"
            + (f" {_languages(handbook, sop)} |" if multilingual else "")
        )
    return "\n".join(lines) + "\n"


def reviews_page(handbook: Handbook, lang: str) -> str:
    """Every overdue and due-soon SOP, by department, then owner."""
    policy = handbook.policy
    lines = [
        *_opening(label(lang, "reviews_title")),
        label(lang, "reviews_intro", days=policy.review.due_soon_days, today=handbook.today.isoformat()),
        "",
        *calendar_box(handbook, lang),
    ]
    pending: dict[str, list[SOP]] = defaultdict(list)
    for sop in sorted(handbook.by_id.values(), key=lambda s: s.id):
        if handbook.review(sop).state in (ReviewState.OVERDUE, ReviewState.DUE_SOON):
            pending[sop.department].append(sop)
    if not pending:
        return "\n".join(lines + [f"!!! success \"{label(lang, 'reviews_none')}\"", ""] + _first_reviews(handbook, lang))
    for key, dept in policy.departments.items():
        sops = sorted(pending.get(key, []), key=lambda s: (s.owner, handbook.review(s).next_review, s.id))
        if not sops:
            continue
        lines += [
            f"## {dept.name_in(lang)}",
            "",
            f"| {label(lang, 'owner')} | {label(lang, 'id')} | {label(lang, 'title')} | {label(lang, 'next_review')} | {label(lang, 'review')} |",
            "|---|---|---|---|---|",
        ]
        for sop in sops:
            review = handbook.review(sop)
            lines.append(
                f"| {_cell(sop.owner)} | {_sop_link(sop)} | {_title(handbook, sop, lang)} | "
                f"{review.next_review} | {review_badge(review, lang)} |"
            )
        lines.append("")
    return "\n".join(lines + _first_reviews(handbook, lang))


def _first_reviews(handbook: Handbook, lang: str) -> list[str]:
    """Drafts `handbook import` wrote and nobody has reviewed yet: they wait for their first review."""
    waiting = [
        s for s in sorted(handbook.by_id.values(), key=lambda s: s.id)
        if s.status == "draft" and isinstance(s.meta.get("legacy"), dict) and not s.meta.get("review_log")
    ]
    if not waiting:
        return []
    lines = [
        f"## {label(lang, 'first_reviews')}", "", label(lang, "first_reviews_intro"), "",
        f"| {label(lang, 'owner')} | {label(lang, 'id')} | {label(lang, 'title')} | {label(lang, 'imported')} |", "|---|---|---|---|",
    ]
    for sop in waiting:
        imported = _cell(str(sop.meta["legacy"].get("imported", "")))
        lines.append(f"| {_cell(sop.owner)} | {_sop_link(sop)} | {_title(handbook, sop, lang)} | {imported} |")
    return lines + [""]


def glossary_page(handbook: Handbook, lang: str) -> str:
    """Every term with its definition and the SOPs that use it."""
    policy = handbook.policy
    usage = handbook.term_usage()
    lines = [
        *_opening(label(lang, "glossary_title")),
        label(lang, "glossary_intro"),
        "",
    ]
    for term in handbook.glossary.sorted():
        definition, fell_back = term.in_language(lang, policy.source_lang)
        name = term.key if definition.name == term.key else f"{term.key} — {definition.name}"
        users = usage.get(term.key, [])
        used = ", ".join(_sop_link(s) for s in users) or f"*{label(lang, 'not_used')}*"
        note = f" *{label(lang, 'fallback')}*" if fell_back else ""
        lines += [
            f"## {name} {{#{term.anchor}}}",
            "",
            f"{definition.definition}{note}",
            "",
            f"{label(lang, 'used_by')}: {used}",
            "",
        ]
    return "\n".join(lines)


def translations_page(handbook: Handbook, lang: str) -> str:
    """The whole matrix: every SOP, every language, up to date, stale or missing."""
    policy = handbook.policy
    others = policy.languages[1:]
    marks = {
        TranslationState.CURRENT: f'<span class="hb-tr hb-tr--current">✓ {label(lang, "translation.current")}</span>',
        TranslationState.STALE: f'<span class="hb-tr hb-tr--stale">⚠ {label(lang, "translation.stale")}</span>',
        TranslationState.MISSING: f'<span class="hb-tr hb-tr--missing">— {label(lang, "translation.missing")}</span>',
    }
    lines = [
        *_opening(label(lang, "translations_title"), hide="toc"),
        label(lang, "translations_intro"),
        "",
        f"| {label(lang, 'id')} | {label(lang, 'title')} | {label(lang, 'version')} | " + " | ".join(others) + " |",
        "|---|---|---|" + "---|" * len(others),
    ]
    for sop in sorted(handbook.by_id.values(), key=lambda s: s.id):
        cells = " | ".join(marks[handbook.translation_state(sop, other)] for other in others)
        lines.append(f"| {_sop_link(sop)} | {_title(handbook, sop, lang)} | {sop.version} | {cells} |")
    return "\n".join(lines) + "\n"


def generated_pages(handbook: Handbook, lang: str) -> dict[str, str]:
    """Docs-relative path -> Markdown, for every page the handbook generates in `lang`."""
    source_lang = handbook.policy.source_lang
    pages = {
        page_path("index.md", lang, source_lang): home_page(handbook, lang),
        page_path("reviews.md", lang, source_lang): reviews_page(handbook, lang),
        page_path("glossary.md", lang, source_lang): glossary_page(handbook, lang),
    }
    if len(handbook.policy.languages) > 1:
        pages[page_path("translations.md", lang, source_lang)] = translations_page(handbook, lang)
    for key in handbook.policy.departments:
        pages[page_path(f"{key}/index.md", lang, source_lang)] = department_page(handbook, key, lang)
    return pages
