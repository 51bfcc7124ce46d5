"""MkDocs hooks: run the handbook's rules during the build, generate its pages, decorate SOP pages.

A thin adapter: the rules, the review arithmetic and the page content all come
from the `handbook` package. mkdocs-static-i18n rebuilds the site once per
language in the same process, so every event here runs once per language: the
SOPs are loaded and checked once, and each language gets its own generated pages
(with the language in their path, or the languages would overwrite each other).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.utils import get_relative_url

from handbook import output
from handbook.glossary import load_glossary
from handbook.handbook import Handbook, load
from handbook.language_list import i18n_languages
from handbook.mkdocs.generated_files import generated_file
from handbook.policy import ConfigError, Policy, policy_from_mapping
from handbook.site import build, escaping, markup, pages, placeholders, sop_page
from handbook.site.abbreviations import AbbreviationMarker
from handbook.site.labels import label, use_words
from handbook.site.search import fold_search_index
from handbook.today import TodayError, today

# A child of the `mkdocs` logger: its warnings make `mkdocs build --strict` fail.
log = logging.getLogger("mkdocs.hooks.handbook")

_state: dict = {"policy": None, "handbook": None, "auto_nav": None, "abbreviations": {}}


def on_config(config):
    """Read the handbook policy from `extra.handbook`: a bad policy stops the build with a clear message."""
    if _state["auto_nav"] is None:
        _state["auto_nav"] = not config.nav  # generate the navigation unless mkdocs.yml has one
    raw = (config.extra or {}).get("handbook")
    if not isinstance(raw, dict):
        raise PluginError("mkdocs.yml: no `extra: handbook:` section; the handbook policy (departments, sections, review) lives there")
    _theme_safe_config(config)
    root = Path(config.config_file_path).parent
    try:
        macros = config.plugins.get("macros")  # page templates are checked with its on_undefined, as it renders them
        on_undefined = str(macros.config.get("on_undefined") or "keep") if macros is not None else "keep"
        i18n = config.plugins.get("i18n")  # the languages it builds are the handbook's (handbook/language_list.py)
        languages = i18n_languages(i18n.config) if i18n is not None else None
        _state["policy"] = policy_from_mapping(raw, root, Path(config.docs_dir), "mkdocs.yml", Path(config.config_file_path), config.site_url or "", on_undefined, languages)
    except ConfigError as exc:
        raise PluginError(str(exc)) from None
    use_words(_state["policy"].words_dir)  # the handbook's own interface words over the package's
    return config


@event_priority(-150)  # after mkdocs-static-i18n has sorted the files into this language's site
def on_files(files: Files, config) -> Files:
    """Check every SOP (once per build), add this language's generated pages and the navigation."""
    handbook = _handbook_for_this_build(config)
    lang = _language(config)
    generated = pages.generated_pages(handbook, lang, whats_new_built=_lists_hook(config, "whats_new"))
    for path, content in generated.items():
        if not _authored(files, path, lang):
            files.append(generated_file(config, path, content, lang, handbook.policy.source_lang))
    if _state["auto_nav"]:
        config.nav = _navigation(handbook, files, lang, set(generated))
    build.set_page_urls(_page_urls(files, lang))
    return files


def _lists_hook(config, name: str) -> bool:
    """Whether mkdocs.yml's `hooks:` lists the tool's hook `name` (a page may link only to what is built)."""
    return any(Path(str(path)).stem == name for path in (config.hooks or {}))


def _authored(files: Files, path: str, lang: str) -> bool:
    """An authored page wins over a generated one, in its language and, shown as the fallback, in the others."""
    return files.get_file_from_path(path) is not None or files.get_file_from_path(_unsuffixed(path, lang)) is not None


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Keep retired SOPs out of search (an untranslated SOP is found, in English, in the reader's site)."""
    handbook = build.current()
    sop = handbook.by_path.get(page.file.src_uri)
    if sop is not None:
        _adapt_meta(page, handbook.by_id.get(sop.id, sop).status, exclude_from_search=False)
    _theme_safe_meta(page)
    if sop is not None:  # the id is part of the title: the tab shows it as text, the h1 and navigation keep it on one line
        page.meta["title"], page.title = sop_page.title_text(sop), sop_page.title_html(sop)
    return markdown


def _theme_safe_meta(page) -> None:
    """Front-matter text the theme prints unescaped becomes escaped Markup (escaping.theme_text).

    Material prints `page.title` (the front matter's `title:`) raw in the navigation, tabs, footer
    and `<h1>`, `page.meta.title` raw in `<title>` and the header, and its search index keeps
    `page.meta.title` and `page.meta.tags` as HTML. All pages are read before any is written, so
    every page's navigation shows the escaped titles. (Its one `page.title | striptags`, which
    would unescape Markup, is for pages without a `title:`, whose title MkDocs takes from the h1.)
    """
    meta = page.meta
    for key in ("title", "description"):  # description: Material's <meta name="description" content="...">
        if isinstance(meta.get(key), str):
            meta[key] = escaping.theme_text(meta[key])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [escaping.theme_text(tag) if isinstance(tag, str) else tag for tag in meta["tags"]]


_THEME_TEXT = ("site_name", "site_description", "site_author", "repo_name")


def _theme_safe_config(config) -> None:
    """mkdocs.yml text the theme prints unescaped (`<title>`, the header, `aria-label`, `<meta content>`) becomes Markup."""
    for key in _THEME_TEXT:
        if isinstance(config.get(key), str):
            config[key] = escaping.theme_text(config[key])


def on_page_content(html: str, page, config, files) -> str:
    """Fill in the macros' placeholders, mark abbreviations, open each SOP with its banners and card.

    All of it is HTML added after Markdown has rendered the page, so Markdown never parses it.
    Then the page lets go of its Markdown: MkDocs converts every page of a language before
    it writes the first, so each page's source text would wait beside its HTML (about
    150 MB for 5,000 SOPs, in each language process). Its title is kept first, as below.
    """
    html = _page_html(html, page, config)
    page.title = page.title  # an instance value: MkDocs' title property no longer consults `markdown`
    page.markdown = None
    return html


def _page_html(html: str, page, config) -> str:
    handbook = build.current()
    lang = _language(config)
    html = _abbreviation_marker(handbook, lang).mark(placeholders.fill(html, _link_maker(handbook, page, lang)))
    _plain_titles(page, handbook, lang)
    sop = handbook.by_path.get(page.file.src_uri)
    if sop is None:
        return html
    source = handbook.by_id.get(sop.id, sop)
    source_url = get_relative_url(source.docs_path[:-3] + "/", page.url) if sop.is_translation else ""
    department_href = _href(f"{source.department}/index.md", page) or ""
    return sop_page.page(handbook, sop, lang, html, page.toc, department_href, source_url, _is_fallback(handbook, sop, lang), lambda path: _href(path, page))


def _link_maker(handbook: Handbook, page, lang: str) -> placeholders.Resolver:
    """How this page's placeholders become links: addresses relative to the page, in its language."""
    glossary = _href("glossary.md", page)
    source_lang = handbook.policy.source_lang

    def make(kind: str, target: str, shown: str) -> str | None:
        if kind == placeholders.DEFINITIONS:
            page_sop = handbook.by_path.get(page.file.src_uri)
            return markup.definitions_list(handbook.terms_of(page_sop), glossary, lang, source_lang) if page_sop else ""
        if kind in (placeholders.SOP, placeholders.TITLED_SOP):
            sop = handbook.by_id.get(target)
            if sop is None:
                return None
            if kind == placeholders.TITLED_SOP:
                shown = markup.sop_link_text(shown, handbook.in_language(sop, lang).title)
            href = _href(sop.docs_path, page)
            return markup.sop_link(shown, href) if href is not None else shown
        term = handbook.glossary.terms.get(target)
        if term is None or glossary is None:
            return None
        return markup.term_link(term, shown, glossary, lang, source_lang)

    return make


def _abbreviation_marker(handbook: Handbook, lang: str) -> AbbreviationMarker:
    """Made once per language of a loaded handbook: it holds the glossary's abbreviations as one regex."""
    markers = _state["abbreviations"]
    if lang not in markers:
        markers[lang] = AbbreviationMarker(handbook.glossary, lang, handbook.policy.source_lang)
    return markers[lang]


def _href(docs_path: str, page) -> str | None:
    """The address of the page written in `docs_path`, relative to `page`, in the language being built."""
    url = build.page_url(docs_path)
    return None if url is None else get_relative_url(url, page.url)


def _plain_titles(page, handbook: Handbook, lang: str) -> None:
    """A term or an SOP link in a heading: the table of contents and the page title show its text alone."""

    def text(kind: str, target: str, shown: str) -> str | None:
        sop = handbook.by_id.get(target) if kind == placeholders.TITLED_SOP else None
        return markup.sop_link_text(shown, handbook.in_language(sop, lang).title) if sop is not None else None

    def clean(items) -> None:
        for item in items:
            item.title = placeholders.fill(item.title, text)
            clean(item.children)

    clean(page.toc)
    if getattr(page, "_title_from_render", None):
        page._title_from_render = placeholders.fill(page._title_from_render, text)


def _is_fallback(handbook: Handbook, sop, lang: str) -> bool:
    """An untranslated SOP shown in English in another language's site."""
    return lang != handbook.policy.source_lang and not sop.is_translation


@event_priority(-1000)  # last: every other hook is done with the page
def on_post_page(output: str, page, config) -> str:
    """Let go of a written page's HTML (its Markdown went once converted: on_page_content).

    mkdocs-static-i18n builds the other languages inside the first language's build, so
    without this every language's pages stay in memory until the end (1.9 GB for 5,000
    SOPs). Links and anchors are checked from sets MkDocs keeps apart, but the navigation
    of every later page reads this page's title, which MkDocs works out from its
    Markdown (`Page.title` is None once `markdown` is): the title was kept first.
    """
    page.content = None
    return output


@event_priority(-200)  # after mkdocs-static-i18n has written the merged search index
def on_post_build(config) -> None:
    """Let words typed without diacritics find their pages (zwrot finds zwrót)."""
    fold_search_index(Path(config.site_dir) / "search" / "search_index.json")


def _handbook_for_this_build(config) -> Handbook:
    """Load and check the SOPs on the first language's build; the others reuse the result."""
    policy: Policy | None = _state["policy"]
    if policy is None:
        raise PluginError("the handbook hook was not configured (on_config did not run)")
    if _language(config) == policy.source_lang or _state["handbook"] is None or build.loader() is not None:
        try:
            glossary = load_glossary(policy.glossary_path, _shown(policy, policy.glossary_path))
            handbook = (build.loader() or load)(policy, glossary, today(), shown_root=policy.root)  # handbook serve: a cache
        except (ConfigError, TodayError) as exc:
            raise PluginError(str(exc)) from None
        _report(handbook)
        _state["handbook"] = handbook
        _state["abbreviations"] = {}  # a new glossary: markers are made afresh
        build.set_current(handbook)
    return _state["handbook"]


def _report(handbook: Handbook) -> None:
    """The check's findings, once per build, as the check prints them (with their hints).

    Errors are logged at ERROR: MkDocs' `-q` drops warnings before `--strict` counts them,
    errors survive it, so a handbook error fails a strict build at any log level.
    Warnings (due soon, stale translation) are information: they never fail a build.
    """
    for finding in handbook.findings:
        (log.error if finding.is_error else log.info)(output.as_log_line(finding))


def _page_urls(files: Files, lang: str) -> dict[str, str]:
    """Each page's URL in this language's site, by the source file it is written in (a translation wins)."""
    urls: dict[str, str] = {}
    for file in files.documentation_pages():
        source_path = _unsuffixed(file.src_uri, lang)
        if source_path == file.src_uri:
            urls.setdefault(source_path, file.url)
        else:
            urls[source_path] = file.url
    return urls


def _unsuffixed(path: str, lang: str) -> str:
    return path.replace(f".{lang}.md", ".md")


def _adapt_meta(page, status: str, exclude_from_search: bool) -> None:
    # Material reads `status` as its page-status icon: show it for drafts and retired SOPs only.
    page.meta.pop("status", None)
    if status in ("draft", "retired"):
        page.meta["status"] = status
    if status == "retired" or exclude_from_search:
        # Retired SOPs stay readable for audit, not a search hit. An untranslated SOP shown
        # in English under /pl/ is: each reader searches their own language's pages only.
        page.meta["search"] = {"exclude": True}


def _language(config) -> str:
    return str(config.theme.get("language") or "en")


def _navigation(handbook: Handbook, files: Files, lang: str, generated_paths: set[str]) -> list:
    """Home, one section per department (its index, then its SOPs by id), the dashboards, the glossary.

    Entries name source files; mkdocs-static-i18n resolves each to this language's version.
    Even with navigation.prune a page carries its section's sibling list, so a department of
    more than `nav_max_sops` SOPs lists only its index page (which lists every SOP): without
    that the site grows with the square of the handbook.
    """
    policy = handbook.policy
    max_sops = policy.nav_max_sops
    # Owner tools sit under Home (one click from the home page), not as top tabs of their own.
    owner_tools = ["reviews.md"] + (["translations.md"] if len(policy.languages) > 1 else [])
    nav: list = [{label(lang, "nav.home"): ["index.md", *({label(lang, t.replace(".md", "_title")): t} for t in owner_tools)]}]
    # An SOP of an unknown department is an ID001 error already: not one more warning per language.
    unlisted: set[str] = {s.docs_path for s in handbook.by_path.values() if not s.is_translation and s.department not in policy.departments}
    for dept in policy.departments.values():
        sops = handbook.in_department(dept.key)
        listed = sops if len(sops) <= max_sops else []
        unlisted.update(sop.docs_path for sop in sops[len(listed) :])
        nav.append({escaping.theme_text(dept.name_in(lang)): [f"{dept.key}/index.md"] + [sop.docs_path for sop in listed]})
    if unlisted:
        for file in files.documentation_pages():  # reached from their index page: no "omitted from nav" warning
            if _unsuffixed(file.src_uri, lang) in unlisted:
                file.inclusion = InclusionLevel.NOT_IN_NAV
    nav.append({label(lang, "glossary_title"): "glossary.md"})
    generated = {_unsuffixed(p, lang) for p in generated_paths}
    for file in files.documentation_pages():
        uri = _unsuffixed(file.src_uri, lang)
        if uri not in generated and uri not in handbook.by_path and file.src_uri not in handbook.by_path:
            nav.append(uri)  # an authored page outside the departments: keep it reachable
    return nav


def _shown(policy: Policy, path: Path) -> str:
    try:
        return str(path.relative_to(policy.root))
    except ValueError:
        return str(path)
