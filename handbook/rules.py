"""The rules an SOP must follow. The check and the site build both call these, and only these.

`sop_rules` looks at one SOP on its own; `cross_rules` at the handbook as a whole
(ids, references). Each finding carries a code from `findings.RULES`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date

from . import quiz
from .findings import Finding
from .glossary import Glossary
from .lists import KIND_SWITCH, NUMBER_PAREN, divergences, may_diverge
from .people import owner_findings
from .policy import Policy
from .review import ReviewState, ReviewStatus, review_status
from .sop import SOP, schema
from .templating.check import template_findings
from .structure import normalise_heading

MAX_INTERVAL_MONTHS = schema()["properties"]["review_interval_months"]["maximum"]


def review_of(sop: SOP, policy: Policy, today: date) -> ReviewStatus:
    """Review state from last_reviewed + interval (SOP, then department, then handbook), or next_review."""
    interval = sop.meta.get("review_interval_months")
    if not isinstance(interval, int) or isinstance(interval, bool) or not 1 <= interval <= MAX_INTERVAL_MONTHS:
        interval = policy.interval_months(sop.department)  # an invalid value is FM006; never compute with it
    return review_status(
        sop.dates.get("last_reviewed"),
        interval,
        sop.dates.get("next_review"),
        sop.status,
        policy.review.exempt_statuses,
        policy.review.due_soon_days,
        today,
    )


def sop_rules(sop: SOP, policy: Policy, glossary: Glossary, today: date) -> list[Finding]:
    findings: list[Finding] = []
    findings += _identity(sop, policy)
    findings += _sections(sop, policy)
    findings += _procedure_format(sop, policy)
    findings += _glossary_terms(sop, glossary)
    findings += _placeholders(sop)
    findings += _templates(sop, policy)
    findings += _list_forms(sop)
    findings += _self_assessment(sop, policy)
    if not sop.is_translation:  # a translation follows its source's review cycle
        findings += _review(sop, policy, today)
    findings += owner_findings(sop, policy)
    return findings


def _identity(sop: SOP, policy: Policy) -> list[Finding]:
    department = sop.meta.get("department")
    if not isinstance(department, str) or not department:
        return []  # the schema already reported it
    if department not in policy.departments:
        known = ", ".join(policy.departments)
        return [Finding(sop.path, sop.line_of("department"), "ID001", f"unknown department `{department}`; known: {known}")]
    expected = policy.departments[department].prefix
    prefix = sop.id.split("-", 1)[0] if "-" in sop.id else None
    if prefix is not None and prefix != expected:
        return [
            Finding(
                sop.path,
                sop.line_of("id"),
                "ID002",
                f"id {sop.id} has prefix {prefix}, but department `{department}` uses {expected} (e.g. {expected}-001)",
            )
        ]
    return []


def _sections(sop: SOP, policy: Policy) -> list[Finding]:
    findings = []
    every = policy.accepted_headings(sop.lang)
    for section, accepted in zip(policy.sections, every):
        found = sop.body.find_section(accepted)
        if found is None:
            names = " or ".join(f"`## {name}`" for name in accepted)
            line = sop.source.body_line if sop.source.body_line > 1 else 1
            message = f"required section {accepted[0]} is missing: add a heading {names}"
            near = _misnamed(sop, policy, section.key, accepted, every)
            if near is not None:
                line, message = near.line, f"{message}; `## {near.text}` looks like it: rename it to `## {accepted[0]}`"
            findings.append(Finding(sop.path, line, "SEC001", message))
        elif not found.has_content:
            findings.append(Finding(sop.path, found.heading.line, "SEC002", f"required section {found.heading.text} is empty"))
    return findings


def _misnamed(sop: SOP, policy: Policy, key: str, accepted: tuple[str, ...], every: tuple[tuple[str, ...], ...]):
    """The SOP's level-2 heading that names no required section but reads like this one (a synonym, or close)."""
    required = {normalise_heading(n) for names in every for n in names}
    others = [s.heading for s in sop.body.sections if normalise_heading(s.heading.text) not in required]
    if not others:
        return None
    synonyms = {normalise_heading(n) for lang in (sop.lang, policy.source_lang) for n in policy.synonyms.get(key, {}).get(lang, ())}
    for heading in others:
        if normalise_heading(heading.text) in synonyms:
            return heading
    names = [normalise_heading(n) for n in accepted]
    scored = [(max(difflib.SequenceMatcher(None, normalise_heading(h.text), n).ratio() for n in names), h) for h in others]
    best = max(scored, key=lambda pair: pair[0])
    return best[1] if best[0] >= 0.75 else None


def _procedure_format(sop: SOP, policy: Policy) -> list[Finding]:
    accepted = policy.accepted_for("procedure", sop.lang)
    if accepted is None:
        return []
    procedure = sop.body.find_section(accepted)
    if procedure is None or not procedure.has_content:
        return []  # SEC001/SEC002 already say so
    at = procedure.heading.line
    if sop.format == "simple" and not procedure.has_ordered_list:
        return [Finding(sop.path, at, "FMT001", "format is simple, but the Procedure has no numbered list of steps")]
    if sop.format == "hierarchical" and len(procedure.subheadings) < 2:
        count = len(procedure.subheadings)
        return [
            Finding(sop.path, at, "FMT002", f"format is hierarchical, but the Procedure has {count} stage heading(s); it needs at least two `###` stages")
        ]
    if sop.format == "hierarchical":
        return [
            Finding(sop.path, h.line, "FMT004", f"stage `{h.text}` of the hierarchical Procedure has no numbered steps")
            for h in procedure.subheadings
            if h.level == 3 and not h.has_steps
        ]
    if sop.format == "flowchart" and not procedure.flowchart_lines:
        return [Finding(sop.path, at, "FMT003", "format is flowchart, but the Procedure has no ```mermaid block with a `flowchart`")]
    return []


def _glossary_terms(sop: SOP, glossary: Glossary) -> list[Finding]:
    findings = []
    for call in sop.body.terms_used():
        if call.argument not in glossary:
            findings.append(Finding(sop.path, call.line, "GL001", f"term(\"{call.argument}\") is not in the glossary{_close(call.argument, glossary.terms)}"))
    return findings


def checked_review(sop: SOP, policy: Policy, today: date) -> ReviewStatus | None:
    """The review the check judges (REV001/REV002): None for a translation or a last_reviewed in the future (FM009)."""
    last = sop.dates.get("last_reviewed")
    if sop.is_translation or (last and last > today):
        return None
    return review_of(sop, policy, today)


def _placeholders(sop: SOP) -> list[Finding]:
    findings = []
    for line, text in sop.body.placeholders:
        shown = text if len(text) <= 70 else text[:67] + "..."
        findings.append(Finding(sop.path, line, "TODO001", f"placeholder left in the text: {shown}"))
    return findings


def _templates(sop: SOP, policy: Policy) -> list[Finding]:
    """The page's template code, judged as the build's sandbox renders it (TPL001-TPL006)."""
    return template_findings(
        sop.path,
        sop.source.body,
        sop.source.body_line,
        sop.meta,
        title=sop.title,
        url=sop.docs_path[:-3] + "/",
        src_path=sop.docs_path,
        undefined=policy.on_undefined,
    )


def _list_forms(sop: SOP) -> list[Finding]:
    """MD001-MD003: lists the site renders otherwise than GitHub's preview the author wrote them in."""
    body = sop.source.body
    if not may_diverge(body):
        return []
    findings = []
    for found in divergences(body):
        line, sign = sop.source.body_line + found.line, found.marker
        if found.kind == KIND_SWITCH:
            kinds = "a bulleted item after a numbered list" if sign[0] in "-*+" else "a numbered item after a bulleted list"
            nest = f"; to nest it under the item above, indent it {found.indent} spaces" if found.indent else ""
            findings.append(Finding(sop.path, line, "MD002", f"`{sign}` starts {kinds}: GitHub shows a new list, this site adds the item to the list above{nest}"))
        elif found.kind == NUMBER_PAREN:
            findings.append(Finding(sop.path, line, "MD003", f"`{sign}` numbers a list on GitHub, but this site shows the line as text"))
        else:
            findings.append(Finding(sop.path, line, "MD001", f"`{sign}` starts a list item on GitHub, but this site keeps it in the paragraph above (no blank line before it)"))
    return findings


def _self_assessment(sop: SOP, policy: Policy) -> list[Finding]:
    """QZ001-QZ006: the SOP's quiz is well formed, and there when the policy requires one (a translation follows its source)."""
    accepted = policy.self_assessment.accepted(sop.lang, policy.source_lang)
    section = quiz.find_section(sop.source.body, accepted, sop.source.body_line)
    required = not sop.is_translation and sop.status != "retired" and policy.requires_self_assessment(sop.department)
    return quiz.quiz_findings(sop.path, section, required, accepted[0])


def _review(sop: SOP, policy: Policy, today: date) -> list[Finding]:
    findings = []
    review = checked_review(sop, policy, today)
    if review is None:
        last = sop.dates.get("last_reviewed")
        findings.append(Finding(sop.path, sop.line_of("last_reviewed"), "FM009", f"last_reviewed {last} is after today ({today})"))
        return findings
    key = "next_review" if "next_review" in sop.dates else "last_reviewed"
    if review.state is ReviewState.OVERDUE:
        findings.append(
            Finding(sop.path, sop.line_of(key), "REV001", f"review overdue: due {review.next_review}, {-review.days_left} day(s) ago (owner: {sop.owner})")
        )
    elif review.state is ReviewState.DUE_SOON:
        findings.append(
            Finding(sop.path, sop.line_of(key), "REV002", f"review due soon: due {review.next_review}, in {review.days_left} day(s) (owner: {sop.owner})")
        )
    return findings


def cross_rules(sops: Iterable[SOP], known_ids: set[str], holders: dict[tuple[str, str], list[str]]) -> list[Finding]:
    """Duplicate ids and references, given every id in the handbook and the files holding each (id, language)."""
    findings = []
    for sop in sops:
        others = [p for p in holders.get((sop.id, sop.lang), ()) if p != sop.path]
        if sop.id and others:
            findings.append(Finding(sop.path, sop.line_of("id"), "ID003", f"id {sop.id} is also used by {', '.join(others)}"))
        for key in ("related", "supersedes"):
            values = sop.meta.get(key)
            if not isinstance(values, list):
                continue
            lines = sop.item_lines.get(key, [])
            for index, value in enumerate(values):
                if isinstance(value, str) and value not in known_ids:
                    line = lines[index] if index < len(lines) else sop.line_of(key)
                    findings.append(Finding(sop.path, line, "ID004", f"{key} lists {value}, but no SOP has that id{_close(value, known_ids)}"))
        for call in sop.body.sops_linked():
            if call.argument not in known_ids:
                findings.append(Finding(sop.path, call.line, "ID005", f"sop(\"{call.argument}\") links to an id no SOP has{_close(call.argument, known_ids)}"))
    return findings


def _close(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.75)
    return f" (did you mean {close[0]}?)" if close else ""
