"""The review calendar: an iCalendar feed of each SOP's next review date, for all SOPs and per owner.

Owners subscribe once in their calendar app and get an all-day event on the due
date with a reminder two weeks before it; the site republishes the feed on every
build, so no server is needed. Event UIDs are stable per SOP id, so a moved due
date updates the event instead of adding another.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from datetime import datetime, time, timedelta, timezone
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event

from .handbook import Handbook
from .review import ReviewState
from .sop import SOP

FEED = "reviews.ics"
OWNER_FOLDER = "reviews"
REMIND_DAYS = 14


def scheduled(handbook: Handbook) -> list[SOP]:
    """Source-language SOPs on the review cycle with a due date (drafts and retired SOPs are not)."""
    return [
        sop
        for sop in sorted(handbook.by_id.values(), key=lambda s: s.id)
        if handbook.review(sop).state not in (ReviewState.EXEMPT, ReviewState.UNKNOWN)
    ]


def slug(name: str) -> str:
    """`Jānis Bērziņš` -> `janis-berzins`: a file name every web server and calendar app accepts."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "owner"


def owner_feeds(handbook: Handbook) -> dict[str, str]:
    """Owner name -> site path of their feed (`reviews/anna-kowalczyk.ics`), for owners with a scheduled SOP."""
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for owner in sorted({s.owner for s in scheduled(handbook) if s.owner}):
        base = candidate = slug(owner)
        n = 2
        while candidate in taken:  # two names with the same ASCII spelling
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        paths[owner] = f"{OWNER_FOLDER}/{candidate}.ics"
    return paths


def site_link(site_url: str, path: str) -> str | None:
    """The published address of a site path, or None when mkdocs.yml sets no site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def page_path(sop: SOP, directory_urls: bool = True) -> str:
    """The SOP page's path in the site, as MkDocs writes it."""
    stem = posixpath.splitext(sop.docs_path)[0]
    return f"{stem}/" if directory_urls else f"{stem}.html"


def _one_line(text: object) -> str:
    """Front-matter text on one line: an iCalendar property value may not hold a raw line break."""
    return " ".join(str(text).split())


def review_calendar(handbook: Handbook, sops: list[SOP], name: str, directory_urls: bool = True) -> bytes:
    """An iCalendar file with one all-day event per SOP on its next review date."""
    policy = handbook.policy
    host = urlsplit(policy.site_url).hostname or "sop-handbook"
    stamp = datetime.combine(handbook.today, time(0), tzinfo=timezone.utc)  # reproducible: the build's today
    cal = Calendar()
    cal.add("prodid", "-//sop-handbook//review calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _one_line(name))
    for sop in sops:
        review = handbook.review(sop)
        if review.next_review is None:
            continue
        department = policy.departments.get(sop.department)
        url = site_link(policy.site_url, page_path(sop, directory_urls))
        details = [
            f"Owner: {_one_line(sop.owner)}",
            f"Department: {_one_line(department.name if department else sop.department)}",
            f"Version {_one_line(sop.version)}, status {_one_line(sop.status)}",
            f"After the review, record it with: handbook review {sop.id}",
        ]
        if url:
            details.append(url)
        event = Event()
        event.add("uid", f"review-{sop.id.lower()}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", review.next_review)
        event.add("dtend", review.next_review + timedelta(days=1))
        event.add("summary", _one_line(f"Review {sop.id} {sop.title}"))
        event.add("description", "\n".join(details))
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: never shows the owner as busy
        if url:
            event.add("url", url)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Review of {sop.id} due in {REMIND_DAYS} days")
        alarm.add("trigger", timedelta(days=-REMIND_DAYS))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def calendar_feeds(handbook: Handbook, site_name: str = "SOP handbook", directory_urls: bool = True) -> dict[str, bytes]:
    """Site path -> iCalendar bytes: `reviews.ics` for every scheduled SOP, `reviews/<owner>.ics` per owner."""
    sops = scheduled(handbook)
    feeds = {FEED: review_calendar(handbook, sops, f"{site_name}: SOP reviews", directory_urls)}
    for owner, path in owner_feeds(handbook).items():
        own = [s for s in sops if s.owner == owner]
        feeds[path] = review_calendar(handbook, own, f"{site_name}: SOP reviews for {owner}", directory_urls)
    return feeds
