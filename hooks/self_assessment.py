"""MkDocs hook: the SOP handbook's `self_assessment` (its logic is in the installed package, handbook/mkdocs/self_assessment.py)."""

from handbook.mkdocs.self_assessment import *  # noqa: F401,F403
