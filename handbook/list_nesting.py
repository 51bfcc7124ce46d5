"""A Python-Markdown extension: lists nest as GitHub shows them (2, 3 or 4 spaces).

`markdown_extensions: [handbook.list_nesting]` in mkdocs.yml. The reading itself is
`handbook.lists.gfm_indents`; this only runs it on every page's lines, after tabs are
expanded and before fenced code is set aside.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .lists import gfm_indents


class _ListNesting(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return gfm_indents(lines)


class ListNestingExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After normalize_whitespace (30: tabs to spaces), before the fenced code preprocessors (25).
        md.preprocessors.register(_ListNesting(md), "handbook_list_nesting", 28)


def makeExtension(**kwargs) -> ListNestingExtension:  # noqa: N802 - the name Python-Markdown looks for
    return ListNestingExtension(**kwargs)
