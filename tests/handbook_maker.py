"""What the test fixtures' small handbooks share: their mkdocs.yml, the tool's wiring, their files.

A fixture (tests/news/fixture.py, tests/quiz/fixture.py, tests/sop_fixture.py,
tests/browser/site/fixture.py, ...) keeps only what is its own: its policy, its SOPs,
its glossary. The hooks and macros are copied from this repository, so a fixture is
built with the tool as it is in the tree under test.

    config = mkdocs_yml("News test handbook", POLICY, languages={"en": "English", "pl": "Polski"})
    write_handbook(tmp_path / "hb", config, GLOSSARY, {"desk/dk-001.md": sop_file(FRONT, BODY)})
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

from tests.sitebuild import ROOT

#: The Markdown extensions of a fixture unless it names its own: the SOP page's blocks and diagrams.
MARKDOWN_EXTENSIONS = """\
  - handbook.list_nesting
  - abbr
  - admonition
  - attr_list
  - def_list
  - md_in_html
  - tables
  - toc: {permalink: true}
  - pymdownx.details
  - pymdownx.tasklist: {custom_checkbox: true}
  - pymdownx.tabbed: {alternate_style: true}
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""

# Links and anchors that lead nowhere fail the fixture's strict build, as they fail the repository's.
VALIDATION = """\
validation:
  nav: {omitted_files: warn, not_found: warn, absolute_links: warn}
  links: {not_found: warn, anchors: warn, absolute_links: warn, unrecognized_links: warn}
"""


def tool_config() -> str:
    """The mkdocs.yml `handbook init` writes for a five-language organisation: the tool's wiring
    (theme, plugins, hooks, Markdown extensions, validation) as every handbook gets it.

    Not this repository's own mkdocs.yml: that one is whatever handbook the repository holds
    (Northwind, or an adopter's after `handbook init . --replace-example`). Init's and the
    example's wiring are kept the same by test_init's `test_a_new_handbook_is_configured_like_the_example`.
    """
    return _tool_config()


@lru_cache(maxsize=1)
def _tool_config() -> str:
    from handbook.init import DepartmentPlan, Organisation, files

    desk = DepartmentPlan("desk", "Desk", "DK", "Ana Example")
    org = Organisation("Fixture Co", (desk,), ("en", "pl", "hu", "lv", "ar"), {"Ana Example": "@ana-example"}, site_url="https://handbook.example.org/")
    return files(org)["mkdocs.yml"]


def tool_hooks() -> list[str]:
    """The tool's `hooks:`, in their order (`hooks/handbook_site.py`, ...)."""
    block = tool_config().split("\nhooks:\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip()[2:].split("#", 1)[0].strip() for line in block.splitlines() if line.strip().startswith("- ")]


def tool_config_with(policy: str) -> str:
    """The tool's whole mkdocs.yml (theme, five languages, plugins, hooks, extensions) with `policy` as its `extra: handbook:`.

    `policy` is the YAML under `handbook:`, indented by four spaces.
    """
    head, found, _ = tool_config().partition("  handbook:\n")
    assert found, "init's mkdocs.yml has no `extra: handbook:`"
    return head + "  handbook:\n" + policy


def mkdocs_yml(
    site_name: str,
    policy: str,
    languages: dict[str, str],
    hooks: list[str] | None = None,
    site_url: str = "https://handbook.example.org/",
    features: list[str] = (),
    markdown_extensions: str = MARKDOWN_EXTENSIONS,
    validation: bool = True,
    more: str = "",
) -> str:
    """A fixture's mkdocs.yml: Material with system fonts, search, one site per language, the macros, the tool's hooks.

    `languages` maps each locale to its name, the source language first; `hooks` defaults
    to the repository's; `policy` is the YAML under `extra: handbook:` (four spaces in);
    `more` is further top-level YAML (extra_css, ...).
    """
    locales = "\n".join(
        f"        - {{locale: {locale}, {'default: true, ' if i == 0 else ''}name: {name}, build: true}}"
        for i, (locale, name) in enumerate(languages.items())
    )
    hook_lines = "\n".join(f"  - {hook}" for hook in (tool_hooks() if hooks is None else hooks))
    return (
        f"site_name: {site_name}\n"
        f"site_url: {site_url}\n"
        "docs_dir: docs\n"
        "theme:\n"
        "  name: material\n"
        f"  language: {next(iter(languages))}\n"
        "  font: false\n"
        f"  features: [{', '.join(features)}]\n"
        "plugins:\n"
        "  - search\n"
        "  - i18n:\n"
        "      docs_structure: suffix\n"
        "      fallback_to_default: true\n"
        "      reconfigure_material: true\n"
        "      reconfigure_search: true\n"
        "      languages:\n"
        f"{locales}\n"
        "  - macros:\n"
        "      module_name: macros\n"
        "      on_undefined: strict\n"
        "      on_error_fail: false\n"
        "hooks:\n"
        f"{hook_lines}\n"
        "markdown_extensions:\n"
        f"{markdown_extensions}"
        f"{VALIDATION if validation else ''}"
        f"{more}"
        "extra:\n"
        "  handbook:\n"
        f"{policy}"
    )


def sop_file(front: str, body: str) -> str:
    """An SOP's file: its front matter (YAML lines) and its Markdown."""
    return f"---\n{front.strip()}\n---\n\n{body.strip()}\n"


def copy_tool_wiring(project: Path) -> None:
    """The repository's thin hook files and macros module, as `handbook init` gives an adopter."""
    for name in ("hooks", "macros"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)


def write_files(folder: Path, files: dict[str, str]) -> None:
    """Each text at its path under `folder` (`desk/dk-001.md` -> folder/desk/dk-001.md)."""
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def write_handbook(project: Path, config: str, glossary: str, pages: dict[str, str]) -> Path:
    """A handbook in `project`: mkdocs.yml, glossary.yml, the tool's wiring and `pages` under docs/."""
    project.mkdir(parents=True, exist_ok=True)
    write_files(project, {"mkdocs.yml": config, "glossary.yml": glossary})
    copy_tool_wiring(project)
    write_files(project / "docs", pages)
    return project
