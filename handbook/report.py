"""The review report: which SOPs are overdue, due soon or current, by owner and by department.

Built from the same Handbook object and the same review judgement as the check
(`rules.checked_review`), so its overdue and due-soon totals are the check's
REV001 and REV002 counts.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .handbook import Handbook
from .review import ReviewState
from .rules import checked_review
from .site.escaping import markdown_text

REPORT_VERSION = 1
STATES = ("overdue", "due-soon", "current", "exempt", "unknown")
STATE_WORDS = {
    "overdue": "overdue",
    "due-soon": "due soon",
    "current": "current",
    "exempt": "not scheduled",  # draft or retired
    "unknown": "without a valid review date",
}
COLUMNS = {"overdue": "Overdue", "due-soon": "Due soon", "current": "Current", "exempt": "Not scheduled", "unknown": "No date"}


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    department: str
    owner: str
    status: str
    state: str
    next_review: date | None
    days_left: int | None
    path: str

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "department": self.department,
            "owner": self.owner,
            "status": self.status,
            "state": self.state,
            "next_review": self.next_review.isoformat() if self.next_review else None,
            "days_left": self.days_left,
            "path": self.path,
        }


@dataclass(frozen=True)
class Report:
    today: date
    due_soon_days: int
    rows: list[Row]
    departments: dict[str, str]  # key -> name, in policy order

    def totals(self, rows: list[Row] | None = None) -> dict[str, int]:
        counted = Counter(r.state for r in (self.rows if rows is None else rows))
        return {state: counted.get(state, 0) for state in STATES}

    def by_department(self) -> dict[str, dict[str, int]]:
        keys = list(self.departments) + sorted({r.department for r in self.rows} - set(self.departments))
        return {k: self.totals([r for r in self.rows if r.department == k]) for k in keys if any(r.department == k for r in self.rows)}

    def by_owner(self) -> dict[str, dict[str, int]]:
        return {o: self.totals([r for r in self.rows if r.owner == o]) for o in sorted({r.owner for r in self.rows})}

    def in_state(self, state: str) -> list[Row]:
        return sorted((r for r in self.rows if r.state == state), key=lambda r: (r.next_review or date.max, r.id, r.path))


def build_report(handbook: Handbook, owner: str | None = None, department: str | None = None) -> Report:
    """Every source-language SOP the check judges, as the check judges it; optionally one owner's or department's."""
    rows = []
    for sop in handbook.sops:
        if sop.is_translation:
            continue
        review = checked_review(sop, handbook.policy, handbook.today)
        state = review.state.value if review else ReviewState.UNKNOWN.value  # FM009: the check judges no review
        rows.append(
            Row(
                sop.id,
                sop.title,
                sop.department,
                sop.owner,
                sop.status,
                state,
                review.next_review if review else None,
                review.days_left if review else None,
                sop.path,
            )
        )
    if owner is not None:
        rows = [r for r in rows if r.owner.casefold() == owner.casefold()]
    if department is not None:
        rows = [r for r in rows if r.department == department]
    names = {k: d.name for k, d in handbook.policy.departments.items()}
    order = {k: i for i, k in enumerate(names)}
    rows.sort(key=lambda r: (order.get(r.department, len(order)), r.department, r.owner, r.id, r.path))
    return Report(handbook.today, handbook.policy.review.due_soon_days, rows, names)


def _when(row: Row) -> str:
    if row.days_left is None:
        return "—"
    if row.days_left < 0:
        return f"{-row.days_left} day(s) ago"
    return f"in {row.days_left} day(s)"


def _headline(report: Report) -> str:
    totals = report.totals()
    parts = ", ".join(f"{totals[s]} {STATE_WORDS[s]}" for s in STATES if totals[s] or s in ("overdue", "due-soon", "current"))
    return f"Reviews as of {report.today.isoformat()}: {parts} ({len(report.rows)} SOP(s))"


def as_text(report: Report) -> str:
    lines = [_headline(report), ""]
    for state in ("overdue", "due-soon"):
        rows = report.in_state(state)
        lines.append(f"{STATE_WORDS[state].capitalize()} ({len(rows)}):")
        for r in rows:
            lines.append(f"  {r.id}  {r.title}  (owner: {r.owner}; due {r.next_review}, {_when(r)})  {r.path}")
        if not rows:
            lines.append("  none")
        lines.append("")
    for title, groups in (("By department", _named(report)), ("By owner", report.by_owner())):
        lines.append(f"{title}:")
        for name, totals in groups.items():
            counts = ", ".join(f"{totals[s]} {STATE_WORDS[s]}" for s in STATES if totals[s])
            lines.append(f"  {name}: {counts}")
        lines.append("")
    return "\n".join(lines)


def _named(report: Report) -> dict[str, dict[str, int]]:
    return {report.departments.get(k, k): v for k, v in report.by_department().items()}


def _cell(text: str) -> str:
    # The job summary is Markdown that GitHub renders as HTML: a value is text there too.
    return markdown_text(text)


def as_markdown(report: Report) -> str:
    """For a pull request or the GitHub job summary."""
    totals = report.totals()
    lines = [
        "# SOP review report",
        "",
        f"As of **{report.today.isoformat()}**: **{totals['overdue']} overdue**, **{totals['due-soon']} due soon** "
        f"(within {report.due_soon_days} days), {totals['current']} current, {len(report.rows)} SOP(s) in all.",
        "",
    ]
    for state in ("overdue", "due-soon"):
        rows = report.in_state(state)
        lines += [f"## {STATE_WORDS[state].capitalize()} ({len(rows)})", ""]
        if not rows:
            lines += ["None.", ""]
            continue
        lines += ["| ID | Title | Owner | Department | Due | |", "|---|---|---|---|---|---|"]
        for r in rows:
            dept = report.departments.get(r.department, r.department)
            lines.append(f"| {r.id} | {_cell(r.title)} | {_cell(r.owner)} | {_cell(dept)} | {r.next_review} | {_when(r)} |")
        lines.append("")
    header = " | ".join(COLUMNS[s] for s in STATES)
    for title, first, groups in (("By department", "Department", _named(report)), ("By owner", "Owner", report.by_owner())):
        lines += [f"## {title}", "", f"| {first} | {header} |", "|---" + "|--:" * len(STATES) + "|"]
        for name, counts in groups.items():
            lines.append(f"| {_cell(name)} | " + " | ".join(str(counts[s]) for s in STATES) + " |")
        lines.append("")
    return "\n".join(lines)


def as_json(report: Report) -> str:
    data = {
        "version": REPORT_VERSION,
        "today": report.today.isoformat(),
        "due_soon_days": report.due_soon_days,
        "totals": report.totals(),
        "by_department": report.by_department(),
        "by_owner": report.by_owner(),
        "sops": [r.as_dict() for r in report.rows],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_csv(report: Report) -> str:
    out = io.StringIO()
    fields = ["id", "title", "department", "owner", "status", "state", "next_review", "days_left", "path"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for r in report.rows:
        writer.writerow({k: _inert(v) for k, v in r.as_dict().items()})
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: object) -> object:
    """Text a spreadsheet would run as a formula (`=HYPERLINK(...)`) starts with a `'`, which it shows as text."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


FORMATS = {"text": as_text, "json": as_json, "csv": as_csv, "md": as_markdown}
