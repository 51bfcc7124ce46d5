"""The shape of an SOP's Markdown body: headings, sections, lists, diagrams, macro calls.

One pass over the lines, skipping fenced code for headings and lists, so a `#`
inside a code block is never taken for a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)")
_ORDERED_ITEM = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+\S")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TERM_CALL = re.compile(r"""\{\{-?\s*term\(\s*(["'])(.*?)\1""")
_SOP_CALL = re.compile(r"""\{\{-?\s*sop\(\s*(["'])(.*?)\1""")
PLACEHOLDER = "TODO"  # what `handbook new` writes where the author has to fill in; TODO001 finds it
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")


@lru_cache(maxsize=4096)  # the same few headings, asked about for every required section of every SOP
def normalise_heading(text: str) -> str:
    """`## 2. Scope {#scope}` and `## scope` both read as `scope`."""
    text = _ATTRS.sub("", text)
    text = _NUMBERING.sub("", text.strip())
    return " ".join(text.split()).casefold()


@dataclass
class Heading:
    level: int
    text: str
    line: int  # 1-based line in the file


@dataclass
class Section:
    """A level-2 heading and everything under it up to the next level-2 (or higher) heading."""

    heading: Heading
    has_content: bool = False
    subheadings: list[Heading] = field(default_factory=list)
    has_ordered_list: bool = False
    flowchart_lines: list[int] = field(default_factory=list)  # Mermaid flowcharts


@dataclass
class MacroCall:
    name: str  # term or sop
    argument: str
    line: int


@dataclass
class Body:
    sections: list[Section]
    calls: list[MacroCall]
    placeholders: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of each line holding TODO

    def find_section(self, accepted: tuple[str, ...]) -> Section | None:
        wanted = {normalise_heading(name) for name in accepted}
        return next((s for s in self.sections if normalise_heading(s.heading.text) in wanted), None)

    def terms_used(self) -> list[MacroCall]:
        return [c for c in self.calls if c.name == "term"]

    def sops_linked(self) -> list[MacroCall]:
        return [c for c in self.calls if c.name == "sop"]


def scan(body: str, first_line: int = 1) -> Body:
    """Scan a Markdown body whose first line is `first_line` in the file."""
    sections: list[Section] = []
    calls: list[MacroCall] = []
    placeholders: list[tuple[int, str]] = []
    current: Section | None = None
    fence: str | None = None  # the opening fence's marker while inside a code block
    fence_is_mermaid = False
    fence_first_line: int | None = None  # first line of a Mermaid block after `%%` directives and comments
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body) if "<!--" in body else body
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        if "{{" in line:
            calls.extend(MacroCall("term", m.group(2), number) for m in _TERM_CALL.finditer(line))
            calls.extend(MacroCall("sop", m.group(2), number) for m in _SOP_CALL.finditer(line))
        if PLACEHOLDER in line and _PLACEHOLDER.search(line):  # also inside code: Mermaid stubs hold placeholders
            placeholders.append((number, line.strip()))
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = None
            elif fence_is_mermaid and fence_first_line is None and stripped and not stripped.startswith("%%"):
                fence_first_line = number
                if current and (stripped.startswith("flowchart") or stripped.startswith("graph")):
                    current.flowchart_lines.append(number)
            if current and stripped:
                current.has_content = True
            continue
        if not stripped:
            continue
        match = _FENCE.match(line) if stripped[0] in "`~" else None
        if match:
            fence, fence_is_mermaid, fence_first_line = match.group(1), match.group(2) == "mermaid", None
            if current:
                current.has_content = True
            continue
        if line[0] == "#":
            heading = _HEADING.match(line)
            if heading:
                level = len(heading.group(1))
                found = Heading(level, _ATTRS.sub("", heading.group(2)).strip(), number)
                if level <= 2:
                    current = Section(found) if level == 2 else None
                    if current:
                        sections.append(current)
                elif current:
                    current.subheadings.append(found)
                continue
        if current:
            current.has_content = True
            if not current.has_ordered_list and _ORDERED_ITEM.match(line):
                current.has_ordered_list = True
    return Body(sections, calls, placeholders)
