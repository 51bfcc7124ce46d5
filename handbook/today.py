"""The one place "today" comes from, so builds and tests are reproducible."""

from __future__ import annotations

import os
from datetime import date

ENV_VAR = "HANDBOOK_TODAY"


class TodayError(ValueError):
    pass


def parse_date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise TodayError(f"{where}: {text!r} is not a date; write YYYY-MM-DD, e.g. 2026-11-23") from None


def today(override: str | None = None) -> date:
    """`override` (from --today) wins, then $HANDBOOK_TODAY, then the system clock."""
    if override:
        return parse_date(override, "--today")
    value = os.environ.get(ENV_VAR, "").strip()
    if value:
        return parse_date(value, ENV_VAR)
    return date.today()
