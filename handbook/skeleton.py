"""A new SOP: the next free id of a department, and a complete skeleton for a format and language.

Every required section of the policy gets its heading; each place the author has
to write holds a `TODO` placeholder, which the check reports as TODO001 until it
is replaced. Nothing else in a fresh skeleton fails the check.
"""

from __future__ import annotations

import re
from datetime import date

from .handbook import Handbook
from .policy import Policy
from .sop import SOP
from .structure import PLACEHOLDER, normalise_heading
from .yamlio import yaml_text

FORMATS = ("simple", "hierarchical", "flowchart")

T = PLACEHOLDER  # short for the templates below

# Placeholder text for the sections every handbook has; a section of another key gets a generic one.
_SECTION_TEXT = {
    "purpose": f"{T}: Why this procedure exists and what it achieves for the customer, in two or three sentences.",
    "scope": f"{T}: Who and what this SOP covers (teams, channels, sites, hours), and what it does not cover.",
    "responsibilities": (
        "| Role | Responsibility |\n"
        "|---|---|\n"
        f"| {T}: role | {T}: what this role does in the procedure. |\n"
        "| Owner ({owner}) | Keeps this SOP accurate and reviews it on schedule. |"
    ),
    "definitions": "{{ definitions() }}",
    "performance": (
        "| Measure | Target | Source |\n"
        "|---|---|---|\n"
        f"| {T}: what is measured | {T}: the target | {T}: the report it comes from |"
    ),
    "documentation": f"- {T}: What is recorded, where, and for how long.",
    "training": f"{T}: How staff learn this procedure, and how often they refresh it.",
    "review": (
        "This SOP is reviewed every {interval} months by its owner, {owner}; `handbook review {id}` records each review.\n"
        f"{T}: Who checks a change and who approves it."
    ),
}

_PROCEDURE = {
    "simple": (
        f'1. {T}: The first step, starting with a verb ("Greet the caller ...").\n'
        f"2. {T}: The next step.\n"
        f"3. {T}: The last step: how the contact is closed and recorded."
    ),
    "hierarchical": (
        f"### Stage 1: {T} name the first stage\n\n"
        f"1. {T}: The first step of this stage.\n"
        f"2. {T}: The next step.\n\n"
        f"### Stage 2: {T} name the second stage\n\n"
        f"1. {T}: The first step of this stage.\n"
        f"2. {T}: The next step."
    ),
    "flowchart": (
        "```mermaid\n"
        "flowchart TD\n"
        f'    A(["{T}: what starts the procedure"]) --> B{{"{T}: a question with a yes or no answer?"}}\n'
        f'    B -->|Yes| C["{T}: what the agent does"]\n'
        f'    B -->|No| D["{T}: the alternative"]\n'
        f'    C --> E(["{T}: how the procedure ends"])\n'
        "    D --> E\n"
        "```\n\n"
        f"1. **A, B: {T}** Explain each box of the chart in a numbered step."
    ),
}

_GENERIC = f"{T}: Write this section."

# The self-assessment (handbook/quiz.py): one question to copy, before Review and approval.
_QUIZ = f"""### {T}: a question a new agent should be able to answer after reading this SOP?

- [x] {T}: the right answer
- [ ] {T}: a wrong answer a reader might pick
- [ ] {T}: another wrong answer

> {T}: why the right answer is right (optional: delete this line)."""


def next_id(handbook: Handbook, department: str) -> str:
    """One more than the highest number used by the department's prefix, in ids or file names."""
    prefix = handbook.policy.departments[department].prefix
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d{{3,}})$", re.IGNORECASE)
    numbers = [int(m[1]) for s in handbook.sops if (m := pattern.match(s.id))]
    # A file whose front matter does not parse still holds its number.
    for rel in handbook.files:
        stem = rel.rsplit("/", 1)[-1].split(".", 1)[0]
        if m := pattern.match(stem):
            numbers.append(int(m[1]))
    return f"{prefix}-{max(numbers, default=0) + 1:03d}"


def relative_path(department: str, sop_id: str) -> str:
    """Where the SOP goes, relative to docs/: its department's folder."""
    return f"{department}/{sop_id.lower()}.md"


def skeleton(
    policy: Policy,
    *,
    sop_id: str,
    title: str,
    department: str,
    owner: str,
    fmt: str,
    channels: list[str],
    lang: str,
    today: date,
) -> str:
    """The SOP's Markdown text (LF line endings)."""
    front = [
        "---",
        f"id: {sop_id}",
        f"title: {yaml_text(title)}",
        f"department: {department}",
        f"owner: {yaml_text(owner)}",
        "status: draft",
        'version: "0.1"',
        f"effective: {today.isoformat()}",
        f"last_reviewed: {today.isoformat()}",
        f"format: {fmt}",
    ]
    if channels:
        front.append(f"channels: [{', '.join(channels)}]")
    front.append("---")
    values = {"owner": owner.replace("|", "\\|"), "interval": policy.interval_months(department), "id": sop_id}
    parts = ["\n".join(front), ""]
    for section in policy.sections:
        if section.key == "review":
            parts += _self_assessment(policy, lang)
        if section.key == "procedure":
            text = _PROCEDURE[fmt]
        elif section.key == "definitions":
            text = _SECTION_TEXT["definitions"]  # a macro, not a template to fill
        else:
            text = _SECTION_TEXT.get(section.key, _GENERIC).format(**values)
        parts += [f"## {section.label(lang, policy.source_lang)}", "", text, ""]
    if not any(section.key == "review" for section in policy.sections):
        parts += _self_assessment(policy, lang)
    return "\n".join(parts)


def _self_assessment(policy: Policy, lang: str) -> list[str]:
    return [f"## {policy.self_assessment.accepted(lang, policy.source_lang)[0]}", "", _QUIZ, ""]



def translation_skeleton(policy: Policy, source: SOP, lang: str, title: str | None) -> str:
    """A translation to fill in: the source's text under the headings of `lang`, to be translated in place."""
    front = [
        "---",
        f"id: {source.id}",
        f"title: {yaml_text(title or f'{T}: {source.title}')}",
        f'translation_of_version: "{source.version}"',
        "---",
        "",
        f"{T}: Translate this SOP from {source.docs_path} into {lang}, then remove this line.",
        "",
    ]
    renamed = [(section, section.label(lang, policy.source_lang)) for section in policy.sections]
    renamed.append((policy.self_assessment.section, policy.self_assessment.accepted(lang, policy.source_lang)[0]))
    headings = {}
    for section, label in renamed:
        for name in section.accepted(policy.source_lang, policy.source_lang):
            headings[normalise_heading(name)] = label
    body = []
    for line in source.source.body.split("\n"):
        if line.startswith("## ") and normalise_heading(line[3:]) in headings:
            line = f"## {headings[normalise_heading(line[3:])]}"
        body.append(line)
    return "\n".join(front) + "\n" + "\n".join(body).lstrip("\n")
