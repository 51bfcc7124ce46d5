"""The acknowledgement link: "I have read version X", sent to the organisation's own forms tool.

The policy names an address template (`extra.handbook.acknowledgement`), e.g. a Google Forms
prefilled link; `{id}`, `{version}`, `{title}` and `{lang}` are filled in, URL-encoded.
The forms tool records who sent it (their sign-in) and when: the handbook keeps no server.
"""

from __future__ import annotations

from string import Formatter
from urllib.parse import quote, urlsplit

PLACEHOLDERS = ("id", "version", "title", "lang")


def validated(template: object) -> str:
    """The template if it is usable; ValueError saying what is wrong otherwise."""
    if not isinstance(template, str):
        raise ValueError(f"an https:// address with {{id}} and {{version}} in it, got {template!r}")
    parts = urlsplit(template)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(f"{template!r} is not an https:// address; readers' browsers open it, so it must be https")
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise ValueError(f"{template!r}: {exc}; write a literal brace as {{{{ or }}}}") from None
    for name, spec, conv in fields:
        if name not in PLACEHOLDERS or spec or conv:
            known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            written = name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "")
            raise ValueError(f"unknown placeholder {{{written}}} in {template!r}; known: {known}")
    return template


def address(template: str, *, sop_id: str, version: str, title: str, lang: str) -> str:
    """The template with the SOP's values filled in, each URL-encoded (a `&` or `#` in a title stays in its field)."""
    values = {"id": sop_id, "version": version, "title": title, "lang": lang}
    return template.format(**{k: quote(v, safe="") for k, v in values.items()})
