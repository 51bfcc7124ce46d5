"""Review arithmetic: when an SOP is next due and what state its review is in."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import Enum


class ReviewState(str, Enum):
    CURRENT = "current"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    EXEMPT = "exempt"  # drafts and retired SOPs are not on the review cycle
    UNKNOWN = "unknown"  # no valid review date to compute from


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReviewStatus:
    state: ReviewState
    next_review: date | None
    days_left: int | None  # negative when overdue

    @property
    def shown_due(self) -> date | None:
        """The next review as readers see it: none for an SOP off the review cycle (a draft, a retired SOP)."""
        return None if self.state is ReviewState.EXEMPT else self.next_review


def review_status(
    last_reviewed: date | None,
    interval_months: int,
    explicit_next: date | None,
    status: str,
    exempt_statuses: tuple[str, ...],
    due_soon_days: int,
    today: date,
) -> ReviewStatus:
    """The explicit `next_review` wins over `last_reviewed` + interval."""
    due = explicit_next or (add_months(last_reviewed, interval_months) if last_reviewed else None)
    if due is None:
        return ReviewStatus(ReviewState.UNKNOWN, None, None)
    days_left = (due - today).days
    if status in exempt_statuses:
        state = ReviewState.EXEMPT
    elif days_left < 0:
        state = ReviewState.OVERDUE
    elif days_left <= due_soon_days:
        state = ReviewState.DUE_SOON
    else:
        state = ReviewState.CURRENT
    return ReviewStatus(state, due, days_left)
