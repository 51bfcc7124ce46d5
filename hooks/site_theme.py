"""MkDocs hook: the SOP handbook's `site_theme` (its logic is in the installed package, handbook/mkdocs/site_theme.py)."""

from handbook.mkdocs.site_theme import *  # noqa: F401,F403
