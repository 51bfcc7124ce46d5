"""Search that scales: Pagefind behind Material's own search box, for large handbooks.

Material's search index is one JSON file with every page that each reader downloads
whole before the first result (megabytes for a few thousand SOPs). Pagefind splits
its index into small shards per language and fetches only those a query needs.

`extra.handbook.search` chooses: `material`, `pagefind`, or `auto` (the default):
Pagefind once the handbook holds more than `AUTO_PAGEFIND_FROM` SOP files (handbook/site/pagefind.py). Below that
Material's index stays small, and Material serves readers better: one download, then
instant as-you-type results and suggestions, and search works from `file://` too.

With Pagefind: every page is excluded from Material's index (it shrinks to a stub),
indexed pages get `data-pagefind-body` (pages kept out of search, such as retired SOPs, do
not; an untranslated SOP's English page in another language's site does), the search box talks to `pagefind_worker.js`, and after
the last language's build the Pagefind binary (PyPI `pagefind[bin]`) indexes the site,
per language in pagefind/<lang>/ (a large language in bundles of whole departments, merged
by the worker: handbook/site/pagefind.py). mkdocs-static-i18n runs one nested build per language, so
the hook counts build depth and runs Pagefind once, when the outermost build ends.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.site import build, pagefind

log = logging.getLogger("mkdocs.hooks.pagefind")


WORKER = "assets/javascripts/pagefind-worker.js"
BUNDLE = pagefind.BUNDLE
_WORKER_SOURCE = Path(__file__).with_name("pagefind_worker.js")
_MATERIAL_WORKER = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')
_ARTICLE = '<article class="md-content__inner md-typeset">'

_state: dict = {"depth": 0, "mode": None, "indexed": set()}


def on_startup(command, dirty) -> None:
    _state["depth"] = 0


def on_build_error(error) -> None:
    _state["depth"] = 0  # the next build (mkdocs serve) starts afresh


def on_config(config):
    """Read `extra.handbook.search`; the outermost build (one per language nests inside it) decides afresh."""
    if _state["depth"] == 0:
        _state["mode"] = None
        _state["indexed"] = set()
    _state["depth"] += 1
    return config


@event_priority(-160)  # after hooks/handbook_site.py has loaded the handbook (-150)
def on_files(files, config):
    if _state["mode"] is None:
        _state["mode"] = _decide(build.current().policy.search)  # validated with the policy
    return files


def _decide(requested: str) -> str:
    sop_files = len(build.current().by_path)
    mode = "pagefind" if pagefind.wanted(requested, sop_files) else "material"
    if mode == "pagefind" and pagefind.binary() is None:
        if requested == "pagefind":
            raise PluginError("extra.handbook.search is pagefind, but the Pagefind binary is missing: pip install 'pagefind[bin]'")
        log.info("search: Pagefind is not installed (pip install 'pagefind[bin]'); using Material's search")
        mode = "material"
    log.info("search: %s for %d SOP file(s) (extra.handbook.search: %s)", mode, sop_files, requested)
    return mode


@event_priority(-50)  # after hooks/handbook_site.py has marked the pages kept out of search
def on_page_markdown(markdown: str, page, config, files) -> str:
    if _state["mode"] == "pagefind":
        search = page.meta.get("search")
        if not (isinstance(search, dict) and search.get("exclude")):
            _state["indexed"].add(page.file.dest_uri)
        page.meta["search"] = {"exclude": True}  # Material's index: a stub; Pagefind indexes the HTML
    return markdown


def on_post_page(output: str, page, config) -> str:
    if _state["mode"] != "pagefind":
        return output
    lang = str(config.theme.get("language") or "en")
    output = _MATERIAL_WORKER.sub(lambda m: f"{m.group(1)}{m.group(2)}{WORKER}?lang={lang}{m.group(3)}", output, count=1)
    if page.file.dest_uri in _state["indexed"]:
        output = output.replace(_ARTICLE, f"{_ARTICLE[:-1]} {pagefind.MARK}>", 1)
    return output


@event_priority(-300)  # after mkdocs-static-i18n (-100) has built the other languages inside this build
def on_post_build(config) -> None:
    _state["depth"] -= 1
    if _state["depth"] > 0 or _state["mode"] != "pagefind":
        return  # a nested language build: the outermost one indexes the whole site
    site = Path(config.site_dir)
    target = site / WORKER
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_WORKER_SOURCE, target)
    policy = build.current().policy
    _give_back_memory()  # Pagefind runs beside this process: what the build freed is not held meanwhile
    run_pagefind(site, policy.languages)


def _give_back_memory() -> None:
    """Collect the pages the build let go of and hand freed heap back to the system (glibc's malloc_trim)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory stays with the process until it ends


def run_pagefind(site: Path, languages: tuple[str, ...]) -> None:
    """Index the built site into site/pagefind/<lang>/, one Pagefind run per language."""
    try:
        indexed = pagefind.index_site(site, languages)
    except pagefind.PagefindError as exc:
        raise PluginError(str(exc)) from None
    log.info("search: Pagefind indexed %s in %s", ", ".join(indexed), site / BUNDLE)
