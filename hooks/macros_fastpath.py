"""Pages whose only template code is literal macro calls are rendered without compiling a Jinja template.

mkdocs-macros compiles every page into a Jinja template, once per language: about a tenth
of a large handbook's build. An SOP's template code is nearly always literal calls like
`{{ term("AHT") }}`, `{{ term("Callback", "callbacks") }}`, `{{ sop("CC-001") }}` and
`{{ definitions() }}`. For a page with nothing else this hook calls the same registered
macros in order and puts their output in place, as Jinja would. Any other template code
(a variable, a filter, `{% %}`, `{# #}`, single quotes, a backslash) and the page goes
through the sandboxed Jinja environment of hooks/sandbox.py exactly as before.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

from handbook.site import PAGE_MACROS

_CALL = re.compile(r'\{\{ ?(\w+)\((?:"([^"\\{}]*)"(?:, ?"([^"\\{}]*)")?)?\) ?\}\}')
_ARITY = {"term": (1, 2), "sop": (1,), "definitions": (0,)}
_JINJA = ("{{", "{%", "{#")


class _NotLiteral(Exception):
    """The page holds template code beyond literal macro calls: Jinja renders it."""


@event_priority(-110)  # after hooks/sandbox.py (-100) has installed its environment
def on_config(config):
    plugin = config.plugins.get("macros")
    if plugin is None or getattr(plugin, "_handbook_fastpath", False):
        return config  # mkdocs-static-i18n runs on_config once per language: wrap once
    original = plugin.render

    def render(markdown: str, force_rendering: bool = False) -> str:
        fast = _render_literal_calls(plugin, markdown)
        return original(markdown, force_rendering) if fast is None else fast

    plugin.render = render
    plugin._handbook_fastpath = True
    return config


def _render_literal_calls(plugin, markdown: str) -> str | None:
    """The rendered page, or None when Jinja must render it."""
    env = plugin.env
    try:
        meta = plugin.variables["page"].meta or {}
    except (KeyError, AttributeError):
        meta = {}
    if meta.get("render_macros") is False or not plugin.config.get("render_by_default", True):
        return None  # mkdocs-macros decides whether such a page renders at all
    if (env.variable_start_string, env.variable_end_string, env.block_start_string, env.comment_start_string) != ("{{", "}}", "{%", "{#"):
        return None
    if env.line_statement_prefix or env.line_comment_prefix or env.trim_blocks or env.lstrip_blocks or "\r" in markdown:
        return None
    macros = plugin.macros

    def call(match: re.Match) -> str:
        name = match.group(1)
        args = [a for a in (match.group(2), match.group(3)) if a is not None]
        if name not in PAGE_MACROS or name not in macros or len(args) not in _ARITY.get(name, ()):
            raise _NotLiteral
        try:
            return str(macros[name](*args))
        except Exception:  # noqa: BLE001 - Jinja's path reports it, in the page and the log
            raise _NotLiteral from None

    if not any(marker in _CALL.sub("", markdown) for marker in _JINJA) and "{{" in markdown:
        try:
            rendered = _CALL.sub(call, markdown)
        except _NotLiteral:
            return None
    elif not any(marker in markdown for marker in _JINJA):
        rendered = markdown  # no template code at all
    else:
        return None
    # Jinja drops one newline at the end of a template unless told to keep it.
    if not env.keep_trailing_newline and rendered.endswith("\n") and markdown.endswith("\n"):
        rendered = rendered[:-1]
    return rendered
