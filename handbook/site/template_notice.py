"""What a page with a template finding shows its author: a notice at the top naming the line and the problem.

The page itself is shown as text (its broken template code too), so `mkdocs serve`
still answers with the page the author is editing instead of an error block.
The notice is an HTML block: Markdown leaves it alone and Jinja never reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape as _escape

from ..findings import Finding

TITLE = "This page's template code was not run"
_CODE = re.compile(r"`([^`]+)`")


def escape(text: str) -> str:
    """HTML-escaped, with the catalogue's `code` in backticks shown as code."""
    return _CODE.sub(r"<code>\1</code>", _escape(text))


def template_notice(findings: Iterable[Finding]) -> str:
    """A Material `danger` admonition listing each finding as `file:line: CODE message` with its hint; then a blank line."""
    items = "".join(
        f"<li><code>{escape(f'{f.path}:{f.line}')}</code> {escape(f.code)} {escape(f.message)}<br><em>{escape(f.hint)}</em></li>"
        for f in findings
    )
    return (
        f'<div class="admonition danger hb-template-notice" role="alert">\n'
        f'<p class="admonition-title">{TITLE}</p>\n'
        f"<p>The page is shown as written until this is fixed; <code>mkdocs build --strict</code> and <code>handbook check</code> fail on it.</p>\n"
        f"<ul>{items}</ul>\n"
        f"</div>\n\n"
    )
