"""MkDocs hook: the what's-new pages and Atom feeds of each language, and the catalogue at the site root.

A thin adapter: the changes come from `handbook.changes`, the pages from
`handbook.site.whats_new`, the feeds from `handbook.site.news_feed`, the catalogue
from `handbook.catalogue`, for the handbook hooks/handbook_site.py loaded (list it first).
"""

from __future__ import annotations

import logging
from html import escape

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.utils import get_relative_url

from handbook import catalogue
from handbook.mkdocs.generated_files import generated_file
from handbook.site import build, escaping, news_feed, whats_new
from handbook.site.labels import label

log = logging.getLogger("mkdocs.hooks.whats_new")

_feeds: dict[str, tuple[str, str]] = {}  # source path of a page (whats-new/index.md) -> (feed URL, title), this language


@event_priority(-160)  # after hooks/handbook_site.py has loaded the handbook and this language's page URLs
def on_files(files: Files, config) -> Files:
    try:
        handbook = build.current()
    except RuntimeError as exc:
        raise PluginError(f"hooks/whats_new.py: {exc}") from None
    lang = _language(config)
    source_lang = handbook.policy.source_lang
    urls: dict[str, str] = {}
    for path, content in whats_new.pages(handbook, lang).items():
        plain = path.replace(f".{lang}.md", ".md")
        if files.get_file_from_path(path) is None:  # an authored page wins over a generated one
            inclusion = InclusionLevel.UNDEFINED if plain == whats_new.INDEX else InclusionLevel.NOT_IN_NAV  # reached by its filter links
            files.append(generated_file(config, path, content, lang, source_lang, inclusion))
        urls[plain] = files.get_file_from_path(path).url
    site_name = escaping.plain_text(config.site_name or "SOP handbook")  # hooks/handbook_site.py made it Markup for the theme
    feed_urls = {path: _prefix(lang, source_lang) + path for path in [whats_new.feed_of(None)] + [whats_new.feed_of(k) for k in handbook.policy.departments]}
    address = _addresses(handbook.policy.site_url, {**urls, **feed_urls})
    published = news_feed.feeds(handbook, lang, site_name, address)
    if lang == source_lang:  # one catalogue, at the site root: its URLs name every language
        published.update(catalogue.published(handbook, config.use_directory_urls))
    for path, data in published.items():
        if files.get_file_from_path(path) is None:
            files.append(generated_file(config, path, data, lang, source_lang))
    log.info("what's new (%s): %d change(s), %d feed(s)", lang, len(whats_new.changes_in(handbook, lang)), len([p for p in published if p.endswith(".xml")]))
    _feeds.clear()
    for department in [None, *handbook.policy.departments]:
        feed = (feed_urls[whats_new.feed_of(department)], news_feed.title(handbook, lang, site_name, department))
        _feeds[whats_new.page_of(department)] = feed
        if department is None:
            _feeds.setdefault("index.md", feed)  # the home page shows the latest changes
    if isinstance(config.nav, list) and not _in_nav(config.nav, whats_new.INDEX):
        config.nav.insert(min(1, len(config.nav)), {label(lang, "whats_new_title"): whats_new.INDEX})
    return files


def on_post_page(output: str, page, config) -> str:
    """The page's Atom feed in its <head>, for browsers and feed readers that look for it."""
    lang = _language(config)
    feed = _feeds.get(page.file.src_uri.replace(f".{lang}.md", ".md"))
    if feed is None or "</head>" not in output:
        return output
    href = get_relative_url(feed[0], page.url)
    tag = f'<link rel="alternate" type="application/atom+xml" title="{escape(feed[1])}" href="{escape(href)}">'
    return output.replace("</head>", tag + "\n</head>", 1)


def _addresses(site_url: str, known: dict[str, str]) -> news_feed.Address:
    """Absolute with a site_url; otherwise relative to the feeds' folder (every feed is in whats-new/)."""

    def address(docs_path: str) -> str:
        url = known.get(docs_path) or build.page_url(docs_path) or docs_path
        if site_url:
            return site_url.rstrip("/") + "/" + url
        feed = known[whats_new.FEED]
        return get_relative_url(url, feed)

    return address


def _prefix(lang: str, source_lang: str) -> str:
    return "" if lang == source_lang else f"{lang}/"


def _in_nav(nav: list, target: str) -> bool:
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if value == target or (isinstance(value, list) and _in_nav(value, target)):
                return True
    return False


def _language(config) -> str:
    return str(config.theme.get("language") or "en")
