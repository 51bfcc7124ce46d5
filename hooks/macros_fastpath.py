"""MkDocs hook: the SOP handbook's `macros_fastpath` (its logic is in the installed package, handbook/mkdocs/macros_fastpath.py)."""

from handbook.mkdocs.macros_fastpath import *  # noqa: F401,F403
