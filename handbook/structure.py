"""The shape of an SOP's Markdown body: headings, sections, lists, diagrams, macro calls.

One pass over the lines, skipping fenced code for headings and lists, so a `#`
inside a code block is never taken for a heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .templating.codetext import FENCE, MERMAID, SPAN, code_regions, outside

_ATTRS = re.compile(r"\{[^{}]*\}\s*$")  # linear: a run of `{` fails at once (text is stripped after)
_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)")
_ORDERED_ITEM = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+\S")
_COMMENT = re.compile(r"<!--.*?-->|(<!--.*)", re.S)  # an unclosed comment is taken whole, once: no rescan per `<!--`
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


@dataclass(slots=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based line in the file
    has_steps: bool = False  # a `###` stage: a numbered list under it (deeper headings included)


@dataclass(slots=True)
class Section:
    """A level-2 heading and everything under it up to the next level-2 (or higher) heading."""

    heading: Heading
    has_content: bool = False
    subheadings: list[Heading] = field(default_factory=list)
    has_ordered_list: bool = False
    flowchart_lines: list[int] = field(default_factory=list)  # Mermaid flowcharts


@dataclass(slots=True)
class MacroCall:
    name: str  # term or sop
    argument: str
    line: int


@dataclass
class Body:
    sections: list[Section]
    calls: list[MacroCall]
    placeholders: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of each line holding TODO

    _index: dict[str, tuple[int, Section]] | None = field(default=None, repr=False, compare=False)

    def find_section(self, accepted: tuple[str, ...]) -> Section | None:
        """The first section whose heading reads as one of `accepted`."""
        if self._index is None:
            self._index = {}
            for position, section in enumerate(self.sections):
                self._index.setdefault(normalise_heading(section.heading.text), (position, section))
        best = None
        for name in accepted:
            hit = self._index.get(normalise_heading(name))
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        return best[1] if best is not None else None

    def terms_used(self) -> list[MacroCall]:
        return [c for c in self.calls if c.name == "term"]

    def sops_linked(self) -> list[MacroCall]:
        return [c for c in self.calls if c.name == "sop"]


_HEADING_LINE = re.compile(r"\n(#{1,6})[ \t]+([^\n]*)")  # a heading line: level, then the text with any closing `#` sequence
_NON_SPACE = re.compile(r"\S")
_ORDERED_AFTER = re.compile("\n" + _ORDERED_ITEM.pattern[1:])  # a line _ORDERED_ITEM matches, after its newline
_TERM_CALLS = re.compile(r"""\{\{-?[^\S\n]*term\([^\S\n]*(["'])(.*?)\1""")  # _TERM_CALL within one line
_CALLS = re.compile(r"""\{\{-?[^\S\n]*(term|sop)\([^\S\n]*(["'])(.*?)\2""")  # either, within one line
_SOP_CALLS = re.compile(r"""\{\{-?[^\S\n]*sop\([^\S\n]*(["'])(.*?)\1""")  # _SOP_CALL within one line


@lru_cache(maxsize=64)
def _closing_fence(marker: str) -> re.Pattern[str]:
    """A line holding only the fence character, at least as many as `marker`, between any whitespace."""
    return re.compile(rf"^[^\S\n]*{re.escape(marker[0])}{{{len(marker)},}}[^\S\n]*$", re.M)


def _next_fence_line(text: str, pos: int, end: int) -> int:
    """Start of the first line from `pos` (a line start) that opens like a fence: spaces or tabs, then ``` or ~~~."""
    best = end
    for marker in ("```", "~~~"):
        at = text.find(marker, pos, best)
        while at >= 0:
            start = max(text.rfind("\n", pos, at) + 1, pos)  # the start of the marker's line
            if not text[start:at].strip(" \t"):
                best = start
                break
            after = text.find("\n", at)
            if after < 0:
                break
            at = text.find(marker, after + 1, best)
    return best


def scan(body: str, first_line: int = 1) -> Body:
    """Scan a Markdown body whose first line is `first_line` in the file.

    Only heading and fence lines are visited one by one; the text between them is searched
    as a whole (for content and numbered items), as are the macro calls and placeholders.
    """
    text = _COMMENT.sub(lambda m: m.group(0) if m.group(1) else "\n" * m.group(0).count("\n"), body) if "<!--" in body else body
    sections: list[Section] = []
    current: Section | None = None
    lines = "\n" + text  # every line, the first too, follows a newline: where _HEADING_LINE looks
    end = len(lines)
    pos = 1  # start of the line being looked at
    number = first_line  # its line number in the file
    heading = None  # the next heading at or after pos, found lazily
    stage: Heading | None = None  # the `###` heading the lines belong to
    next_heading = next_fence = -1  # the start of the next heading line and fence line at or after pos
    while pos <= end:
        if next_heading < pos:
            heading = _HEADING_LINE.search(lines, pos - 1)
            next_heading = heading.start() + 1 if heading else end
        if next_fence < pos:
            next_fence = _next_fence_line(lines, pos, end)
        start = min(next_heading, next_fence)
        if current is not None and start > pos:  # plain lines between structural ones
            if not current.has_content and _NON_SPACE.search(lines, pos, start):
                current.has_content = True
            if not current.has_ordered_list and _ORDERED_AFTER.search(lines, pos - 1, start):
                current.has_ordered_list = True
            if stage is not None and not stage.has_steps and _ORDERED_AFTER.search(lines, pos - 1, start):
                stage.has_steps = True
        if start >= end:
            break
        number += lines.count("\n", pos, start)
        if start == next_heading:  # its text is the rest without a closing `#` sequence
            level = len(heading.group(1))
            title = heading.group(2).rstrip(" \t").rstrip("#").rstrip(" \t")
            found = Heading(level, (_ATTRS.sub("", title) if "{" in title else title).strip(), number)
            if level <= 2:
                current = Section(found) if level == 2 else None
                stage = None
                if current:
                    sections.append(current)
            elif current:
                current.subheadings.append(found)
                if level == 3:
                    stage = found
            pos = heading.end() + 1
            number += 1
            continue
        line_end = lines.find("\n", start)
        if line_end < 0:
            line_end = end
        fence = _FENCE.match(lines[start:line_end])
        pos = line_end + 1
        if current:
            current.has_content = True
        closing = _closing_fence(fence.group(1)).search(lines, pos) if pos <= end else None
        inside_end = closing.start() if closing else end
        if fence.group(2) == "mermaid" and current is not None:
            _mermaid_start(lines, pos, inside_end, number + 1, current)
        if closing is None:
            break
        number += 1 + lines.count("\n", pos, inside_end)  # the opening line and the fenced lines
        pos = closing.end() + 1
        number += 1  # the closing line
    regions = code_regions(text) if ("{{" in text or PLACEHOLDER in text) and ("`" in text or "~" in text) else []
    as_text = outside(regions, (SPAN, FENCE, MERMAID)) if regions else None
    as_prose = outside(regions, (SPAN, FENCE)) if regions else None
    return Body(sections, _calls(text, first_line, as_text), _placeholders(text, first_line, as_prose))


def _mermaid_start(text: str, pos: int, end: int, number: int, section: Section) -> None:
    """Note a flowchart when a Mermaid block's first line (after `%%` directives and comments) starts one."""
    for line in text[pos:end].split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("%%"):
            if stripped.startswith("flowchart") or stripped.startswith("graph"):
                section.flowchart_lines.append(number)
            return
        number += 1


def _calls(text: str, first_line: int, counts: Callable[[int], bool] | None = None) -> list[MacroCall]:
    """`term(...)` and `sop(...)` calls, by line; on each line the term calls first, as written.

    `counts(offset)`: whether a call there is template code (code samples and diagrams are text).
    """
    if "{{" not in text:
        return []
    found = []
    at, number = 0, first_line
    in_order = True
    last_sop_line = 0  # the line of the last sop call seen
    for m in _CALLS.finditer(text):
        name, argument = m.group(1, 3)
        if "{{" in argument:  # a call inside another's argument: the two kinds are looked for apart then
            return _calls_apart(text, first_line, counts)
        start = m.start()
        if counts is not None and not counts(start):
            continue
        number += text.count("\n", at, start)
        at = start
        if name == "sop":
            last_sop_line = number
        elif last_sop_line == number:
            in_order = False  # a term after a sop on one line: terms come first
        found.append(MacroCall(name, argument, number))
    if not in_order:
        found.sort(key=lambda call: (call.line, call.name == "sop"))  # stable: positions kept within each
    return found


def _calls_apart(text: str, first_line: int, counts: Callable[[int], bool] | None) -> list[MacroCall]:
    found = []
    for kind, (name, pattern) in enumerate((("term", _TERM_CALLS), ("sop", _SOP_CALLS))):
        at, number = 0, first_line
        for m in pattern.finditer(text):
            number += text.count("\n", at, m.start())
            at = m.start()
            if counts is None or counts(at):
                found.append((number, kind, at, MacroCall(name, m.group(2), number)))
    found.sort(key=lambda item: item[:3])
    return [item[3] for item in found]


def _placeholders(text: str, first_line: int, counts: Callable[[int], bool] | None = None) -> list[tuple[int, str]]:
    """(line, text) of each line holding TODO outside code samples; Mermaid stubs hold placeholders too, so diagrams count."""
    if PLACEHOLDER not in text:
        return []
    found: list[tuple[int, str]] = []
    at, number = 0, first_line
    for m in _PLACEHOLDER.finditer(text):
        number += text.count("\n", at, m.start())
        at = m.start()
        if (found and found[-1][0] == number) or (counts is not None and not counts(at)):
            continue
        start = text.rfind("\n", 0, at) + 1
        stop = text.find("\n", at)
        found.append((number, text[start : stop if stop >= 0 else len(text)].strip()))
    return found
