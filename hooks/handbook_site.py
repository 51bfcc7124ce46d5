"""MkDocs hook: the SOP handbook's `handbook_site` (its logic is in the installed package, handbook/mkdocs/handbook_site.py)."""

from handbook.mkdocs.handbook_site import *  # noqa: F401,F403
