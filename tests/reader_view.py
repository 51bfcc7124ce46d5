"""The reader's-eye view of a built handbook: what a reader would see broken, page by page.

`site_problems` reads every HTML page of a built site and lists, as one line each,
what a reader would see wrong: a navigation label that is not the title of the page
it leads to ("None", empty), a placeholder or template code left unfilled, macro
error text, content in the wrong language or direction, a language switcher or
`hreflang` link that leads anywhere but this page in that language, a link or anchor that leads
nowhere, a script or event handler the page's Markdown did not contain, a script,
style or font from another host (an intranet reader cannot reach it).

It knows a page only from the built HTML and the docs folder it was built from, so
it works on the example handbook and on any fixture handbook a test makes.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

# What the handbook's placeholders are spelled in (handbook/site/placeholders.py): never on a page.
_PLACEHOLDER = re.compile("[\ue000-\ue005\U000f0000-\U000fffff]")
_TEMPLATE_LEFT = re.compile(r"\{\{|\{%|\{#")
_CODE_ELEMENTS = re.compile(r"<(pre|code|script|style|kbd|samp)\b.*?</\1>", re.S)
_MACRO_ERRORS = ("Macro Syntax Error", "Macro Rendering Error", "UndefinedError", "Traceback (most recent call last)", "jinja2.exceptions")
# The inline scripts Material's base template writes on every page (by how they start).
_THEME_SCRIPTS = ("__md_scope=", "var palette=", "var tabs=", "var target=")
_RTL = {"ar", "he", "fa", "ur"}


@dataclass
class Page:
    url: str  # site-relative, e.g. `ar/contact-centre/cc-002/`
    path: Path
    soup: BeautifulSoup
    ids: set[str] = field(default_factory=set)

    @property
    def h1(self) -> str:
        heading = self.soup.select_one("article.md-content__inner h1")
        return _text(heading) if heading else ""


def _text(tag: Tag) -> str:
    # Header links (¶) are not part of a title.
    return " ".join("".join(s for s in tag.find_all(string=True) if not (s.parent and "headerlink" in (s.parent.get("class") or []))).split())


def load_site(site: Path) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids = {str(t.get("id")) for t in soup.find_all(id=True)} | {str(t.get("name")) for t in soup.find_all("a", attrs={"name": True})}
        pages[url] = Page(url, path, soup, ids)
    return pages


def site_problems(site: Path, docs: Path, languages: list[str], home_labels: dict[str, str] | None = None) -> list[str]:
    """Every problem a reader would see in the site built from `docs` (languages: source first)."""
    pages = load_site(site)
    problems: list[str] = []
    for page in pages.values():
        problems += [f"{page.url}: {p}" for p in _header(page)]
        if page.url == "404.html":
            continue  # no source and no navigation of its own: only its header is read
        lang = _site_language(page.url, languages)
        written_in = _written_in(page.url, lang, languages, docs)
        problems += [f"{page.url}: {p}" for p in _navigation(page, pages, lang, (home_labels or {}).get(lang))]
        problems += [f"{page.url}: {p}" for p in _leftovers(page)]
        problems += [f"{page.url}: {p}" for p in _language(page, lang, written_in)]
        problems += [f"{page.url}: {p}" for p in _language_switcher(page, pages, lang, languages)]
        problems += [f"{page.url}: {p}" for p in _links(page, pages, site)]
        problems += [f"{page.url}: {p}" for p in _scripts(page, _markdown_of(page.url, lang, languages, docs))]
    return problems


def _site_language(url: str, languages: list[str]) -> str:
    first = url.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def _source_file(url: str, lang: str, languages: list[str], docs: Path) -> tuple[Path | None, bool]:
    """The Markdown file a page is written in, and whether it is a translation into `lang`."""
    rel = url[len(lang) + 1 :] if lang != languages[0] else url
    stem = rel.rstrip("/") or "index"
    if lang != languages[0]:
        translated = docs / f"{stem}.{lang}.md"
        if translated.is_file():
            return translated, True
    plain = docs / f"{stem}.md"
    return (plain if plain.is_file() else None), False


def _written_in(url: str, lang: str, languages: list[str], docs: Path) -> str:
    """The language a page's content is written in: an untranslated SOP shown in another site is in the source language."""
    source, translated = _source_file(url, lang, languages, docs)
    if source is None or translated:
        return lang  # a generated page, or a translation
    return languages[0]


def _markdown_of(url: str, lang: str, languages: list[str], docs: Path) -> str:
    source, _ = _source_file(url, lang, languages, docs)
    return source.read_text(encoding="utf-8") if source else ""


def _resolve(page: Page, href: str) -> tuple[str, str] | None:
    """(site-relative page URL, anchor) of an internal link, or None for an external one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    if not parts.path:
        return page.url, unquote(parts.fragment)
    if parts.path.startswith("/"):  # site-absolute (the language switcher of a home page): the site is served at the root
        return parts.path.lstrip("/"), unquote(parts.fragment)
    base = posixpath.dirname(page.url) if not page.url.endswith("/") and page.url else page.url.rstrip("/")
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    target = "" if target == "." else target
    if parts.path.endswith("/") and target:
        target += "/"
    return target, unquote(parts.fragment)


def _navigation(page: Page, pages: dict[str, Page], lang: str, home_label: str | None) -> list[str]:
    found = []
    links = page.soup.select("nav.md-nav--primary a.md-nav__link, nav.md-tabs a.md-tabs__link")
    for link in links:
        href = str(link.get("href") or "")
        label = " ".join(link.get_text(" ", strip=True).split())
        if href.startswith("#"):
            continue  # the table of contents: headings of this page
        if not label or label == "None":
            found.append(f"navigation label {label!r} for {href}")
            continue
        resolved = _resolve(page, href)
        target = pages.get(resolved[0]) if resolved else None
        if target is None:
            continue  # reported by _links
        if label != target.h1 and not (target.url.rstrip("/") in ("", lang) and label == home_label):
            found.append(f"navigation label {label!r} for {href}, whose title is {target.h1!r}")
    for section in page.soup.select("nav.md-nav--primary label.md-nav__link"):
        if section.select_one(".md-ellipsis") is None:
            continue  # the toggle beside a section's index link: an icon, no words
        label = " ".join(section.get_text(" ", strip=True).split())
        if not label or label == "None":
            found.append(f"navigation section label {label!r}")
    title = page.soup.title.get_text(strip=True) if page.soup.title else ""
    if not title or title.startswith("None"):
        found.append(f"browser tab title {title!r}")
    return found


def _header(page: Page) -> list[str]:
    """The header's topic, the page's title once the reader scrolls: never empty, never "None"."""
    topic = page.soup.select_one('[data-md-component="header-topic"] .md-ellipsis')
    label = " ".join(topic.get_text(" ", strip=True).split()) if topic is not None else None
    return [] if label not in ("", "None") else [f"header title {label!r}"]


def _leftovers(page: Page) -> list[str]:
    found = []
    html = str(page.soup)
    if _PLACEHOLDER.search(html):
        found.append("an unfilled placeholder (private-use characters) is on the page")
    for error in _MACRO_ERRORS:
        if error in html:
            found.append(f"macro error text on the page: {error!r}")
    # Read in the page's source, outside code: braces an author wrote as text (`&#123;{`) are
    # character references there, while template code a macro left behind is literal.
    prose = _CODE_ELEMENTS.sub("", page.path.read_text(encoding="utf-8"))
    for match in _TEMPLATE_LEFT.finditer(prose):
        shown = prose[match.start() : match.start() + 60].split("<", 1)[0]
        found.append(f"template code left in the text: {' '.join(shown.split())!r}")
    return found


def _effective(tag: Tag, attr: str) -> str | None:
    for node in [tag, *tag.parents]:
        if isinstance(node, Tag) and node.get(attr):
            return str(node.get(attr))
    return None


def _language(page: Page, lang: str, written_in: str) -> list[str]:
    found = []
    html_lang = page.soup.html.get("lang") if page.soup.html else None
    if html_lang != lang:
        found.append(f"<html lang={html_lang!r}> in the {lang!r} site")
    article = page.soup.select_one("article.md-content__inner")
    if article is None:
        return found
    blocks = article.select("h2, p, li, td") or [article]
    want_dir = "rtl" if written_in in _RTL else "ltr"
    for block in blocks:
        if "hb-interface" in (block.get("class") or []) or block.find_parent(class_=("hb-banner", "hb-card", "hb-interface")):
            continue  # banners, the card and the page's other own parts (hb-interface) speak the site's language
        if "hb-sheet__body" in (block.get("class") or []):
            continue  # the printed sheet's layout cell: the blocks inside it are checked one by one
        collected = block.find_parent(attrs={"data-hb-written-in": True})  # a page collecting SOPs (a department's printable page)
        want_lang = str(collected["data-hb-written-in"]) if collected else written_in
        want_dir = "rtl" if want_lang in _RTL else "ltr"
        got_lang = _effective(block, "lang")
        got_dir = _effective(block, "dir") or "ltr"
        if got_lang != want_lang or got_dir != want_dir:
            text = " ".join(block.get_text(" ", strip=True).split())[:50]
            found.append(f"content written in {want_lang!r} shown as lang={got_lang!r} dir={got_dir!r}: {text!r}")
            break  # one per page is enough to see it
    return found


def _language_switcher(page: Page, pages: dict[str, Page], lang: str, languages: list[str]) -> list[str]:
    """Each language of the switcher and each <link rel="alternate" hreflang> leads to this page in that language."""
    found = []
    here = page.url[len(lang) + 1 :] if lang != languages[0] else page.url
    tags = page.soup.select('a.md-select__link[hreflang], link[rel~="alternate"][hreflang]')
    for tag in tags:
        other, href = str(tag["hreflang"]), str(tag.get("href") or "")
        what = "language switcher" if tag.name == "a" else "hreflang link"
        expected = here if other == languages[0] else f"{other}/{here}"
        resolved = _resolve(page, href)
        if resolved is None or resolved[0] != expected:
            found.append(f"{what} for {other!r} leads to {href}, not to this page in {other!r} (/{expected})")
        elif expected not in pages:
            found.append(f"{what} for {other!r} leads to /{expected}, which is not built")
    return found


def _links(page: Page, pages: dict[str, Page], site: Path) -> list[str]:
    found = []
    for tag in page.soup.find_all(["a", "link", "script", "img", "source"]):
        attr = "src" if tag.name in ("script", "img", "source") else "href"
        href = tag.get(attr)
        if not href:
            continue
        resolved = _resolve(page, str(href))
        if resolved is None:
            continue
        target_url, anchor = resolved
        target = pages.get(target_url) or pages.get(target_url + "/" if target_url else "")
        if target is None:
            if not (site / target_url).is_file():
                found.append(f"link to {href} leads nowhere")
            continue
        if anchor and anchor not in target.ids and not anchor.startswith("__"):
            found.append(f"link to {href}: no anchor #{anchor} on {target.url or '/'}")
    return found


def _scripts(page: Page, markdown: str) -> list[str]:
    found = []
    for script in page.soup.find_all("script"):
        src = script.get("src")
        text = (script.string or "").strip()
        inside = script.find_parent("article") is not None
        if src:
            if urlsplit(str(src)).scheme or (inside and str(src) not in markdown):
                found.append(f"script loaded from {src}")
        elif script.get("type") == "application/json" and script.get("id") == "__config":
            continue
        elif inside or not text.startswith(_THEME_SCRIPTS):
            if text[:40] not in markdown:
                found.append(f"inline script the Markdown does not contain: {text[:60]!r}")
    for link in page.soup.find_all("link", href=True):
        if urlsplit(str(link["href"])).netloc and set(link.get("rel") or []) & {"stylesheet", "preconnect", "preload"}:
            found.append(f"style or font loaded from another host: {link['href']}")
    for tag in page.soup.find_all(True):
        for name in tag.attrs:
            if name.lower().startswith("on") and f"{name}=" not in markdown:
                found.append(f"event handler {name}= on <{tag.name}>")
    return found
