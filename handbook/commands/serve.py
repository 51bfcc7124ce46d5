"""`handbook serve`: preview one language of the handbook with live reload, rebuilding only what an edit touches."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="preview one language of the site with live reload (fast: rebuilds only what an edit touches)",
        description=(
            "Build one language of the site and serve it with live reload. The handbook stays loaded between "
            "edits: a changed SOP is read and checked again on its own and only the pages it touches are "
            "rendered again; the glossary, mkdocs.yml and the templates are watched too. `mkdocs serve` "
            "still previews every language at once, more slowly."
        ),
    )
    parser.add_argument("--lang", "-l", metavar="LANG", help="the language to preview (default: the source language, the first of extra.handbook.languages)")
    parser.add_argument("--dev-addr", "-a", metavar="HOST:PORT", help="where to serve (default: mkdocs.yml's dev_addr, 127.0.0.1:8000)")
    parser.add_argument("--open", action="store_true", help="open the preview in a web browser")
    parser.add_argument("--verbose", "-v", action="store_true", help="show MkDocs' and the plugins' routine messages too")
    parser.add_argument("--config", "-f", default="mkdocs.yml", metavar="FILE", help="the handbook's mkdocs.yml (default: ./mkdocs.yml)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import EXIT_USAGE, UsageError  # the CLI imports this module

    # Material's end-of-life banner, silenced the way it documents (the README says why).
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = Path(args.config)
    if not config.is_file():
        raise UsageError(f"{args.config}: no such file; run `handbook serve` in the handbook's folder or pass -f path/to/mkdocs.yml")
    _console(args.verbose)
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..preview.site import Preview, PreviewError

    try:
        preview = Preview(config, args.lang, dev_addr=args.dev_addr)
        preview.config.plugins.on_startup(command="serve", dirty=False)
        preview.build_whole(reload_config=False)
    except PreviewError as exc:
        raise UsageError(str(exc)) from None
    except ConfigurationError as exc:
        sys.stderr.write(f"handbook: error: {config}: {exc}\n")
        return EXIT_USAGE
    except Abort as exc:
        sys.stderr.write(f"handbook: error: the first build failed: {exc}\n")
        return 1
    # Ctrl+C and `kill` stop the server cleanly, even where a background shell made SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        preview.serve(open_in_browser=args.open)
    finally:
        shutil.rmtree(preview.site_dir, ignore_errors=True)  # a temporary folder, as `mkdocs serve` uses
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _console(verbose: bool) -> None:
    """MkDocs' own console lines (its `mkdocs` logger and format), as `mkdocs serve` shows them."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        logger.addHandler(handler)
    from ..site.console import quieten

    quieten()  # the plugins' routine lines, as hooks/console_watch.py drops them from `mkdocs serve`
