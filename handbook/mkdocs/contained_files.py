"""Hook: files under docs/ that are links leading outside the repository, or whose names are not UTF-8 or hold a line break, are never published.

The decision is the core's (handbook/containment.py); the check reports each one (F004),
and the handbook hook logs that finding in the build. Runs first, before any plugin sorts
or copies the files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook.containment import inside, links_leaving
from handbook.handbook import name_problem

log = logging.getLogger("mkdocs.hooks.contained_files")


@event_priority(100)
def on_files(files: Files, config) -> Files:
    leaving = links_leaving(config.docs_dir, str(Path(config.config_file_path).parent))
    for file in list(files):
        if file.abs_src_path and name_problem(file.src_uri):  # the check reports it (F005); MkDocs would fail on its URL
            files.remove(file)
        elif file.abs_src_path and not inside(file.src_uri, leaving):
            files.remove(file)
            log.debug("not published (a link outside the repository): %s", file.src_uri)
    return files
