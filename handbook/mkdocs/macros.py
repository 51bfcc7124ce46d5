"""The handbook's page macros (mkdocs-macros `module_name: macros`): term(), sop(), definitions().

Thin adapters: a glossary or SOP link is written as a placeholder
(`handbook.site.placeholders`) that hooks/handbook_site.py makes into the link, or
the Definitions list, once the page is rendered (`handbook.site.markup` decides what
they look like; `handbook.glossary`, which terms a page uses). An
unknown term or id is reported by the build's check (GL001, ID005) with file and
line; here it renders as plain text so the rest of the page still reads.
"""

from __future__ import annotations

from handbook.site import build
from handbook.site.escaping import markdown_text
from handbook.site.placeholders import DEFINITIONS, SOP, TERM, placeholder
from handbook.templating.arguments import require


def define_env(env) -> None:
    def _page():
        # The language of the site being built: a fallback page in /pl/ still gets Polish labels.
        return env.page.file.src_uri, str(env.conf.theme.get("language") or "en")

    @env.macro
    def term(key: str, text: str | None = None) -> str:
        """A glossary term, linked to its entry, with its definition as a tooltip."""
        require("term", key, text)  # text in quotes: never "None" on the page (TPL005)
        if key not in build.current().glossary:
            return text or key
        return placeholder(TERM, key, text or key)

    @env.macro
    def sop(sop_id: str) -> str:
        """A link to another SOP by id, titled with its current title."""
        require("sop", sop_id)
        handbook = build.current()
        _, lang = _page()
        target = handbook.by_id.get(sop_id)
        if target is None:
            return sop_id
        # The title is front-matter text: escaped for the page's Markdown, which renders the link's text.
        return placeholder(SOP, sop_id, markdown_text(f"{sop_id} {handbook.in_language(target, lang).title}"))

    @env.macro
    def definitions() -> str:
        """Every glossary term the page uses, as a definition list (filled in once the page is rendered)."""
        src, _ = _page()
        if src not in build.current().by_path:
            return ""
        return "\n\n" + placeholder(DEFINITIONS, "", "") + "\n\n"
