"""MkDocs hook: the SOP handbook's `parallel_languages` (its logic is in the installed package, handbook/mkdocs/parallel_languages.py)."""

from handbook.mkdocs.parallel_languages import *  # noqa: F401,F403
