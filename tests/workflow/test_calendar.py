"""The review calendar: the built site's `reviews.ics` and per-owner feeds, read with a real iCalendar parser."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from workflow_support import ROOT, WorkflowHandbook

from handbook.calendar import calendar_feeds
from handbook.handbook import open_handbook
from handbook.review import ReviewState

SITE_URL = "https://handbook.fixture.test/"  # the fixture handbook's (tests/fixture_handbook.py)


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    return {str(e["UID"]): e for e in events}


@pytest.fixture(scope="module")
def example(fixture_handbook):
    """The fixture handbook as the core sees it on the site build's day."""
    return open_handbook(fixture_handbook.root / "mkdocs.yml", date(2026, 11, 23))


@pytest.mark.site
def test_one_event_per_sop_with_a_review_date(fixture_site, example):
    events = _events((fixture_site.site / "reviews.ics").read_bytes())
    due = {s.id: example.review(s).next_review for s in example.by_id.values() if example.review(s).state not in (ReviewState.EXEMPT, ReviewState.UNKNOWN)}
    assert sorted(due) == ["BI-001", "SU-001", "SU-002"]  # BI-002 is a draft: not scheduled
    assert sorted(events) == sorted(f"review-{sop_id.lower()}@handbook.fixture.test" for sop_id in due)
    for sop_id, next_review in due.items():
        sop = example.by_id[sop_id]
        event = events[f"review-{sop_id.lower()}@handbook.fixture.test"]
        assert str(event["SUMMARY"]) == f"Review {sop_id} {sop.title}"
        assert event.decoded("DTSTART") == next_review  # an all-day event on the due date
        assert event.decoded("DTEND") == next_review + timedelta(days=1)
        description = str(event["DESCRIPTION"])
        assert f"Owner: {sop.owner}" in description
        page = sop.docs_path[: -len(".md")] + "/"
        assert description.endswith(SITE_URL + page) and str(event["URL"]) == SITE_URL + page
        assert (fixture_site.site / page / "index.html").exists()  # the link leads to the SOP's page
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(days=-14) and str(alarm["ACTION"]) == "DISPLAY"


OWNER_FEEDS = {
    "ana-lead.ics": "Ana Lead",
    "cara-owner.ics": "Cara Owner",
}


@pytest.mark.site
def test_one_feed_per_owner_with_only_their_sops(fixture_site, example):
    feeds = {p.name: p for p in (fixture_site.site / "reviews").glob("*.ics")}
    assert sorted(feeds) == sorted(OWNER_FEEDS)  # names become plain ASCII file names
    seen = []
    for name, owner in OWNER_FEEDS.items():
        calendar = Calendar.from_ical(feeds[name].read_bytes())
        assert str(calendar["X-WR-CALNAME"]) == f"Fixture Co Handbook: SOP reviews for {owner}"
        ids = [str(e["SUMMARY"]).split(" ")[1] for e in calendar.walk("VEVENT")]
        assert ids and all(example.by_id[i].owner == owner for i in ids)
        seen += ids
    assert sorted(seen) == ["BI-001", "SU-001", "SU-002"]  # every scheduled SOP in exactly one owner's feed


@pytest.mark.site
def test_the_dashboard_links_the_feeds(fixture_site):
    page = fixture_site.soup("reviews/")
    box = page.select_one("article .admonition.tip")
    links = {a.get_text(): a["href"] for a in box.find_all("a")}
    assert links["all SOPs"] == SITE_URL + "reviews.ics"
    assert links["Ana Lead"] == SITE_URL + "reviews/ana-lead.ics"
    for href in links.values():
        assert (fixture_site.site / href.removeprefix(SITE_URL)).exists()


def test_drafts_and_retired_sops_have_no_event(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md")
    hb.write_sop("docs/customer-service/cs-002.md", status="draft")
    hb.write_sop("docs/customer-service/cs-003.md", status="retired", owner="Bea Owner")
    hb.write_sop("docs/customer-service/cs-004.md", status="in-review", owner="Bea Owner", last_reviewed="2025-01-01")
    handbook = open_handbook(hb.root / "mkdocs.yml", date(2026, 11, 23))
    feeds = calendar_feeds(handbook, "Test", directory_urls=False)
    assert sorted(feeds) == ["reviews.ics", "reviews/ana-example.ics", "reviews/bea-owner.ics"]
    events = _events(feeds["reviews.ics"])
    assert sorted(events) == ["review-cs-001@sop-handbook", "review-cs-004@sop-handbook"]  # no site_url: a fixed host
    overdue = events["review-cs-004@sop-handbook"]
    assert overdue.decoded("DTSTART") == date(2026, 1, 1)  # an overdue review stays on its due date
    assert "URL" not in overdue  # nothing to link to without a site_url
    assert str(Calendar.from_ical(feeds["reviews/bea-owner.ics"])["X-WR-CALNAME"]) == "Test: SOP reviews for Bea Owner"


def test_uids_are_stable_across_builds(hb: WorkflowHandbook):
    hb.write_sop("docs/customer-service/cs-001.md")
    first = calendar_feeds(open_handbook(hb.root / "mkdocs.yml", date(2026, 11, 23)))["reviews.ics"]
    again = calendar_feeds(open_handbook(hb.root / "mkdocs.yml", date(2026, 11, 23)))["reviews.ics"]
    assert first == again  # the same day gives the same bytes: reproducible builds
    hb.write_sop("docs/customer-service/cs-001.md", last_reviewed="2026-10-01")
    moved = _events(calendar_feeds(open_handbook(hb.root / "mkdocs.yml", date(2026, 11, 23)))["reviews.ics"])
    assert moved["review-cs-001@sop-handbook"].decoded("DTSTART") == date(2027, 10, 1)  # same UID, new date


def test_the_hook_is_listed_after_the_site_hook():
    hooks = [line.strip() for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.strip().startswith("- hooks/")]
    assert hooks.index("- hooks/review_calendar.py") > hooks.index("- hooks/handbook_site.py")
    assert Path(ROOT / "hooks" / "review_calendar.py").is_file()


def test_no_subscription_box_without_a_site_url(hb: WorkflowHandbook):
    from handbook.site.calendar_links import calendar_box

    hb.write_sop("docs/customer-service/cs-001.md")
    assert calendar_box(open_handbook(hb.root / "mkdocs.yml", date(2026, 11, 23)), "en") == []  # nothing to subscribe to
    hb.set_config("site_name: Test handbook\n", "site_name: Test handbook\nsite_url: https://sops.example.com/handbook/\n")
    box = calendar_box(open_handbook(hb.root / "mkdocs.yml", date(2026, 11, 23)), "en")
    assert box[0] == '!!! tip "Review calendar"'
    assert "[all SOPs](https://sops.example.com/handbook/reviews.ics)" in box[2]
    assert "[Ana Example](https://sops.example.com/handbook/reviews/ana-example.ics)" in box[2]
