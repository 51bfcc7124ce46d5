"""Running Pagefind over a built site: one run, and one bundle, per language.

Shared by hooks/pagefind_search.py (our build) and benchmarks/plain.py (the plain
Material reference gets the same search, so the comparison measures hooks and macros).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

BUNDLE = "pagefind"
# Measured (benchmarks/RESULTS.md): at about 300 SOP files Material's index (gzipped) weighs
# as much as Pagefind's first query; past that Pagefind downloads less and less in comparison.
AUTO_PAGEFIND_FROM = 300


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


def index_site(site: Path, languages: tuple[str, ...] | list[str]) -> list[str]:
    """Index `site` into site/pagefind/<lang>/, one Pagefind run per language.

    The first language is the source language at the site root; the others live in
    site/<lang>/. One run over the whole site held every page of every language in
    memory (3 GB for 5,000 SOPs in five languages); a run per language holds one
    language's pages. Returns the languages indexed.
    """
    executable = binary()
    if executable is None:
        raise PagefindError("the Pagefind binary is missing: pip install 'pagefind[bin]'")
    others = set(languages[1:])
    source_dirs = sorted(p.name for p in site.iterdir() if p.is_dir() and p.name not in others | {"assets", "search", BUNDLE})
    indexed = []
    for lang in languages:
        if lang in others and not (site / lang).is_dir():
            continue  # a language the site does not build (mkdocs-static-i18n `build: false`)
        pattern = f"{lang}/**/*.html" if lang in others else "{" + ",".join(["*.html", *(f"{d}/**/*.html" for d in source_dirs)]) + "}"
        command = [str(executable), "--site", str(site), "--glob", pattern, "--output-subdir", f"{BUNDLE}/{lang}",
                   "--exclude-selectors", ".headerlink", "--quiet"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise PagefindError(f"pagefind failed for {lang} ({result.returncode}): {(result.stderr or result.stdout).strip()[-2000:]}")
        indexed.append(lang)
    return indexed
