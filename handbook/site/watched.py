"""Every file the site is made from, so that a preview rebuilds when any of them changes.

MkDocs watches `docs/` and `mkdocs.yml` only. The handbook also reads its glossary, the
package's page templates and data files, the SOP schema, and the files beside the hooks
and macros (a hook's worker script, say). Python modules are not listed: a running
process keeps the code it imported, so a change to them needs a restart.
"""

from __future__ import annotations

from pathlib import Path

from ..policy import Policy

_PACKAGE = Path(__file__).resolve().parents[1]  # the `handbook` package
_DATA_SUFFIXES = {".html", ".md", ".json", ".yml", ".yaml", ".js", ".css", ".txt", ".toml"}


def watched_paths(policy: Policy, code_folders: list[Path] = ()) -> list[Path]:
    """The glossary and the folders holding data files (watched one level deep), each once, in a stable order."""
    found: list[Path] = [policy.glossary_path]
    for folder in [_PACKAGE, *code_folders]:
        found += sorted({p.parent for p in data_files(folder)})
    seen: set[Path] = set()
    unique = []
    for path in found:
        resolved = path.resolve()
        if resolved not in seen and not _inside(resolved, policy.docs_dir.resolve()):
            seen.add(resolved)
            unique.append(path)
    return unique


def data_files(folder: Path) -> list[Path]:
    """The non-Python files under `folder` that a build reads (templates, schemas, labels, scripts)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix in _DATA_SUFFIXES and "__pycache__" not in p.parts and not p.name.startswith(".")
    )


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
