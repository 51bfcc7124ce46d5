"""A printable page per department (handbook/site/print_book.py), in each language, and the link to it.

The books are generated pages outside the navigation (reached from their department's page);
after a language's pages are written, each book is filled with that language's SOP pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel

from handbook.mkdocs.generated_files import generated_file
from handbook.site import build, print_book
from handbook.site.labels import label
from handbook.site.markup import link_to, page_path

_state: dict = {"books": []}  # (written book, department key, its SOP pages) of the language being built


def _language(config) -> str:
    return str(config.theme.get("language") or "en")


@event_priority(-155)  # after hooks/handbook_site.py (-150) has loaded the handbook and this language's files
def on_files(files: Files, config) -> Files:
    handbook = build.current()
    lang, source_lang = _language(config), handbook.policy.source_lang
    for path, content in print_book.book_pages(handbook, lang).items():
        if files.get_file_from_path(path) is not None:
            continue  # an authored page wins
        files.append(generated_file(config, path, content, lang, source_lang, InclusionLevel.NOT_IN_NAV))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """A department's page ends with the link to its printable page."""
    handbook = build.current()
    lang, source_lang = _language(config), handbook.policy.source_lang
    for key in handbook.policy.departments:
        if page.file.src_uri == page_path(f"{key}/index.md", lang, source_lang):
            target = link_to(print_book.book_path(key, lang, source_lang), page.file.src_uri)
            return f"{markdown}\n\n[{label(lang, 'print.link')}]({target}){{ .md-button .hb-print-link }}\n"
    return markdown


def on_post_page(output: str, page, config) -> str:
    handbook = build.current()
    lang, source_lang = _language(config), handbook.policy.source_lang
    for key in handbook.policy.departments:
        if page.file.src_uri == print_book.book_path(key, lang, source_lang):
            site = Path(config.site_dir)
            sops = []
            for sop in print_book.in_force(handbook, key):
                url = build.page_url(sop.docs_path)
                if url is not None:
                    written_in = lang if handbook.in_language(sop, lang).is_translation else source_lang
                    sops.append((site / url / "index.html" if url.endswith("/") or not url else site / url, written_in))
            _state["books"].append((Path(page.file.abs_dest_path), key, sops))
    return output


def on_post_build(config) -> None:
    """Fill this language's books, now that its SOP pages are written (runs before the next language's build)."""
    books, _state["books"] = _state["books"], []
    for written, key, sops in books:
        written.write_text(print_book.fill(written.read_text(encoding="utf-8"), key, sops), encoding="utf-8")
