"""Literal macro calls (`{{ term("AHT") }}`) without a Jinja template.

mkdocs-macros compiles every page into a Jinja template, once per language: about a
tenth of a large handbook's build. An SOP's template code is nearly always literal calls
like `{{ term("AHT") }}`, `{{ term("Callback", "callbacks") }}`, `{{ sop("CC-001") }}`
and `{{ definitions() }}`. For a page with nothing else, `render` calls the macros in
order and puts their output in place, as Jinja would; the check asks `only_literal_calls`
and compiles nothing either. Any other template code (a variable, a filter, `{% %}`,
`{# #}`, single quotes, a backslash) and the page goes through the sandbox.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..site import PAGE_MACROS
from .codetext import has_template_code

CALL = re.compile(r'\{\{ ?(\w+)\((?:"([^"\\{}]*)"(?:, ?"([^"\\{}]*)")?)?\) ?\}\}')
_ARITY = {"term": (1, 2), "sop": (1,), "definitions": (0,)}
# CALL, less what `_arguments` refuses: a regex alone decides `only_literal_calls`, with no Python per call.
_ARG = r'"[^"\\{}]*"'
_VALID_CALL = re.compile(rf"\{{\{{ ?(?:term\({_ARG}(?:, ?{_ARG})?\)|sop\({_ARG}\)|definitions\(\)) ?\}}\}}")
assert set(_ARITY) == set(PAGE_MACROS)


class NotLiteral(Exception):
    """The text holds template code beyond literal macro calls: Jinja renders it."""


def _arguments(match: re.Match) -> tuple[str, list[str]]:
    name = match.group(1)
    args = [a for a in (match.group(2), match.group(3)) if a is not None]
    if name not in PAGE_MACROS or len(args) not in _ARITY.get(name, ()):
        raise NotLiteral
    return name, args


def only_literal_calls(text: str) -> bool:
    """Whether the (masked) text's template code is literal calls of the macros with the right number of arguments."""
    return not has_template_code(text) or not has_template_code(_VALID_CALL.sub("", text))


def render(text: str, macros: Mapping[str, Callable[..., object]], keep_trailing_newline: bool = False, lenient: bool = False) -> str | None:
    """The (masked) text with its literal calls replaced by the macros' output; None when Jinja must render it.

    `lenient`: replace the literal calls and leave any other template code as it is written
    (what a page with a template finding shows).
    """
    def call(match: re.Match) -> str:
        try:
            name, args = _arguments(match)
            return str(macros[name](*args))
        except Exception:  # noqa: BLE001 - the sandbox's path reports it, with its line
            if lenient:
                return match.group(0)
            raise NotLiteral from None

    if not has_template_code(text):
        rendered = text
    elif not lenient and has_template_code(CALL.sub("", text)):
        return None
    else:
        try:
            rendered = CALL.sub(call, text)
        except NotLiteral:
            return None
    # Jinja drops one newline at the end of a template unless told to keep it.
    if not keep_trailing_newline and rendered.endswith("\n") and text.endswith("\n"):
        rendered = rendered[:-1]
    return rendered
