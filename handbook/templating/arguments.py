"""What the page macros accept: text in quotes. `term(None)` or `sop(123)` is TPL005, never "None" or "123" on a page.

One rule for the three places that meet a call: the check's static reading (a literal
argument), the check's stand-ins and the build's macros (a value computed when the page
renders). The macros' signatures say how many arguments; this says of what kind.
"""

from __future__ import annotations

from typing import Any

_NEEDS = {
    "term": ("the term's key", 'term("AHT")'),
    "sop": ("the SOP's id", 'sop("CC-001")'),
}


class MacroArgumentError(TypeError):
    """A macro was given something other than text."""


def problem(name: str, args: tuple[Any, ...]) -> str | None:
    """Why these arguments cannot be what `name` is called with, or None."""
    if name not in _NEEDS or not args:
        return None
    what, example = _NEEDS[name]
    key, *rest = args
    if not isinstance(key, str) or not key.strip():
        return f"{name}() needs {what} as text in quotes, as in {example}; it was given {_shown(key)}"
    if rest and rest[0] is not None and not isinstance(rest[0], str):
        return f'{name}()\'s second argument is the text shown, in quotes, as in term("AHT", "handle time"); it was given {_shown(rest[0])}'
    return None


def require(name: str, *args: Any) -> None:
    """Raise `MacroArgumentError` when `problem` finds one."""
    found = problem(name, args)
    if found:
        raise MacroArgumentError(found)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return "an empty text"
    text = "nothing (None)" if value is None else repr(value) if isinstance(value, (int, float, bool)) else f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."
