"""Hook: the tool's stylesheet and Mermaid come from the installed package, so an upgrade brings them along.

`extra_css: [assets/handbook.css]` and hooks/mermaid_local.py name files under `assets/`;
a handbook that writes its own file at the same path in docs/ keeps it (an authored file wins).
Runs before mkdocs-static-i18n sorts the files into each language's site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).parent  # the files under ROOT/assets/ are published as assets/...


def tool_assets() -> list[str]:
    """The tool's asset paths, as the site serves them (assets/handbook.css, ...)."""
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "assets").rglob("*") if p.is_file())


@event_priority(90)  # after hooks/contained_files.py (100), before mkdocs-static-i18n (-100)
def on_files(files: Files, config) -> Files:
    for path in tool_assets():
        if files.get_file_from_path(path) is None:
            files.append(File(path, str(ROOT), config.site_dir, config.use_directory_urls))
    return files
