"""`handbook init`: a new, empty handbook for an organisation, valid from the first second."""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import metadata
from pathlib import Path

from .. import init as plan
from ..init import replace
from ..atomic import create_file, replace_file
from ..codeowners import PATH as CODEOWNERS, codeowners
from ..handbook import open_handbook
from ..today import today
from .asking import Asker

EXAMPLE = (
    'handbook init acme-handbook --name "Acme Telecom" --languages en,pl '
    '--department "Customer Care:CC:Jane Doe" --person "Jane Doe=@jane-doe"'
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a new handbook for your organisation (mkdocs.yml, glossary, CI, CODEOWNERS, README)",
        description=(
            "Write a new handbook into FOLDER: mkdocs.yml with your departments, languages and people, an empty "
            "glossary, thin hooks and macros importing this package, GitHub workflows, CODEOWNERS, a README and "
            "CONTRIBUTING. Run in a terminal, it asks for what the flags do not give. It never overwrites a file."
        ),
        epilog=f"Example: {EXAMPLE}",
    )
    parser.add_argument("folder", nargs="?", default=".", help="where to write the handbook (default: the current folder)")
    parser.add_argument("--name", metavar="TEXT", help='the organisation, e.g. "Acme Telecom"')
    parser.add_argument("--site-url", metavar="URL", help="where the site will be published (optional)")
    parser.add_argument("--languages", metavar="LIST", help=f"comma-separated, the source language first (default: en; known: {', '.join(plan.known_languages())})")
    parser.add_argument(
        "--department", action="append", metavar="NAME:PREFIX:LEAD[:LANG=NAME]", help='a department, e.g. "Billing:BI:Jane Doe:pl=Rozliczenia"; repeat for each'
    )
    parser.add_argument("--person", action="append", metavar="NAME=@USER", help="a person's GitHub user or team (every lead needs one); repeat for each")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the date the first check runs as of (default: $HANDBOOK_TODAY or today)")
    parser.add_argument(
        "--replace-example",
        action="store_true",
        help="in a clone of the tool's repository: move the handbook there (the Northwind example) into examples/<name>/ "
        "and write yours in its place; README, CONTRIBUTING and CI stay the repository's",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import EXIT_FINDINGS, EXIT_OK, UsageError  # the CLI imports this module

    folder = Path(args.folder)
    org = _answers(args, Asker(sys.stdin.isatty(), UsageError, "handbook init", EXAMPLE), UsageError)
    files = plan.files(org)
    kept: list[str] = []
    aside = None
    if args.replace_example:
        aside = _aside(folder, UsageError)
        kept = [path for path in files if not _is_content(path) and (folder / path).exists()]
        files = {path: text for path, text in files.items() if path not in kept and not (path == "requirements.txt" and (folder / "pyproject.toml").is_file())}
    existing = [
        path
        for path in [*files, CODEOWNERS.as_posix()]
        if (folder / path).exists() and path.rpartition("/")[2] != ".gitkeep" and not (aside and replace.moves(aside, path))
    ]
    if existing:
        raise UsageError(
            f"{_shown(folder)} already holds {', '.join(existing)}; handbook init never overwrites a file: "
            "run it in an empty folder, or move these away first"
            + ("; in a clone of the tool's repository, `handbook init . --replace-example` moves the example aside" if "mkdocs.yml" in existing else "")
        )
    if aside:
        try:
            replace.move_aside(folder, aside)
        except OSError as exc:
            raise UsageError(f"--replace-example: cannot move the example aside ({exc.strerror or exc}); what moved so far is in {aside.folder.as_posix()}/") from None
        sys.stdout.write(f"Moved {aside.name!r} aside, nothing deleted: {', '.join(p + ('/' if (folder / aside.folder / p).is_dir() else '') for p in aside.paths)} -> {aside.folder.as_posix()}/ (still built with: mkdocs serve -f {aside.folder.as_posix()}/mkdocs.yml)\n")
        if kept:
            sys.stdout.write(f"Kept this repository's own {_summary(kept)}: the tool's guides, CI and wiring.\n")
    try:
        for path, text in files.items():
            if not (folder / path).exists():
                create_file(folder / path, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{_shown(folder)}: cannot write the handbook ({exc.strerror or exc})") from None
    handbook = open_handbook(folder / "mkdocs.yml", today(args.today), shown_root=folder)
    replace_file(folder / CODEOWNERS, codeowners(handbook).encode("utf-8"))
    errors = [f for f in handbook.findings if f.is_error]
    out = sys.stdout
    out.write(f"Wrote the handbook of {org.name} in {_shown(folder)}: {len(files) + 1} files, {len(org.departments)} department(s), languages {', '.join(org.languages)}.\n")
    for finding in errors:  # a fresh handbook has none: say so rather than hide it
        sys.stderr.write(f"handbook: error: {finding}\n")
    first = org.departments[0]
    cd = "" if folder.resolve() == Path.cwd().resolve() else f"cd {_shown(folder)} && "
    out.write(
        "\nNext:\n"
        f"  1. {cd}{'' if aside else 'git init && '}git add -A && git commit -m \"A new handbook\"\n"
        f"  2. Write the first SOP: handbook new --department {first.prefix} --title \"...\"\n"
        "  3. Check and preview: handbook check, then mkdocs serve (http://127.0.0.1:8000/)\n"
        "  4. README.md says which files are yours and how to upgrade the tool.\n"
    )
    return EXIT_FINDINGS if errors else EXIT_OK


def _answers(args: argparse.Namespace, ask: Asker, error: type[Exception]) -> plan.Organisation:
    name = ask.value("name", args.name, "Organisation (e.g. Acme Telecom)", plan.organisation_name)
    url = ask.value("site-url", args.site_url, "Web address the site will be published at", plan.site_url, default="")
    langs = ask.value("languages", args.languages, "Languages, the source language first (e.g. en,pl)", plan.languages, default="en")
    langs = langs if ask.ok(langs) else ("en",)
    departments = _departments(args, ask, langs)
    people = _people(args, ask, departments)
    ask.done()
    return plan.Organisation(name, tuple(departments), langs, people, url, _requirement())


def _departments(args: argparse.Namespace, ask: Asker, langs: tuple[str, ...]) -> list[plan.DepartmentPlan]:
    departments: list[plan.DepartmentPlan] = []
    for given in args.department or []:
        dept = ask.value("department", given, "Department (NAME:PREFIX:LEAD)", lambda v: plan.department(v, langs, tuple(departments)))
        if ask.ok(dept):
            departments.append(dept)
    if args.department or not ask.interactive:
        if not args.department:
            ask.missing.append("--department")
        return departments
    while True:  # in a terminal: one question per part of each department
        number = len(departments) + 1
        prompt = f"Department {number}: name (e.g. Customer Care)" + (", empty to finish" if departments else "")
        title = ask.value("department", None, prompt, lambda v: v.strip() if (v.strip() or departments) else _refuse("give at least one department"))
        if not title:
            return departments
        suggested = "".join(w[0] for w in plan.slug(title).split("-") if w)[:3].upper() or "D"
        prefix = ask.value("department", None, "  its id prefix (capital letters)", lambda v: plan.make_department(title, v, "x", {}, tuple(departments)).prefix, default=suggested)
        lead = ask.value("department", None, "  its lead (full name)", lambda v: " ".join(v.split()) or _refuse("give the lead's name"))
        names = {}
        for lang in langs[1:]:
            translated = ask.value("department", None, f"  its name in {lang}", lambda v: " ".join(v.split()), default=title)
            if translated != title:  # the same name is left for mkdocs.yml to mark as still to translate
                names[lang] = translated
        departments.append(plan.make_department(title, prefix, lead, names, tuple(departments)))


def _people(args: argparse.Namespace, ask: Asker, departments: list[plan.DepartmentPlan]) -> dict[str, str]:
    people: dict[str, str] = {}
    for given in args.person or []:
        entry = ask.value("person", given, "Person (NAME=@USER)", plan.person)
        if ask.ok(entry):
            people[entry[0]] = entry[1]
    for lead in dict.fromkeys(d.lead for d in departments):
        if lead in people:
            continue
        if not ask.interactive:
            ask.problems.append(f'--person: {lead} leads a department and needs a GitHub user for CODEOWNERS, e.g. --person "{lead}=@user"')
            continue
        people[lead] = ask.value("person", None, f"GitHub user or team of {lead} (e.g. @jane-doe)", lambda v, who=lead: plan.handle(v, who))
    return people


def _aside(folder: Path, error: type[Exception]) -> replace.Aside:
    try:
        return replace.plan(folder)
    except plan.InitError as exc:
        raise error(f"--replace-example: {exc}") from None


def _is_content(path: str) -> bool:
    return path in replace.CONTENT or path.startswith(replace.CONTENT[-1])


def _summary(paths: list[str]) -> str:
    """`README.md, CONTRIBUTING.md, hooks/ (14 files)`: top-level names, a folder once."""
    names: dict[str, int] = {}
    for path in paths:
        head, sep, _ = path.partition("/")
        names[head + sep] = names.get(head + sep, 0) + 1
    return ", ".join(name + (f" ({count} files)" if count > 1 else "") for name, count in names.items())


def _refuse(message: str) -> str:
    raise ValueError(message)


def _requirement() -> str:
    """How the new handbook's CI installs this tool: where it was installed from, else its name and version."""
    try:
        dist = metadata.distribution("sop-handbook")
    except metadata.PackageNotFoundError:
        return "sop-handbook"
    origin = json.loads(dist.read_text("direct_url.json") or "{}")
    url = origin.get("url", "")
    vcs = origin.get("vcs_info")
    if vcs and url:
        return f"sop-handbook @ {vcs.get('vcs', 'git')}+{url}@{vcs.get('commit_id', '')}".rstrip("@")
    if url.startswith(("http://", "https://")):
        return f"sop-handbook @ {url}"
    # Installed from a folder or a local wheel, which CI cannot reach: the tool's repository instead.
    repository = next((u.split(",", 1)[1].strip() for u in dist.metadata.get_all("Project-URL") or [] if u.lower().startswith("repository,")), "")
    if repository:
        return f"sop-handbook @ git+{repository}  # pin a release: ...@v{dist.version}"
    return f"sop-handbook=={dist.version}"


def _shown(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return str(path)
