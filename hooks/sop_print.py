"""MkDocs hook: the SOP handbook's `sop_print` (its logic is in the installed package, handbook/mkdocs/sop_print.py)."""

from handbook.mkdocs.sop_print import *  # noqa: F401,F403
