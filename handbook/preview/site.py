"""The preview's MkDocs side: one language built in this process, then only the pages an edit touches.

The first build is a whole build of the one language (mkdocs-static-i18n told to build
only it). Afterwards an edit of an SOP's text whose front matter stays the same touches
that SOP's page and any generated page whose Markdown changes (the glossary's "used in",
say): those are rendered again with the navigation, files and theme of the last build,
through MkDocs' own page steps, so every hook and plugin runs for them as in a build.
Anything else (front matter, a new or removed file, the glossary, mkdocs.yml, a template)
rebuilds the language whole. The loaded handbook is kept (cache.HandbookCache): only
changed SOP files are read and checked again. Material's search index is rewritten by
whole builds only.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer, _serve_url
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel

from .. import output
from ..policy import ConfigError, load_policy
from ..site import build as site_build
from ..site import pages as site_pages
from ..site.watched import watched_paths
from ..today import today
from .cache import HandbookCache
from .changes import Snapshot

log = logging.getLogger("mkdocs.handbook.preview")


class PreviewError(Exception):
    """A preview that cannot start (unknown language); the message says how to fix it."""


class _Recorder(BasePlugin):
    """Keeps what the last whole build made: its files, navigation and theme environment."""

    files = nav = env = None

    def on_nav(self, nav, config, files):
        self.nav, self.files = nav, files
        return nav

    def on_env(self, env, config, files):
        self.env = env
        return env


class Preview:
    def __init__(self, config_file: Path, lang: str | None = None, site_dir: Path | None = None, dev_addr: str | None = None):
        self.config_file = Path(config_file).resolve()
        self.site_dir = Path(site_dir or tempfile.mkdtemp(prefix="handbook_preview_"))
        self.dev_addr = dev_addr
        self.cache = HandbookCache()
        site_build.set_loader(self.cache.load)  # every build of this process reads changed SOP files only
        self.config = self._load(lang)
        self.touched: list[str] = []  # the pages the last rebuild wrote (src paths), for the console and tests
        self.whole = True  # whether the last rebuild built the language whole

    # --- configuration -------------------------------------------------------------------------

    def _load(self, lang: str | None):
        kwargs = {"dev_addr": self.dev_addr} if self.dev_addr else {}
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir), **kwargs)
        try:  # the handbook's one list of languages, as the check and the build read it
            languages = list(load_policy(self.config_file).languages)
        except ConfigError as exc:
            raise PreviewError(str(exc)) from None
        self.lang = lang or getattr(self, "lang", None) or languages[0]
        if self.lang not in languages:
            raise PreviewError(f"--lang {self.lang}: not a language of this handbook (the languages in {self.config_file.name}: {', '.join(languages)})")
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            for language in i18n.config.languages:
                language["build"] = language.locale == self.lang
            i18n.current_language = self.lang
        host, port = config.dev_addr
        self.serve_url = config.site_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)
        self.recorder = _Recorder()
        config.plugins["handbook/preview"] = self.recorder
        return config

    @property
    def page_root(self) -> str:
        """The URL of this language's home page."""
        i18n = self.config.plugins.get("i18n")
        default = i18n.default_language if i18n is not None else self.lang
        return self.serve_url + ("" if self.lang == default else f"{self.lang}/")

    def watched(self) -> list[Path]:
        policy = site_build.current().policy
        root = self.config_file.parent
        return [Path(self.config.docs_dir), self.config_file, *watched_paths(policy, [root / "hooks", root / "macros"])]

    # --- building ------------------------------------------------------------------------------

    def build_whole(self, reload_config: bool = True) -> None:
        if reload_config:
            self.config = self._load(self.lang)
        mkdocs_build.build(self.config, serve_url=self.serve_url)
        self.generated = site_pages.generated_pages(site_build.current(), self.lang)
        self.touched, self.whole = [], True

    def rebuild(self, changed: set[str]) -> None:
        """After an edit: the touched pages only where that gives the whole build's pages, else the whole language."""
        start = time.monotonic()
        try:
            done = self._pages_only(changed)
        except Abort:
            raise
        except Exception as exc:  # a page step failed: the whole build reports it as MkDocs does
            log.debug("preview: page rebuild failed (%s); building the language whole", exc)
            done = False
        if not done:
            self.build_whole()
            return
        log.info("preview: %s rebuilt in %.2f s", ", ".join(self.touched) or "nothing", time.monotonic() - start)

    def _pages_only(self, changed: set[str]) -> bool:
        recorder, config = self.recorder, self.config
        if recorder.files is None or not changed:
            return not changed
        docs = os.path.abspath(config.docs_dir)
        current = site_build.current()
        rels = []
        for path in changed:
            rel = os.path.relpath(path, docs).replace(os.sep, "/")
            if rel.startswith("../") or rel not in current.by_path or not os.path.isfile(path):
                return False  # not an existing SOP: the glossary, mkdocs.yml, a template, a new or removed file
            rels.append(rel)
        fresh = self.cache.load(current.policy, current.glossary, today(), shown_root=current.policy.root)
        if set(fresh.by_path) != set(current.by_path):
            return False
        for rel in rels:
            if fresh.by_path[rel].meta != current.by_path[rel].meta:
                return False  # front matter: titles, reviews, cards and lists on other pages
        generated = site_pages.generated_pages(fresh, self.lang)
        if set(generated) != set(self.generated):
            return False
        _report(fresh)
        site_build.set_current(fresh)
        files = recorder.files
        pages = [f for f in files.documentation_pages() if f.abs_src_path and os.path.abspath(f.abs_src_path) in changed]
        for path, content in generated.items():
            if content != self.generated[path]:
                file = files.get_file_from_path(path)
                if file is None:
                    return False
                file.content_string = content
                pages.append(file)
        self.generated = generated
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in pages:
            page = file.page
            title = page.title
            page.__dict__.pop("title", None)  # hooks/handbook_site.py pinned it; let MkDocs work it out again
            mkdocs_build._populate_page(page, config, files)
            mkdocs_build._build_page(page, config, doc_files, recorder.nav, recorder.env, excluded=file.inclusion.is_excluded())
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            if page.title != title:
                return False  # other pages' navigation shows it
        self.touched, self.whole = [f.src_uri for f in pages], False
        return True

    # --- serving -------------------------------------------------------------------------------

    def serve(self, open_in_browser: bool = False) -> None:
        host, port = self.config.dev_addr
        mount = urlsplit(self.serve_url).path
        snapshot = Snapshot(self.watched())

        def builder() -> None:
            changed = snapshot.changed()
            if self.config_file.as_posix() in changed or str(self.config_file) in changed:
                changed = {"mkdocs.yml"}  # a new policy: the whole language
            self.rebuild(changed)

        server = LiveReloadServer(builder=builder, host=host, port=port, root=str(self.site_dir), mount_path=mount, polling_interval=0.2)

        def error_page(code: int) -> bytes | None:
            page = self.site_dir / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        server.error_handler = error_page
        for path in snapshot.paths:
            server.watch(str(path), recursive=path.is_dir())
        log.info("preview of %s: %s", self.lang, self.page_root)
        try:
            server.serve(open_in_browser=open_in_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
            self.config.plugins.on_shutdown()


def _report(handbook) -> None:
    """The findings after an edit, as a whole build prints them (hooks/handbook_site.py): errors at ERROR."""
    for finding in handbook.findings:
        (log.error if finding.is_error else log.info)(output.as_log_line(finding))
