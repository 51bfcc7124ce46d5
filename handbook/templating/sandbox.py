"""The sandbox every page template runs in: the handbook's macros and the page's data, nothing else.

mkdocs-macros renders pages in a plain Jinja environment with live objects
(`config`, `navigation`, `files`) in reach: `{{ cycler.__init__.__globals__.os
... }}` or `{{ config.theme.get_env()... }}` would run code during a build that
holds deployment credentials. Any contributor can edit a page, so pages render in
`PageSandbox`, which
- exposes only the macros named in `handbook.site.PAGE_MACROS` as globals,
- is given a plain-data view of the page (`page_data`) instead of the plugin's variables,
- lets templates call only those macros and methods of plain data (str, list, dict...),
- loads no other file (`{% include %}`, `{% import %}`),
- and keeps every operator, call, filter, loop step and output within `limits`.
The check renders with `STAND_INS`, functions with the macros' signatures, so it
judges a page as the build will without a glossary or the site's pages.
"""

from __future__ import annotations

import functools
import inspect
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from jinja2 import DebugUndefined, DictLoader, StrictUndefined, Undefined, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..site import PAGE_MACROS
from . import limits
from .arguments import require

_PLAIN = (str, int, float, bool, list, dict, tuple, date, datetime, type(None))


class _LaxUndefined(Undefined):
    """mkdocs-macros' `lax`: anything undefined renders as nothing."""

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> str:
        return ""


# mkdocs-macros' `on_undefined` settings, as it maps them (its default is `keep`).
UNDEFINED: dict[str, type[Undefined]] = {"keep": DebugUndefined, "silent": Undefined, "strict": StrictUndefined, "lax": _LaxUndefined}
DEFAULT_UNDEFINED = "keep"

# Names a page template could reach in a plain mkdocs-macros build and the sandbox takes away:
# Jinja's own globals and the plugin's variables.
HIDDEN_NAMES = frozenset(
    {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "self", "loop", "varargs", "kwargs"}
    | {"config", "environment", "plugin", "git", "macros", "filters", "filters_builtin", "navigation", "files", "extra"}
)


def _term(key: str, text: str | None = None) -> str:
    require("term", key, text)
    return text or key


def _sop(sop_id: str) -> str:
    require("sop", sop_id)
    return sop_id


def _definitions() -> str:
    return ""


#: What the check calls instead of the macros: the same names and signatures (hooks/sandbox.py compares them).
STAND_INS: dict[str, Any] = {"term": _term, "sop": _sop, "definitions": _definitions}
assert tuple(STAND_INS) == PAGE_MACROS


def signature_mismatch(name: str, macro: Any) -> str | None:
    """How a registered macro's parameters differ from its stand-in's, or None when they agree."""
    try:
        theirs = inspect.signature(macro)
    except (TypeError, ValueError):
        return None
    ours = inspect.signature(STAND_INS[name])
    shape = lambda s: [(p.name, p.kind, p.default is inspect.Parameter.empty) for p in s.parameters.values()]  # noqa: E731
    if shape(theirs) == shape(ours):
        return None
    return f"{name}{theirs} differs from {name}{ours}, the signature the check and the sandbox expect"


class PageSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"**", "*", "%", "+"})  # Jinja never folds these at compile time: checked when run

    def __init__(self, macros: dict[str, Any], **options: Any):
        super().__init__(loader=DictLoader({}), **options)  # no {% include %} of any file
        self.globals.clear()  # no range, cycler, joiner, lipsum, namespace: only the macros
        self.globals.update(macros)
        self.filters = {name: _bounded_filter(name, fn) for name, fn in self.filters.items()}
        self.finalize = _charged_output
        self._macros = {id(fn) for fn in macros.values()} | {id(self.hb_loop), id(self.hb_concat)}

    def is_safe_callable(self, obj: Any) -> bool:
        if id(obj) in self._macros:
            return True
        owner = getattr(obj, "__self__", None)  # a bound method: allowed on plain data only
        return owner is not None and type(owner) in _PLAIN and super().is_safe_callable(obj)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return type(obj) in _PLAIN and super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        limits.charge(limits.weight(result) if operator != "**" else limits.STEP)
        return result

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's own signature
        owner = getattr(__obj, "__self__", None)
        if type(owner) in _PLAIN and id(__obj) not in __self._macros:
            limits.check_method(owner, getattr(__obj, "__name__", ""), args, kwargs)
        limits.charge(limits.STEP)
        result = super().call(__context, __obj, *args, **kwargs)
        limits.charge(limits.weight(result))
        return result

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The parsed page, each loop's steps and each `~` routed through the limits."""
        tree = super()._parse(source, name, filename)
        for loop in list(tree.find_all(nodes.For)):
            written = sum(len(data.data) for data in loop.find_all(nodes.TemplateData))  # what one step writes as it stands
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("hb_loop"), [loop.iter, nodes.Const(limits.STEP + written)], [], None, None, lineno=loop.iter.lineno)
        for concat in list(tree.find_all(nodes.Concat)):
            concat.nodes = [nodes.Call(nodes.EnvironmentAttribute("hb_concat"), [nodes.List(concat.nodes, lineno=concat.lineno)], [], None, None, lineno=concat.lineno)]
        return tree

    @staticmethod
    def hb_loop(iterable: Any, units: int) -> Any:
        for item in iterable:
            limits.charge(units)
            yield item

    @staticmethod
    def hb_concat(values: list[Any]) -> str:
        return limits.check_concat(values)


def _bounded_filter(name: str, fn: Any) -> Any:
    skip = 1 if getattr(fn, "jinja_pass_arg", None) is not None else 0  # the context or environment Jinja passes first

    @functools.wraps(fn)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        value, rest = (args[skip], args[skip + 1 :]) if len(args) > skip else (None, ())
        limits.check_filter(name, value, rest, kwargs)
        limits.charge(limits.STEP)
        result = fn(*args, **kwargs)
        limits.charge(limits.weight(result))
        return result

    return bounded


def _charged_output(value: Any) -> Any:
    """Every `{{ }}` output counts (also inside a `{% set %}` block, which no page output shows)."""
    size = limits.weight(value)
    limits.refuse_large(size, "the output of one `{{ }}`")
    limits.wrote(size)
    return value


@lru_cache(maxsize=4)
def checking_sandbox(undefined: str = DEFAULT_UNDEFINED) -> PageSandbox:
    """The sandbox with the stand-ins: what `handbook check` renders a page in."""
    return PageSandbox(STAND_INS, undefined=UNDEFINED.get(undefined, UNDEFINED[DEFAULT_UNDEFINED]))


def page_data(meta: dict[str, Any], title: str, url: str, src_path: str) -> dict[str, Any]:
    """What a page template may read: its front matter as plain data, top level and as `page.meta`."""
    plain = _plain(dict(meta or {}))
    return {**plain, "page": {"title": title, "url": url, "meta": plain, "src_path": src_path}}


def known_names(meta: dict[str, Any]) -> set[str]:
    """The names a page template may use: the macros, `page` and its front-matter keys."""
    return {*PAGE_MACROS, "page", *(str(k) for k in (meta or {}))}


def _plain(value: Any) -> Any:
    """A deep copy of front-matter data with anything that is not plain data dropped."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if isinstance(v, _PLAIN)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value if isinstance(v, _PLAIN)]
    return value if isinstance(value, _PLAIN) else None
