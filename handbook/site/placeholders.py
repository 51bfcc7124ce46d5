"""Glossary and SOP links as placeholders that Markdown reads as plain text, made into links after.

The Definitions list too: it is filled in after rendering, as HTML.

A large handbook has dozens of glossary links per page, in five languages. Written
as Markdown links or as inline HTML, each costs Python-Markdown's link pattern or
two HTML parsers, plus MkDocs' link rewriting: together about a third of rendering
a page. A placeholder costs nothing to Markdown: the macros write one, the shown
text inside it is still Markdown (emphasis, abbreviations), and after rendering
`fill` turns it into the link, with the address resolved for the page.

A placeholder is `OPEN kind target SEP shown CLOSE`; the kind and the target (a
term key or an SOP id) are spelled in Unicode private-use characters, which no
author types and which heading slugs drop, so a term in a heading keeps its anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable

OPEN, SEP, CLOSE = "\ue000", "\ue001", "\ue002"
TERM, SOP = "\ue003", "\ue004"  # a glossary term with its tooltip; an SOP
DEFINITIONS = "\ue005"  # the page's Definitions list: a block, alone in its paragraph
# An SOP by its id alone (the sop() macro): its title, in the reader's language, is added with
# the link, so the page's Markdown is the same in every language.
TITLED_SOP = "\ue006"
_PLANE = 0xF0000  # targets are spelled in plane 15, one private-use character per character
_TOKEN = re.compile(f"{OPEN}([{TERM}{SOP}{DEFINITIONS}{TITLED_SOP}])([\U000f0000-\U000fffff]*){SEP}(.*?){CLOSE}", re.S)
_BLOCK = re.compile(f"<p>({OPEN}{DEFINITIONS}[^{CLOSE}]*{CLOSE})</p>")
_ANY = re.compile(f"[{OPEN}{SEP}{CLOSE}{TERM}{SOP}{DEFINITIONS}{TITLED_SOP}\U000f0000-\U000fffff]")

#: (kind, target, shown HTML) -> the link's HTML, or None to show the text alone.
Resolver = Callable[[str, str, str], "str | None"]


class _Shift(dict):
    """A str.translate table moving each character by `offset`, filled as characters are met."""

    def __init__(self, offset: int):
        super().__init__()
        self.offset = offset

    def __missing__(self, code: int) -> str:
        moved = code + self.offset
        self[code] = chr(moved) if 0 <= moved <= 0xFFFFD else ""  # plane 15 has room for the BMP only
        return self[code]


_TO_PLANE, _FROM_PLANE = _Shift(_PLANE), _Shift(-_PLANE)


def _spell(target: str) -> str:
    return target.translate(_TO_PLANE)


def _read(spelled: str) -> str:
    return spelled.translate(_FROM_PLANE)


def placeholder(kind: str, target: str, shown: str) -> str:
    """The text a macro writes in place of a link (kind: TERM, SOP or TITLED_SOP) or of the Definitions list."""
    return f"{OPEN}{kind}{_spell(target)}{SEP}{shown}{CLOSE}"


def fill(rendered: str, resolve: Resolver) -> str:
    """The rendered page with each placeholder made into its link (or, unresolved, its shown text)."""
    if OPEN not in rendered:
        return rendered

    def link(match: re.Match) -> str:
        shown = match.group(3)
        made = resolve(match.group(1), _read(match.group(2)), shown)
        return shown if made is None else made

    return _ANY.sub("", _TOKEN.sub(link, _BLOCK.sub(r"\1", rendered)))


def plain(text: str) -> str:
    """`text` with placeholders reduced to their shown text (for titles and the table of contents)."""
    return _ANY.sub("", text) if OPEN in text else text
