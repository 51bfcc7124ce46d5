"""Importing documents into a department: ids, conversion, sections, links, and writing without overwriting."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ..atomic import create_file
from ..handbook import Handbook
from ..skeleton import next_id, relative_path
from ..structure import normalise_heading
from ..yamlio import yaml_text
from . import links, sections, shortcodes
from .docx_source import ConverterMissing, read_docx
from .document import ImportedText
from .markdown_source import SourceError, read_markdown
from .report import FileReport, ImportReport

MARKDOWN = (".md", ".markdown")
WORD = (".docx",)
INDEX_PAGES = ("index.md", "_index.md", "readme.md")  # a folder's landing page, not a procedure


class CannotImport(Exception):
    """The import cannot start (no such source, no converter); nothing was written."""


@dataclass
class _Item:
    path: Path  # resolved
    root: Path  # the folder the import was given (or the file's own folder)
    shown: str  # as the report shows it
    report: FileReport
    sop_id: str = ""
    name: str = ""  # the new file's name, e.g. br-004.md
    doc: ImportedText | None = None
    composed: sections.Composed | None = None


def import_sources(handbook: Handbook, department: str, sources: list[Path], *, owner: str = "", old_site: str = "", cwd: Path | None = None) -> ImportReport:
    cwd = cwd or Path.cwd()
    policy = handbook.policy
    folder = policy.docs_dir / department
    report = ImportReport(department, _shown(folder, cwd))
    items = _collect(sources, cwd, report)
    already = {str((s.meta.get("legacy") or {}).get("source")): s for s in handbook.sops if isinstance(s.meta.get("legacy"), dict)}
    todo: list[_Item] = []
    number = int(next_id(handbook, department).rsplit("-", 1)[1])
    prefix = policy.departments[department].prefix
    for item in items:
        if item.shown in already:
            item.report.outcome, item.report.reason = "skipped", f"already imported as {already[item.shown].id} ({already[item.shown].path})"
            continue
        item.sop_id = f"{prefix}-{number:03d}"
        item.name = relative_path(department, item.sop_id).rsplit("/", 1)[1]
        _read(item)
        if item.doc is not None:  # a file that cannot be read leaves no gap in the ids
            number += 1
            todo.append(item)
        else:
            item.sop_id = item.name = ""
    pages = {i.path: i.name for i in todo if i.doc and i.doc.kind == "markdown"}
    ready = [i for i in todo if i.doc]
    for item in ready:
        _compose(item, policy)
    anchors = {i.name: i.composed.slugs for i in ready}
    for item in ready:
        text = _finish(item, handbook, department, owner, old_site, pages, anchors)
        _write(item, folder, text, cwd)
    return report


def _collect(sources: list[Path], cwd: Path, report: ImportReport) -> list[_Item]:
    items, seen = [], set()
    for source in sources:
        given = source if source.is_absolute() else cwd / source
        if not given.exists():
            raise CannotImport(f"{source}: no such file or folder")
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in MARKDOWN + WORD and not _hidden(p, given))
            root = given
        elif given.suffix.lower() in MARKDOWN + WORD:
            files, root = [given], given.parent
        else:
            raise CannotImport(f"{source}: not a Markdown (.md) or Word (.docx) file; give files or a folder of them")
        for path in files:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            shown = _shown(path, cwd)
            item = _Item(resolved, root.resolve(), shown, FileReport(shown))
            report.files.append(item.report)
            if path.name.lower() in INDEX_PAGES:
                item.report.outcome, item.report.reason = "skipped", "a folder's index page, not a procedure (its text stays in the source)"
            elif path.name.startswith("~$"):
                item.report.outcome, item.report.reason = "skipped", "a Word lock file, not a document"
            else:
                items.append(item)
    return items


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read(item: _Item) -> None:
    try:
        if item.path.suffix.lower() in WORD:
            item.doc = read_docx(item.path, _media_folder(item))
        else:
            item.doc = read_markdown(item.path, item.shown)
    except ConverterMissing as exc:
        raise CannotImport(str(exc)) from None
    except (SourceError, OSError, RuntimeError, ValueError) as exc:  # pandoc reports a broken document as RuntimeError
        item.report.outcome = "failed"
        item.report.reason = f"cannot be read: {' '.join(str(exc).split())[:200]}"


def _media_folder(item: _Item) -> str:
    return item.name[:-3] + "-media"


def _compose(item: _Item, policy) -> None:
    doc = item.doc
    notes: list[str] = []
    body = shortcodes.convert(doc.body, lambda snippet, message: notes.append(_at(doc, snippet, message)))
    title, parts = sections.split(body)
    if doc.title and title and normalise_heading(title) != normalise_heading(doc.title):
        doc.legacy["heading"] = title  # the document's top heading, not its title: kept, never dropped
        doc.needs_author.append(f"the top heading `{title}` differs from the title `{doc.title}`: kept as legacy.heading")
    doc.title = doc.title or title or item.path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
    item.composed = sections.compose(parts, policy, item.path.name)
    doc.not_kept += notes


def _at(doc: ImportedText, snippet: str, message: str) -> str:
    return f"line {shortcodes.line_of(doc.body, snippet, doc.body_line)}: {message}" if doc.kind == "markdown" else message


def _finish(item: _Item, handbook: Handbook, department: str, owner: str, old_site: str, pages: dict, anchors: dict) -> str:
    doc, composed, report = item.doc, item.composed, item.report
    notes: list[str] = []
    ctx = links.LinkContext(
        item.path, item.root, pages, anchors, _media_folder(item), old_site, own=item.name,
        written={f"{_media_folder(item)}/{name}" for name in doc.media},
        note=lambda snippet, message: notes.append(_at(doc, snippet, message)),
    )
    body = links.rewrite(composed.body, ctx)
    for path, name in ctx.media.items():
        doc.media[name] = path.read_bytes()
    body, escaped = shortcodes.escape_templates(body)
    if escaped:
        notes.append(f"{escaped} template marker(s) ({{{{, {{% or {{#) escaped so the build shows them as text")
    report.sop_id, report.title = item.sop_id, doc.title
    report.mapped += doc.mapped + composed.mapped
    report.needs_author += doc.needs_author
    report.not_kept += doc.not_kept + notes
    front = _front_matter(item, handbook, department, owner, composed.fmt)
    report.needs_author += composed.needs_author
    return front + "\n" + body


def _front_matter(item: _Item, handbook: Handbook, department: str, owner: str, fmt: str) -> str:
    doc, report, today = item.doc, item.report, handbook.today
    fields = doc.fields
    chosen_owner = owner or fields.get("owner") or handbook.policy.departments[department].lead
    if not owner and not fields.get("owner"):
        report.needs_author.append(f"owner: the source names none; set to the department's lead, {chosen_owner}")
    reviewed: date | None = fields.get("last_reviewed")
    if reviewed is None:
        reviewed = today
        report.needs_author.append(f"last_reviewed: the source has no date; set to the import day, {today}")
    elif reviewed > today:
        doc.legacy["last_reviewed"] = reviewed.isoformat()
        report.needs_author.append(f"last_reviewed: the source's {reviewed} is in the future; set to the import day (the original kept under legacy)")
        reviewed = today
    lines = [
        "---",
        f"id: {item.sop_id}",
        f"title: {yaml_text(doc.title)}",
        f"department: {department}",
        f"owner: {yaml_text(chosen_owner)}",
        "status: draft",
        f'version: "{fields.get("version", "0.1")}"',
    ]
    effective = fields.get("effective")
    if effective and effective <= reviewed:
        lines.append(f"effective: {effective.isoformat()}")
    lines += [f"last_reviewed: {reviewed.isoformat()}", f"format: {fmt}"]
    if fields.get("description"):
        lines.append(f"description: {yaml_text(fields['description'])}")
    if fields.get("tags"):
        lines.append("tags: [" + ", ".join(_flow(t) for t in fields["tags"]) + "]")
    legacy = {"source": item.shown, "imported": today.isoformat(), "format": doc.kind, **doc.legacy}
    lines.append(yaml.safe_dump({"legacy": legacy}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000).rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n"


def _flow(tag: str) -> str:
    """A tag inside `[...]`: quoted when plain YAML would read it otherwise."""
    return tag if yaml_text(tag) == tag and not any(c in tag for c in ",[]{}#") else json.dumps(tag, ensure_ascii=False)


def _write(item: _Item, folder: Path, text: str, cwd: Path) -> None:
    report = item.report
    target = folder / item.name
    report.target = _shown(target, cwd)
    paths = [folder / _media_folder(item) / name for name in item.doc.media] + [target]
    existing = next((p for p in paths if p.exists()), None)
    if existing is not None:
        report.outcome, report.reason = "skipped", f"{_shown(existing, cwd)} already exists; import never overwrites a file"
        return
    try:
        for path, data in zip(paths, [*item.doc.media.values(), text.encode("utf-8")]):
            create_file(path, data)
    except FileExistsError:
        report.outcome, report.reason = "skipped", "a file appeared while importing; import never overwrites a file"
    except OSError as exc:
        report.outcome, report.reason = "failed", f"cannot be written ({exc.strerror or exc})"


def _shown(path: Path, cwd: Path) -> str:
    try:
        return Path(os.path.relpath(path, cwd)).as_posix()
    except ValueError:
        return str(path)
