"""`handbook new`: start an SOP from a complete skeleton with the department's next free id."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..atomic import create_file
from ..handbook import Handbook, open_handbook
from ..languages import headings_fix, sections_without_heading
from ..policy import Department
from ..skeleton import FORMATS, next_id, relative_path, skeleton, translation_skeleton
from ..sop import schema
from . import add_common, find_department, load
from .asking import Asker

CHANNELS: tuple[str, ...] = tuple(schema()["properties"]["channels"]["items"]["enum"])


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="start a new SOP from a complete skeleton",
        description=(
            "Write docs/<department>/<id>.md with the department's next free id, every required section, "
            "today's dates and status draft. Run in a terminal, it asks for what the flags do not give. "
            "It never overwrites a file."
        ),
    )
    parser.add_argument("--department", "-d", metavar="KEY", help="the department's key, name or id prefix (e.g. billing)")
    parser.add_argument("--title", "-t", help="what the procedure is, as staff would search for it")
    parser.add_argument("--format", choices=FORMATS, help="how the Procedure is written (default: simple)")
    parser.add_argument("--channels", metavar="LIST", help=f"comma-separated, from: {', '.join(CHANNELS)} (default: none)")
    parser.add_argument("--language", "--lang", metavar="CODE", help="the language of the headings (default: the handbook's source language)")
    parser.add_argument("--owner", metavar="NAME", help="who owns the SOP (default: the department's lead)")
    parser.add_argument(
        "--translation-of", metavar="ID", help="start a translation of this SOP into --language instead (writes e.g. cc-001.pl.md beside cc-001.md)"
    )
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import EXIT_OK, UsageError  # the CLI imports this module

    handbook = load(args)
    policy = handbook.policy
    if args.translation_of:
        return _new_translation(args, handbook, UsageError)
    ask = Asker(sys.stdin.isatty(), UsageError, "handbook new", 'handbook new --department billing --title "Refunding a duplicate payment"')
    dept = ask.value("department", args.department, f"Department ({', '.join(f'{d.key}/{d.prefix}' for d in policy.departments.values())})", lambda v: find_department(policy, v))
    title = ask.value("title", args.title, "Title (what the procedure is, e.g. Refunding a duplicate payment)", _title)
    fmt = ask.value("format", args.format, f"Format ({', '.join(FORMATS)})", _format, default="simple")
    channels = ask.value("channels", args.channels, f"Channels ({', '.join(CHANNELS)}; comma-separated)", _channels, default="")
    lang = args.language or policy.source_lang
    if lang not in policy.languages:
        ask.problems.append(f"--language {lang}: not one of the handbook's languages ({', '.join(policy.languages)}, in extra.handbook.languages)")
    elif lang != policy.source_lang:
        ask.problems.append(
            f"--language {lang}: a new SOP is written in the handbook's source language, {policy.source_lang}; "
            f"translate it afterwards with handbook new --translation-of ID --language {lang}"
        )
    ask.done()
    owner = (args.owner or dept.lead).strip()
    if not owner:
        raise UsageError(f"--owner NAME: department {dept.key} has no lead in mkdocs.yml to default to")

    sop_id = next_id(handbook, dept.key)
    target = policy.docs_dir / relative_path(dept.key, sop_id)
    text = skeleton(
        policy, sop_id=sop_id, title=title, department=dept.key, owner=owner, fmt=fmt, channels=channels, lang=lang, today=handbook.today
    )
    shown = _shown(target)
    try:
        create_file(target, text.encode("utf-8"))
    except FileExistsError:
        raise UsageError(f"{shown}: already exists; handbook new never overwrites a file (rename or remove it, then run again)") from None
    except OSError as exc:
        raise UsageError(f"{shown}: cannot be written ({exc.strerror or exc}); nothing was created") from None
    fresh = open_handbook(Path(args.config), handbook.today, shown_root=Path.cwd())  # the check's verdict on the new file
    _report(fresh, shown, sop_id, title, owner, dept)
    return EXIT_OK


def _new_translation(args: argparse.Namespace, handbook: Handbook, error: type[Exception]) -> int:
    policy = handbook.policy
    source = handbook.by_id.get(args.translation_of.strip().upper())
    if source is None:
        raise error(f"--translation-of {args.translation_of}: no SOP has that id")
    lang = args.language
    if lang not in policy.languages[1:]:
        raise error(f"--language: a translation needs one of {', '.join(policy.languages[1:])} (extra.handbook.languages)")
    if untitled := sections_without_heading(policy, lang):  # else the translation gets the source's headings
        raise error(f"--language {lang}: no {lang} heading for the section(s) {', '.join(untitled)}: {headings_fix(policy, lang, untitled)}; then run this again")
    target = policy.docs_dir / f"{source.docs_path[:-3]}.{lang}.md"
    shown = _shown(target)
    try:
        create_file(target, translation_skeleton(policy, source, lang, args.title).encode("utf-8"))
    except FileExistsError:
        raise error(f"{shown}: already exists; handbook new never overwrites a file") from None
    except OSError as exc:
        raise error(f"{shown}: cannot be written ({exc.strerror or exc}); nothing was created") from None
    sys.stdout.write(
        f"Created {shown}: the {lang} translation of {source.id} {source.title} (version {source.version}).\n\n"
        f"Next: translate the text in place (the headings are already in {lang}), remove the TODO lines, "
        f"then `handbook check {shown}`.\n"
    )
    return 0


def _title(value: str) -> str:
    title = " ".join(value.split())
    if not title:
        raise ValueError('give the SOP a title, e.g. "Refunding a duplicate payment"')
    return title


def _format(value: str) -> str:
    if value not in FORMATS:
        raise ValueError(f"format {value!r} is not one of {', '.join(FORMATS)}")
    return value


def _channels(value: str) -> list[str]:
    names = [c.strip().lower() for c in value.replace(" ", ",").split(",") if c.strip()]
    unknown = [c for c in names if c not in CHANNELS]
    if unknown:
        raise ValueError(f"{', '.join(unknown)} not known; choose from {', '.join(CHANNELS)}")
    return list(dict.fromkeys(names))


def _shown(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


def _report(handbook: Handbook, shown: str, sop_id: str, title: str, owner: str, dept: Department) -> None:
    found = [f for f in handbook.findings if f.path == shown]
    todo = sum(1 for f in found if f.code == "TODO001")
    out = sys.stdout
    out.write(f"Created {shown}: {sop_id} {title} (draft, owner {owner}).\n\n")
    out.write("Next:\n")
    out.write(f"  1. Replace the TODO placeholders ({todo} line(s)) with the real content; `handbook check {shown}` lists what is left.\n")
    out.write(f"  2. Preview it: run `mkdocs serve` and open http://127.0.0.1:8000/{dept.key}/{sop_id.lower()}/\n")
    out.write(f"  3. When it is approved: set `status: approved`, then record the review with `handbook review {sop_id}`.\n")
    if owner != dept.lead:  # the department's line in CODEOWNERS covers the lead's own SOPs
        out.write("  4. Run `handbook codeowners` and commit .github/CODEOWNERS with the SOP.\n")
    others = [f for f in found if f.code != "TODO001"]
    for finding in others:  # a skeleton should have none; say so rather than hide it
        sys.stderr.write(f"handbook: warning: {finding}\n")
    people = handbook.policy.people
    if people and owner not in people:
        sys.stderr.write(
            f'handbook: warning: {owner} is not in the people registry: add `{owner}: "@github-user"` under extra.handbook.people in mkdocs.yml\n'
        )
