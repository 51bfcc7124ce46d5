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

# The opening tag of an element whose text is left alone, up to its closing tag.
_PROTECTED_OPEN = re.compile(r"<(code|pre|script|style|abbr|svg)\b[^>]*>")
# A tag: what the word regex must not look inside. Splitting on it first keeps marking linear (a lookahead for
# "no `>` before the next `<`" rescanned the rest of a long paragraph at every word: 90 s for 400 KB).
_TAG = re.compile(r"(<[^<>]*>)")


class AbbreviationMarker:
    """Wraps a glossary's abbreviations in one language; build once per language, use per page."""

    def __init__(self, glossary: Glossary, lang: str, source_lang: str):
        self._titles: dict[str, str] = {}
        for term in glossary.abbreviations():
            definition, _ = term.in_language(lang, source_lang)
            self._titles[html.escape(term.key, quote=False)] = html.escape(" ".join(f"{definition.name}: {definition.definition}".split()))
        names = sorted(self._titles, key=len, reverse=True)
        self._words = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None

    def mark(self, rendered: str) -> str:
        """`rendered` HTML with every abbreviation in its text wrapped in `<abbr title="...">`."""
        if self._words is None or not self._words.search(rendered):
            return rendered
        parts = _split_protected(rendered)  # text, protected element, text, ...
        for i in range(0, len(parts), 2):
            pieces = _TAG.split(parts[i])  # text, tag, text, ...: words only in the text between tags
            pieces[::2] = [self._words.sub(self._wrap, text) if text else text for text in pieces[::2]]
            parts[i] = "".join(pieces)
        return "".join(parts)

    def _wrap(self, match: re.Match) -> str:
        word = match.group(0)
        return f'<abbr title="{self._titles[word]}">{word}</abbr>'


def _split_protected(rendered: str) -> list[str]:
    """Text and whole protected elements, alternating; one pass (an element never closed is left as text)."""
    parts, at, unclosed = [], 0, set()
    for opening in _PROTECTED_OPEN.finditer(rendered):
        name = opening.group(1)
        if opening.start() < at or name in unclosed:
            continue
        close = rendered.find(f"</{name}>", opening.end())
        if close < 0:
            unclosed.add(name)  # no later one of the same name can close either: never search again
            continue
        parts += [rendered[at : opening.start()], rendered[opening.start() : close + len(name) + 3]]
        at = close + len(name) + 3
    parts.append(rendered[at:])
    return parts
