"""`handbook import`: bring procedures from Word documents or another Markdown handbook into a department, as drafts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..handbook import open_handbook
from ..importing import CannotImport, import_sources
from . import add_common, find_department, load


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import procedures from Word (.docx) or Markdown files as draft SOPs",
        description=(
            "Write one draft SOP per source file into docs/<department>/ with the department's next free ids: "
            "headings mapped to the required sections (extra.handbook.sections and synonyms), a TODO for each "
            "missing one, original dates kept, links and images brought along. It never overwrites a file."
        ),
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="a .docx or .md file, or a folder of them (searched recursively)")
    parser.add_argument("--department", "-d", required=True, metavar="KEY", help="the department's key, name or id prefix (e.g. billing)")
    parser.add_argument("--owner", metavar="NAME", help="the owner of every imported SOP (default: the source's author, else the department's lead)")
    parser.add_argument("--old-site", metavar="URL", default="", help="the old handbook's address: links to it are pointed at the imported pages")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="the report's format (default: text)")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import EXIT_FINDINGS, EXIT_OK, UsageError  # the CLI imports this module

    handbook = load(args)
    try:
        dept = find_department(handbook.policy, args.department)
    except ValueError as exc:
        raise UsageError(f"--department: {exc}") from None
    try:
        report = import_sources(
            handbook, dept.key, [Path(s) for s in args.sources], owner=(args.owner or "").strip(), old_site=args.old_site.strip(), cwd=Path.cwd()
        )
    except CannotImport as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(report.as_json() if args.format == "json" else report.as_text())
    written = {f.target for f in report.files if f.outcome == "imported"}
    if written:  # the check's verdict on what was written: TODOs are expected, anything else is said
        fresh = open_handbook(Path(args.config), handbook.today, shown_root=Path.cwd())
        for finding in fresh.findings:
            if finding.path in written and finding.code != "TODO001":
                sys.stderr.write(f"handbook: warning: {finding}\n")
    return EXIT_FINDINGS if report.count("failed") else EXIT_OK
