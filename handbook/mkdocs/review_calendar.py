"""MkDocs hook: publish the review calendar (`reviews.ics`, `reviews/<owner>.ics`) with the site.

A thin adapter: the feeds come from `handbook.calendar`, for the handbook that
hooks/handbook_site.py loaded for this build (list that hook first).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook import calendar
from handbook.site import build, escaping

log = logging.getLogger("mkdocs.hooks.review_calendar")


def on_post_build(config) -> None:
    try:
        handbook = build.current()
    except RuntimeError as exc:
        raise PluginError(f"hooks/review_calendar.py: {exc}") from None
    if str(config.theme.get("language") or "en") != handbook.policy.source_lang:
        return  # subscription links are absolute (site_url + reviews.ics): the feeds live at the site root only
    site_name = escaping.plain_text(config.site_name or "SOP handbook")  # hooks/handbook_site.py made it Markup for the theme
    feeds = calendar.calendar_feeds(handbook, site_name, config.use_directory_urls)
    site = Path(config.site_dir)
    try:
        for path, data in feeds.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    except OSError as exc:
        raise PluginError(f"hooks/review_calendar.py: cannot write the review calendar into {site}: {exc.strerror}") from None
    log.info("review calendar: %s and %d owner feed(s) in %s", calendar.FEED, len(feeds) - 1, calendar.OWNER_FOLDER + "/")
