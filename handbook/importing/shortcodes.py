"""Other tools' shortcodes in imported Markdown, and template markers the handbook's macros would run.

Callouts of Hugo (`{{< alert >}}`, `{{% notice %}}`), GitBook (`{% hint %}`), Docusaurus
(`:::note`) and HTML `<details>` become Material admonitions (`!!! note`, `??? note`).
Any other shortcode stays in the SOP as text. Every page is a Jinja template in the build,
so `{{`, `{%` and `{#` left in the text are escaped: as HTML entities in prose; code
spans and fenced blocks are text to the build and stay as written.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable

from ..templating import codetext

_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_MASK = "\x00{}\x00"
_MASKED = re.compile("\x00(\\d+)\x00")

MATERIAL_TYPES = {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example", "quote"}
_TYPE_ALIASES = {
    "caution": "warning", "important": "warning", "alert": "warning", "error": "failure", "hint": "tip",
    "primary": "note", "secondary": "note", "notice": "note", "callout": "note", "admonition": "note",
    "light": "note", "dark": "note", "summary": "abstract", "tldr": "abstract", "check": "success", "faq": "question",
}
_NAMES = "alert|notice|note|tip|warning|callout|admonition|hint|info|danger|caution|important"
_HUGO = re.compile(r"\{\{([<%])\s*(" + _NAMES + r")\b([^}]*?)\s*[>%]\}\}(.*?)\{\{[<%]\s*/\s*\2\s*[>%]\}\}", re.S)
_GITBOOK = re.compile(r"\{%\s*hint\b([^%]*)%\}(.*?)\{%\s*endhint\s*%\}", re.S)
_DOCUSAURUS = re.compile(r"^([ \t]*):::[ \t]*(\w+)[ \t]*(?:\[([^\]\n]*)\]|([^\n]*))\n(.*?)^\1:::[ \t]*$", re.S | re.M)
_DETAILS = re.compile(r"<details\b[^>]*>\s*(?:<summary>(.*?)</summary>)?(.*?)</details>", re.S | re.I)
_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"?([^\"\s>%}]+)\"?\s*[>%]\}\}")
_OTHER = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}", re.S)
_TYPE_ARG = re.compile(r"""\b(?:type|style|color|theme|kind)\s*=\s*["']?([\w-]+)""")
_TITLE_ARG = re.compile(r"""\btitle\s*=\s*(["'])(.*?)\1""")
_WORD_ARG = re.compile(r"""^\s*["']?([\w-]+)["']?""")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_MARKER = re.compile(r"\{(?=[{%#])")

Note = Callable[[str, str], None]  # (the source text concerned, what happened)


def mask_fences(text: str) -> tuple[str, list[str]]:
    """The text with each fenced code block replaced by a marker line, and the blocks."""
    out, blocks, lines, i = [], [], text.split("\n"), 0
    while i < len(lines):
        opening = _FENCE_OPEN.match(lines[i])
        if not opening:
            out.append(lines[i])
            i += 1
            continue
        marker = opening.group(1)
        closing = re.compile(rf"^[ \t]*{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
        end = next((j for j in range(i + 1, len(lines)) if closing.match(lines[j])), len(lines) - 1)
        blocks.append("\n".join(lines[i : end + 1]))
        out.append(_MASK.format(len(blocks) - 1))
        i = end + 1
    return "\n".join(out), blocks


def unmask(text: str, blocks: list[str], wrap: Callable[[str], str] = lambda b: b) -> str:
    return _MASKED.sub(lambda m: wrap(blocks[int(m.group(1))]), text)


def line_of(text: str, snippet: str, first_line: int = 1) -> int:
    """The line of `text` (numbered from `first_line`) where `snippet` starts; `first_line` when it is not there."""
    at = text.find(snippet)
    return first_line + (text.count("\n", 0, at) if at >= 0 else 0)


def convert(text: str, note: Note) -> str:
    """Callouts to admonitions, `ref` shortcodes to plain link targets; other shortcodes noted and kept."""
    masked, blocks = mask_fences(text)
    masked = _REF.sub(lambda m: m.group(1), masked)
    for pattern, build in ((_HUGO, _hugo), (_GITBOOK, _gitbook), (_DOCUSAURUS, _docusaurus), (_DETAILS, _details)):
        masked = _replace_all(pattern, build, masked, note)
    for m in _OTHER.finditer(masked):
        shown = " ".join(m.group(0).split())
        note(m.group(0), f"shortcode `{shown[:60]}` has no Material equivalent: kept as text")
    return unmask(masked, blocks)


def _replace_all(pattern: re.Pattern[str], build: Callable[[re.Match], str], text: str, note: Note) -> str:
    while True:  # again after each change: a callout may hold another
        m = pattern.search(text)
        if m is None:
            return text
        replacement = build(m)
        note(m.group(0), f"`{m.group(0).split(chr(10))[0].strip()[:50]}` became `{replacement.strip().split(chr(10))[0]}`")
        text = _BLANK_LINES.sub("\n\n", text[: m.start()] + replacement + text[m.end() :])


def _admonition(marker: str, kind: str, title: str | None, body: str, indent: str = "") -> str:
    kind = kind.lower()
    kind = kind if kind in MATERIAL_TYPES else _TYPE_ALIASES.get(kind, "note")
    head = f'{indent}{marker} {kind}' + (f' "{title.strip().replace(chr(34), chr(39))}"' if title and title.strip() else "")
    inner = textwrap.dedent(body.strip("\n")).strip("\n")
    lines = [f"{indent}    {line}" if line.strip() else "" for line in inner.split("\n")] or [""]
    return "\n\n" + head + "\n" + "\n".join(lines) + "\n\n"


def _kind(args: str, default: str) -> str:
    """`type="warning"`, or a first bare word (`{{< alert warning >}}`), or the default."""
    named = _TYPE_ARG.search(args)
    if named:
        return named.group(1)
    words = args.split()
    bare = _WORD_ARG.match(args) if words and "=" not in words[0] else None
    return bare.group(1) if bare else default


def _hugo(m: re.Match) -> str:
    title = _TITLE_ARG.search(m.group(3))
    return _admonition("!!!", _kind(m.group(3), m.group(2)), title.group(2) if title else None, m.group(4))


def _gitbook(m: re.Match) -> str:
    return _admonition("!!!", _kind(m.group(1), "info"), None, m.group(2))


def _docusaurus(m: re.Match) -> str:
    return _admonition("!!!", m.group(2), m.group(3) or m.group(4), m.group(5), m.group(1))


def _details(m: re.Match) -> str:
    summary = re.sub(r"<[^>]+>", "", m.group(1) or "") or None
    return _admonition("???", "note", html.unescape(summary) if summary else None, m.group(2))


def escape_templates(text: str) -> tuple[str, int]:
    """`text` with no `{{`, `{%` or `{#` the build's Jinja would read; and how many places were escaped.

    Code spans, fenced blocks and diagrams are text to the build already (handbook.templating.codetext):
    they stay as written. In prose, the brace becomes `&#123;`, which reads as `{`.
    """
    masked = codetext.mask(text)
    count = len(_MARKER.findall(masked))
    return codetext.unmask(_entities(masked)), count


def _entities(text: str) -> str:
    return _MARKER.sub("&#123;", text)
