"""A Word (.docx) document, converted with pandoc (the binary ships in the `pypandoc-binary` wheel).

Pandoc was chosen over mammoth because it keeps what SOPs are made of: nested numbered
lists come out as nested Markdown lists at 4-space indents (Python-Markdown's rule),
tables as pipe tables with their header row (an HTML table when a cell holds more than
one paragraph), `|` in a cell escaped. The document's properties (docProps/core.xml)
fill the front matter: title, author, created and modified dates.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from .document import ImportedText, day_of

_CORE = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_PROPERTIES = {  # docProps/core.xml element -> its name under legacy:
    "dc:title": "title", "dc:creator": "author", "cp:lastModifiedBy": "last_modified_by", "dcterms:created": "created",
    "dcterms:modified": "modified", "dc:subject": "subject", "cp:keywords": "keywords", "dc:description": "comments",
    "cp:category": "category", "cp:revision": "revision", "cp:contentStatus": "content_status",
}


class ConverterMissing(Exception):
    """pypandoc-binary is not installed."""


def read_docx(path: Path, media_folder: str) -> ImportedText:
    try:
        import pypandoc
    except ImportError:
        raise ConverterMissing(
            "importing Word documents needs pandoc: pip install 'pypandoc-binary>=1.13' (or pip install -e '.[import]')"
        ) from None
    properties = core_properties(path)
    doc = ImportedText(path, "docx", "")
    with tempfile.TemporaryDirectory() as media:
        ast = json.loads(pypandoc.convert_file(str(path), "json", format="docx", extra_args=[f"--extract-media={media}", "--track-changes=all"]))
        _images(ast["blocks"], Path(media), media_folder, doc)
    doc.body = pypandoc.convert_text(json.dumps(ast), "gfm", format="json", extra_args=["--wrap=none"])
    doc.title = _stringify(ast.get("meta", {}).get("title")) or properties.get("title") or None
    if properties.get("author"):
        doc.fields["owner"] = properties["author"]
        doc.mapped.append("document author -> owner")
    reviewed, created = day_of(properties.get("modified", "")), day_of(properties.get("created", ""))
    if reviewed or created:
        doc.fields["last_reviewed"] = reviewed or created
        doc.mapped.append(f"document {'modified' if reviewed else 'created'} date -> last_reviewed")
    if created:
        doc.fields["effective"] = created
        doc.mapped.append("document created date -> effective")
    if properties.get("keywords"):
        doc.fields["tags"] = [t.strip() for t in properties["keywords"].replace(";", ",").split(",") if t.strip()]
        doc.mapped.append("document keywords -> tags")
    doc.legacy.update({k: v for k, v in properties.items() if k not in ("title", "author", "keywords")})
    return doc


def core_properties(path: Path) -> dict[str, str]:
    """The document's properties that are set, by their names under legacy:."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    found = {}
    for tag, name in _PROPERTIES.items():
        prefix, local = tag.split(":")
        element = root.find(f"{{{_CORE[prefix]}}}{local}")
        if element is not None and element.text and element.text.strip():
            found[name] = " ".join(element.text.split())
    return found


def _images(node: Any, media: Path, folder: str, doc: ImportedText) -> None:
    """Each image's file kept for the SOP's media folder; its size attributes dropped so it stays Markdown."""
    if isinstance(node, list):
        for item in node:
            _images(item, media, folder, doc)
    elif isinstance(node, dict):
        if node.get("t") == "Image":
            attr, _alt, target = node["c"]
            source = Path(target[0])
            name = _free_name(source.name, doc.media)
            try:
                doc.media[name] = source.read_bytes()
            except OSError:
                doc.not_kept.append(f"image {source.name}: pandoc could not extract it")
                return
            node["c"][0] = ["", [], []]
            node["c"][2] = [f"{folder}/{name}", target[1]]
        else:
            _images(node.get("c"), media, folder, doc)


def _free_name(name: str, taken: dict[str, bytes]) -> str:
    stem, dot, suffix = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}" if dot else f"{name}-{n}"
    return candidate


def _stringify(meta: Any) -> str:
    """The plain text of a pandoc metadata value (the Title paragraph)."""
    words: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kind = node.get("t")
            if kind == "Str":
                words.append(node["c"])
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                words.append(" ")
            else:
                walk(node.get("c"))

    walk(meta)
    return " ".join("".join(words).split())
