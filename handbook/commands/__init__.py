"""The `handbook` subcommands beyond `check`, one module each; each exposes `add_parser(subparsers)`.

Thin adapters: they read the arguments, call the domain core and print. Errors
the author can fix raise `cli.UsageError` (exit 2) with the file, what is wrong
and how to fix it.
"""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from ..handbook import Handbook, open_handbook
from ..policy import Department, Policy
from ..today import today


def add_common(parser: argparse.ArgumentParser, with_today: bool = True) -> None:
    if with_today:
        parser.add_argument("--today", metavar="YYYY-MM-DD", help="the date to work as of (default: $HANDBOOK_TODAY or today)")
    parser.add_argument("--config", "-f", default="mkdocs.yml", metavar="FILE", help="the handbook's mkdocs.yml (default: ./mkdocs.yml)")


def load(args: argparse.Namespace) -> Handbook:
    """The whole handbook, loaded and checked once, as `handbook check` sees it."""
    return open_handbook(Path(args.config), today(getattr(args, "today", None)), shown_root=Path.cwd())


def find_department(policy: Policy, value: str) -> Department:
    """A department by its key, name or id prefix (billing, Billing and Refunds, BR); ValueError naming the known ones."""
    wanted = value.strip().casefold()
    for dept in policy.departments.values():
        if wanted in (dept.key.casefold(), dept.name.casefold(), dept.prefix.casefold()):
            return dept
    choices = {d.key: d for d in policy.departments.values()} | {d.prefix: d for d in policy.departments.values()}
    close = difflib.get_close_matches(value.strip(), list(choices), n=1) or difflib.get_close_matches(value.strip().upper(), list(choices), n=1)
    hint = f" (did you mean {choices[close[0]].key}?)" if close else ""
    known = ", ".join(f"{d.key} ({d.prefix})" for d in policy.departments.values())
    raise ValueError(f"department {value!r} is not in mkdocs.yml{hint}; known: {known}")
