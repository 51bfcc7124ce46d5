"""Sandbox for page templates: pages may call the handbook's macros and read page data, nothing else.

mkdocs-macros renders pages in a plain Jinja environment with live objects
(`config`, `navigation`, `files`) in reach: `{{ cycler.__init__.__globals__.os
... }}` or `{{ config.theme.get_env()... }}` would run code during a build that
holds deployment credentials. Any contributor can edit a page, so after the
plugin has set up its environment we replace it with a sandbox that
- exposes only the macros named in `handbook.site.PAGE_MACROS` as globals,
- renders each page with a plain-data view of the page instead of the plugin's variables,
- lets templates call only those macros and methods of plain data (str, list, dict...),
and a violation stops the build naming the file.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from jinja2 import DictLoader, Template, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.site import PAGE_MACROS


_PLAIN = (str, int, float, bool, list, dict, tuple, date, datetime, type(None))
_violations: dict[str, str] = {}  # page src path -> what it tried
_docs_prefix = ["docs"]  # how the docs folder is named in messages


class PageTemplate(Template):
    """A page template that sees only page data, whatever variables the plugin passes."""

    def render(self, *args: Any, **variables: Any) -> str:
        page = variables.get("page")
        meta = _plain(dict(getattr(page, "meta", {}) or {}))
        src = getattr(getattr(page, "file", None), "src_path", "?")
        data = {**meta, "page": {"title": getattr(page, "title", ""), "url": getattr(page, "url", ""), "meta": meta, "src_path": src}}
        try:
            return super().render(data)
        except (SecurityError, TemplateError) as exc:
            # Not raised: mkdocs-macros would log it with a traceback and carry on.
            # on_page_markdown below stops the build with a clear message instead.
            _violations[src] = str(exc)
            return ""


class PageSandbox(ImmutableSandboxedEnvironment):
    template_class = PageTemplate

    def __init__(self, macros: dict[str, Any], **options: Any):
        super().__init__(loader=DictLoader({}), **options)  # no {% include %} of any file
        self.globals.clear()  # no range, cycler, joiner, lipsum, namespace: only the macros
        self.globals.update(macros)
        self._macros = {id(fn) for fn in macros.values()}

    def is_safe_callable(self, obj: Any) -> bool:
        if id(obj) in self._macros:
            return True
        owner = getattr(obj, "__self__", None)  # a bound method: allowed on plain data only
        return owner is not None and type(owner) in _PLAIN and super().is_safe_callable(obj)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return type(obj) in _PLAIN and super().is_safe_attribute(obj, attr, value)


@event_priority(-100)  # after mkdocs-macros has built its environment and registered the macros
def on_config(config):
    """Swap the macros plugin's Jinja environment for the sandbox."""
    plugin = config.plugins.get("macros")
    if plugin is None:
        return config
    env = plugin.env
    missing = [name for name in PAGE_MACROS if name not in plugin.macros]
    if missing:
        raise PluginError(f"mkdocs.yml: the macros module did not register {', '.join(missing)}")
    sandbox = PageSandbox(
        {name: plugin.macros[name] for name in PAGE_MACROS},
        undefined=env.undefined,
        variable_start_string=env.variable_start_string,
        variable_end_string=env.variable_end_string,
        block_start_string=env.block_start_string,
        block_end_string=env.block_end_string,
        comment_start_string=env.comment_start_string,
        comment_end_string=env.comment_end_string,
    )
    plugin._env = sandbox
    _violations.clear()
    _docs_prefix[0] = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path)).replace(os.sep, "/")
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    """mkdocs-macros swallows a template error into the page: stop the build instead."""
    tried = _violations.pop(page.file.src_path, None)
    if tried is not None:
        raise PluginError(_explain(page.file.src_path, tried))
    return markdown


def _explain(src: str, problem: Any) -> str:
    return (
        f"{_docs_prefix[0]}/{src}: this page's template tried something pages may not do ({problem}). "
        f"Pages may only call the handbook's macros (term, sop, definitions) and read page data "
        f"(page.title, page.meta); remove the expression or write it as plain text."
    )


def _plain(value: Any) -> Any:
    """A deep copy of front-matter data with anything that is not plain data dropped."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if isinstance(v, _PLAIN)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value if isinstance(v, _PLAIN)]
    return value if isinstance(value, _PLAIN) else None
