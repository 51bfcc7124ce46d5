"""Publishing is strict about everything but the calendar: stop the publish when `handbook check` finds an error other than an overdue review.

Usage: `handbook check --format json > check.json; python .github/publish_gate.py check.json`.
An SOP falling overdue (REV001) must not stop the daily rebuild: its page shows the overdue
banner. Any other error (invalid front matter, a template finding, a link leaving the
repository ...) means a page would be published wrong: the publish stops, the site
already online stays as it was, and each error is shown as a GitHub annotation.
"""

from __future__ import annotations

import json
import sys

ALLOWED = frozenset({"REV001"})  # errors the published site shows as a banner instead


def main(path: str) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            report = json.load(handle)
        problems = report["problems"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"::error::handbook check gave no report ({exc}): nothing is published")
        return 1
    blocking = [p for p in problems if p.get("severity") == "error" and p.get("code") not in ALLOWED]
    for p in blocking:
        message = f"{p['code']} {p['message']} ({p.get('hint', '')})".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        print(f"::error file={p['file']},line={max(int(p.get('line') or 1), 1)}::{message}")
    if blocking:
        print(f"{len(blocking)} error(s) other than overdue reviews: the site is not published; the one online stays as it was.")
        return 1
    print("No error but overdue reviews: publishing (overdue SOPs show their banner).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "check.json"))
