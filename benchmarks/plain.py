"""The reference build: the same pages with our hooks and macros switched off (plain Material for MkDocs).

A copy of a generated handbook whose mkdocs.yml has no `hooks:` and no macros plugin,
whose pages have their `{{ ... }}` replaced by plain text, and which gets the same
navigation shape as ours (a static index page per department; the department lists
its SOPs in the nav only up to `nav_max_sops`), so that the comparison measures what
our hooks and macros cost, not a different navigation.

The reference gets the same search as ours. Where ours uses Pagefind (more than 300 SOP
files, handbook/site/pagefind.py), the reference drops Material's search plugin and runs
Pagefind after the build, one bundle per language (`python benchmarks/plain.py build SITE`):
with mkdocs-static-i18n, Material's search deduplicates the languages' entries pairwise
(quadratic), and took 199 s of a 500-SOP build that took us 89 s with Pagefind; at 5,000
SOPs it would not finish. Below that both use Material's search plugin.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from benchmarks.corpus import strip_macros
from handbook.handbook import find_sop_files
from handbook.policy import load_policy
from handbook.site import pagefind

NAV_MAX_SOPS = 50  # the default of hooks/handbook_site.py


def make_plain(ours: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ours / "docs", dest / "docs")
    policy = load_policy(ours / "mkdocs.yml")
    config = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    raw = yaml.safe_load(re.sub(r"!!python/name:\S+", "null", config))
    max_sops = raw.get("extra", {}).get("handbook", {}).get("nav_max_sops", NAV_MAX_SOPS)
    nav: list = [{"Home": "index.md"}]
    home = ["# Handbook", ""]
    for page in (dest / "docs").rglob("*.md"):
        page.write_text(strip_macros(page.read_text(encoding="utf-8")), encoding="utf-8")
    for dept in policy.departments.values():
        folder = dest / "docs" / dept.key
        sources = sorted(p for p in folder.glob("*.md") if p.name.count(".") == 1) if folder.is_dir() else []
        rows = [f"| [{p.stem.upper()}]({p.name}) | {_title(p)} |" for p in sources]
        folder.mkdir(exist_ok=True)
        (folder / "index.md").write_text("\n".join([f"# {dept.name}", "", "| id | title |", "|---|---|", *rows, ""]), encoding="utf-8")
        listed = [f"{dept.key}/{p.name}" for p in sources] if len(sources) <= max_sops else []
        nav.append({dept.name: [f"{dept.key}/index.md", *listed]})
        home.append(f"- [{dept.name}]({dept.key}/index.md)")
    (dest / "docs" / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    plain_config = _without_hooks_and_macros(config, keep_search=not _uses_pagefind(ours / "mkdocs.yml"))
    (dest / "mkdocs.yml").write_text(plain_config + "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True), encoding="utf-8")
    return dest


def _title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines()[1:12]:
        if line.startswith("title:"):
            return line[6:].strip().strip('"').replace("|", "\\|")
    return page.stem


def _uses_pagefind(config_file: Path) -> bool:
    """Whether our build of this handbook searches with Pagefind (the same rule as hooks/pagefind_search.py)."""
    policy = load_policy(config_file)
    return pagefind.wanted(policy.search, len(find_sop_files(policy)))


def _without_hooks_and_macros(config: str, keep_search: bool) -> str:
    """Drop the `hooks:` list, the `- macros:` plugin entry (with their indented lines), our list extension, and `- search` unless kept."""
    out, skipping = [], None
    for line in config.splitlines():
        indent = len(line) - len(line.lstrip())
        if skipping is not None:
            if not line.strip() or indent > skipping:
                continue
            skipping = None
        if line.startswith("hooks:"):
            skipping = 0
            continue
        if line.strip() in ("- search", "- search:") and not keep_search:
            skipping = len(line) - len(line.lstrip()) + 1
            continue
        if line.strip() == "- handbook.list_nesting":  # ours too: plain Material nests lists at 4 spaces only
            continue
        if line.strip() == "- macros:":
            skipping = indent + 1  # the plugin's options are indented deeper than its dash
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def build_plain(site: Path) -> int:
    """Build the reference in the current folder into `site`, then index it with Pagefind like ours."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(site)])
    if result.returncode != 0:
        return result.returncode
    if _uses_pagefind(Path("mkdocs.yml")):
        pagefind.index_site(site, load_policy(Path("mkdocs.yml")).languages)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "build":
        sys.exit("usage: python benchmarks/plain.py build SITE   (in a folder made by make_plain)")
    sys.exit(build_plain(Path(sys.argv[2]).resolve()))
