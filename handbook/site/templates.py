"""The site's templates (handbook/site/templates/): HTML ones autoescape, Markdown ones escape for Markdown.

Every `{{ value }}` in an `.html` template is HTML-escaped unless it is `Markup`; every
`{{ value }}` in an `.md` template is escaped by `escaping.markdown` unless it is
`escaping.Markdown`. A value cannot reach a page unescaped by being forgotten: it has to
be marked as the handbook's own HTML or Markdown where it is made.

Each template is compiled once per process and reused for every page and language.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from . import escaping
from .labels import label

_FOLDER = Path(__file__).with_name("templates")


def _environment(**options) -> Environment:
    env = Environment(loader=FileSystemLoader(_FOLDER), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, **options)
    env.globals["label"] = label
    return env


_HTML = _environment(autoescape=True)
_MARKDOWN = _environment(autoescape=False, finalize=escaping.markdown, keep_trailing_newline=True)
_MARKDOWN.globals["markdown_label"] = lambda lang, key, **values: escaping.markdown_label(label(lang, key), **values)
# A label written as Markdown (code spans): the project's own words, no values in it.
_MARKDOWN.globals["project_words"] = lambda lang, key: escaping.Markdown(label(lang, key))
_MARKDOWN.filters["yaml"] = escaping.yaml_text


@lru_cache(maxsize=None)
def _template(template: str) -> Template:
    return (_HTML if template.endswith(".html") else _MARKDOWN).get_template(template)


def html(template: str, /, **values: object) -> Markup:
    """An HTML template (`card.html`) rendered: values escaped unless they are Markup."""
    return Markup(_template(template).render(values))


def markdown(template: str, /, **values: object) -> escaping.Markdown:
    """A Markdown template (`glossary.md`) rendered: values escaped for Markdown unless they are escaping.Markdown."""
    return escaping.Markdown(_template(template).render(values))
