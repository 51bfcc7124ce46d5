"""Recording a review in an SOP file: `last_reviewed`, `version` and the `review_log` list.

The edit works on the file's own bytes, line by line: the YAML parser only says
where each value sits, and just those characters change (or one log line is
added). Key order, comments, quoting, the BOM and CRLF line endings all stay.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

import yaml

from .source import decode, split
from .yamlio import FrontMatterLoader, YamlSyntaxError, load_front_matter, yaml_text

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_VERSION = re.compile(r"^(\d+)\.(\d+)$")
BUMPS = ("minor", "major", "none")
NOTE_MAX = 300  # the schema's review_log[].note maxLength: a line on the what's-new page, not a changelog
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class ReviewEditError(ValueError):
    """The file cannot be edited safely; the message says where and what to fix."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Recorded:
    data: bytes  # the new file
    old_version: str
    new_version: str


def bump(version: str, how: str) -> str:
    m = _VERSION.match(version)
    if not m:
        raise ValueError(version)
    major, minor = int(m[1]), int(m[2])
    if how == "major":
        return f"{major + 1}.0"
    if how == "minor":
        return f"{major}.{minor + 1}"
    return version


def checked_note(note: str) -> str:
    """The note as it will be written, or ValueError saying what is wrong with it."""
    if _LINE_BREAKS.search(note):
        raise ValueError("--note: the note is one line of text; write it without line breaks")
    if _CONTROL.search(note):
        raise ValueError("--note: the note contains a control character; write plain text")
    note = " ".join(note.replace("\t", " ").split())
    if not note:
        raise ValueError('--note: the note is empty; say what changed, e.g. --note "Hold limit now 2 minutes"')
    if len(note) > NOTE_MAX:
        raise ValueError(f"--note: the note has {len(note)} characters, at most {NOTE_MAX}; say what changed in a line and put the detail in the SOP")
    return note


def log_entry(day: date, by: str, version: str, note: str | None = None) -> str:
    """One review_log item, as a one-line flow mapping; the note always double-quoted (it is free text)."""
    said = f", note: {json.dumps(note, ensure_ascii=False)}" if note else ""  # a JSON string is a YAML double-quoted scalar
    return f'{{date: {day.isoformat()}, by: {yaml_text(by)}, version: "{version}"{said}}}'


def record_review(raw: bytes, day: date, by: str, how: str, shown: str = "the file", note: str | None = None) -> Recorded:
    """The file's new bytes with the review of `day` by `by` recorded and the version bumped `how`."""
    text, problem = decode(shown, raw)
    if text is None:
        raise ReviewEditError(problem.line if problem else 1, problem.message if problem else "the file cannot be read")
    source = split(shown, text)
    if source.front_matter is None or source.body_line == 1:
        raise ReviewEditError(1, "the file has no closed front matter (`---` ... `---`)")
    nodes = {k.value: v for k, v in _compose(source.front_matter).value if isinstance(k, yaml.ScalarNode)}
    offset = source.front_matter_line - 1  # 0-based file line of the front matter's first line
    close = source.body_line - 2  # 0-based file line of the closing fence

    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    lines = _LINE.findall(raw[len(bom) :].decode("utf-8"))
    newline = _split_ending(lines[close - 1])[1] or "\n"

    version = nodes.get("version")
    old_version = version.value if isinstance(version, yaml.ScalarNode) else ""
    if not _VERSION.match(old_version):
        line = offset + 1 + version.start_mark.line if version is not None else 1
        raise ReviewEditError(line, 'version is missing or not MAJOR.MINOR in quotes (e.g. "2.0"): correct it first')
    new_version = bump(old_version, how)

    edits: list[tuple[int, int, int, str]] = []  # (0-based line, start column, end column, new text)
    inserts: dict[int, list[str]] = {}  # 0-based line -> new lines to put before it, in order
    if "last_reviewed" in nodes:
        edits.append(_replace(nodes["last_reviewed"], day.isoformat(), "last_reviewed", offset))
    else:  # a required field (FM005): recording a review adds it, after the version
        inserts.setdefault(offset + _last_line(version) + 1, []).append(f"last_reviewed: {day.isoformat()}")
    if new_version != old_version:
        edits.append(_replace(version, new_version, "version", offset))
    note = checked_note(note) if note is not None else None
    entry = log_entry(day, by, new_version, note)
    log = nodes.get("review_log")
    if log is None:
        inserts.setdefault(close, []).extend(["review_log:", f"  - {entry}"])
    elif isinstance(log, yaml.SequenceNode) and log.flow_style:
        end = log.end_mark  # just after the closing `]`
        edits.append((offset + end.line, end.column - 1, end.column - 1, (", " if log.value else "") + entry))
    elif isinstance(log, yaml.SequenceNode) and log.value:
        after = offset + _last_line(log.value[-1])
        inserts.setdefault(after + 1, []).append(" " * log.start_mark.column + f"- {entry}")
    else:
        raise ReviewEditError(
            offset + 1 + log.start_mark.line,
            "review_log is not a list: write it as `review_log:` followed by lines `  - {date: ..., by: ..., version: ...}`",
        )

    for index, start, end_column, new in sorted(edits, reverse=True):
        content, ending = _split_ending(lines[index])
        lines[index] = content[:start] + new + content[end_column:] + ending
    for index in sorted(inserts, reverse=True):
        lines[index:index] = [new + newline for new in inserts[index]]
    data = bom + "".join(lines).encode("utf-8")
    _verify(data, day, by, new_version, shown, note)
    return Recorded(data, old_version, new_version)


def _verify(data: bytes, day: date, by: str, version: str, shown: str, note: str | None = None) -> None:
    """Read the new file back as the check will: the three values must be there, the rest parsed as before."""
    text, _ = decode(shown, data)
    source = split(shown, text or "")
    try:
        meta = load_front_matter(source.front_matter or "", source.front_matter_line).data
    except YamlSyntaxError:
        meta = None
    wanted = {"date": day.isoformat(), "by": by, "version": version, **({"note": note} if note else {})}
    log = meta.get("review_log") if isinstance(meta, dict) else None
    if not (isinstance(log, list) and log and log[-1] == wanted and meta.get("last_reviewed") == day.isoformat() and meta.get("version") == version):
        raise ReviewEditError(1, "the review could not be recorded safely in this file's layout; the file is unchanged")


def _compose(front_matter: str) -> yaml.MappingNode:
    loader = FrontMatterLoader(front_matter)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise ReviewEditError(1, f"the front matter is not valid YAML ({exc}): run `handbook check` and fix it first") from None
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        raise ReviewEditError(1, "the front matter must be `key: value` lines")
    return node


def _replace(node: yaml.Node, value: str, key: str, offset: int) -> tuple[int, int, int, str]:
    """Replace a one-line scalar, keeping its quoting style."""
    line = offset + node.start_mark.line
    if not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line:
        raise ReviewEditError(line + 1, f"{key} must be a single value on one line, e.g. `{key}: {value}`")
    quote = node.style if node.style in ("'", '"') else ""
    return (line, node.start_mark.column, node.end_mark.column, f"{quote}{value}{quote}")


def _last_line(node: yaml.Node) -> int:
    """The last line (0-based, in the front matter) holding part of `node`: block nodes end where the next token starts."""
    if isinstance(node, yaml.ScalarNode) or node.flow_style:
        end = node.end_mark
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
    return max((_last_line(child) for child in children), default=node.start_mark.line)


def _split_ending(line: str) -> tuple[str, str]:
    content = line.rstrip("\r\n")
    return content, line[len(content) :]
