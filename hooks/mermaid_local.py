"""MkDocs hook: the SOP handbook's `mermaid_local` (its logic is in the installed package, handbook/mkdocs/mermaid_local.py)."""

from handbook.mkdocs.mermaid_local import *  # noqa: F401,F403
