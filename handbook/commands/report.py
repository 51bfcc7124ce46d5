"""`handbook report`: what is overdue, due soon and current, by owner and department."""

from __future__ import annotations

import argparse
import difflib
import sys

from ..report import FORMATS, build_report
from . import add_common, find_department, load


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="which SOP reviews are overdue, due soon or current, by owner and department",
        description=(
            "Report every SOP's review state as `handbook check` judges it (its overdue and due-soon totals are the "
            "check's REV001 and REV002 counts). Exit code 1 when anything in the report is overdue."
        ),
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text; md for a GitHub summary)")
    parser.add_argument("--owner", metavar="NAME", help="only this owner's SOPs")
    parser.add_argument("--department", "-d", metavar="KEY", help="only this department's SOPs (its key, name or id prefix, e.g. billing or BR)")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import EXIT_FINDINGS, EXIT_OK, UsageError  # the CLI imports this module

    handbook = load(args)
    department = None
    if args.department is not None:
        try:
            department = find_department(handbook.policy, args.department).key  # by key, name or prefix, as everywhere
        except ValueError as exc:
            raise UsageError(f"--department: {exc}") from None
    if args.owner is not None:
        owners = sorted({r.owner for r in build_report(handbook).rows if r.owner})
        if args.owner.casefold() not in {o.casefold() for o in owners}:
            close = difflib.get_close_matches(args.owner, owners, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise UsageError(f"--owner {args.owner}: owns no SOP{hint}; owners: {', '.join(owners)}")
    report = build_report(handbook, owner=args.owner, department=department)
    sys.stdout.write(FORMATS[args.format](report))
    return EXIT_FINDINGS if report.totals()["overdue"] else EXIT_OK
