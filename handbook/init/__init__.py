"""A new handbook for an organisation: its answers checked one by one, then every file it starts with.

`handbook init` (handbook/commands/init.py) asks or reads the answers; this module
turns each answer into a value or an `InitError` saying how to fix it, and an
`Organisation` into the adopter's files (mkdocs.yml, glossary.yml, thin hooks and
macros, CI, README, CONTRIBUTING), rendered from templates/ with every value
escaped for where it goes. The tool itself stays in the installed package.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
import yaml

from ..mkdocs import HOOKS, THIN_MACROS, hooks_yaml, thin_hook
from ..settings import DEPARTMENT_KEY, ID_PREFIX, OWNER_HANDLE

TEMPLATES = Path(__file__).with_name("templates")


class InitError(ValueError):
    """An answer that cannot be used; the message says what to give instead."""


@dataclass(frozen=True)
class DepartmentPlan:
    key: str
    name: str
    prefix: str
    lead: str
    names: dict[str, str] = field(default_factory=dict)  # the name in the other languages


@dataclass(frozen=True)
class Organisation:
    name: str
    departments: tuple[DepartmentPlan, ...]
    languages: tuple[str, ...]
    people: dict[str, str]  # name -> GitHub user or team
    site_url: str = ""
    requirement: str = "sop-handbook"  # how CI installs the tool (requirements.txt)


@lru_cache(maxsize=1)
def known_languages() -> dict[str, dict]:
    """The languages init can set up, with their switcher names and section headings (languages.yml)."""
    return yaml.safe_load(Path(__file__).with_name("languages.yml").read_text(encoding="utf-8"))


def organisation_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise InitError('give the organisation\'s name, e.g. "Acme Telecom"')
    if len(name) > 100:
        raise InitError("the organisation's name is over 100 characters; give a shorter one")
    return name


def site_url(text: str) -> str:
    url = text.strip()
    if not url:
        return ""
    if not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?", url):
        raise InitError(f"{url!r} is not a web address; give one like https://handbook.example.com/ (or nothing)")
    return url if url.endswith("/") else url + "/"


def languages(text: str) -> tuple[str, ...]:
    codes = [c.strip().lower() for c in re.split(r"[,\s]+", text) if c.strip()]
    known = known_languages()
    if not codes:
        raise InitError(f"give at least one language, the source language first, e.g. en,pl (known: {', '.join(known)})")
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise InitError(f"{', '.join(unknown)}: no interface words for this language yet; choose from {', '.join(known)}")
    if len(set(codes)) != len(codes):
        raise InitError("a language is listed twice; give each once, the source language first")
    return tuple(codes)


def department(text: str, langs: tuple[str, ...], taken: tuple[DepartmentPlan, ...] = ()) -> DepartmentPlan:
    """`NAME:PREFIX:LEAD`, then optionally `lang=NAME` for its name in the other languages (the command line's form)."""
    example = '"Billing and Refunds:BR:Jane Doe"' + (f' or "Billing:BR:Jane Doe:{langs[1]}=…"' if len(langs) > 1 else "")
    parts = [p.strip() for p in text.split(":")]
    if len(parts) < 3 or not all(parts[:3]):
        raise InitError(f"{text!r}: give a department as NAME:PREFIX:LEAD, e.g. {example}")
    names = {}
    for extra in parts[3:]:
        lang, _, translated = extra.partition("=")
        lang, translated = lang.strip().lower(), " ".join(translated.split())
        if lang not in langs[1:] or not translated:
            raise InitError(f"{text!r}: {extra!r} should be LANG=NAME for one of {', '.join(langs[1:]) or 'the other languages (none)'}")
        names[lang] = translated
    try:
        return make_department(parts[0], parts[1], parts[2], names, taken)
    except InitError as exc:
        raise InitError(f"{text!r}: {exc}") from None


def make_department(name: str, prefix: str, lead: str, names: dict[str, str], taken: tuple[DepartmentPlan, ...] = ()) -> DepartmentPlan:
    """A department from its parts (as asked in a terminal, or read from NAME:PREFIX:LEAD)."""
    name, lead, given = " ".join(name.split()), " ".join(lead.split()), prefix
    prefix = prefix.strip().upper()
    if not name or not lead:
        raise InitError("a department needs a name and a lead")
    if not ID_PREFIX.fullmatch(prefix) or len(prefix) > 6:
        raise InitError(f"the id prefix {given!r} must be 1-6 capital letters or digits starting with a letter, e.g. BR")
    key = slug(name)
    if not DEPARTMENT_KEY.fullmatch(key):
        raise InitError(f"the name {name!r} gives no folder name; use letters or digits in it")
    for other in taken:
        if other.prefix == prefix:
            raise InitError(f"the prefix {prefix} is already {other.name}'s; give each department its own")
        if other.key == key:
            raise InitError(f"{other.name} already has the folder docs/{key}/; give the department another name")
    return DepartmentPlan(key, name, prefix, lead, names)


def handle(text: str, person: str) -> str:
    value = text.strip()
    if value and not value.startswith("@") and "@" not in value:
        value = "@" + value  # `jane-doe` is the GitHub user @jane-doe
    if not OWNER_HANDLE.fullmatch(value):
        raise InitError(f"{text!r} is not a GitHub user (@name), team (@org/team) or e-mail for {person}; e.g. @jane-doe")
    return value


def person(text: str) -> tuple[str, str]:
    """`NAME=@handle` from the command line."""
    name, sep, value = text.partition("=")
    name = " ".join(name.split())
    if not sep or not name:
        raise InitError(f'{text!r}: give a person as NAME=@github-user, e.g. "Jane Doe=@jane-doe"')
    return name, handle(value, name)


def slug(name: str) -> str:
    """The department's folder name: `Billing and Refunds` -> `billing-and-refunds` (accents dropped)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _yaml(value: object) -> str:
    """A value as a YAML scalar: JSON's quoted strings are YAML, and no text can break out of them."""
    return json.dumps(value, ensure_ascii=False)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # nothing here is HTML: YAML values go through `yaml`, Markdown text through `md`
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml"] = _yaml
    env.filters["md"] = _markdown_text
    return env


def _markdown_text(value: object) -> str:
    from ..site.escaping import markdown_text  # the site's one rule for text in Markdown

    return str(markdown_text(str(value)))


def files(org: Organisation) -> dict[str, str]:
    """Every file of the new handbook, by its path relative to the handbook's folder (CODEOWNERS comes after)."""
    env = _environment()
    known = known_languages()
    context = {"org": org, "languages": [(code, known[code]) for code in org.languages], "hooks": hooks_yaml()}
    out = {
        "mkdocs.yml": env.get_template("mkdocs.yml").render(context),
        "glossary.yml": env.get_template("glossary.yml").render(context),
        "README.md": env.get_template("README.md").render(context),
        "CONTRIBUTING.md": env.get_template("CONTRIBUTING.md").render(context),
        "requirements.txt": env.get_template("requirements.txt").render(context),
        ".gitignore": env.get_template("gitignore").render(context),
        ".pre-commit-config.yaml": env.get_template("pre-commit-config.yaml").render(context),
        ".github/pull_request_template.md": env.get_template("github/pull_request_template.md").render(context),
        "macros/__init__.py": THIN_MACROS,
    }
    for workflow in sorted((TEMPLATES / "github" / "workflows").glob("*.yml")):
        out[f".github/workflows/{workflow.name}"] = workflow.read_text(encoding="utf-8")  # copied as written: GitHub's ${{ }} is not ours
    for name, _ in HOOKS:
        out[f"hooks/{name}.py"] = thin_hook(name)
    for dept in org.departments:
        out[f"docs/{dept.key}/.gitkeep"] = ""  # the folder `handbook new` writes into (dot-files are not built)
    return out
