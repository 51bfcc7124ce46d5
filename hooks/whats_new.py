"""MkDocs hook: the SOP handbook's `whats_new` (its logic is in the installed package, handbook/mkdocs/whats_new.py)."""

from handbook.mkdocs.whats_new import *  # noqa: F401,F403
