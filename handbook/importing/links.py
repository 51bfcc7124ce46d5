"""Links and images in imported Markdown: pointed at the imported pages and at copies of the images.

A link to another imported page becomes a link to its new file; a link or image that
points at nothing the import brings along (a page left behind, the old site's absolute
addresses) cannot work in the built site, so it becomes its text followed by the old
address in code: nothing is lost and the build's link check stays quiet.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .shortcodes import mask_fences, unmask

_INLINE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)>?((?:\s+(?:\"[^\"]*\"|'[^']*'))?)\s*\)")
_REFERENCE = re.compile(r"^([ ]{0,3}\[[^\]\n]+\]:[ \t]*)<?(\S+?)>?([ \t]+.*)?$", re.M)
_HTML = re.compile(r"(<(?:img|a)\b[^>]*?\s(?:src|href)=\")([^\"]+)(\")", re.I)
_CODE_SPAN = re.compile(r"(`+).+?\1", re.S)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
PAGE_SUFFIXES = (".md", ".markdown")


@dataclass
class LinkContext:
    """What one imported file's links can point at."""

    source: Path  # the file being imported
    root: Path  # the folder the import started from: `/x` links resolve against it
    pages: dict[Path, str]  # every imported source file -> its new file name beside this SOP
    anchors: dict[str, set[str]]  # new file name -> the heading slugs it has
    media_folder: str  # e.g. br-004-media, beside the SOP
    old_site: str = ""  # the old site's address: its links are looked up among the imported pages
    own: str = ""  # this SOP's new file name: `#anchor` links look in its headings
    written: set[str] = field(default_factory=set)  # addresses of files the import writes already (a Word document's images)
    media: dict[Path, str] = field(default_factory=dict)  # source file -> name in media_folder, to copy
    note: Callable[[str, str], None] = lambda snippet, message: None


def rewrite(text: str, ctx: LinkContext) -> str:
    masked, blocks = mask_fences(text)
    spans: list[str] = []

    def hide(m: re.Match) -> str:
        spans.append(m.group(0))
        return f"\x01{len(spans) - 1}\x01"

    masked = _CODE_SPAN.sub(hide, masked)
    masked = _INLINE.sub(lambda m: _inline(m, ctx), masked)
    masked = _REFERENCE.sub(lambda m: _reference(m, ctx), masked)
    masked = _HTML.sub(lambda m: _html(m, ctx), masked)
    masked = re.sub("\x01(\\d+)\x01", lambda m: spans[int(m.group(1))], masked)
    return unmask(masked, blocks)


def _inline(m: re.Match, ctx: LinkContext) -> str:
    bang, label, url, title = m.groups()
    target = resolve(url, ctx, bool(bang))
    if target is not None:
        return f"{bang}[{label}]({target}{title})"
    ctx.note(m.group(0), f"{'image' if bang else 'link'} `{url}` points at nothing imported: kept as text with its address")
    return f"{label or 'image'} (`{url}`)" if bang else f"{label} (`{url}`)"


def _reference(m: re.Match, ctx: LinkContext) -> str:
    target = resolve(m.group(2), ctx, False)
    if target is None:
        ctx.note(m.group(0), f"link `{m.group(2)}` points at nothing imported: its definition kept as text")
        return f"{m.group(1).strip()} `{m.group(2)}`{m.group(3) or ''}".replace("]:", "]\\:", 1)
    return f"{m.group(1)}{target}{m.group(3) or ''}"


def _html(m: re.Match, ctx: LinkContext) -> str:
    target = resolve(m.group(2), ctx, m.group(1).lower().startswith("<img"))
    if target is None:
        ctx.note(m.group(0), f"HTML address `{m.group(2)}` points at nothing imported: kept as it was")
        return m.group(0)
    return f"{m.group(1)}{target}{m.group(3)}"


def resolve(url: str, ctx: LinkContext, is_image: bool) -> str | None:
    """The address in the new SOP, or None when the target is not among what the import brings."""
    if url in ctx.written:
        return url
    if url.startswith("#"):
        return url if url[1:] in ctx.anchors.get(ctx.own, set()) else None
    site_path = None
    if ctx.old_site and url.startswith(ctx.old_site):
        site_path = "/" + url[len(ctx.old_site) :].lstrip("/")
    elif _SCHEME.match(url):
        return url  # another site, or mailto: and the like
    elif url.startswith("/"):
        site_path = url
    path, _, anchor = (site_path or url).partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        return url if not site_path else None
    for candidate in _candidates(path, ctx, site_path is not None):
        if candidate in ctx.pages and not is_image:
            name = ctx.pages[candidate]
            if anchor and anchor not in ctx.anchors.get(name, set()):
                ctx.note(url, f"link `{url}`: the section #{anchor} is not in {name}: linked to the page")
                return name
            return name + (f"#{anchor}" if anchor else "")
        if candidate.is_file() and candidate.suffix.lower() not in PAGE_SUFFIXES:
            return f"{ctx.media_folder}/{_media_name(candidate, ctx)}"
    return None


def _candidates(path: str, ctx: LinkContext, absolute: bool) -> list[Path]:
    """Files a link may mean: as a file, with `.md`, as a folder's index; relative to the file and to its pretty URL."""
    bases = [ctx.root, ctx.root / "static", ctx.root / "content"] if absolute else [ctx.source.parent, ctx.source.parent / ctx.source.stem]
    found = []
    for base in bases:
        joined = Path(posixpath.normpath((base / path.lstrip("/")).as_posix()))
        stem = joined.as_posix().rstrip("/")
        found += [joined, Path(stem + ".md"), Path(stem) / "index.md", Path(stem) / "_index.md", Path(stem) / "README.md"]
    return [p.resolve() for p in found]


def _media_name(path: Path, ctx: LinkContext) -> str:
    if path not in ctx.media:
        name, taken, n = path.name, set(ctx.media.values()), 1
        while name in taken:
            n += 1
            name = f"{path.stem}-{n}{path.suffix}"
        ctx.media[path] = name
    return ctx.media[path]
