"""`handbook codeowners`: write .github/CODEOWNERS from SOP owners and department leads, or check it."""

from __future__ import annotations

import argparse
import difflib
import os
import sys

from ..atomic import replace_file
from ..codeowners import PATH, codeowners, output_path
from . import add_common, load


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "codeowners",
        help="write .github/CODEOWNERS so pull requests ask each SOP's owner and lead for review",
        description=(
            "Write .github/CODEOWNERS (next to mkdocs.yml) from each SOP's owner and each department's lead, "
            "mapped to GitHub users or teams by extra.handbook.people in mkdocs.yml."
        ),
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the file is missing or out of date (for CI)")
    add_common(parser, with_today=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import EXIT_FINDINGS, EXIT_OK, UsageError  # the CLI imports this module

    handbook = load(args)
    wanted = codeowners(handbook)
    target = output_path(handbook)
    shown = os.path.relpath(target) if target.is_absolute() else str(target)
    try:
        current = target.read_bytes().decode("utf-8") if target.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{shown}: cannot be read ({exc})") from None
    if current is not None and current.replace("\r\n", "\n") == wanted:  # a Windows checkout may add CR
        sys.stdout.write(f"{shown} is up to date.\n")
        return EXIT_OK
    if args.check:
        if current is not None:
            diff = difflib.unified_diff(current.splitlines(True), wanted.splitlines(True), f"{PATH} (committed)", f"{PATH} (expected)")
            sys.stdout.write("".join(diff))
        sys.stdout.write(f"{shown} is {'missing' if current is None else 'out of date'}: run `handbook codeowners` and commit the file.\n")
        return EXIT_FINDINGS
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, wanted.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{shown}: cannot be written ({exc.strerror or exc}); the old file is unchanged") from None
    sys.stdout.write(f"Wrote {shown}: every SOP's owner and department lead is asked to review its pull requests.\n")
    return EXIT_OK
