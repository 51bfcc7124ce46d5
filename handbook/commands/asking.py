"""Answers for a command from its flags, or asked in a terminal, each checked as it arrives.

In a terminal a wrong answer is explained and asked again (a typo never ends the
command, and the next answer never lands in the shell). Without one (CI, scripts)
nothing is asked: every missing or wrong flag is collected and reported at once.
A parser takes the text and returns the value or raises ValueError with the fix.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING: Any = object()


class Asker:
    def __init__(self, interactive: bool, error: type[Exception], command: str, example: str):
        self.interactive, self.error, self.command, self.example = interactive, error, command, example
        self.missing: list[str] = []  # flags not given (no terminal to ask in)
        self.problems: list[str] = []  # flags given with a value that cannot be used

    def value(self, flag: str, given: str | None, prompt: str, parse: Callable[[str], T], default: str | None = None) -> T:
        """The parsed value of `--flag`; asked for when missing in a terminal, else recorded as missing (see `done`)."""
        if given is not None:
            try:
                return parse(given)
            except ValueError as exc:
                if self.interactive:
                    sys.stderr.write(f"--{flag}: {exc}\n")
                    return self._ask(prompt, parse, default)
                self.problems.append(f"--{flag}: {exc}")
                return _MISSING
        if not self.interactive:
            if default is not None:
                return parse(default)
            self.missing.append(f"--{flag}")
            return _MISSING
        return self._ask(prompt, parse, default)

    def done(self) -> None:
        """Raise one error naming every wrong and every missing flag at once, with a whole command as the example."""
        lines = list(self.problems)
        if self.missing:
            flags = self.missing[0] if len(self.missing) == 1 else ", ".join(self.missing[:-1]) + " and " + self.missing[-1]
            verb = "is" if len(self.missing) == 1 else "are"
            lines.append(f"{flags} {verb} needed when {self.command} does not run in a terminal, e.g. {self.example}")
        if lines:
            raise self.error("\n".join(lines))

    @staticmethod
    def ok(*values: object) -> bool:
        """Whether every value arrived (a missing one is already in `problems`)."""
        return all(v is not _MISSING for v in values)

    def _ask(self, prompt: str, parse: Callable[[str], T], default: str | None) -> T:
        shown = f"{prompt} [{default or 'none'}]: " if default is not None else f"{prompt}: "
        while True:
            try:
                answer = input(shown).strip()
            except EOFError:
                raise self.error("no answer given; pass the values as flags instead (see --help)") from None
            if not answer and default is not None:
                answer = default
            try:
                return parse(answer)
            except ValueError as exc:
                sys.stderr.write(f"  {exc}; try again (Ctrl-C to stop)\n")
