"""The handbook's page macros (mkdocs-macros `module_name: macros`): term(), sop(), definitions().

Thin adapters: what a glossary link or an SOP link looks like is decided in
`handbook.site.markup`; which terms a page uses, in `handbook.glossary`; where a
page lives in the language being built, in `handbook.site.build` (set by
hooks/handbook_site.py). An unknown term or id is reported by the build's check
(GL001, ID005) with file and line; here it renders as plain text so the rest of
the page still reads.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from handbook.site import build, markup


def define_env(env) -> None:
    def _page():
        # The language of the site being built: a fallback page in /pl/ still gets Polish labels.
        return env.page.file.src_uri, str(env.conf.theme.get("language") or "en")

    def _href(docs_path: str) -> str | None:
        url = build.page_url(docs_path)
        return None if url is None else get_relative_url(url, env.page.url)

    @env.macro
    def term(key: str, text: str | None = None) -> str:
        """A glossary term, linked to its entry, with its definition as a tooltip."""
        handbook = build.current()
        _, lang = _page()
        glossary = _href("glossary.md")
        if key not in handbook.glossary or glossary is None:
            return text or key
        return markup.term_link(handbook.glossary[key], text or key, glossary, lang, handbook.policy.source_lang)

    @env.macro
    def sop(sop_id: str) -> str:
        """A link to another SOP by id, titled with its current title."""
        handbook = build.current()
        _, lang = _page()
        target = handbook.by_id.get(sop_id)
        href = None if target is None else _href(target.docs_path)
        if href is None:
            return sop_id
        return markup.sop_link(target, handbook.in_language(target, lang).title, href)

    @env.macro
    def definitions() -> str:
        """Every glossary term the page uses, as a definition list."""
        handbook = build.current()
        src, lang = _page()
        page_sop = handbook.by_path.get(src)
        glossary = _href("glossary.md")
        if page_sop is None or glossary is None:
            return ""
        return markup.definitions_list(handbook.terms_of(page_sop), glossary, lang, handbook.policy.source_lang)
