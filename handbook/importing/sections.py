"""Imported headings matched to the handbook's required sections, and the SOP composed from them.

A heading matches a section when it reads (as `handbook check` reads headings) as one of
the section's names or synonyms in any of the handbook's languages (`extra.handbook.sections`
and `extra.handbook.synonyms`), or is very close to one. Matching is never forced: a
missing required section is written with a visible `TODO` (TODO001 keeps it out of an
approved handbook), and text that matches no section is kept at the end of the SOP,
marked for the author to place.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from ..policy import Policy
from ..structure import PLACEHOLDER, normalise_heading
from .shortcodes import mask_fences, unmask

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"\s*\{[:#.][^}]*\}\s*$")
_ORDERED = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+\S", re.M)
CLOSE_ENOUGH = 0.86  # "Procedures" reads as Procedure; "Process owner" does not read as Procedure
UNPLACED = "Imported text to place"


@dataclass
class Part:
    """A top-level section of the source: its heading (empty for text before the first) and its Markdown."""

    heading: str
    text: str
    key: str | None = None  # the required section it maps to
    how: str = ""


@dataclass
class Composed:
    body: str
    fmt: str
    mapped: list[str] = field(default_factory=list)
    needs_author: list[str] = field(default_factory=list)
    slugs: set[str] = field(default_factory=set)


def split(text: str) -> tuple[str | None, list[Part]]:
    """(the document's title when it opens with a lone top heading, its top-level sections).

    Heading levels are moved so the top level of the source becomes `##` and the levels under
    it `###` and deeper (a Word document's Heading 1, a Markdown handbook's `#` or `##`).
    """
    masked, blocks = mask_fences(text)
    lines = masked.split("\n")
    headings = [(i, len(m.group(1)), m.group(2)) for i, line in enumerate(lines) if (m := _HEADING.match(line))]
    title = None
    if headings and sum(1 for h in headings if h[1] == headings[0][1]) == 1 and len(headings) > 1 and headings[0][1] < min(h[1] for h in headings[1:]):
        index, _, title = headings.pop(0)  # a single heading above all the others names the document
        lines[index] = ""
    top = min((h[1] for h in headings), default=2)
    parts = [Part("", "")]
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if m and len(m.group(1)) == top:
            parts.append(Part(_ATTRS.sub("", m.group(2)).strip(), ""))
            continue
        if m:
            level = min(6, len(m.group(1)) - top + 2)
            line = "#" * level + " " + _ATTRS.sub("", m.group(2)).strip()
        parts[-1].text += line + "\n"
    for part in parts:
        part.text = unmask(part.text, blocks).strip("\n")
    if not parts[0].text.strip():
        parts.pop(0)
    return (_ATTRS.sub("", title).strip() if title else None), parts


def names_of(policy: Policy) -> dict[str, str]:
    """Every name a required section goes by, read as the check reads headings -> the section's key."""
    names: dict[str, str] = {}
    for section in policy.sections:
        every = [n for per_lang in section.headings.values() for n in per_lang]
        every += [n for per_lang in policy.synonyms.get(section.key, {}).values() for n in per_lang]
        for name in every:
            names.setdefault(normalise_heading(name), section.key)
    return names


def match(heading: str, names: dict[str, str]) -> tuple[str | None, str]:
    """(section key, how it matched) for a heading; (None, "") when nothing is close."""
    read = normalise_heading(heading)
    if read in names:
        return names[read], "by name"
    close = difflib.get_close_matches(read, list(names), n=1, cutoff=CLOSE_ENOUGH)
    return (names[close[0]], f"by similarity to `{close[0]}`") if close else (None, "")


def compose(parts: list[Part], policy: Policy, source_name: str) -> Composed:
    """The SOP body: every required section in the policy's order, then whatever matched none."""
    names = names_of(policy)
    lang = policy.source_lang
    placed: dict[str, list[Part]] = {}
    unplaced: list[Part] = []
    result = Composed("", "simple")
    for part in parts:
        part.key, part.how = match(part.heading, names) if part.heading else (None, "")
        if part.key:
            placed.setdefault(part.key, []).append(part)
            label = policy.section(part.key).label(lang, lang)
            if normalise_heading(part.heading) != normalise_heading(label):
                result.mapped.append(f"`{part.heading}` -> {label} ({part.how})")
        else:
            unplaced.append(part)
    out = []
    for section in policy.sections:
        label = section.label(lang, lang)
        found = placed.get(section.key, [])
        text = "\n\n".join(_first_and_rest(found)).strip("\n")
        if not text.strip():
            text = f"{PLACEHOLDER}: {source_name} has no {label} section; write it."
            if section.key == "procedure":
                text = "1. " + text  # a numbered TODO: the simple format's rule (FMT001) is met, TODO001 is not
            result.needs_author.append(f"{label}: {'empty' if found else 'missing'} in the source; a TODO stands in its place")
        if section.key == "procedure":
            text, result.fmt = _procedure(text, result)
        out += [f"## {label}", "", text, ""]
    if unplaced:
        out += [
            f"## {UNPLACED}",
            "",
            f"{PLACEHOLDER}: this text from {source_name} matched no required section: move it into the sections above "
            "(or keep it under a heading of its own), then remove this section.",
            "",
        ]
        for part in unplaced:
            out += ([f"### {part.heading}", ""] if part.heading else []) + [_demote(part.text), ""]
            shown = f"`{part.heading}`" if part.heading else "the text before the first heading"
            result.needs_author.append(f"{shown}: matched no required section; kept under {UNPLACED}")
    result.body = "\n".join(out).rstrip("\n") + "\n"
    result.slugs = slugs(result.body)
    return result


def _first_and_rest(found: list[Part]) -> list[str]:
    """A section's text; a second source section with the same meaning follows as a `###` part of it."""
    texts = [found[0].text] if found else []
    for part in found[1:]:
        texts.append(f"### {part.heading}\n\n{_demote(part.text)}")
    return texts


def _demote(text: str) -> str:
    masked, blocks = mask_fences(text)
    masked = re.sub(r"^(#{3,5})(?=[ \t])", r"#\1", masked, flags=re.M)
    return unmask(masked, blocks)


def _procedure(text: str, result: Composed) -> tuple[str, str]:
    """The Procedure and its format: stages (`###`) make it hierarchical; steps are numbered lists."""
    masked, blocks = mask_fences(text)
    if "```mermaid" in text and re.search(r"^[ \t]*(?:flowchart|graph)\b", text, re.M):
        return text, "flowchart"
    stages = list(re.finditer(r"^### .*$", masked, re.M))
    if len(stages) >= 2:
        pieces = []
        for i, stage in enumerate(stages):
            end = stages[i + 1].start() if i + 1 < len(stages) else len(masked)
            if not _ORDERED.search(masked, stage.end(), end):
                result.needs_author.append(f"Procedure, stage `{stage.group(0)[4:].strip()}`: no numbered steps; a TODO step stands in")
                pieces.append((end, f"\n\n1. {PLACEHOLDER}: write this stage as numbered steps (the imported text is above).\n"))
        for at, insert in reversed(pieces):
            masked = masked[:at].rstrip("\n") + insert + "\n" + masked[at:].lstrip("\n")
        return (unmask(masked, blocks).strip("\n") if pieces else text), "hierarchical"
    if not _ORDERED.search(masked):
        result.needs_author.append("Procedure: no numbered steps; a TODO step stands in")
        text += f"\n\n1. {PLACEHOLDER}: write the procedure as numbered steps (the imported text is above)."
    return text, "simple"


def slugs(body: str) -> set[str]:
    """The anchors Python-Markdown's `toc` gives the headings of `body`."""
    masked, _ = mask_fences(body)
    return {slugify(m.group(2), "-") for line in masked.split("\n") if (m := _HEADING.match(line))}
