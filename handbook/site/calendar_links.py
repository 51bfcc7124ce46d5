"""The review dashboard's box with the review calendar's subscription addresses.

Calendar apps need the full address of a feed, so the links are absolute
(`site_url` + path); without a `site_url` there is nothing to subscribe to.
"""

from __future__ import annotations

from ..calendar import FEED, owner_feeds, site_link
from ..handbook import Handbook
from .labels import label


def calendar_box(handbook: Handbook, lang: str) -> list[str]:
    """Markdown lines of an admonition linking `reviews.ics` and each owner's feed; none without a site_url."""
    site_url = handbook.policy.site_url
    everything = site_link(site_url, FEED)
    if everything is None:
        return []
    owners = ", ".join(f"[{_text(owner)}]({site_link(site_url, path)})" for owner, path in owner_feeds(handbook).items())
    text = label(lang, "reviews_calendar", all=f"[{label(lang, 'reviews_calendar_all')}]({everything})", owners=owners or "—")
    return [f"!!! tip \"{label(lang, 'reviews_calendar_title')}\"", "", f"    {text}", ""]


def _text(name: str) -> str:
    return name.replace("[", "\\[").replace("]", "\\]")
