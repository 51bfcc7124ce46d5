"""A quiet console: the plugins' routine INFO lines are dropped, their warnings and errors kept.

mkdocs-macros announces its module, functions and variables, and mkdocs-static-i18n
each language and each lunr fallback, once per language and again on every rebuild of
`mkdocs serve` (about 40 lines). None of it is news to an author; the handbook's
findings are. With `mkdocs -v` (DEBUG) everything is shown again.
"""

from __future__ import annotations

import logging

# Loggers whose INFO records are routine (their warnings and errors still pass and still fail --strict).
CHATTY = (
    "mkdocs.plugins.mkdocs_macros",
    "mkdocs.plugins.mkdocs_static_i18n",
)


class RoutineInfo(logging.Filter):
    """Drops INFO (and lower) records from the chatty plugins unless MkDocs runs verbose."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO or not record.name.startswith(CHATTY):
            return True
        return logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG


_FILTER = RoutineInfo()


def quieten() -> None:
    """Install the filter on MkDocs' console handlers (once; a rebuild calls it again)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
