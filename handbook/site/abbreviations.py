"""Glossary abbreviations (AHT, IVR) wrapped in `<abbr>` with their definition, in a rendered page.

Python-Markdown's `abbr` extension does the same from `*[AHT]: ...` lines, but walks
every element of every page with a regex of the page's abbreviations: a fifth of
rendering an SOP. One pass of one regex over the finished HTML does it here, with
the same word boundaries, leaving tags, attributes, code, preformatted blocks
(Mermaid diagrams) and existing `<abbr>` elements alone.
"""

from __future__ import annotations

import html
import re

from ..glossary import Glossary

_SKIPPED = r"<(?P<element>code|pre|script|style|abbr|svg)\b[^>]*>.*?</(?P=element)>|<[^>]*>"


class AbbreviationMarker:
    """Wraps a glossary's abbreviations in one language; build once per language, use per page."""

    def __init__(self, glossary: Glossary, lang: str, source_lang: str):
        self._titles: dict[str, str] = {}
        for term in glossary.abbreviations():
            definition, _ = term.in_language(lang, source_lang)
            self._titles[html.escape(term.key, quote=False)] = html.escape(" ".join(f"{definition.name}: {definition.definition}".split()))
        names = sorted(self._titles, key=len, reverse=True)
        words = r"|(?P<word>\b(?:" + "|".join(map(re.escape, names)) + r")\b)" if names else ""
        self._pattern = re.compile(_SKIPPED + words, re.S)

    def mark(self, rendered: str) -> str:
        """`rendered` HTML with every abbreviation in its text wrapped in `<abbr title="...">`."""
        if not self._titles:
            return rendered

        def wrap(match: re.Match) -> str:
            word = match.group("word")
            return match.group(0) if word is None else f'<abbr title="{self._titles[word]}">{word}</abbr>'

        return self._pattern.sub(wrap, rendered)
