"""A page's template code judged as the build renders it: findings at the file's line, with a hint.

TPL001 Jinja cannot read it; TPL002 a name that is neither a macro nor a page field;
TPL003 something the sandbox refuses; TPL004 another tool's shortcode; TPL005 a macro
called wrongly; TPL006 work over the limits a page's template has (`limits`). A page whose only template code is literal macro calls is never
compiled (`literal`), and Jinja is not even imported for it (`analysis` does the rest);
code spans, fences and Mermaid are masked first (`codetext`).
"""

from __future__ import annotations

from typing import Any

from ..findings import Finding
from . import literal
from .codetext import mask

CODES = ("TPL001", "TPL002", "TPL003", "TPL004", "TPL005", "TPL006")


def template_findings(path: str, text: str, first_line: int, page_meta: dict[str, Any], **page: str) -> list[Finding]:
    """What is wrong with the template code of a page's Markdown `text`, whose first line is `first_line` of the file.

    `page`: the page's `title`, `url`, `src_path` and the plugin's `undefined` policy, as `analysis.judge` takes them.
    """
    if literal.only_literal_calls(text):
        return []  # the common case: nothing to mask or compile (masking only ever takes template code away)
    masked = mask(text)
    if literal.only_literal_calls(masked):
        return []
    from .analysis import judge  # Jinja, for the few pages with more than literal calls

    return judge(path, masked, first_line, page_meta, **page)
