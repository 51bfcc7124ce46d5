"""Reading one setting of `extra.handbook`: each value checked, with a ConfigError that names where it is and how to fix it.

The policy (handbook/policy.py) builds its objects from these; `handbook init` checks what it
is given with the same patterns, so a key, prefix or handle init accepts is one the policy accepts.
"""

from __future__ import annotations

import difflib
import re
from typing import Any


class ConfigError(Exception):
    """The handbook's configuration is unusable; the message says where and how to fix it."""


ID_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*$")
DEPARTMENT_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A GitHub user (@name), a team (@org/team) or an e-mail address: what CODEOWNERS accepts.
# Matched with fullmatch: `$` alone lets a trailing line break through, which would end a CODEOWNERS line.
OWNER_HANDLE = re.compile(r"^(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$")


# Every setting the policy reads, by where it is written: a setting not listed is a misspelling (add new ones here).
KNOWN_SETTINGS: dict[str, tuple[str, ...]] = {
    "": ("languages", "departments", "sections", "review", "glossary", "not_sops", "nav_max_sops", "search", "people", "synonyms", "tooling_owners", "title", "introduction", "self_assessment", "acknowledgement",
         "repository_facts", "words", "parallel_build"),
    "self_assessment": ("headings", "required", "pass_mark"),
    "review": ("default_interval_months", "due_soon_days", "exempt_statuses"),
    "departments": ("name", "names", "prefix", "lead", "review_interval_months", "self_assessment"),
}


def refuse_unknown(raw: dict, kind: str, at: str) -> None:
    """A misspelt setting would be ignored and its default used: a configuration error with the closest known name."""
    known = KNOWN_SETTINGS[kind]
    for name in raw:
        if name not in known:
            close = difflib.get_close_matches(str(name), known, n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"known settings: {', '.join(known)}"
            raise ConfigError(f"{at}: unknown setting `{name}`; {hint}")


def texts(raw: Any, where: str, source_lang: str) -> dict[str, str]:
    """A text setting: one text (in the source language) or one per language, e.g. {en: Our handbook, pl: Nasz podręcznik}."""
    if raw is None:
        return {}
    if isinstance(raw, str) and raw.strip():
        return {source_lang: raw}
    if not isinstance(raw, dict) or not raw or not all(isinstance(v, str) and v.strip() for v in raw.values()):
        raise ConfigError(f"{where}: a text, or a text per language, e.g. {{en: Our handbook, pl: Nasz podręcznik}}")
    return {str(k): v for k, v in raw.items()}


def people(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(f'{where}.people: map each person to a GitHub user or team, e.g. Anna Kowalczyk: "@anna-kowalczyk"')
    people = {}
    for name, handle in raw.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}.people: {name!r} is not a person's name")
        if not isinstance(handle, str) or not OWNER_HANDLE.fullmatch(handle):
            raise ConfigError(
                f'{where}.people.{name}: {handle!r} is not a GitHub user (@name), team (@org/team) or e-mail; quote it: "@name"'
            )
        people[name] = handle
    return people


def tooling_owners(raw: Any, where: str) -> tuple[str, ...]:
    """The GitHub users or teams CODEOWNERS names for the tooling and CI files."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f'{where}.tooling_owners: list the GitHub users or teams who review the tooling, e.g. ["@org/handbook-maintainers"]')
    for handle in raw:
        if not isinstance(handle, str) or not OWNER_HANDLE.fullmatch(handle):
            raise ConfigError(f'{where}.tooling_owners: {handle!r} is not a GitHub user (@name), team (@org/team) or e-mail; quote it: "@name"')
    return tuple(dict.fromkeys(raw))


def names(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) and v for v in raw.values()):
        raise ConfigError(f"{where}: map languages to names, e.g. {{pl: Centrum kontaktowe}}")
    return {str(k): v for k, v in raw.items()}


def whole(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{where}: a whole number, 0 or more, got {value!r}")
    return value


def flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: true or false, got {value!r}")
    return value


def choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}")
    return value


def auto_flag(value: Any, where: str) -> str:
    """`auto`, or a yes/no written as YAML's true/false: the text auto, true or false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return choice(value, ("auto", "true", "false"), where)


def str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: expected a list of names")
    return list(value)
