"""`mkdocs build` builds the languages in parallel processes when the machine has the cores.

mkdocs-static-i18n (1.3.1) builds the source language, then from its `on_post_build`
every other language in turn, in one process: five languages take five times one.
This hook takes over that loop for the outermost `mkdocs build`: after the source
language, the other languages are split into contiguous groups; each group but the last
is built in a forked child process into a staging folder beside the site, the last in
this process, straight into the site. The site is the one the one-process build writes,
byte for byte (tests/site_build/test_parallel_languages.py):

- a file two languages write (404.html, sitemap.xml, search/search_index.json ...) ends
  as the later language wrote it: a child's file replaces one only this process's
  source-language build wrote, never one its own (later) languages wrote;
- the children send back what the plugin gathers across languages (search entries, the
  pages for sitemap.xml) and their log records, replayed in language order, so warnings
  from every language reach `--strict`, and a child's failure fails the build;
- this process builds the last languages, so the configuration ends in the last
  language's state, as the plugin's own loop leaves it; sitemap.xml is then written
  again with every language's pages.

`extra.handbook.parallel_build`: `auto` (the default: with two cores or more and two
languages or more after the source), `true` (whenever the platform can fork), `false`.
`mkdocs serve` and `handbook serve` build in one process (a server's threads and fork
do not mix). This hook also carries the build's other language-loop work: render_once.py
(an untranslated page converted once) and page_memory.py (what pages hold, let go of early).
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.mkdocs import page_memory, render_once
from handbook.mkdocs.page_memory import on_page_content, on_page_context  # noqa: F401
from handbook.mkdocs.render_once import on_page_markdown, on_pre_build, on_shutdown  # noqa: F401
from handbook.site import build

log = logging.getLogger("mkdocs.plugins.handbook.parallel")

_state: dict = {"command": None, "env": None, "files": None, "nav": None}

# Dicts hooks fill page by page in every language and read once all are built ("module:name"):
# a child sends its own back, and they are merged in language order, as one process fills them.
CARRIED = ("handbook.mkdocs.search_quality:_pages",)
_WRAPPED = "_handbook_parallel_post_build"


def on_startup(command, dirty) -> None:
    _state["command"] = command
    render_once.on_startup(command, dirty)  # this hook's too: an untranslated page's Markdown converted once
    page_memory.on_startup(command, dirty)  # and this: what the pages hold, let go of as soon as it is done with


@event_priority(-200)  # after mkdocs-static-i18n (-100) has its plugin configured for this language
def on_config(config):
    plugin = config.plugins.get("i18n")
    if plugin is None or getattr(plugin, _WRAPPED, False):
        return config
    events = config.plugins.events["post_build"]
    for i, method in enumerate(events):
        if getattr(method, "__self__", None) is plugin and getattr(method, "__name__", "") == "on_post_build":
            wrapper = _wrap(plugin, method)
            events[i] = wrapper
            origin = config.plugins._event_origins.get(method)
            if origin is not None:
                config.plugins._event_origins[wrapper] = origin
            setattr(plugin, _WRAPPED, True)
            break
    return config


@event_priority(-250)  # after mkdocs-static-i18n (-100): this language's build is over, its sitemap.xml written
def on_post_build(config) -> None:
    render_once.on_post_build(config)
    page_memory.release_language(config.plugins.get("i18n"))


@event_priority(-200)  # after mkdocs-static-i18n's navigation
def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    _state["env"], _state["files"] = env, files
    return env


def _wrap(plugin, original):
    def on_post_build(config):
        if plugin.building:
            return original(config=config)
        page_memory.release_language(plugin)  # the source language's pages, before the other languages are built
        others = [lang for lang in plugin.build_languages if lang != plugin.current_language]
        groups = _groups(others, _setting())
        if len(groups) < 2:
            return original(config=config)
        plugin.extend_search_entries(config)  # the source language's entries first, as the plugin does
        _build_in_parallel(plugin, config, groups)
        plugin.reconfigure_search_index(config)

    return on_post_build


def _setting() -> str:
    return build.current().policy.parallel_build  # validated with the policy (extra.handbook.parallel_build)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _groups(languages: list[str], setting: str) -> list[list[str]]:
    """The languages after the source in contiguous groups, one per process (the last is this process's)."""
    if setting == "false" or not hasattr(os, "fork") or _state["command"] != "build" or len(languages) < 2:
        return [languages]
    workers = min(len(languages), _cores() if setting == "auto" else max(2, _cores()))
    if workers < 2:
        return [languages]
    size, extra = divmod(len(languages), workers)
    groups, start = [], 0
    for i in range(workers):
        end = start + size + (1 if i < extra else 0)
        groups.append(languages[start:end])
        start = end
    return groups


def _build_in_parallel(plugin, config, groups: list[list[str]]) -> None:
    """The plugin's language loop, the groups but the last in child processes."""
    site = Path(config.site_dir)
    before = _snapshot(site)
    entries_at_fork = len(plugin.search_entries)
    build_logger = logging.getLogger("mkdocs.commands.build")
    from mkdocs_static_i18n.utils import I18nLoggingFilter

    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.update(("Documentation built in", "Building documentation to directory"))
    build_logger.addFilter(quiet)
    clean, utils.clean_directory = utils.clean_directory, lambda path: path
    plugin.building = True
    carried = {name: dict(_carried(name)) for name in CARRIED}  # as the source language left them
    children = []
    console = _Buffer.install()  # this process's records wait for the earlier languages' ones
    failure: BaseException | None = None
    log.debug("languages %s built in %d processes", " | ".join(", ".join(g) for g in groups), len(groups))
    gc.freeze()  # what the source language left is shared with the children: no collection copies its pages
    try:
        for group in groups[:-1]:
            children.append(_fork(plugin, config, group, site, entries_at_fork))
        try:
            for locale in groups[-1]:
                plugin.current_language = locale
                mkdocs_build.build(config, dirty=False)
        except BaseException as exc:  # noqa: BLE001 - reported after the earlier languages' records
            failure = exc
        results = [child.join() for child in children]
        console.remove()
        for result in results:
            for record in result["records"]:
                logging.getLogger(record.name).handle(record)
        console.flush()
        for result in results:
            if result["error"] is not None:
                raise result["error"]
        if failure is not None:
            raise failure
        placed: set[str] = set()
        for child in children:
            _merge(child.staging, site, before, placed)
        at = entries_at_fork
        for result in results:
            plugin.search_entries[at:at] = result["search"]
            at += len(result["search"])
        for name, at_fork in carried.items():
            _merge_dict(_carried(name), at_fork, [result["carried"][name] for result in results])
        _rewrite_sitemap(plugin, config, results)
    finally:
        gc.unfreeze()
        console.remove()
        console.flush()
        for child in children:
            child.discard()
        plugin.building = False
        utils.clean_directory = clean
        build_logger.removeFilter(quiet)


class _Child:
    def __init__(self, pid: int, staging: Path, result: Path):
        self.pid, self.staging, self.result = pid, staging, result

    def join(self) -> dict:
        _, status = os.waitpid(self.pid, 0)
        try:
            with open(self.result, "rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError):
            code = os.waitstatus_to_exitcode(status)
            return {"records": [], "error": PluginError(f"a language build process ended without a result (exit status {code})"), "search": [], "sitemap": {}, "carried": {}}

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.result.unlink(missing_ok=True)


def _fork(plugin, config, group: list[str], site: Path, entries_at_fork: int) -> _Child:
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-{'-'.join(group)}-", dir=site.parent))
    result = staging.with_suffix(".result")
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return _Child(pid, staging, result)
    code = 0
    try:  # the child: build the group into the staging folder, send back what the parent needs
        capture = _Capture.install()
        config["site_dir"] = str(staging)
        error = None
        try:
            for locale in group:
                plugin.current_language = locale
                mkdocs_build.build(config, dirty=False)
        except BaseException as exc:  # noqa: BLE001 - the parent raises it
            error = _portable(exc)
        payload = {
            "records": [_portable_record(r) for r in capture.records],
            "error": error,
            "search": plugin.search_entries[entries_at_fork:],
            "sitemap": {lang: page_memory.sitemap_data(plugin.i18n_files_per_language.get(lang, [])) for lang in group},
            "carried": {name: dict(_carried(name)) for name in CARRIED},
        }
        with open(result, "wb") as f:
            pickle.dump(payload, f)
    except BaseException:  # noqa: BLE001 - never return into the parent's code
        code = 1
    finally:
        os._exit(code)


class _Capture(logging.Handler):
    """In a child: every record of the `mkdocs` loggers, kept for the parent (which counts and shows them)."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @classmethod
    def install(cls) -> "_Capture":
        logger = logging.getLogger("mkdocs")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        capture = cls()
        logger.addHandler(capture)
        return capture


class _Buffer(logging.Handler):
    """In the parent: the console's records held back while the children build the earlier languages."""

    def __init__(self, target: logging.Handler):
        super().__init__(logging.NOTSET)
        self.target, self.records = target, []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @classmethod
    def install(cls) -> "_Console":
        logger = logging.getLogger("mkdocs")
        swapped = []
        for i, handler in enumerate(logger.handlers):
            if not isinstance(handler, utils.CountHandler):  # strict mode counts as the records come
                buffer = cls(handler)
                logger.handlers[i] = buffer
                swapped.append(buffer)
        return _Console(logger, swapped)


class _Console:
    def __init__(self, logger: logging.Logger, buffers: list[_Buffer]):
        self.logger, self.buffers = logger, buffers

    def remove(self) -> None:
        for buffer in self.buffers:
            if buffer in self.logger.handlers:
                self.logger.handlers[self.logger.handlers.index(buffer)] = buffer.target

    def flush(self) -> None:
        for buffer in self.buffers:
            records, buffer.records = buffer.records, []
            for record in records:
                if record.levelno >= buffer.target.level:
                    buffer.target.handle(record)


def _portable_record(record: logging.LogRecord) -> logging.LogRecord:
    record.msg, record.args = record.getMessage(), None
    if record.exc_info:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    try:
        pickle.dumps(record)
        return record
    except Exception:  # noqa: BLE001 - an unpicklable extra field: keep the message
        return logging.makeLogRecord({"name": record.name, "levelno": record.levelno, "levelname": record.levelname, "msg": record.msg})


def _portable(exc: BaseException) -> BaseException:
    try:
        return pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001
        return PluginError(str(exc))


def _carried(name: str) -> dict:
    module, attribute = name.split(":")
    return getattr(importlib.import_module(module), attribute)


def _merge_dict(mine: dict, at_fork: dict, theirs: list[dict]) -> None:
    """`mine` as one process fills it: the source language's items, then each language's in turn."""
    later = [(key, value) for key, value in mine.items() if key not in at_fork or at_fork[key] is not value]
    merged = dict(at_fork)
    for child in theirs:
        merged.update((key, value) for key, value in child.items() if key not in at_fork or at_fork[key] != value)
    merged.update(later)
    mine.clear()
    mine.update(merged)


def _snapshot(site: Path) -> dict[str, tuple[int, int]]:
    """Every file of the site as the source language left it: (size, mtime in ns) by relative path."""
    found = {}
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            found[os.path.relpath(path, site)] = (stat.st_size, stat.st_mtime_ns)
    return found


def _merge(staging: Path, site: Path, before: dict, placed: set[str]) -> None:
    """Move a child's files into the site; a later language's file (this process's) stays."""
    for folder, _, names in os.walk(staging):
        rel_folder = os.path.relpath(folder, staging)
        os.makedirs(os.path.join(site, rel_folder), exist_ok=True)
        for name in names:
            rel = os.path.normpath(os.path.join(rel_folder, name))
            target = os.path.join(site, rel)
            if os.path.exists(target) and rel not in placed:
                stat = os.stat(target)
                if before.get(rel) != (stat.st_size, stat.st_mtime_ns):
                    continue  # written by a later language in this process
            os.replace(os.path.join(folder, name), target)
            placed.add(rel)


def _rewrite_sitemap(plugin, config, results: list[dict]) -> None:
    """sitemap.xml as the last language writes it when every language before it was built in this process."""
    if "sitemap.xml" not in config.theme.static_templates or _state["env"] is None:
        return
    merged: dict = {}
    children = {lang: files for result in results for lang, files in result["sitemap"].items()}
    source = plugin.default_language
    for lang in [source] + [lang for lang in plugin.build_languages if lang != source]:  # the order the loop builds them
        if lang in children:
            merged[lang] = [page_memory.sitemap_file(data) for data in children[lang]]
        elif lang in plugin.i18n_files_per_language:
            merged[lang] = plugin.i18n_files_per_language[lang]
    plugin.i18n_files_per_language.clear()
    plugin.i18n_files_per_language.update(merged)
    mkdocs_build._build_theme_template("sitemap.xml", _state["env"], _state["files"], config, _state["nav"])
