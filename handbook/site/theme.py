"""Where the handbook's template overrides live (handbook/site/overrides/), read before Material's own; and the 404 page's header title."""

from __future__ import annotations

import re
from pathlib import Path

FOLDER = Path(__file__).with_name("overrides")


def install(dirs: list[str]) -> None:
    """Put the overrides first in a theme's template folders (once)."""
    folder = str(FOLDER)
    if folder not in dirs:
        dirs.insert(0, folder)


# MkDocs renders 404.html with no page, so the header's topic (shown once the reader scrolls) is empty.
_EMPTY_TOPIC = re.compile(r'(<div class="md-header__topic" data-md-component="header-topic">\s*<span class="md-ellipsis">)\s*(</span>)')


def titled_not_found(html: str) -> str:
    """The 404 page with its heading as the header's topic too."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return _EMPTY_TOPIC.sub(lambda m: m.group(1) + heading.group(1).strip() + m.group(2), html, count=1) if heading else html
