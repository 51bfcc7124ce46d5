"""Serve Mermaid from the site itself, and only on pages that draw a diagram.

Material loads Mermaid from a CDN unless `mermaid` is already defined. Handbooks are
read on intranets and offline, so the flowcharts must not depend on a CDN; loading
the 3.5 MB library only where a page has a diagram keeps every other page light.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

SCRIPT = "assets/vendor/mermaid.min.js"  # Mermaid 11, MIT licence beside it


def on_post_page(output: str, page, config) -> str:
    if 'class="mermaid"' not in output:
        return output
    src = get_relative_url(SCRIPT, page.url)
    return output.replace("</head>", f'<script src="{src}"></script>\n</head>', 1)
