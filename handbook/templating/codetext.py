"""Code is text: `{{`, `{%` and `{#` in code spans, fenced blocks and Mermaid diagrams are never a template.

Before Jinja reads a page, every `{` inside those regions is replaced by MASK, a
private-use character no author types and Jinja does not know, and put back right
after (`unmask`). Nothing moves: offsets and line numbers stay those of the file.
A heading's attribute list (`## Scope {#scope}`) is masked the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

MASK = "\ue010"  # stands for `{` in code while Jinja reads the page
MARKERS = ("{{", "{%", "{#")

SPAN, FENCE, MERMAID, ANCHOR = "span", "fence", "mermaid", "anchor"

# A fence line as pymdownx.superfences opens one (and as handbook.structure reads it): any indent
# (lists, admonitions), ``` or ~~~, a language.
_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*$", re.M)
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# `## Scope {#scope .class}` at the end of a heading line (attr_list); `{# note #}` stays a comment.
_ANCHOR = re.compile(r"^#{1,6}[^\S\n][^\n]*?(\{#[^}\n]*(?<!#)\})[^\S\n]*$", re.M)


def has_template_code(text: str) -> bool:
    return "{" in text and ("{{" in text or "{%" in text or "{#" in text)


@lru_cache(maxsize=64)
def _closing(marker: str) -> re.Pattern[str]:
    """The closing line of a fence opened by `marker`: the same character, at least as many, alone on its line."""
    return re.compile(rf"^[^\S\n]*{re.escape(marker[0])}{{{len(marker)},}}[^\S\n]*$", re.M)


def code_regions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every code region of a Markdown text, in order: SPAN, FENCE, MERMAID or ANCHOR."""
    regions: list[tuple[int, int, str]] = []
    prose_from = 0
    has_backticks = "`" in text
    pos = 0
    while has_backticks or "~~~" in text:
        opening = _FENCE_OPEN.search(text, pos)
        if opening is None:
            break
        _prose(text, prose_from, opening.start(), regions)
        closing = _closing(opening.group(1)).search(text, opening.end())
        end = closing.end() if closing else len(text)
        regions.append((opening.start(), end, MERMAID if opening.group(2) == "mermaid" else FENCE))
        prose_from = pos = end
    _prose(text, prose_from, len(text), regions)
    return regions


def _prose(text: str, start: int, end: int, regions: list[tuple[int, int, str]]) -> None:
    """Code spans and heading anchors between fences: a span is closed by the same number of backticks, within its paragraph."""
    if start >= end:
        return
    if "{#" in text[start:end]:
        found = [(m.start(1), m.end(1), ANCHOR) for m in _ANCHOR.finditer(text, start, end)]
    else:
        found = []
    if "`" in text[start:end]:
        runs = [m for m in _BACKTICKS.finditer(text, start, end) if m.start() == 0 or text[m.start() - 1] != "\\"]
        i = 0
        while i < len(runs):
            opener = runs[i]
            width = opener.end() - opener.start()
            for j in range(i + 1, len(runs)):
                closer = runs[j]
                if _BLANK_LINE.search(text, opener.end(), closer.start()):
                    break  # a paragraph ends first: the backticks are text
                if closer.end() - closer.start() == width:
                    found.append((opener.start(), closer.end(), SPAN))
                    i = j
                    break
            i += 1
    found.sort()
    regions.extend(r for r in found if not _within(r, found))


def _within(region: tuple[int, int, str], others: list[tuple[int, int, str]]) -> bool:
    """An anchor that overlaps a code span is the span's text, not an anchor."""
    return region[2] == ANCHOR and any(o[2] == SPAN and o[0] < region[1] and region[0] < o[1] for o in others)


def mask(text: str, regions: list[tuple[int, int, str]] | None = None) -> str:
    """The text with every `{` of its code regions replaced by MASK (same length, same lines)."""
    if not has_template_code(text):
        return text
    if regions is None:
        regions = code_regions(text)
    pieces = []
    at = 0
    for start, end, _kind in regions:
        start = max(start, at)  # regions never overlap; should one, nothing is masked twice
        chunk = text[start:end]
        if "{" in chunk:
            pieces.append(text[at:start])
            pieces.append(chunk.replace("{", MASK))
            at = end
    if not pieces:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


def unmask(text: str) -> str:
    return text.replace(MASK, "{") if MASK in text else text


def outside(regions: list[tuple[int, int, str]], kinds: tuple[str, ...]):
    """A test `at -> bool`: whether an offset lies outside every region of these kinds (regions in order)."""
    spans = [(s, e) for s, e, k in regions if k in kinds]

    def test(at: int) -> bool:
        for start, end in spans:
            if start > at:
                return True
            if at < end:
                return False
        return True

    return test


# A tag Jinja would read, on one line; an unclosed one runs to the end of its line.
_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{[{%#][^\n]*")
_TAG_RUN = re.compile(rf"(?:{_TEMPLATE_TAG.pattern})+")  # tags side by side: one code span (`a``b` would read as one with `` in it)


def as_code_spans(masked: str) -> str:
    """Masked text with each template tag left in it written as a code span: shown exactly as typed, never run."""
    return _TAG_RUN.sub(lambda m: _code_span(m.group(0)), masked) if has_template_code(masked) else masked


def _code_span(code: str) -> str:
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"
