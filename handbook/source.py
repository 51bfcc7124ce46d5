"""Reading an SOP file: bytes to text, and text to front matter and body.

Windows editors write a UTF-8 BOM and CRLF line endings; both are accepted.
Anything that is not UTF-8 text is reported, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding

_BOM = "\ufeff"


@dataclass
class SopSource:
    """An SOP file split into front matter and body, with line numbers kept."""

    path: str  # as reported to the author (relative where possible)
    text: str  # normalised: no BOM, LF line endings
    front_matter: str | None  # text between the fences, None when absent
    front_matter_line: int  # 1-based line of the first front-matter line
    body_start: int  # where the body starts in `text`
    body_line: int  # 1-based line of the first body line

    @property
    def body(self) -> str:
        """The Markdown after the closing fence (or the whole text): sliced when read, so a loaded handbook keeps each file's text once."""
        return self.text[self.body_start :] if self.body_start else self.text


def decode(path: str, raw: bytes) -> tuple[str | None, Finding | None]:
    """Turn a file's bytes into normalised text, or a finding saying why not."""
    if not raw or raw.isspace() or (raw.startswith(b"\xef\xbb\xbf") and (len(raw) == 3 or raw[3:].isspace())):
        return None, Finding(path, 0, "F001", "the file is empty: an SOP needs front matter and its sections")
    wide = _wide_encoding(raw)
    if wide:
        return None, Finding(path, 1, "F002", f"the file is {wide} text, not UTF-8: save it as UTF-8 in your editor")
    nul = raw.find(b"\x00")  # anywhere, not only near the start: a NUL after 8 KB is as binary
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        return None, Finding(path, line, "F003", f"the file contains a NUL byte at line {line}: it is binary, not Markdown")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Finding(
            path, line, "F002", f"byte 0x{raw[exc.start]:02x} at line {line} is not UTF-8: the file is in another encoding"
        )
    if text.startswith(_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32, by its BOM or by the NULs that ASCII text has in every other (or three of four) bytes."""
    for bom, name in _WIDE_BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:4096]
    nuls = head.count(b"\x00") / max(len(head), 1)
    if len(head) >= 8 and nuls >= 0.4:  # ASCII text is half NULs in UTF-16, three quarters in UTF-32
        return "UTF-32" if nuls >= 0.7 else "UTF-16"
    return None


# A closing fence: `---` or `...` alone on its line (trailing whitespace allowed, as `str.rstrip` allows it).
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.M)


def split(path: str, text: str) -> SopSource:
    """Split normalised text at the `---` fences of its front matter."""
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).rstrip() != "---":
        return SopSource(path, text, None, 0, 0, 1)
    closing = _CLOSING_FENCE.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        # Not closed: the caller reports FM002; the whole text stays the body.
        return SopSource(path, text, "", 2, 0, 1)
    start = closing.start()
    front = text[first_end + 1 : start] or "\n"  # the lines between the fences, each ending in a newline
    body_line = text.count("\n", 0, start) + 2
    return SopSource(path, text, front, 2, closing.end() + 1, body_line)


def read(abs_path: Path | str, shown_path: str) -> tuple[SopSource | None, Finding | None]:
    """Read and split one file; a finding instead when it cannot be read as text."""
    try:
        with open(abs_path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return None, Finding(shown_path, 0, "F002", f"the file cannot be read: {exc.strerror}")
    text, problem = decode(shown_path, raw)
    if text is None:
        return None, problem
    return split(shown_path, text), None


def front_matter_closed(source: SopSource) -> bool:
    return source.front_matter is not None and source.body_line > 1
