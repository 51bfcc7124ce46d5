"""MkDocs hook: the SOP handbook's `tool_assets` (its logic is in the installed package, handbook/mkdocs/tool_assets.py)."""

from handbook.mkdocs.tool_assets import *  # noqa: F401,F403
