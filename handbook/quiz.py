"""The self-assessment of an SOP: questions with options, read from its Markdown.

The form (CONTRIBUTING.md, "Self-assessment"): under the `## Self-assessment`
heading, each `### ` heading is a question, followed by a task list of options
(`- [x]` right, `- [ ]` wrong) and, optionally, a `> ` quote explaining the answer.
GitHub previews it as a ticked checklist; the site turns it into a quiz.
The check (QZ001-QZ006) and the site both read questions through `read_questions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import Finding
from .structure import normalise_heading

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
# A box is `[ ]` or `[x]`; a no-break space pasted from Word counts as the space.
_OPTION = re.compile(r"^ {0,3}[-*+][ \t]+\[([ \u00a0xX])\](?:[ \t\u00a0]+(.*?))?\s*$")
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?(.*)$")
_OLD_FORM = re.compile(r"^ {0,3}\?\?\?\+?[ \t]+question\b(.*)$")  # the collapsed free-text block of old
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATTRS = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")


@dataclass
class Option:
    text: str
    right: bool
    line: int


@dataclass
class Question:
    text: str  # the `###` heading, without attributes
    line: int
    prompt: list[str] = field(default_factory=list)  # Markdown lines between the heading and the options
    options: list[Option] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)  # Markdown lines of the quote after the options
    loose_items: list[int] = field(default_factory=list)  # lines of list items without a box among the options
    end: int = 0  # the last line of the question (1-based, in the file)

    @property
    def many(self) -> bool:
        """More than one right option: the reader ticks every right one."""
        return sum(o.right for o in self.options) > 1


@dataclass
class SelfAssessment:
    heading_line: int
    questions: list[Question]
    free_text: list[int] = field(default_factory=list)  # lines of `??? question` blocks (the old form)
    first_line: int = 0  # where the questions start (the first `###` or old block)
    end: int = 0  # the last line of the section


def find_section(body: str, accepted: tuple[str, ...], first_line: int = 1) -> SelfAssessment | None:
    """The self-assessment section of a Markdown body (first line numbered `first_line`), or None."""
    names = {normalise_heading(n) for n in accepted}
    lines = body.split("\n")
    fence = None
    start = None
    for index, line in enumerate(lines):
        fence, skip = _fence_state(line, fence)
        if skip:
            continue
        heading = _HEADING.match(line)
        if heading is None:
            continue
        level = len(heading.group(1))
        if start is None and level == 2 and normalise_heading(heading.group(2)) in names:
            start = index
        elif start is not None and level <= 2:
            return _read(lines[start + 1 : index], start + first_line)
    return _read(lines[start + 1 :], start + first_line) if start is not None else None


def _fence_state(line: str, fence: str | None) -> tuple[str | None, bool]:
    """Track fenced code: (the open fence or None, whether this line is inside or opens/closes code)."""
    opened = _FENCE.match(line)
    if fence is None:
        return (opened.group(1), True) if opened else (None, False)
    if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) and not line.strip().strip(fence[0]):
        return None, True
    return fence, True


def _read(lines: list[str], heading_line: int) -> SelfAssessment:
    found = SelfAssessment(heading_line=heading_line, questions=[], end=heading_line + len(lines))
    question: Question | None = None
    stage = "prompt"  # prompt -> options -> explanation
    fence = None
    for offset, line in enumerate(lines):
        number = heading_line + 1 + offset
        fence, in_code = _fence_state(line, fence)
        heading = None if in_code else _HEADING.match(line)
        if heading is not None:
            text = _ATTRS.sub("", heading.group(2)).strip()
            question = Question(text=text, line=number, end=number)
            found.questions.append(question)
            found.first_line = found.first_line or number
            stage = "prompt"
            continue
        if not in_code and _OLD_FORM.match(line):
            found.free_text.append(number)
            found.first_line = found.first_line or number
        if question is None:
            continue
        if line.strip():
            question.end = number
        if in_code:
            (question.explanation if stage == "explanation" else question.prompt).append(line)
            continue
        option = _OPTION.match(line)
        if option is not None and stage != "explanation":
            stage = "options"
            question.options.append(Option(text=(option.group(2) or "").strip(), right=option.group(1) in "xX", line=number))
            continue
        if stage == "options" and _ITEM.match(line):
            question.loose_items.append(number)
            continue
        if stage == "options" and line.startswith(("  ", "\t")) and line.strip() and question.options:
            question.options[-1].text += " " + line.strip()  # a long option wrapped onto the next line
            continue
        quote = _QUOTE.match(line)
        if stage == "options" and (quote or line.strip()):
            stage = "explanation"
        if stage == "explanation":
            question.explanation.append(quote.group(1) if quote else line)
        elif stage == "prompt":
            question.prompt.append(line)
    return found


def quiz_findings(path: str, section: SelfAssessment | None, required: bool, heading: str) -> list[Finding]:
    """QZ001-QZ006 for one SOP's self-assessment (`required` by the policy; `heading` to name in messages)."""
    if section is None:
        if required:
            return [Finding(path, 1, "QZ005", f"the policy requires a self-assessment: add a `## {heading}` section with at least one question")]
        return []
    findings = [
        Finding(path, line, "QZ004", "a free-text question (`??? question`): rewrite it as a `### ` question with `- [x]` right and `- [ ]` wrong options")
        for line in section.free_text
    ]
    if not section.questions and not section.free_text:
        findings.append(Finding(path, section.heading_line, "QZ005", f"the {heading} section has no questions: write each as a `### ` heading with `- [x]`/`- [ ]` options"))
    for question in section.questions:
        findings += _question_findings(path, question)
    return findings


def _question_findings(path: str, question: Question) -> list[Finding]:
    shown = question.text if len(question.text) <= 60 else question.text[:57] + "..."
    findings = [
        Finding(path, line, "QZ006", f"question `{shown}`: a list item without a box among its options; write it `- [ ] ...` (wrong) or `- [x] ...` (right)")
        for line in question.loose_items
    ]
    options = question.options
    if not options:
        return findings + [Finding(path, question.line, "QZ004", f"question `{shown}` has no options: list them below it as `- [x] right` and `- [ ] wrong`")]
    for option in options:
        if not option.text:
            findings.append(Finding(path, option.line, "QZ006", f"question `{shown}`: an option without text"))
    if len(options) == 1:
        findings.append(Finding(path, question.line, "QZ003", f"question `{shown}` has one option: add at least one wrong answer (`- [ ] ...`)"))
    if not any(o.right for o in options):
        findings.append(Finding(path, question.line, "QZ001", f"question `{shown}` has no right answer: tick the right option(s) as `- [x] ...`"))
    seen: dict[str, int] = {}
    for option in options:
        key = " ".join(option.text.split()).casefold()
        if key and key in seen:
            findings.append(Finding(path, option.line, "QZ002", f"question `{shown}`: option `{option.text[:50]}` is also on line {seen[key]}"))
        seen.setdefault(key, option.line)
    return findings
