"""The handbook of the build in progress, shared by the site's hooks and macros.

MkDocs loads hooks and the macros module separately; both look the current
handbook up here instead of each loading the SOPs again.
"""

from __future__ import annotations

from ..handbook import Handbook

_current: Handbook | None = None


def set_current(handbook: Handbook) -> None:
    global _current
    _current = handbook


def current() -> Handbook:
    if _current is None:
        raise RuntimeError("the handbook is not loaded yet: hooks/handbook_site.py must be listed under `hooks:` in mkdocs.yml")
    return _current
