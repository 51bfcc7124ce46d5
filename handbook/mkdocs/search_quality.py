"""Search that serves readers, in either backend (the rules: handbook/site/search_index.py).

- on_page_content: collapsed and hidden parts are marked so no index holds them.
- on_post_page: records each page's language and SOP id; with Material's search the page
  loads handbook-search.js (Material's worker, wrapped: the reader's language, the handbook's
  order); with Pagefind the SOP's id is indexed from its heading and given as `sop` meta.
- on_post_build: Material's merged index gets each entry's language and SOP id, and the
  workers' scripts are copied into the site.
Generated tables (home, department indexes, review dashboard, translation matrix) are kept
out of both indexes by their own front matter (templates/_opening.md).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.site import build, search_index

log = logging.getLogger("mkdocs.hooks.search_quality")

ASSETS = Path(search_index.__file__).with_name("assets")
WORKERS = "assets/javascripts/workers"
SCRIPTS = ("handbook-search.js", "handbook-rank.js")
_MATERIAL_WORKER = re.compile(r'("search": ")([^"]*?assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)(")')
_PAGEFIND_BODY = "data-pagefind-body"

_pages: dict[str, search_index.IndexedPage] = {}


def on_startup(command, dirty) -> None:
    _pages.clear()


@event_priority(-10)  # after hooks/handbook_site.py has added the card and banners
def on_page_content(html: str, page, config, files) -> str:
    return search_index.without_hidden_parts(html)


@event_priority(-100)  # after hooks/pagefind_search.py (0) has chosen the page's search worker
def on_post_page(output: str, page, config) -> str:
    lang = str(config.theme.get("language") or "en")
    handbook = build.current()
    sop = handbook.by_path.get(page.file.src_uri)
    sop_id = sop.id if sop is not None else None
    shown_from = None
    if sop is not None and not sop.is_translation and lang != handbook.policy.source_lang:
        shown_from = page.url.removeprefix(f"{lang}/")  # an untranslated SOP, shown in the source language
    _pages[page.url] = search_index.IndexedPage(lang, sop_id, shown_from)
    if _PAGEFIND_BODY in output:
        if sop_id:
            output = output.replace(_PAGEFIND_BODY, f'{_PAGEFIND_BODY} data-pagefind-meta="sop:{sop_id}"', 1)
            # the id is in the heading itself (handbook/site/sop_page.py), so Pagefind indexes it from there
        return output
    return _MATERIAL_WORKER.sub(lambda m: f"{m.group(1)}{m.group(2)}handbook-search.js?lang={lang}&worker={m.group(3)}{m.group(4)}", output, count=1)


@event_priority(-210)  # after hooks/handbook_site.py (-200) has folded the merged index
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    target = site / WORKERS
    target.mkdir(parents=True, exist_ok=True)
    for name in SCRIPTS:
        shutil.copyfile(ASSETS / name, target / name)
    path = site / "search" / "search_index.json"
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        if search_index.annotate(index, _pages):
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            tmp.replace(path)
