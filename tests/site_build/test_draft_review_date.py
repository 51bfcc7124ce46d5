"""A draft (or a retired SOP) is off the review cycle: its page and its department's table show no next-review date."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.site


def _next_review(build, page: str) -> str:
    card = build.soup(page).select_one("section.hb-card")
    item = next(i for i in card.select(".hb-card__item") if i.dt.get_text(strip=True) == "Next review")
    return item.dd.get_text(" ", strip=True)


def _due_column(build, department: str) -> dict[str, str]:
    table = build.soup(f"{department}/").select_one(".hb-sop-table table")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    due = heads.index("Next review")
    return {row.select("td")[0].get_text(strip=True): row.select("td")[due].get_text(strip=True) for row in table.select("tbody tr")}


def test_a_draft_shows_not_scheduled_and_no_date(fixture_site):
    # BI-002 is the fixture's draft, last reviewed 2026-06-01: a date a year on would contradict "Not scheduled".
    assert _next_review(fixture_site, "billing/bi-002/") == "— Not scheduled"
    assert _next_review(fixture_site, "billing/bi-001/").startswith("2027-")  # an approved SOP keeps its date
    assert _due_column(fixture_site, "billing") == {"BI-001": "2027-06-01", "BI-002": "—"}
