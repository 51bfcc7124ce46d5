"""Which way a language is written, and content that keeps its own language inside another site.

An SOP not yet translated is shown in the source language inside, say, the Arabic site:
the interface around it (navigation, banners, card labels) is Arabic and right to left,
but the SOP's own words must stay `lang="en" dir="ltr"`, or a browser lays English out
right to left (full stops at the start of lines) and screen readers speak it as Arabic.
"""

from __future__ import annotations

from html import escape

# Languages written right to left (ISO 639-1), as Material's own language files mark them.
RTL_LANGUAGES = frozenset({"ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"})


def direction(lang: str) -> str:
    """`rtl` or `ltr` for a language code such as `ar` or `pt-BR`."""
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def in_language(html: str, lang: str, tag: str = "div", css_class: str = "hb-sop-content") -> str:
    """`html` wrapped in an element that says the language and direction it is written in."""
    return f'<{tag} class="{css_class}" lang="{escape(lang)}" dir="{direction(lang)}">{html}</{tag}>'
