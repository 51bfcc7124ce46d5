"""Which files under docs/ stay inside the repository: a link that leaves it is never read or published.

Any contributor can add a symbolic link; followed, `docs/assets -> /etc` or an SOP linked
to a home directory would be checked as harmless and published with the site.
"""

from __future__ import annotations

import os


def leaves(path: str, root: str) -> bool:
    """Whether `path`, every link on the way followed, ends outside the folder `root`."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return os.path.commonpath([real, top]) != top


def links_leaving(docs_dir: str, root: str) -> list[str]:
    """docs-relative paths (with `/`) of the links under `docs_dir` that lead outside `root`, sorted.

    Dot-files and dot-folders are skipped, as MkDocs never builds them; a linked folder
    that leaves is listed once, not entered.
    """
    found = []
    for folder, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_folder = os.path.relpath(folder, docs_dir).replace(os.sep, "/")
        for name in [*dirs, *files]:
            full = os.path.join(folder, name)
            if not name.startswith(".") and os.path.islink(full) and leaves(full, root):
                found.append(name if rel_folder == "." else f"{rel_folder}/{name}")
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]  # os.walk does not enter links anyway
    return sorted(found)


def inside(rel_path: str, leaving: list[str]) -> bool:
    """Whether a docs-relative path is neither a link in `leaving` nor under one."""
    return not any(rel_path == link or rel_path.startswith(link + "/") for link in leaving)
