"""Judging template code with Jinja: parsed, read for what the sandbox refuses, then run with the stand-ins.

`judge` is what `check.template_findings` asks for a page with more than literal macro
calls; `run` and `explain` are what the build's sandbox hook renders with, so a failure
at build time is described exactly as the check describes it.
"""

from __future__ import annotations

import inspect
import re
from functools import lru_cache
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.sandbox import SecurityError

from ..findings import Finding
from . import arguments
from .limits import Budget, TemplateLimit
from .sandbox import DEFAULT_UNDEFINED, HIDDEN_NAMES, STAND_INS, PageSandbox, checking_sandbox, known_names, page_data

# Hugo's and Docsy's shortcodes, which other handbooks are written with: `{{< alert >}}`, `{{% include %}}`.
_SHORTCODE = re.compile(r"\{\{(<|%)[^\S\n]*(/?)[^\S\n]*([\w./-]*)[^\n]*?(?:>|%)\}\}")
_INSTEAD = {
    ("alert", "notice", "note", "warning", "tip", "hint", "callout", "info", "caution", "danger", "important", "admonition"):
        'write a Material admonition instead: `!!! warning "Title"` with the text indented four spaces below (note, tip, danger work too)',
    ("include", "readfile", "snippet", "insert", "partial"): "paste the text into the SOP instead: pages cannot include other files",
    ("ref", "relref", "link"): 'write a Markdown link instead, or {{ sop("ID") }} for another SOP',
    ("figure", "img", "image"): "write a Markdown image instead: `![what it shows](../assets/picture.png)`",
    ("details", "expand", "collapse", "spoiler"): 'write a collapsible block instead: `??? note "Title"` with the text indented below',
    ("tabs", "tab", "tabpane"): 'write content tabs instead: `=== "Tab name"` with the text indented below',
}


def judge(
    path: str,
    masked: str,
    first_line: int,
    page_meta: dict[str, Any],
    *,
    title: str = "",
    url: str = "",
    src_path: str = "",
    undefined: str = DEFAULT_UNDEFINED,
) -> list[Finding]:
    """The findings for masked text holding more than literal macro calls."""
    found = _shortcodes(path, masked, first_line)
    if found:
        masked = _SHORTCODE.sub(lambda m: " " * len(m.group(0)), masked)
    sandbox = checking_sandbox(undefined)
    try:
        static = _static(path, sandbox.parse(masked), first_line, known_names(page_meta))
    except TemplateSyntaxError as exc:  # TemplateAssertionError too (an unknown filter), raised while reading the names
        return sorted(found + [_syntax(path, exc, masked, first_line, sandbox)], key=Finding.sort_key)
    if static or found:
        return sorted(found + static, key=Finding.sort_key)
    _, problem = run(sandbox, masked, page_data(page_meta, title, url, src_path), path, first_line)
    return [problem] if problem else []


def run(env: PageSandbox, masked: str, data: dict[str, Any], path: str, first_line: int) -> tuple[str | None, Finding | None]:
    """Render masked text in the sandbox: (output, None), or (None, the finding) when it fails."""
    try:
        with Budget(len(masked)) as budget:
            return "".join(budget.written(env.from_string(masked).generate(data))), None
    except TemplateSyntaxError as exc:
        return None, _syntax(path, exc, masked, first_line, env)
    except Exception as exc:  # noqa: BLE001 - whatever a page does wrong is a finding, never a traceback
        return None, explain(exc, path, first_line)


def explain(exc: BaseException, path: str, first_line: int) -> Finding:
    """A finding for an error raised while a page rendered, at the template line Jinja's traceback names."""
    line = first_line + _template_line(exc) - 1
    if isinstance(exc, arguments.MacroArgumentError):
        return Finding(path, line, "TPL005", str(exc))
    if isinstance(exc, TemplateLimit):
        return Finding(path, line, "TPL006", f"this page's template was stopped: {exc}")
    if isinstance(exc, (MemoryError, RecursionError, OverflowError)) or "integer string conversion" in str(exc):
        return Finding(path, line, "TPL006", f"this page's template was stopped: {_stopped(exc)}")
    if isinstance(exc, SecurityError):
        what = str(exc)
        if "is not safely callable" in what:  # the sandbox hid the method, then refused to call what it left
            what = "it calls a function or method pages may not call"
        return Finding(path, line, "TPL003", _refused(what))
    if isinstance(exc, TypeError) and "no loader" in str(exc):
        return Finding(path, line, "TPL003", _refused("pages may not load other files"))
    if isinstance(exc, UndefinedError):
        return Finding(path, line, "TPL002", f"{exc.message} (pages may read only the handbook's macros and their own front matter)")
    if isinstance(exc, TemplateError):
        return Finding(path, line, "TPL003", _refused(str(exc)))
    return Finding(path, line, "TPL005", f"a macro call fails: {exc}")


def _stopped(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "it needs more memory than the build has"
    if isinstance(exc, RecursionError):
        return "a macro calls itself without end"
    if isinstance(exc, OverflowError):
        return "a number grows too large"
    return "a number has too many digits to be shown"


def _refused(what: str) -> str:
    return f"this page's template tried something pages may not do ({what})"


def _template_line(exc: BaseException) -> int:
    """The page line of the innermost template frame: Jinja rewrites tracebacks to template lines."""
    line = 1
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _shortcodes(path: str, masked: str, first_line: int) -> list[Finding]:
    found = []
    for m in _SHORTCODE.finditer(masked):
        if m.group(2):
            continue  # a closing `{{< /alert >}}`: its opening is reported
        name = m.group(3)
        instead = next((advice for names, advice in _INSTEAD.items() if name.lower() in names), "write it in Markdown instead: MkDocs has no shortcodes")
        line = first_line + masked.count("\n", 0, m.start())
        found.append(Finding(path, line, "TPL004", f"`{m.group(0)}` is another tool's shortcode; {instead}"))
    return found


def _syntax(path: str, exc: TemplateSyntaxError, masked: str, first_line: int, env: PageSandbox) -> Finding:
    line, message = exc.lineno or 1, exc.message or str(exc)
    if "end of template" in message:  # Jinja names the last line: name the one that opened what is not closed
        opened = _unclosed(env, masked)
        if opened is not None:
            line, what = opened
            message = f"`{what}` opened here is never closed" + (f" with `{{% end{what[3:].split()[0]} %}}`" if what.startswith("{% ") else "")
    return Finding(path, first_line + line - 1, "TPL001", f"the template code cannot be read: {message}")


_BLOCKS = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "raw", "trans"})


def _unclosed(env: PageSandbox, masked: str) -> tuple[int, str] | None:
    """(line, what) of the tag or block still open where the template ends."""
    stack: list[tuple[int, str]] = []
    tag: tuple[int, str] | None = None
    expect_name = False
    try:
        for lineno, kind, value in env.lex(masked):
            if kind in ("variable_begin", "block_begin", "comment_begin"):
                tag = (lineno, {"variable_begin": "{{", "block_begin": "{%", "comment_begin": "{#"}[kind])
                expect_name = kind == "block_begin"
            elif kind in ("variable_end", "block_end", "comment_end"):
                tag = None
            elif expect_name and kind == "name":
                expect_name = False
                if value in _BLOCKS:
                    stack.append((lineno, f"{{% {value} %}}"))
                elif value.startswith("end") and stack and stack[-1][1] == f"{{% {value[3:]} %}}":
                    stack.pop()
    except TemplateSyntaxError as exc:
        if tag is None and exc.lineno:
            return exc.lineno, "{#"
    if tag is not None:
        return tag
    return stack[-1] if stack else None


def _static(path: str, tree: nodes.Template, first_line: int, known: set[str]) -> list[Finding]:
    """What the sandbox would refuse or miss, read from the parsed template without running it: one finding per line."""
    found: dict[int, Finding] = {}

    def note(node: nodes.Node, code: str, message: str) -> None:
        line = first_line + (node.lineno or 1) - 1
        found.setdefault(line, Finding(path, line, code, message))

    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        note(node, "TPL003", _refused(f"`{{% {type(node).__name__.lower().replace('fromimport', 'from … import')} %}}` would load another file"))
    unknown = meta.find_undeclared_variables(tree) - known
    if unknown:
        for node in tree.find_all(nodes.Name):
            if node.name in unknown and node.ctx == "load":
                if node.name in HIDDEN_NAMES:
                    note(node, "TPL003", _refused(f"`{node.name}` is not available to pages"))
                else:
                    note(node, "TPL002", f"`{node.name}` is not a handbook macro or a field of this page")
    for node in tree.find_all(nodes.Getattr):
        if node.attr.startswith("_"):
            note(node, "TPL003", _refused(f"`{node.attr}` is an internal attribute"))
    for node in tree.find_all(nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
            note(node, "TPL003", _refused(f"`{node.arg.value}` is an internal attribute"))
    for node in tree.find_all(nodes.Call):
        problem = _bad_call(node)
        if problem:
            note(node, "TPL005", problem)
    return sorted(found.values(), key=Finding.sort_key)


def _bad_call(node: nodes.Call) -> str | None:
    """Why a call of a macro cannot work (missing or extra arguments), or None."""
    if not isinstance(node.node, nodes.Name) or node.node.name not in STAND_INS or node.dyn_args or node.dyn_kwargs:
        return None
    name = node.node.name
    try:
        _signature(name).bind(*node.args, **{kw.key: kw.value for kw in node.kwargs})
    except TypeError as exc:
        return f"{name}() is called wrongly: {exc}"
    if all(isinstance(arg, nodes.Const) for arg in node.args):
        return arguments.problem(name, tuple(arg.value for arg in node.args))
    return None


@lru_cache(maxsize=None)
def _signature(name: str) -> inspect.Signature:
    return inspect.signature(STAND_INS[name])
