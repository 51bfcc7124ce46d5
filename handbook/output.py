"""How a check's findings are written: for people, for GitHub Actions, for machines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from .findings import Finding

JSON_REPORT_VERSION = 1


def counts(findings: Sequence[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.is_error)
    return errors, len(findings) - errors


def summary(findings: Sequence[Finding], files: int, today: date) -> str:
    errors, warnings = counts(findings)
    verdict = "FAILED" if errors else "passed"
    return (
        f"{verdict}: {files} SOP file(s) checked, {errors} error(s), {warnings} warning(s) "
        f"(reviews as of {today.isoformat()})"
    )


def as_log_line(f: Finding) -> str:
    """One finding as the check prints it: `file:line: CODE message`, then its hint on a line of its own."""
    label = "" if f.is_error else "warning "
    return f"{f.path}:{f.line}: {f.code} {label}{f.message}\n    hint: {f.hint}"


def as_text(findings: Sequence[Finding], files: int, today: date) -> str:
    lines = [as_log_line(f) for f in findings]
    lines.append(summary(findings, files, today))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], files: int, today: date) -> str:
    """GitHub Actions workflow commands: each finding shows inline on the pull request."""
    lines = []
    for f in findings:
        command = "error" if f.is_error else "warning"
        props = f"file={_escape_property(f.path)},line={max(f.line, 1)},title={_escape_property(f.code)}"
        message = _escape_data(f.message + "\n" + f.hint)
        lines.append(f"::{command} {props}::{message}")
    lines.append(summary(findings, files, today))
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding], files: int, today: date) -> str:
    errors, warnings = counts(findings)
    report = {
        "version": JSON_REPORT_VERSION,
        "today": today.isoformat(),
        "files_checked": files,
        "errors": errors,
        "warnings": warnings,
        "problems": [f.as_dict() for f in findings],
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": as_text, "github": as_github, "json": as_json}
