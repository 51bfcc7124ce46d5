"""Glossary abbreviations (AHT, IVR) wrapped in `<abbr>` with their definition, in a rendered page.

Python-Markdown's `abbr` extension does the same from `*[AHT]: ...` lines, but walks
every element of every page with a regex of the page's abbreviations: a fifth of
rendering an SOP. Here the finished HTML is split around the few elements whose text
stays as it is (code, preformatted blocks such as Mermaid diagrams, existing `<abbr>`),
and one regex with the same word boundaries marks the rest, skipping words inside tags
(attributes such as link titles).
"""

from __future__ import annotations

import html
import re

from ..glossary import Glossary

# Whole elements whose text is left alone; split() returns them, and their name, between the text.
_PROTECTED = re.compile(r"(<(code|pre|script|style|abbr|svg)\b[^>]*>.*?</\2>)", re.S)


class AbbreviationMarker:
    """Wraps a glossary's abbreviations in one language; build once per language, use per page."""

    def __init__(self, glossary: Glossary, lang: str, source_lang: str):
        self._titles: dict[str, str] = {}
        for term in glossary.abbreviations():
            definition, _ = term.in_language(lang, source_lang)
            self._titles[html.escape(term.key, quote=False)] = html.escape(" ".join(f"{definition.name}: {definition.definition}".split()))
        names = sorted(self._titles, key=len, reverse=True)
        # A word, not inside a tag: no `>` ahead before the next `<`.
        self._words = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b(?![^<>]*>)") if names else None

    def mark(self, rendered: str) -> str:
        """`rendered` HTML with every abbreviation in its text wrapped in `<abbr title="...">`."""
        if self._words is None or not self._words.search(rendered):
            return rendered
        parts = _PROTECTED.split(rendered)  # text, protected element, its name, text, ...
        for i in range(0, len(parts), 3):
            parts[i] = self._words.sub(self._wrap, parts[i])
        return "".join(parts[i] for i in range(len(parts)) if i % 3 != 2)

    def _wrap(self, match: re.Match) -> str:
        word = match.group(0)
        return f'<abbr title="{self._titles[word]}">{word}</abbr>'
