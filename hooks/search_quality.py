"""MkDocs hook: the SOP handbook's `search_quality` (its logic is in the installed package, handbook/mkdocs/search_quality.py)."""

from handbook.mkdocs.search_quality import *  # noqa: F401,F403
