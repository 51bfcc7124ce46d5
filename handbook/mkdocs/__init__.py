"""The handbook's MkDocs adapters: the hooks' and macros' logic, the only part of the package importing MkDocs.

A handbook's repository holds one thin file per hook (`hooks/<name>.py`) and a thin
`macros/__init__.py`, each importing its module from here: upgrading the tool
(`pip install -U`) upgrades the hooks without touching the adopter's files.
`handbook init` writes those thin files from `HOOKS` and `thin_hook`, and the
repository's own thin files are the same (tests/workflow/test_package.py).
"""

from __future__ import annotations

#: The hook modules in the order mkdocs.yml lists them, with why they sit there.
HOOKS: tuple[tuple[str, str], ...] = (
    ("contained_files", "first: links leading outside the repository are never published"),
    ("tool_assets", "the tool's stylesheet and Mermaid, served from the package unless docs/ has its own"),
    ("handbook_site", ""),
    ("site_theme", "the handbook's template overrides: no api.github.com call from the header"),
    ("review_calendar", ""),
    ("whats_new", "what's-new pages and Atom feeds, catalogue.json (after handbook_site.py)"),
    ("self_assessment", 'the self-assessment as a quiz; "I have read version X"'),
    ("sandbox", ""),
    ("macros_fastpath", "literal macro calls without a Jinja template per page"),
    ("mermaid_local", ""),
    ("sop_print", 'a printable page per department: all its SOPs, one per sheet'),
    ("search_quality", "search in the reader's language, SOPs first, hidden parts unindexed"),
    ("parallel_languages", "mkdocs build: the languages after the source in parallel processes when the cores allow"),
    ("console_watch", "a quiet console; serve watches the glossary and data files, refuses --dirty"),
    ("pagefind_search", "last: it indexes the finished site"),
)


def thin_hook(name: str) -> str:
    """The text of `hooks/<name>.py` in a handbook's repository."""
    return (
        f'"""MkDocs hook: the SOP handbook\'s `{name}` (its logic is in the installed package, handbook/mkdocs/{name}.py)."""\n'
        "\n"
        f"from handbook.mkdocs.{name} import *  # noqa: F401,F403\n"
    )


THIN_MACROS = (
    '"""mkdocs-macros module: the SOP handbook\'s page macros term(), sop(), definitions() (handbook/mkdocs/macros.py)."""\n'
    "\n"
    "from handbook.mkdocs.macros import define_env  # noqa: F401\n"
)


def hooks_yaml() -> str:
    """The `hooks:` list of a handbook's mkdocs.yml."""
    lines = ["hooks:"]
    for name, why in HOOKS:
        lines.append(f"  - hooks/{name}.py" + (f"  # {why}" if why else ""))
    return "\n".join(lines) + "\n"
