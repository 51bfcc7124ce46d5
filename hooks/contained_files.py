"""MkDocs hook: the SOP handbook's `contained_files` (its logic is in the installed package, handbook/mkdocs/contained_files.py)."""

from handbook.mkdocs.contained_files import *  # noqa: F401,F403
