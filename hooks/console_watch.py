"""MkDocs hook: the SOP handbook's `console_watch` (its logic is in the installed package, handbook/mkdocs/console_watch.py)."""

from handbook.mkdocs.console_watch import *  # noqa: F401,F403
