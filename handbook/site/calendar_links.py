"""The review dashboard's box with the review calendar's subscription addresses.

Calendar apps need the full address of a feed, so the links are absolute
(`site_url` + path); without a `site_url` there is nothing to subscribe to.
"""

from __future__ import annotations

from ..calendar import FEED, owner_feeds, site_link
from ..handbook import Handbook
from .escaping import Markdown, markdown_label, markdown_text
from .labels import label


def calendar_box(handbook: Handbook, lang: str) -> list[Markdown]:
    """Markdown lines of an admonition linking `reviews.ics` and each owner's feed; none without a site_url."""
    site_url = handbook.policy.site_url
    everything = site_link(site_url, FEED)
    if everything is None:
        return []
    owners = ", ".join(_link(markdown_text(owner), site_link(site_url, path)) for owner, path in owner_feeds(handbook).items())
    everyone = _link(markdown_text(label(lang, "reviews_calendar_all")), everything)
    text = markdown_label(label(lang, "reviews_calendar"), all=everyone, owners=Markdown(owners) if owners else "—")
    title = markdown_text(label(lang, "reviews_calendar_title"))
    return [Markdown(f'!!! tip "{title}"'), Markdown(""), Markdown(f"    {text}"), Markdown("")]


def _link(shown: Markdown, address: str) -> Markdown:
    # site_url is a URL MkDocs has validated; the feed paths are slugs (calendar.slug)
    return Markdown(f"[{shown}]({address})")
