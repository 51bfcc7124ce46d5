"""MkDocs hook: the SOP handbook's `review_calendar` (its logic is in the installed package, handbook/mkdocs/review_calendar.py)."""

from handbook.mkdocs.review_calendar import *  # noqa: F401,F403
