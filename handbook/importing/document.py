"""A source document as read for import, before it becomes an SOP: its fields, its kept keys, its Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass
class ImportedText:
    path: Path
    kind: str  # markdown | docx
    body: str  # Markdown
    body_line: int = 1  # the body's first line in the source file (for the report)
    title: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # handbook fields: owner, last_reviewed, effective, tags, description, version
    legacy: dict[str, Any] = field(default_factory=dict)  # the source's other keys, kept under `legacy:`
    media: dict[str, bytes] = field(default_factory=dict)  # file name in the SOP's media folder -> content
    mapped: list[str] = field(default_factory=list)
    needs_author: list[str] = field(default_factory=list)
    not_kept: list[str] = field(default_factory=list)


def day_of(value: Any) -> date | None:
    """A calendar day from a YAML date, a datetime, or text starting `YYYY-MM-DD`; None when it is none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _ISO_DAY.match(str(value).strip()) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def plain(value: Any) -> Any:
    """`value` as plain YAML data (dates as text), to keep under `legacy:`."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
