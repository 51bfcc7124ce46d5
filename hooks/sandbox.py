"""MkDocs hook: the SOP handbook's `sandbox` (its logic is in the installed package, handbook/mkdocs/sandbox.py)."""

from handbook.mkdocs.sandbox import *  # noqa: F401,F403
