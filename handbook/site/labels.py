"""Interface words of the generated pages and cards, per language (English as fallback).

The words live in `handbook/site/words/<lang>.yml` (see interface_words.py): a
translator adds a language by adding a file. `LABELS` keeps the old shape, language ->
key -> text, so callers and templates do not change.

Words added by other branches as `LABELS` blocks in this file: run
`python -m handbook.site.interface_words import THAT/labels.py` to move them into the files.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .interface_words import SOURCE, load_words

LABELS: dict[str, dict[str, str]] = load_words()


def use_words(own: Path | None) -> None:
    """Show the handbook's own words (`extra.handbook.words`) over the package's, from now on."""
    LABELS.clear()
    LABELS.update(load_words(own=own))
    labels_in.cache_clear()


@lru_cache(maxsize=None)
def labels_in(lang: str) -> dict[str, str]:
    """Every label in `lang`, English where it has none (for templates that show many)."""
    return {**LABELS[SOURCE], **{k: v for k, v in LABELS.get(lang, {}).items() if v}}


def label(lang: str, key: str, **values: object) -> str:
    text = LABELS.get(lang, {}).get(key) or LABELS[SOURCE].get(key, key)
    return text.format(**values) if values else text
