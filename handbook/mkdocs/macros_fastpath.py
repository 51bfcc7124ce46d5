"""Pages whose only template code is literal macro calls are rendered without compiling a Jinja template.

A thin adapter over `handbook.templating.literal` (which says why): hooks/sandbox.py
renders every page and asks this hook's `_literal` first; without this hook listed in
mkdocs.yml every page goes through the sandboxed Jinja environment, with the same result.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from handbook.templating import literal


@event_priority(-110)  # after hooks/sandbox.py (-100) has installed its environment
def on_config(config):
    plugin = config.plugins.get("macros")
    if plugin is not None:
        plugin._handbook_literal = _literal
    return config


def _literal(plugin, masked: str) -> str | None:
    """The page rendered by calling the macros in order, or None when Jinja must render it."""
    env = plugin.env
    if (env.variable_start_string, env.variable_end_string, env.block_start_string, env.comment_start_string) != ("{{", "}}", "{%", "{#"):
        return None
    if env.line_statement_prefix or env.line_comment_prefix or env.trim_blocks or env.lstrip_blocks or "\r" in masked:
        return None
    return literal.render(masked, plugin.macros, env.keep_trailing_newline)
