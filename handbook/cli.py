"""`handbook`: the command line over the domain core.

Exit codes: 0 clean (warnings allowed), 1 when an SOP has an error, 2 for a
usage or configuration error, 3 when `handbook review` found the SOP changed by
someone else since it read it (nothing recorded: run it again). Bad content never produces a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .handbook import Verdict, open_check
from .output import FORMATS
from .policy import ConfigError
from .today import TodayError, today

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_CHANGED = 0, 1, 2, 3


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Tools for the SOP handbook: check SOPs, start new ones, record reviews, start a handbook of your own.",
        epilog="Run `handbook COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"handbook {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check SOPs against the handbook's rules without building the site",
        description="Check SOPs: front matter, departments, ids, required sections, formats, glossary terms and reviews.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="SOP files or folders (default: the whole handbook)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--today", metavar="YYYY-MM-DD", help="the date reviews are judged against (default: $HANDBOOK_TODAY or today)")
    check.add_argument("--config", "-f", default="mkdocs.yml", metavar="FILE", help="the handbook's mkdocs.yml (default: ./mkdocs.yml)")
    check.set_defaults(run=run_check)
    from .commands import codeowners, import_docs, init, new, report, review, serve  # imported here: they import UsageError from this module

    for command in (new, review, report, codeowners, import_docs, init, serve):
        command.add_parser(commands)
    return parser


def run_check(args: argparse.Namespace) -> int:
    config = Path(args.config)
    cwd = Path.cwd()
    handbook = open_check(config, today(args.today), shown_root=cwd)
    findings = handbook.findings
    files = handbook.files_checked
    if args.paths:
        wanted = _selected(args.paths, handbook, cwd)
        findings = handbook.findings_for(wanted)
        files = len(wanted)
    sys.stdout.write(FORMATS[args.format](findings, files, handbook.today))
    return EXIT_FINDINGS if any(f.is_error for f in findings) else EXIT_OK


def _selected(paths: list[str], handbook: Verdict, cwd: Path) -> set[str]:
    """The shown paths of the SOP files named on the command line (files or folders)."""
    docs = handbook.policy.docs_dir.resolve()
    wanted: set[str] = set()
    for raw in paths:
        target = (cwd / raw).resolve()
        if not target.exists():
            raise UsageError(f"{raw}: no such file or folder")
        try:
            rel = target.relative_to(docs).as_posix()
        except ValueError:
            raise UsageError(f"{raw}: not inside the handbook's docs folder ({handbook.policy.docs_dir})") from None
        if target.is_dir():
            prefix = "" if rel == "." else rel + "/"
            wanted.update(shown for r, shown in handbook.files.items() if r.startswith(prefix))
        elif rel in handbook.files:
            wanted.add(handbook.files[rel])
        else:
            raise UsageError(f"{raw}: not an SOP (SOPs are the Markdown files in the folders of docs/, except index pages)")
    return wanted


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `handbook` alone: what it can do, not an argparse complaint
        parser.print_help()
        return EXIT_OK
    try:
        return args.run(args)
    except (ConfigError, TodayError, UsageError) as exc:
        sys.stderr.write(f"handbook: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # `handbook check | head`: the reader has what it wanted; no traceback
        _quiet_stdout()
        return EXIT_OK


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's flush at exit does not fail on the closed pipe again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
