"""A Markdown file from another handbook: its front matter (YAML `---` or TOML `+++`) and its body.

The obvious keys fill the SOP's fields (title, author or owner, the review and creation
dates, tags, description, version); every other key is kept under `legacy:`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from ..source import decode
from .document import ImportedText, day_of, plain

# Each handbook field, from the first of these keys that the source has with a usable value.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "name", "heading"),
    "owner": ("owner", "owners", "author", "authors", "maintainer", "maintainers"),
    "last_reviewed": ("last_reviewed", "reviewed", "last_review", "updated", "last_updated", "lastmod", "last_modified", "modified", "date"),
    "effective": ("effective", "effective_date", "created", "publishdate", "published", "date"),
    "tags": ("tags", "keywords", "categories", "labels"),
    "description": ("description", "summary", "excerpt", "abstract"),
    "version": ("version",),
}
_VERSION = re.compile(r"^[0-9]+\.[0-9]+$")
_FENCES = {"---": ("---", "yaml"), "+++": ("+++", "toml")}


class SourceError(Exception):
    """The file cannot be imported at all (not text); the message says why."""


def read_markdown(path: Path, shown: str) -> ImportedText:
    text, problem = decode(shown, path.read_bytes())
    if text is None:
        raise SourceError(problem.message if problem else "cannot be read")
    raw, kind, body, body_line = _split(text)
    doc = ImportedText(path, "markdown", body, body_line)
    if raw is None:
        doc.needs_author.append("no front matter: title, owner and dates come from the document and the department")
        return doc
    try:
        meta = yaml.safe_load(raw) if kind == "yaml" else tomllib.loads(raw)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        doc.legacy["front_matter"] = raw
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        doc.needs_author.append(f"the front matter is not valid {kind.upper()} ({first}): kept whole as legacy.front_matter")
        return doc
    if not isinstance(meta, dict):
        doc.legacy["front_matter"] = raw
        doc.needs_author.append("the front matter is not a mapping: kept whole as legacy.front_matter")
        return doc
    _map_fields(meta, doc)
    return doc


def _split(text: str) -> tuple[str | None, str, str, int]:
    first = text.split("\n", 1)[0].strip()
    if first not in _FENCES:
        return None, "", text, 1
    closing, kind = _FENCES[first]
    m = re.compile(rf"^{re.escape(closing)}[ \t]*$", re.M).search(text, len(first) + 1)
    if m is None:
        return None, "", text, 1
    raw = text[len(first) + 1 : m.start()]
    return raw, kind, text[m.end() + 1 :], text.count("\n", 0, m.end()) + 2


def _map_fields(meta: dict[str, Any], doc: ImportedText) -> None:
    used: set[str] = set()
    for name, keys in FIELD_KEYS.items():
        for key in keys:
            if key in meta and (value := _usable(name, meta[key])) is not None:
                doc.fields[name] = value
                used.add(key)
                if key != name:
                    doc.mapped.append(f"front matter `{key}` -> {name}")
                break
    if "title" in doc.fields:
        doc.title = doc.fields.pop("title")
    owners = meta.get(next((k for k in FIELD_KEYS["owner"] if k in used), ""), None)
    if isinstance(owners, list) and len(owners) > 1:
        doc.needs_author.append(f"several authors ({', '.join(map(str, owners))}): the first is the owner")
    for key, value in meta.items():
        if key not in used:
            doc.legacy[str(key)] = plain(value)
    if doc.legacy:
        doc.mapped.append(f"kept under legacy: {', '.join(doc.legacy)}")


def _usable(name: str, value: Any) -> Any:
    if name in ("last_reviewed", "effective"):
        return day_of(value)
    if name == "owner":
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("name")
        return " ".join(str(value).split()) or None if value else None
    if name == "tags":
        items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
        tags = [" ".join(str(t).split()) for t in items if str(t).strip()]
        return tags or None
    if name == "version":
        text = str(value).strip()
        return text if _VERSION.match(text) else None
    if name == "description":
        text = " ".join(str(value).split()) if isinstance(value, str) else ""
        return text if 0 < len(text) <= 300 else None
    text = " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""
    return text or None
