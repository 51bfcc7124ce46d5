"""Limits on what one page's template may compute: a real page never meets them, a hostile one always does.

Jinja's sandbox stops code from running, not work: `{{ 9**9**9 }}`, `{{ "x" * 10**10 }}`,
nested loops over a long field or `"x".center(10**9)` keep a build busy for minutes or
allocate gigabytes. `PageSandbox` asks this module
- before an operator, a method call or a filter whose result could be large
  (`**`, `*`, `%`, `+`, `~`, replace, join, format, widths), whether that result stays
  under `MAX_VALUE`: the estimate is made *before* the work is done;
- after every call, loop step and output, to charge the work to the render's `Budget`
  (`MAX_WORK` units: a character made, or `STEP` per loop step or call) and to stop at
  `MAX_SECONDS` whatever the cause.
Counting work, not time, keeps the verdict the same on a fast and a slow machine.
A limit reached raises `TemplateLimit`, which the check and the build report as TPL006.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

MAX_VALUE = 1_000_000  # characters (or items) in one value a template makes
MAX_OUTPUT = 2_000_000  # characters a page's template may add to what is written in it
MAX_WORK = 50_000_000  # work units for one page
STEP = 50  # the work of one loop step or call, in units
MAX_INT_BITS = 100_000  # about 30,000 digits
MAX_SECONDS = 10.0  # the last resort: what no counted limit foresaw


class TemplateLimit(Exception):
    """A page's template would do more work than any page needs."""


_local = threading.local()


class Budget:
    """The work one render may still do; active (for the thread) inside `with Budget(...)`."""

    def __init__(self, source_length: int = 0):
        self.work = 0
        self.made = 0  # characters `{{ }}` wrote
        self.output = 0
        self.max_output = MAX_OUTPUT + source_length
        self.deadline = time.monotonic() + MAX_SECONDS

    def __enter__(self) -> Budget:
        self._outer = getattr(_local, "budget", None)
        _local.budget = self
        return self

    def __exit__(self, *exc: object) -> None:
        _local.budget = self._outer

    def charge(self, units: int) -> None:
        self.work += units
        if self.work > MAX_WORK:
            raise TemplateLimit("it does more work than any page needs: a loop or a repetition runs too long")
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"it takes longer than {MAX_SECONDS:g} seconds to render")

    def wrote(self, characters: int) -> None:
        """A `{{ }}` wrote this much: stopped at its line once the page's template has written MAX_OUTPUT."""
        self.made += characters
        if self.made > MAX_OUTPUT:
            raise TemplateLimit(f"it writes more than {MAX_OUTPUT:,} characters")
        self.charge(characters)

    def written(self, pieces: Iterable[str]) -> Iterator[str]:
        """The rendered pieces, stopped once the page's output passes `max_output`."""
        for piece in pieces:
            self.output += len(piece)
            if self.output > self.max_output:
                raise TemplateLimit(f"it writes more than {self.max_output:,} characters")
            yield piece


def charge(units: int) -> None:
    budget = getattr(_local, "budget", None)
    if budget is not None:
        budget.charge(units)


def wrote(characters: int) -> None:
    budget = getattr(_local, "budget", None)
    if budget is not None:
        budget.wrote(characters)


def weight(value: Any, limit: int = MAX_VALUE * 4) -> int:
    """About how many characters `value` makes as text: nested data counted item by item, stopping past `limit`."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, bool) or value is None:
        return 1
    if isinstance(value, int):
        return value.bit_length() // 3 + 1
    if isinstance(value, (list, tuple, dict)):
        total = 1
        for item in value.items() if isinstance(value, dict) else value:
            total += weight(item, limit - total) + 2
            if total > limit:
                break
        return total
    return 1


def refuse_large(estimate: int, what: str) -> None:
    if estimate > MAX_VALUE:
        raise TemplateLimit(f"{what} would make about {estimate:,} characters, more than the {MAX_VALUE:,} a page may make at once")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operator whose result would be too large, before Python computes it."""
    ints = isinstance(left, int) and isinstance(right, int)
    if operator == "**" and ints and right > 0:
        bits = max(left.bit_length(), 1) * right if abs(left) > 1 else 1
        if bits > MAX_INT_BITS:
            raise TemplateLimit(f"`{_short(left)} ** {_short(right)}` would make a number of about {int(bits * 0.30103):,} digits")
    elif operator == "*" and ints:
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateLimit("`*` would make a number of more than 30,000 digits")
    elif operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                refuse_large(weight(seq) * max(times, 0), f"`{_short(seq)} * {_short(times)}`")
    elif operator == "%" and isinstance(left, str):
        _check_widths(left, "`%`")
    elif operator == "+":
        if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            refuse_large(weight(left) + weight(right), "`+`")


def check_concat(values: list[Any]) -> str:
    """`a ~ b ~ c`, as Jinja joins it, refused when too large."""
    refuse_large(sum(weight(v) for v in values), "`~`")
    return "".join(v if isinstance(v, str) else str(v) for v in values)


def check_method(obj: Any, name: str, args: tuple, kwargs: dict) -> None:
    """Refuse a call of a plain data type's method whose result would be too large."""
    for arg in (*args, *kwargs.values()):
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_VALUE:
            raise TemplateLimit(f"`.{name}()` is given {_short(arg)}, more than the {MAX_VALUE:,} a page may ask for")
    if not isinstance(obj, str):
        return
    if name == "replace" and len(args) >= 2:
        refuse_large(_replaced(obj, args[0], args[1], args[2] if len(args) > 2 else -1), "`.replace()`")
    elif name == "join" and args:
        refuse_large(_joined(obj, args[0]), "`.join()`")
    elif name in ("format", "format_map"):
        _check_widths(obj, f"`.{name}()`")
    elif name == "expandtabs":
        size = args[0] if args and isinstance(args[0], int) else kwargs.get("tabsize", 8)
        refuse_large(len(obj) + obj.count("\t") * max(int(size), 0), "`.expandtabs()`")
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((weight(v) for v in args[0].values()), default=1)
        refuse_large(len(obj) * longest, "`.translate()`")


def check_filter(name: str, value: Any, args: tuple, kwargs: dict) -> None:
    """Refuse a filter whose result would be too large (its value's size is the page's own)."""
    check_method(None, name, args, kwargs)
    if name == "replace" and len(args) >= 2 and isinstance(value, str):
        refuse_large(_replaced(value, args[0], args[1], args[2] if len(args) > 2 and isinstance(args[2], int) else -1), "`|replace`")
    elif name == "join":
        refuse_large(_joined(args[0] if args else kwargs.get("d", ""), value), "`|join`")
    elif name == "format" and isinstance(value, str):
        _check_widths(value, "`|format`")
    elif name == "indent" and isinstance(value, str):
        width = args[0] if args else kwargs.get("width", 4)
        per_line = len(width) if isinstance(width, str) else max(int(width or 0), 0)
        refuse_large(len(value) + (value.count("\n") + 1) * per_line, "`|indent`")
    elif name == "wordwrap" and isinstance(value, str):
        wrap = kwargs.get("wrapstring", args[2] if len(args) > 2 else None) or "\n"
        width = max(int(args[0] if args else kwargs.get("width", 79)), 1)
        refuse_large(len(value) + (len(value) // width + value.count("\n") + 1) * weight(wrap), "`|wordwrap`")


_NUMBER = re.compile(r"\d+")


def _check_widths(fmt: str, what: str) -> None:
    """Widths and precisions in a format string (`%999999999d`, `{:>999999999}`) are refused above MAX_VALUE."""
    for m in _NUMBER.finditer(fmt):
        if len(m.group()) > 7 or int(m.group()) > MAX_VALUE:
            raise TemplateLimit(f"{what} asks for a width of {m.group() if len(m.group()) <= 12 else m.group()[:9] + '...'}, more than the {MAX_VALUE:,} a page may ask for")


def _replaced(text: str, old: Any, new: Any, count: Any) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    found = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def _joined(separator: Any, items: Any) -> int:
    if not isinstance(items, (str, list, tuple, dict)):
        return 0
    count = len(items)
    return weight(separator) * max(count - 1, 0) + (len(items) if isinstance(items, str) else weight(items))


def _short(value: Any) -> str:
    if isinstance(value, (list, tuple, dict)):
        return f"a {type(value).__name__} of {len(value):,} item(s)"
    if isinstance(value, str) and len(value) > 40:
        return f"a text of {len(value):,} characters"
    text = repr(value) if not isinstance(value, int) or value.bit_length() < 64 else f"a number of {value.bit_length() * 3 // 10} digits"
    return text if len(text) <= 40 else text[:37] + "..."
