"""MkDocs hook: the SOP handbook's `pagefind_search` (its logic is in the installed package, handbook/mkdocs/pagefind_search.py)."""

from handbook.mkdocs.pagefind_search import *  # noqa: F401,F403
