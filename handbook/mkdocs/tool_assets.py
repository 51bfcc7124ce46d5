"""Hook: the tool's stylesheets and scripts come from the installed package, so an upgrade brings them along.

Every stylesheet and script directly under the package's `assets/` is linked from every page
(added to `extra_css` / `extra_javascript` unless mkdocs.yml lists it already), so a handbook's
mkdocs.yml never has to name them and a new one arrives with `pip install -U`. Files in
subfolders (`assets/vendor/`) are only published: hooks/mermaid_local.py links Mermaid where a
page needs it. A handbook that writes its own file at the same path in docs/ keeps it (an
authored file wins). Runs before mkdocs-static-i18n sorts the files into each language's site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).parent  # the files under ROOT/assets/ are published as assets/...


def tool_assets() -> list[str]:
    """The tool's asset paths, as the site serves them (assets/handbook.css, ...)."""
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "assets").rglob("*") if p.is_file())


def linked_assets(kind: str) -> list[str]:
    """The tool's top-level `.css` or `.js` files, as the site serves them; the stylesheet first."""
    found = [p for p in tool_assets() if p.count("/") == 1 and p.endswith(kind)]
    return sorted(found, key=lambda p: (p != "assets/handbook.css", p))


def on_config(config):
    """Link the tool's stylesheets and scripts from every page, after any a handbook lists itself."""
    for listed, kind in ((config.extra_css, ".css"), (config.extra_javascript, ".js")):
        for path in linked_assets(kind):
            if path not in {str(item) for item in listed}:
                listed.append(path)
    return config


@event_priority(90)  # after hooks/contained_files.py (100), before mkdocs-static-i18n (-100)
def on_files(files: Files, config) -> Files:
    for path in tool_assets():
        if files.get_file_from_path(path) is None:
            files.append(File(path, str(ROOT), config.site_dir, config.use_directory_urls))
    return files
