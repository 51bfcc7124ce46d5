"""Where the handbook's template overrides live (handbook/site/overrides/): read before Material's own."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).with_name("overrides")


def install(dirs: list[str]) -> None:
    """Put the overrides first in a theme's template folders (once)."""
    folder = str(FOLDER)
    if folder not in dirs:
        dirs.insert(0, folder)
