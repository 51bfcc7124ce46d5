"""Lists as GitHub reads them: nesting by the item's text, and where Python-Markdown differs.

GitHub (CommonMark) puts a line inside a list item when it is indented to the item's
text: 2 spaces under `- `, 3 under `1. `, 4 under `10. `. Python-Markdown wants 4 spaces
per level. `gfm_indents` reads the lines as GitHub does and moves each line of a list
item to the column Python-Markdown needs, so the page nests as the author's editor
previewed it; lines already at 4 spaces stay where they are. The same pass notes the
few list forms that still render differently (`Divergence`), for `handbook check`.

Fenced code moves with its item, untouched inside. Admonitions, collapsible blocks and
content tabs (`!!! note`, `??? note`, `=== "Tab"`), whose bodies are indented 4 spaces,
are containers: a list inside one nests the same way. Blockquotes are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A list marker: bullet, or up to 9 digits and `.` (GitHub also takes `)`), then spaces or the line's end.
_MARKER = re.compile(r"( *)([-*+]|\d{1,9}[.)])( +|$)")
_RULE = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")  # `- - -` or `***` is a thematic break, not an item
_BREAK = re.compile(r" {0,3}(?:([-*_])(?: *\1){2,}|=+|-{2,}) *$")  # a break or a heading's underline: a block ends
_FENCE = re.compile(r" *(`{3,}|~{3,})")
_CONTAINER = re.compile(r" *(?:!!!|\?\?\?\+?|===\+?)[ ]")  # admonition, details, content tab
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_START = re.compile(r" *(?:#{1,6}(?: |$)|<|>|`{3,}|~{3,}|!!!|\?\?\?|===)")  # not paragraph text

# The cheap test, one search from each line start: a `1)`; an item, blank lines and an item of
# the other kind; text right before an item; an indented line (nesting, an item's paragraphs,
# a container's body) before an item. Most SOPs have none: their items follow items, or a blank line.
_ITEM = r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)"
_SUSPECT = re.compile(
    rf"""\n(?:[ \t]*(?:
        \d{{1,9}}\)(?:[ \t]|$)
      | (?:(\d){{1,9}}\.|[-*+])[ \t][^\n]*+\n(?:[ \t]*\n)*[ \t]*(?(1)[-*+]|\d{{1,9}}\.)(?:[ \t]|$)
      | (?!{_ITEM})[^\s#<>`~][^\n]*+\n[ \t]*{_ITEM}
    )
    | [ \t]+\S[^\n]*+\n(?:[ \t]*\n)*[ \t]*{_ITEM}
    )""",
    re.M | re.X,
)

PARAGRAPH_THEN_LIST = "paragraph-then-list"
NUMBER_PAREN = "number-paren"
KIND_SWITCH = "kind-switch"


@dataclass(frozen=True, slots=True)
class Divergence:
    """A line GitHub and this site read differently. `line` counts from 0 in the text given."""

    line: int
    kind: str  # PARAGRAPH_THEN_LIST, NUMBER_PAREN or KIND_SWITCH
    marker: str  # the marker as written: `-`, `1.`, `1)`
    indent: int = 0  # for KIND_SWITCH: the spaces that would nest the item under the one above (0: none)


@dataclass(slots=True)
class _Frame:
    """Something lines can be inside: the page, a list item or a container block.

    `src` is the column its content starts at as written, `out` where Python-Markdown
    needs it; `shift` is how far the frame's own first line moved.
    """

    kind: str  # "page", "item" or "block"
    src: int
    out: int
    shift: int = 0
    list_ordered: bool | None = None  # the kind of the list directly in this frame, None when none is open
    last_item_src: int = 0  # where the text of the last item directly in this frame starts
    switched: bool = False  # the list in this frame changed kind (MD002 reported)


def may_diverge(text: str) -> bool:
    """Cheap: could `divergences(text)` find anything? False for most SOPs."""
    return _SUSPECT.search("\n" + text) is not None


def gfm_indents(lines: list[str]) -> list[str]:
    """The lines, each list item's content moved to the column Python-Markdown nests at."""
    if not any(line[:1] in (" ", "\t") for line in lines):
        return lines  # nothing indented: nothing to move
    return _Reading(lines).run()[0]


def divergences(text: str) -> list[Divergence]:
    """What GitHub shows as a list and this site does not, or the other way round. Comments are skipped."""
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return _Reading(text.split("\n")).run()[1]


class _Reading:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.frames = [_Frame("page", 0, 0)]
        self.found: list[Divergence] = []

    def run(self) -> tuple[list[str], list[Divergence]]:
        out: list[str] = []
        fence: re.Pattern[str] | None = None  # the closing fence while inside fenced code
        fence_shift = 0
        blank = True  # the line before was blank (or there was none)
        new_block = True  # this line starts a block: after a blank line, a heading, a fence, a container's first line
        previous = "blank"  # what the line before was: item, text (a paragraph's) or other
        previous_depth = 0  # how deep in frames the line before was
        block_lead = "text"  # what the current block began with: item or text
        warned_paren = warned_paragraph = False  # one warning of each kind per block
        for number, raw in enumerate(self.lines):
            line = raw.expandtabs(4) if "\t" in raw else raw
            if fence is not None:
                if fence.match(line):
                    fence = None
                    previous, new_block = "other", True
                out.append(_moved(line, fence_shift))
                continue
            if not line.strip():
                out.append("")
                blank = new_block = True
                previous = "blank"
                warned_paren = warned_paragraph = False
                continue
            indent = len(line) - len(line.lstrip(" "))
            marker = _MARKER.match(line)
            if marker and _RULE.match(line):
                marker = None
            if marker and marker.group(2)[-1] == ")":  # a list on GitHub, paragraph text here
                if not warned_paren and (new_block or _can_interrupt(marker)):
                    self.found.append(Divergence(number, NUMBER_PAREN, marker.group(2)))
                    warned_paren = True
                marker = None
            lazy = not blank and previous in ("item", "text") and not marker and not _BLOCK_START.match(line) and indent < self.frames[-1].src
            if not lazy:
                self._close(indent)
            depth = len(self.frames) - 1
            if marker and indent - self.frames[-1].src >= 4:
                marker = None  # indented too far to start an item: code or paragraph text
            if marker and not new_block and previous == "text" and block_lead != "item":
                # Python-Markdown starts a list only at the start of a block, or inside a list's first block
                if not warned_paragraph and (previous_depth > depth or _can_interrupt(marker)):
                    warned_paragraph = True
                    self.found.append(Divergence(number, PARAGRAPH_THEN_LIST, marker.group(2)))
                marker = None
            if new_block:
                block_lead = "item" if marker else "text"
            if marker:
                out.append(self._item(number, line, indent, marker))
                previous = "item"
                new_block = False
            else:
                moved = line if lazy else self._place(line, indent)
                out.append(moved)
                shift = len(moved) - len(line)
                new_block = False
                previous = "text"
                if not lazy:
                    self.frames[-1].list_ordered, self.frames[-1].switched = None, False  # anything else ends the list
                    opening = _FENCE.match(line)
                    if opening:
                        fence, fence_shift = _closing(opening.group(1)), shift
                    elif _CONTAINER.match(line):
                        self.frames.append(_Frame("block", indent + 4, indent + shift + 4, shift))
                        previous, new_block = "other", True
                    elif _BREAK.match(line):
                        previous, new_block = "other", True  # a list may follow a heading directly
                    elif _BLOCK_START.match(line):
                        previous = "other"
                        new_block = line.lstrip().startswith("#")
            blank = False
            previous_depth = len(self.frames) - 1
        return out, self.found

    def _close(self, indent: int) -> None:
        """Leave the items and blocks the line is not inside."""
        while len(self.frames) > 1 and indent < self.frames[-1].src:
            self.frames.pop()

    def _item(self, number: int, line: str, indent: int, marker: re.Match[str]) -> str:
        """An item's first line: at one nesting step under its parent item, or where it was in a block."""
        parent = self.frames[-1]
        sign, gap = marker.group(2), marker.group(3)
        ordered = sign[-1] == "."
        if parent.list_ordered is not None and parent.list_ordered != ordered:
            if not parent.switched:  # GitHub starts a new list; the one back after it is the same mistake
                nest = parent.last_item_src if parent.src < indent < parent.last_item_src else 0
                self.found.append(Divergence(number, KIND_SWITCH, sign, nest))
            parent.switched = not parent.switched
        if parent.kind == "item":
            column = parent.out  # Python-Markdown's nesting step: 4 spaces
        else:
            column = parent.out + indent - parent.src
        text_at = indent + len(sign) + (len(gap) if 1 <= len(gap) <= 4 else 1)
        parent.list_ordered, parent.last_item_src = ordered, text_at
        self.frames.append(_Frame("item", text_at, parent.out + 4, column - indent))
        return " " * column + line[indent:]

    def _place(self, line: str, indent: int) -> str:
        """A line that is not an item's first: moved into its item, or by its block's shift."""
        top = self.frames[-1]
        if top.kind != "item":
            return _moved(line, top.out - top.src)
        natural = indent + top.shift
        column = max(natural, top.out)
        if (indent - top.src >= 4) != (column - top.out >= 4):
            column = top.out + indent - top.src  # an indented code block as GitHub sees it
        return " " * column + line[indent:]


def _can_interrupt(marker: re.Match[str]) -> bool:
    """GitHub lets a list interrupt a paragraph only with a bullet or `1.`, and never with an empty item."""
    sign, gap = marker.group(2), marker.group(3)
    if not gap:
        return False
    return not sign[0].isdigit() or sign[:-1].lstrip("0") == "1"


def _closing(marker: str) -> re.Pattern[str]:
    return re.compile(rf" *{re.escape(marker[0])}{{{len(marker)},}} *$")


def _moved(line: str, shift: int) -> str:
    if shift >= 0 or not line:
        return " " * shift + line if line and shift else line
    strip = min(-shift, len(line) - len(line.lstrip(" ")))
    return line[strip:]
