"""Running Pagefind over a built site: a language's pages in one bundle or, when large, in several.

Shared by hooks/pagefind_search.py (our build) and benchmarks/plain.py (the plain
Material reference gets the same search, so the comparison measures hooks and macros).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

BUNDLE = "pagefind"
# Measured (benchmarks/RESULTS.md): at about 300 SOP files Material's index (gzipped) weighs
# as much as Pagefind's first query; past that Pagefind downloads less and less in comparison.
AUTO_PAGEFIND_FROM = 300
# Pagefind holds about 230 KB a page while it indexes: a bundle of 1,500 pages stays near 350 MB.
BUNDLE_PAGES = 1500
MARK = "data-pagefind-body"  # the attribute hooks/pagefind_search.py gives the pages search indexes
BUNDLES_FILE = "handbook-bundles.json"  # in a language's first bundle: the others, for the worker to merge


class PagefindError(Exception):
    """Pagefind is missing or failed; the message says which and how to fix it."""


def wanted(requested: str, sop_files: int) -> bool:
    """Whether `extra.handbook.search` (material, pagefind or auto) asks for Pagefind for this many SOP files."""
    return requested == "pagefind" or (requested == "auto" and sop_files > AUTO_PAGEFIND_FROM)


def binary() -> Path | None:
    """The Pagefind executable shipped in the `pagefind[bin]` wheel, if installed."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return get_executable()
    except FileNotFoundError:
        return None


def index_site(site: Path, languages: tuple[str, ...] | list[str], bundle_pages: int | None = None) -> list[str]:
    """Index `site` into site/pagefind/<lang>/ (and <lang>.2/, <lang>.3/ ... for a large language); returns the languages indexed.

    The first language is the source language at the site root; the others live in
    site/<lang>/. Pagefind holds every page it indexes in memory, about 230 KB a page
    (benchmarks/RESULTS.md): one run over a whole site of 5,000 SOPs in five languages
    took 3 GB, one run per language 1.1 GB. So each language is indexed in bundles of
    whole top-level folders (departments) of at most `bundle_pages` pages where the
    folders allow, one Pagefind run each; the search worker merges a language's bundles
    (handbook/mkdocs/pagefind_worker.js reads their list from `BUNDLES_FILE`).
    """
    executable = binary()
    if executable is None:
        raise PagefindError("the Pagefind binary is missing: pip install 'pagefind[bin]'")
    limit = bundle_pages or bundle_size()
    others = set(languages[1:])
    indexed = []
    for lang in languages:
        if lang in others and not (site / lang).is_dir():
            continue  # a language the site does not build (mkdocs-static-i18n `build: false`)
        bundles = _bundles(_folders(site, lang, others), limit)
        names = [f"{BUNDLE}/{lang}"] + [f"{BUNDLE}/{lang}.{n}" for n in range(2, len(bundles) + 1)]
        for name, patterns in zip(names, bundles):
            pattern = patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"
            command = [str(executable), "--site", str(site), "--glob", pattern, "--output-subdir", name,
                       "--exclude-selectors", ".headerlink", "--quiet"]
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                raise PagefindError(f"pagefind failed for {lang} ({result.returncode}): {(result.stderr or result.stdout).strip()[-2000:]}")
        merged = [f"../{name.rsplit('/', 1)[1]}/" for name in names[1:]]
        (site / names[0] / BUNDLES_FILE).write_text(json.dumps({"merge": merged}) + "\n", encoding="utf-8")
        indexed.append(lang)
    return indexed


def bundle_size() -> int:
    """Pages per Pagefind bundle: `BUNDLE_PAGES`, or `HANDBOOK_PAGEFIND_BUNDLE_PAGES` (a whole number, at least 1)."""
    value = os.environ.get("HANDBOOK_PAGEFIND_BUNDLE_PAGES", "").strip()
    if not value:
        return BUNDLE_PAGES
    if not value.isdigit() or int(value) < 1:
        raise PagefindError(f"HANDBOOK_PAGEFIND_BUNDLE_PAGES is {value!r}: give a whole number of pages, at least 1 (default {BUNDLE_PAGES})")
    return int(value)


def _folders(site: Path, lang: str, others: set[str]) -> list[tuple[str, int]]:
    """(Pagefind glob, pages it indexes) of a language's root pages, then of each of its top-level folders.

    Pagefind indexes only the pages marked `data-pagefind-body` once one page of a run has
    it, but every page whole when none has: a bundle of unmarked pages (the home page and
    404.html, alone) would put them in search. So where the site marks pages, a folder
    counts its marked pages and one without any is left out; a site that marks none
    (plain Material: benchmarks/plain.py) counts every page.
    """
    root, prefix = (site / lang, f"{lang}/") if lang in others else (site, "")
    skipped = set() if lang in others else others | {"assets", "search", BUNDLE}
    found = [(f"{prefix}*.html", [p for p in root.glob("*.html") if p.is_file()])]
    for folder in sorted(p.name for p in root.iterdir() if p.is_dir() and p.name not in skipped):
        found.append((f"{prefix}{folder}/**/*.html", [Path(path, n) for path, _, names in os.walk(root / folder) for n in names if n.endswith(".html")]))
    marked = [(pattern, sum(map(_marked, pages))) for pattern, pages in found]
    counted = marked if any(n for _, n in marked) else [(pattern, len(pages)) for pattern, pages in found]
    return [(pattern, n) for pattern, n in counted if n]


def _marked(page: Path) -> bool:
    try:
        return page.is_file() and MARK.encode() in page.read_bytes()
    except OSError:
        return False


def _bundles(folders: list[tuple[str, int]], limit: int) -> list[list[str]]:
    """Consecutive folders grouped into bundles of at most `limit` pages (a larger folder is a bundle alone)."""
    bundles: list[list[str]] = []
    pages = 0
    for pattern, count in folders:
        if not bundles or pages + count > limit:
            bundles.append([])
            pages = 0
        bundles[-1].append(pattern)
        pages += count
    return bundles or [["*.html"]]
