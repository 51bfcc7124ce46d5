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

from babel import Locale, UnknownLocaleError

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
    form = _plural_form(lang, _number(values))
    text = _text(lang, key, form) or _text(SOURCE, key, _plural_form(SOURCE, _number(values))) or key
    return text.format(**values) if values else text


def _text(lang: str, key: str, form: str | None) -> str:
    """The language's form of `key` for the number (`key.one`), else its `key`."""
    words = LABELS.get(lang, {})
    return (form and words.get(f"{key}.{form}")) or words.get(key) or ""


def _number(values: dict[str, object]) -> int | None:
    """The whole number a text counts (`count` if it has several)."""
    if isinstance(values.get("count"), int):
        return values["count"]  # type: ignore[return-value]
    return next((v for v in values.values() if isinstance(v, int) and not isinstance(v, bool)), None)


def _plural_form(lang: str, number: int | None) -> str | None:
    return None if number is None else _plural_rule(lang)(abs(number))


@lru_cache(maxsize=None)
def _plural_rule(lang: str):
    """The language's CLDR plural rule (Babel, which Material already needs); `other` for a code CLDR lacks."""
    try:
        return Locale.parse(lang.replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError):
        return lambda number: "other"
