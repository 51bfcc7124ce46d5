"""The files the hooks generate (home page, department pages, dashboards, glossary, what's new, print books, feeds).

One place decides where a generated file is served in each language and, for a page,
where its language switcher and `<link rel="alternate" hreflang>` tags lead.
mkdocs-static-i18n rebuilds the site once per language; a generated file is
written as `glossary.pl.md` and served under `/pl/` like the translations.
"""

from __future__ import annotations

from mkdocs.structure.files import File, InclusionLevel


def generated_file(config, path: str, content: str | bytes, lang: str, source_lang: str, inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> File:
    """A generated file at `path` (`glossary.md`, `glossary.pl.md`), served at this language's address.

    A page (Markdown) also gets the language switcher of the same page in every built
    language (the hooks generate the same pages in each language's build) and is listed,
    with those alternates, in the site's sitemap.xml.
    """
    plain = _unsuffixed(path, lang)
    file = File.generated(config, path, content=content, inclusion=inclusion)
    _place(file, plain, lang, source_lang, config)
    if path.endswith(".md"):
        _language_switcher(file, plain, lang, source_lang, config)
        _in_sitemap(file, lang, config)
    return file


def _place(file: File, plain: str, lang: str, source_lang: str, config) -> None:
    if lang != source_lang:
        unsuffixed = File.generated(config, plain, content="")
        file.dest_uri = f"{lang}/{unsuffixed.dest_uri}"
        file.name = unsuffixed.name  # `index`, not `index.pl`: Material's navigation.indexes folds it into its section


def _language_switcher(file: File, plain: str, lang: str, source_lang: str, config) -> None:
    """What mkdocs-static-i18n reads to point the switcher at this page in each language.

    Files added after its on_files have none: it then leaves the switcher and the hreflang
    links as the page rendered before this one had them (an SOP of another department).
    """
    alternates = {}
    for other in _built_languages(config, lang):
        there = File.generated(config, plain, content="")
        _place(there, plain, other, source_lang, config)
        alternates[other] = there
    file.alternates = alternates
    file.locale = file.locale_alternate_of = lang
    file.localization = None if lang == source_lang else lang
    file.norm_src_uri = plain


def _in_sitemap(file: File, lang: str, config) -> None:
    """mkdocs-static-i18n writes sitemap.xml from the pages it sorted in its on_files: this one comes later."""
    listed = getattr(_i18n(config), "i18n_files_per_language", {}).get(lang)
    if isinstance(listed, list) and file not in listed:
        listed.append(file)


def _i18n(config):
    return config.plugins.get("i18n") if config.plugins else None


def _built_languages(config, lang: str) -> list[str]:
    """The languages mkdocs-static-i18n builds (each gets the same generated pages), this one included."""
    languages = list(getattr(_i18n(config), "build_languages", None) or [])
    return languages if lang in languages else [*languages, lang]


def _unsuffixed(path: str, lang: str) -> str:
    return path.replace(f".{lang}.md", ".md")
