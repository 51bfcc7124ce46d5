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
from handbook.site.placeholders import DEFINITIONS, TERM, TITLED_SOP, placeholder
from handbook.templating.arguments import require


def define_env(env) -> None:
    def _source() -> str:
        return env.page.file.src_uri

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
        if sop_id not in build.current().by_id:
            return sop_id
        # Only the id goes through Markdown: the title, in the reader's language, is added with the
        # link (hooks/handbook_site.py), so an untranslated page's Markdown is the same in every
        # language and is converted once (render_once.py).
        return placeholder(TITLED_SOP, sop_id, markdown_text(sop_id))

    @env.macro
    def definitions() -> str:
        """Every glossary term the page uses, as a definition list (filled in once the page is rendered)."""
        src = _source()
        if src not in build.current().by_path:
            return ""
        return "\n\n" + placeholder(DEFINITIONS, "", "") + "\n\n"
