"""An SOP page's self-assessment as a quiz, and its acknowledgement link.

The questions are read by `handbook.quiz` (the check reads them the same way) and written
back into the page's Markdown as HTML blocks whose texts Markdown still renders
(md_in_html). docs/assets/quiz.js makes them answerable; without it they read as a list.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import acknowledgement, quiz
from ..policy import Policy
from ..sop import SOP
from . import templates


@dataclass
class _Shown:
    """A question as the template shows it: the author's Markdown, numbered on the page."""

    number: int
    text: Markup
    prompt: Markup
    options: list
    explanation: Markup
    many: bool


def _markdown(lines: list[str]) -> Markup:
    # The author's Markdown, rendered by Markdown like the rest of the page body.
    return Markup("\n".join(lines).strip("\n"))


def with_quiz(markdown: str, sop: SOP, source: SOP, policy: Policy) -> tuple[str, bool]:
    """The page's Markdown with its self-assessment as a quiz and the acknowledgement link; and whether it has a quiz.

    `sop` is the page (a translation or the source), `source` the SOP it translates (for the version).
    """
    accepted = policy.self_assessment.accepted(sop.lang, policy.source_lang)
    section = quiz.find_section(markdown, accepted)
    usable = section is not None and section.questions and not _broken(sop, section, accepted[0])
    lines = markdown.split("\n")
    if usable:
        shown = [
            _Shown(
                number=n,
                text=Markup(q.text),
                prompt=_markdown(q.prompt),
                options=[{"text": Markup(o.text), "right": o.right} for o in q.options],
                explanation=_markdown(q.explanation),
                many=q.many,
            )
            for n, q in enumerate(section.questions, 1)
        ]
        block = str(templates.html("quiz.html", questions=shown, pass_mark=policy.self_assessment.pass_mark, lang=sop.lang))
        block += _acknowledgement(sop, source, policy, after_quiz=True)  # both are the handbook's own HTML
        first, last = section.first_line - 1, section.end  # 1-based lines of the questions -> slice
        lines[first:last] = ["", block, ""]
        return "\n".join(lines), True
    ack = _acknowledgement(sop, source, policy, after_quiz=False)
    return (markdown.rstrip("\n") + "\n\n" + ack + "\n" if ack else markdown), False


def _broken(sop: SOP, section: quiz.SelfAssessment, heading: str) -> bool:
    """A quiz the check refuses is left as written: the build reports it, and a half-working quiz would mislead."""
    return any(f.is_error for f in quiz.quiz_findings(sop.path, section, False, heading))


def _acknowledgement(sop: SOP, source: SOP, policy: Policy, after_quiz: bool) -> str:
    """The "I have read version X" link, for an SOP in force, when the policy names a form; else ""."""
    if not policy.acknowledgement or source.status in ("draft", "retired"):
        return ""
    href = acknowledgement.address(policy.acknowledgement, sop_id=source.id, version=source.version, title=sop.title, lang=sop.lang)
    return str(templates.html("acknowledgement.html", href=href, version=source.version, after_quiz=after_quiz, lang=sop.lang))
