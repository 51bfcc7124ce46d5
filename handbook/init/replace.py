"""`handbook init --replace-example`: the handbook already in a folder moved aside whole, so a new one takes its place.

In a clone of the tool's repository the folder holds the Northwind example; `handbook init`
never overwrites a file, so without this an adopter could not start their own there.
Nothing is deleted: the old handbook's content (mkdocs.yml, its glossary and interface
words, docs/, .github/CODEOWNERS) moves into examples/<name>/ under the same paths, to
read and compare. The repository's own files (README, CONTRIBUTING, CI, hooks, macros,
the package) stay: they are the tool's, not the example's.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..codeowners import PATH as CODEOWNERS
from . import InitError, slug

EXAMPLES = Path("examples")
# What `handbook init` writes that is the handbook's content, so it replaces the old one's;
# the rest of init's files (README, CI, hooks ...) are written only where the folder lacks them.
CONTENT = ("mkdocs.yml", "glossary.yml", "docs/")
WIRING = ("hooks", "macros")  # copied beside the example, which then still builds


@dataclass(frozen=True)
class Aside:
    name: str  # the old handbook's site_name
    folder: Path  # examples/<name>, relative to the handbook's folder
    paths: tuple[str, ...]  # files and folders moved, relative to the handbook's folder


def plan(root: Path) -> Aside:
    """What moving the handbook in `root` aside would move, and where; InitError when there is none or no room."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise InitError(f"{_shown(root)} holds no mkdocs.yml, so there is no example to replace: run handbook init without --replace-example")
    earlier = sorted(d for d in (root / EXAMPLES).glob("*/mkdocs.yml")) if (root / EXAMPLES).is_dir() else []
    if earlier:  # the example is gone already: what is here now is the adopter's own work
        raise InitError(
            f"the example was replaced already ({_shown(earlier[0].parent)}/), so the handbook in {_shown(root)} is yours: "
            "handbook init does not move it; to start again, move mkdocs.yml, glossary.yml and docs/ away yourself"
        )
    text = config.read_text(encoding="utf-8", errors="replace")
    match = re.search(r"^site_name:\s*['\"]?(.+?)['\"]?\s*$", text, re.M)
    name = match.group(1) if match else "example"
    docs, glossary, words = _content_paths(config)
    first = (slug(name).split("-") or ["example"])[0] or "example"
    folder = EXAMPLES / first
    if (root / folder).exists():
        raise InitError(f"{_shown(root / folder)} already exists: move it away (or rename it), then run handbook init --replace-example again")
    paths = ["mkdocs.yml"]
    for path in (glossary, words, docs, CODEOWNERS.as_posix()):
        if path and path not in paths and (root / path).exists():
            paths.append(path)
    return Aside(name, folder, tuple(paths))


def moves(aside: Aside, path: str) -> bool:
    """Whether `path` (relative to the handbook's folder) is moved aside, itself or inside a moved folder."""
    return any(path == moved or path.startswith(moved.rstrip("/") + "/") for moved in aside.paths)


def move_aside(root: Path, aside: Aside) -> None:
    """Move every path of `aside` into its folder, keeping its relative path; OSError leaves the rest in place.

    The thin hooks and macros are copied beside it, so the example still builds on its own
    (`mkdocs serve -f examples/<name>/mkdocs.yml`).
    """
    for path in aside.paths:
        target = root / aside.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(root / path, target)  # a rename within one folder tree: no copy, nothing half-written
    for name in WIRING:
        if (root / name).is_dir():
            shutil.copytree(root / name, root / aside.folder / name, ignore=shutil.ignore_patterns("__pycache__"))


def _content_paths(config: Path) -> tuple[str, str, str]:
    """docs_dir, the glossary and the handbook's own interface words, relative to the handbook (as the policy reads them)."""
    from ..policy import ConfigError, load_policy  # the one reader of mkdocs.yml's settings

    root = config.parent.resolve()
    try:
        policy = load_policy(config)
    except ConfigError:  # a broken mkdocs.yml still moves aside: the defaults say where its content is
        return "docs", "glossary.yml", ""

    def inside(path: Path | None) -> str:
        if path is None:
            return ""
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:  # outside the handbook's folder: not this handbook's to move
            return ""

    docs = inside(policy.docs_dir) or "docs"
    words = inside(policy.words_dir)
    return docs, inside(policy.glossary_path), "" if words.startswith(docs + "/") else words


def _shown(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return str(path)
