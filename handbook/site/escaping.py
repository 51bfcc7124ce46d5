"""Escaping for the place a value lands: every value from front matter, mkdocs.yml or glossary.yml is untrusted text.

- HTML (cards, banners, links): `templates.html(...)` renders autoescaping Jinja templates;
  `html_label` fills a label with escaped values.
- Markdown that becomes HTML (the generated pages): `templates.markdown(...)` escapes
  every `{{ value }}` with `markdown_text` unless it is `Markdown` the handbook wrote itself.
- The theme (Material's templates do not autoescape): `theme_text` makes a value
  `Markup`, which those templates print as it is and which their `| e` leaves alone.

The interface words (handbook/site/words/*.yml and a handbook's own words/) are the repository's own text,
reviewed in pull requests like its code: trusted (they may hold Markdown); values put into them are not.
"""

from __future__ import annotations

import json
import re
from string import Formatter

from markupsafe import Markup, escape

from .placeholders import plain


class Markdown(str):
    """Markdown the handbook wrote itself (a link, a placeholder, a label with escaped values): used as it is."""


# Characters that would change the text in Markdown (emphasis, code, links, table cells,
# `{#id}` attributes, trailing `#`s of a heading) or in HTML, as character references:
# they read as the character everywhere, also at a line start and inside a table row.
_MARKDOWN_SPECIAL = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    "|": "&#124;", "{": "&#123;", "}": "&#125;", "#": "&#35;", "!": "&#33;", "~": "&#126;",
})
# What makes a paragraph a list, a definition or a heading underline when it starts a line (`1. `, `- `, `: `).
_BLOCK_START = re.compile(r"^(?:[-+:=]|\d+[.)])(?=\s|$)")
_WHITESPACE = re.compile(r"\s+")


def _inline(text: str) -> str:
    # plain(): a value cannot forge a link placeholder; one line: it cannot start a block either
    return _WHITESPACE.sub(" ", plain(text)).translate(_MARKDOWN_SPECIAL)


def markdown_text(value: object) -> Markdown:
    """`value` as Markdown that renders as exactly this text on one line (whitespace collapsed)."""
    text = _inline(str(value)).strip()
    match = _BLOCK_START.match(text)
    if match:
        text = "".join(f"&#{ord(c)};" for c in match.group(0)) + text[match.end() :]
    return Markdown(text)


def markdown(value: object) -> Markdown:
    """What a Markdown template prints for `{{ value }}`: the handbook's own Markdown as it is, anything else escaped."""
    return value if isinstance(value, Markdown) else markdown_text("" if value is None else value)


def markdown_label(text: str, **values: object) -> Markdown:
    """A label (trusted words, `{name}` fields) as Markdown: its words and each value escaped, `Markdown` values as they are."""
    parts = []
    for literal, name, spec, conversion in Formatter().parse(text):
        parts.append(_inline(literal))
        if name is not None:
            parts.append(markdown(values[name]))
    return Markdown("".join(parts))


def html_label(text: str, **values: object) -> Markup:
    """A label (trusted words, `{name}` fields) as HTML: each value escaped unless it is `Markup`."""
    return escape(text).format(**values)


def yaml_text(value: object) -> Markdown:
    """`value` as a double-quoted YAML scalar on one line (a generated page's front matter)."""
    return Markdown(json.dumps(_WHITESPACE.sub(" ", str(value)).strip(), ensure_ascii=False))


def theme_text(value: object) -> Markup:
    """`value` as HTML-escaped `Markup`, for templates that print values without escaping them.

    Material prints `{{ page.title }}` as it is and `{{ page.title | e }}` leaves Markup alone,
    so both show the literal text; idempotent (escaping Markup again changes nothing).
    """
    return escape(value)


def plain_text(value: object) -> str:
    """The text behind a `theme_text` value (or any string), for places that are not HTML (a calendar's name)."""
    return value.unescape() if isinstance(value, Markup) else str(value)
