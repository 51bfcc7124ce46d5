"""`mkdocs build` and `mkdocs serve`: a quiet console, every file the site reads watched, `--dirty` refused,
theme templates compiled once for all languages.

Thin adapter over handbook/site/console.py, handbook/site/watched.py and handbook/site/compiled_templates.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from handbook.policy import ConfigError, load_policy
from handbook.site import console
from handbook.site.compiled_templates import CACHE
from handbook.site.watched import watched_paths

DIRTY_REFUSED = (
    "mkdocs serve --dirty is not supported by this handbook: mkdocs-static-i18n's search de-duplication "
    "hangs on the second edit, and a dirty build leaves the other pages' navigation, review and glossary "
    "pages stale. Run `mkdocs serve` without --dirty, or `handbook serve` for a fast preview of one language."
)


def on_startup(command: str, dirty: bool) -> None:
    console.quieten()
    if command == "serve" and dirty:
        raise Abort(DIRTY_REFUSED)


@event_priority(100)  # before the plugins' own on_config: their announcements are filtered from the first
def on_config(config):
    console.quieten()
    return config


@event_priority(100)  # before any plugin renders a template with this language's environment
def on_env(env, config, files):
    env.bytecode_cache = CACHE
    return env


def on_serve(server, config, builder):
    """Watch the glossary, the package's templates and data, and the files beside the hooks and macros."""
    try:
        policy = load_policy(Path(config.config_file_path))
    except ConfigError:
        return server  # the build has reported it; docs/ and mkdocs.yml are still watched
    root = Path(config.config_file_path).parent
    folders = [root / "hooks", root / "macros"]
    for path in watched_paths(policy, folders):
        server.watch(str(path), recursive=False)
    return server
