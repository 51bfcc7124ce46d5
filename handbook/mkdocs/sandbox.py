"""Page templates in the build: the core's sandbox, code kept as text, a broken template shown as text.

A thin adapter over `handbook.templating` (which says why pages need a sandbox). After
mkdocs-macros has built its environment and registered the macros, this hook
- replaces the environment with the core's `PageSandbox` over the registered macros
  (whose signatures must be those the check expects) and the plugin's `on_undefined`,
- wraps the plugin's `render`: code spans, fences and Mermaid are masked so Jinja never
  reads them; a page the handbook's check found a template finding in (TPL001-TPL006,
  already logged with the other findings) is not handed to Jinja at all but shown as
  written, literal macro calls filled in, under a notice naming the line; any other page
  renders through the literal-call fast path (hooks/macros_fastpath.py) or the sandbox.
A failure the check could not foresee is logged the same way (so `--strict` fails) and
shown the same way: never mkdocs-macros' "Macro Syntax Error" block instead of the page.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import output
from handbook.findings import Finding
from handbook.site import PAGE_MACROS, build
from handbook.site.template_notice import template_notice
from handbook.templating import literal
from handbook.templating.analysis import run
from handbook.templating.check import CODES, template_findings
from handbook.templating.codetext import as_code_spans, has_template_code, mask, unmask
from handbook.templating.sandbox import PageSandbox, page_data, signature_mismatch

log = logging.getLogger("mkdocs.hooks.sandbox")

_state: dict[str, Any] = {"docs": "docs", "handbook": None, "known": {}, "logged": set()}


@event_priority(-100)  # after mkdocs-macros has built its environment and registered the macros
def on_config(config):
    """Swap the macros plugin's Jinja environment for the sandbox and wrap its render (once)."""
    plugin = config.plugins.get("macros")
    if plugin is None:
        return config
    env = plugin.env
    missing = [name for name in PAGE_MACROS if name not in plugin.macros]
    if missing:
        raise PluginError(f"mkdocs.yml: the macros module did not register {', '.join(missing)}")
    for name in PAGE_MACROS:
        differs = signature_mismatch(name, plugin.macros[name])
        if differs:
            raise PluginError(f"macros/__init__.py: {differs}")
    plugin._env = PageSandbox(
        {name: plugin.macros[name] for name in PAGE_MACROS},
        undefined=env.undefined,
        variable_start_string=env.variable_start_string,
        variable_end_string=env.variable_end_string,
        block_start_string=env.block_start_string,
        block_end_string=env.block_end_string,
        comment_start_string=env.comment_start_string,
        comment_end_string=env.comment_end_string,
    )
    _state["docs"] = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path)).replace(os.sep, "/")
    if not getattr(plugin, "_handbook_sandboxed", False):  # mkdocs-static-i18n runs on_config once per language
        plugin.render = _sandboxed_render(plugin)
        plugin._handbook_sandboxed = True
    return config


def _sandboxed_render(plugin):
    def render(markdown: str, force_rendering: bool = False) -> str:
        try:
            page = plugin.page
            meta = plugin.variables["page"].meta or {}
        except (AttributeError, KeyError):
            page, meta = None, {}
        # mkdocs-macros' own rules for whether a page renders at all
        if meta.get("render_macros") is False:
            return markdown
        if not plugin.config.get("render_by_default", True) and not (force_rendering or meta.get("render_macros") is True):
            return markdown
        if not has_template_code(markdown):
            return _unchanged(plugin, markdown)
        is_title = page is not None and markdown is not getattr(plugin, "_markdown", None)  # mkdocs-macros renders titles too
        masked = mask(markdown)
        problems = [] if page is None or is_title else _known_problems(page, markdown, meta)
        if problems:
            return template_notice(problems) + _as_text(plugin, masked)
        fast = getattr(plugin, "_handbook_literal", None)
        rendered = fast(plugin, masked) if fast is not None else None
        if rendered is not None:
            return unmask(rendered)
        path, first_line = _where(page, markdown)
        data = page_data(meta, str(getattr(page, "title", "") or ""), getattr(page, "url", ""), getattr(getattr(page, "file", None), "src_path", ""))
        rendered, problem = run(plugin.env, masked, data, path, first_line)
        if problem is None:
            return unmask(rendered)
        if is_title:
            return markdown
        _log_once(problem)  # the check did not foresee it: it is not among the logged findings
        return template_notice([problem]) + _as_text(plugin, masked)

    return render


def _unchanged(plugin, markdown: str) -> str:
    """What Jinja makes of text without template code: the same, less one newline at the end."""
    if not plugin.env.keep_trailing_newline and markdown.endswith("\n"):
        return markdown[:-1]
    return markdown


def _as_text(plugin, masked: str) -> str:
    """The page as written, its literal macro calls filled in, any other template code shown as code."""
    return unmask(as_code_spans(literal.render(masked, plugin.macros, plugin.env.keep_trailing_newline, lenient=True) or ""))


def _handbook():
    try:
        return build.current()
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None


def _known_problems(page, markdown: str, meta: dict) -> list[Finding]:
    """The page's template findings: from the handbook's check for an SOP (logged there), found now for other pages."""
    handbook = _handbook()
    if _state["handbook"] is not handbook:  # a new build: index its findings, log afresh
        _state["handbook"] = handbook
        _state["known"] = {}
        _state["logged"] = set()
        for finding in handbook.findings:
            if finding.code in CODES:
                _state["known"].setdefault(finding.path, []).append(finding)
    sop = handbook.by_path.get(page.file.src_uri)
    if sop is not None:
        return _state["known"].get(sop.path, [])
    path, first_line = _where(page, markdown)
    found = template_findings(path, markdown, first_line, meta, title=str(page.title or ""), url=page.url, src_path=page.file.src_path, undefined=handbook.policy.on_undefined)
    for finding in found:
        _log_once(finding)
    return found


def _where(page, markdown: str) -> tuple[str, int]:
    """The page's path as the check shows it, and the file's line of the Markdown's first line (after the front matter)."""
    if page is None:
        return "?", 1
    handbook = _handbook()
    sop = handbook.by_path.get(page.file.src_uri)
    if sop is not None:
        path, text = sop.path, sop.source.text
    else:
        path = f"{_state['docs']}/{page.file.src_path}"
        try:
            text = page.file.content_string.replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError, TypeError):
            text = ""
    first_line = text[: len(text) - len(markdown)].count("\n") + 1 if markdown and text.endswith(markdown) else 1
    return path, first_line


def _log_once(finding: Finding) -> None:
    """A template finding of the build's own, logged as the hook logs the check's: once per build, every language."""
    if finding in _state["logged"]:
        return
    _state["logged"].add(finding)
    log.error(output.as_log_line(finding))  # ERROR, as the check's: -q cannot hide it from --strict
