"""The handbook as a whole: which files are SOPs, every SOP loaded once, and its verdict.

Built once per check or per site build, then looked up: nothing here scans all
SOPs again for a single page. `load` keeps every SOP in full (the site and the
commands need them); `check`, for `handbook check`, keeps only the findings and, on a
large handbook, spreads the files over forked worker processes that send back only
what the rules across files read. Both give the same findings.
"""

from __future__ import annotations

import fnmatch
import gc
import multiprocessing
import os
import posixpath
import signal
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import source as sop_source
from .containment import links_leaving
from .findings import Finding
from .people import lead_findings
from .glossary import Glossary, GlossaryTerm, load_glossary
from .languages import language_findings
from .policy import Policy, load_policy
from .review import ReviewStatus
from .rules import cross_rules, review_of, sop_rules
from .sop import SOP, parse
from .structure import Body, MacroCall
from .translations import SOURCE_OWNED, TranslationState, source_path_of, state_of, translation_rules


def is_sop_file(rel_path: str, policy: Policy) -> bool:
    """SOPs are the Markdown files in the folders of docs/; top-level pages and index pages are not."""
    if not rel_path.endswith(".md") or "/" not in rel_path:
        return False
    name = rel_path.rsplit("/", 1)[1]
    if name == "index.md" or (name.startswith("index.") and name.count(".") == 2):
        return False
    return not any(fnmatch.fnmatch(rel_path, pattern) for pattern in policy.not_sops)


def language_of(rel_path: str, policy: Policy) -> tuple[str, bool]:
    """`cc-001.pl.md` is the Polish translation of `cc-001.md`; returns (language, is_translation)."""
    stem = rel_path[:-3]
    suffix = stem.rsplit(".", 1)[1] if "." in stem.rsplit("/", 1)[-1] else None
    if suffix and suffix in policy.languages and suffix != policy.source_lang:
        return suffix, True
    return policy.source_lang, False


def outside_findings(policy: Policy, leaving: list[str], shown_root: Path | None) -> list[Finding]:
    """F004 for each link under docs/ that leaves the repository (never read, never published)."""
    return [
        Finding(posixpath.normpath(_shown(policy.docs_dir, shown_root) + "/" + rel), 0, "F004", "is a link to a file or folder outside the repository: it is not read and not published")
        for rel in leaving
    ]


def name_problem(rel_path: str) -> str | None:
    """Why a file name cannot be shown in a `file:line` report, or None: bytes that are not UTF-8, a line break."""
    if any("\udc80" <= c <= "\udcff" for c in rel_path):  # os.walk's stand-ins for undecodable bytes
        return "its name is not UTF-8"
    if "\r" in rel_path or "\n" in rel_path:
        return "its name contains a line break"
    return None


def printable_name(rel_path: str) -> str:
    """A file name as one line of UTF-8 text: undecodable bytes as \\xNN, line breaks as \\r, \\n."""
    text = rel_path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.replace("\r", "\\r").replace("\n", "\\n")


def name_findings(policy: Policy, rejected: list[str], shown_root: Path | None) -> list[Finding]:
    """F005 for each file whose name cannot be reported (never read, never published)."""
    base = _shown(policy.docs_dir, shown_root)
    return [
        Finding(posixpath.normpath(f"{base}/{printable_name(rel)}"), 0, "F005", f"{name_problem(rel)}: the file is not {'checked' if is_sop_file(rel, policy) else 'published'}")
        for rel in rejected
    ]


def find_sop_files(policy: Policy, leaving: list[str] | None = None, rejected: list[str] | None = None) -> list[str]:
    """Paths of every SOP file relative to docs_dir, with `/` separators, sorted; badly named ones go to `rejected`."""
    found = []
    docs = str(policy.docs_dir)
    for folder, dirs, files in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_folder = os.path.relpath(folder, docs).replace(os.sep, "/")
        for name in files:
            if name.startswith("."):  # MkDocs never builds dot-files (nor dot-folders): neither checked nor listed
                continue
            rel = name if rel_folder == "." else f"{rel_folder}/{name}"
            if rel in (leaving or ()):
                continue
            if name_problem(rel):  # any file: MkDocs cannot publish it either (hooks/contained_files.py drops it)
                if rejected is not None:
                    rejected.append(rel)
            elif is_sop_file(rel, policy):
                found.append(rel)
    return sorted(found)


@dataclass
class Handbook:
    policy: Policy
    glossary: Glossary
    today: date
    sops: list[SOP] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # every finding, sorted
    by_path: dict[str, SOP] = field(default_factory=dict)  # docs-relative path -> SOP
    by_id: dict[str, SOP] = field(default_factory=dict)  # id -> source-language SOP
    translations: dict[str, dict[str, SOP]] = field(default_factory=dict)  # id -> lang -> SOP
    _term_usage: dict[str, list[SOP]] | None = field(default=None, repr=False)
    _departments: dict[str, list[SOP]] | None = field(default=None, repr=False)
    # Asked by every page in every language: worked out once per SOP (an SOP object is never changed).
    _terms: dict[int, tuple[SOP, list[GlossaryTerm]]] = field(default_factory=dict, repr=False, compare=False)
    _reviews: dict[int, tuple[SOP, ReviewStatus]] = field(default_factory=dict, repr=False, compare=False)
    files: dict[str, str] = field(default_factory=dict)  # docs-relative path -> path shown to authors

    @property
    def files_checked(self) -> int:
        return len(self.files)

    def review(self, sop: SOP) -> ReviewStatus:
        source = self.by_id.get(sop.id, sop)
        known = self._reviews.get(id(source))
        if known is None or known[0] is not source:
            known = self._reviews[id(source)] = (source, review_of(source, self.policy, self.today))
        return known[1]

    def findings_for(self, shown_paths: set[str]) -> list[Finding]:
        return [f for f in self.findings if f.path in shown_paths]

    def terms_of(self, sop: SOP) -> list[GlossaryTerm]:
        known = self._terms.get(id(sop))
        if known is None or known[0] is not sop:
            known = self._terms[id(sop)] = (sop, self.glossary.used_in(sop.source.body, [c.argument for c in sop.body.terms_used()]))
        return list(known[1])

    def term_usage(self) -> dict[str, list[SOP]]:
        """For each glossary term, the source-language SOPs that use it (computed once)."""
        if self._term_usage is None:
            usage: dict[str, list[SOP]] = defaultdict(list)
            for sop in sorted(self.by_id.values(), key=lambda s: s.id):
                for term in self.terms_of(sop):
                    usage[term.key].append(sop)
            self._term_usage = dict(usage)
        return self._term_usage

    def in_language(self, sop: SOP, lang: str) -> SOP:
        """The SOP as a reader of `lang` sees it: its translation when there is one."""
        return self.translations.get(sop.id, {}).get(lang, sop)

    def translation_state(self, sop: SOP, lang: str) -> TranslationState:
        """Whether the source SOP `sop` exists in `lang`, and whether that translation is up to date."""
        return state_of(self.translations.get(sop.id, {}).get(lang), sop)

    def in_department(self, key: str) -> list[SOP]:
        """The department's source-language SOPs by id (indexed once)."""
        if self._departments is None:
            index: dict[str, list[SOP]] = defaultdict(list)
            for sop in sorted(self.by_id.values(), key=lambda s: s.id):
                index[sop.department].append(sop)
            self._departments = dict(index)
        return self._departments.get(key, [])


def open_handbook(config_path: Path, today: date, shown_root: Path | None = None) -> Handbook:
    """Load the policy from mkdocs.yml, the glossary and every SOP, and run every rule."""
    policy = load_policy(config_path)
    glossary = load_glossary(policy.glossary_path, _shown(policy.glossary_path, shown_root))
    return load(policy, glossary, today, shown_root)


def load(policy: Policy, glossary: Glossary, today: date, shown_root: Path | None = None) -> Handbook:
    """Every SOP parsed in full (what the site and the commands need) and every rule run, in this process."""
    handbook = Handbook(policy, glossary, today)
    leaving = links_leaving(str(policy.docs_dir), str(policy.root))
    rejected: list[str] = []
    rel_paths = find_sop_files(policy, leaving, rejected)
    handbook.findings += outside_findings(policy, leaving, shown_root) + name_findings(policy, rejected, shown_root) + _lead_findings(policy, shown_root)
    handbook.findings += language_findings(policy, shown_root)
    shown = _shown_paths(rel_paths, policy.docs_dir, shown_root)
    with _collector_paused():
        _assemble(handbook, [_read_one(rel, policy, glossary, today, s) for rel, s in zip(rel_paths, shown)])
    return handbook


@dataclass
class Verdict:
    """What `handbook check` reports: every finding, sorted, and the files checked (no SOP kept)."""

    policy: Policy
    today: date
    findings: list[Finding]
    files: dict[str, str]  # docs-relative path -> path shown to authors

    @property
    def files_checked(self) -> int:
        return len(self.files)

    def findings_for(self, shown_paths: set[str]) -> list[Finding]:
        return [f for f in self.findings if f.path in shown_paths]


# A large handbook is checked by one process per CPU (forked: they inherit policy and glossary).
PARALLEL_FROM = 500  # files; below this, starting processes costs more than it saves
JOBS_VAR = "HANDBOOK_JOBS"  # HANDBOOK_JOBS=1 checks every file in this process


def open_check(config_path: Path, today: date, shown_root: Path | None = None, jobs: int | None = None) -> Verdict:
    """`open_handbook` for the check alone: the same findings, without keeping each SOP's text and body."""
    policy = load_policy(config_path)
    glossary = load_glossary(policy.glossary_path, _shown(policy.glossary_path, shown_root))
    return check(policy, glossary, today, shown_root, jobs)


def check(policy: Policy, glossary: Glossary, today: date, shown_root: Path | None = None, jobs: int | None = None) -> Verdict:
    """The findings `load` gives, from workers that hand back only what the rules across files need."""
    leaving = links_leaving(str(policy.docs_dir), str(policy.root))
    rejected: list[str] = []
    rel_paths = find_sop_files(policy, leaving, rejected)
    # The translation rules compare a translation with its source: only these two need more than the cross-file facts.
    languages = [language_of(rel, policy) for rel in rel_paths]
    translated = {source_path_of(rel, lang) for rel, (lang, is_translation) in zip(rel_paths, languages) if is_translation}
    items = [(rel, is_translation or rel in translated) for rel, (_lang, is_translation) in zip(rel_paths, languages)]
    handbook = Handbook(policy, glossary, today)
    handbook.findings += outside_findings(policy, leaving, shown_root) + name_findings(policy, rejected, shown_root) + _lead_findings(policy, shown_root)
    handbook.findings += language_findings(policy, shown_root)
    with _collector_paused():
        jobs = _jobs(len(items)) if jobs is None else jobs
        results = _check_all(items, (policy, glossary, today, shown_root), jobs)
        _assemble(handbook, (_unpack(rel, result) for rel, result in zip(rel_paths, results)))  # as results come in
    return Verdict(policy, today, handbook.findings, handbook.files)


def _assemble(handbook: Handbook, results: list[tuple]) -> None:
    """Index every file's result in path order, then run the rules across files and sort the findings."""
    policy = handbook.policy
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rel, shown, lang, is_translation, problem, sop, found in results:
        handbook.files[rel] = shown
        if problem:
            handbook.findings.append(problem)
            continue
        handbook.findings += found
        if sop is None:
            continue
        handbook.sops.append(sop)
        handbook.by_path[rel] = sop
        if sop.id:
            holders[(sop.id, lang)].append(shown)
            if is_translation:
                handbook.translations.setdefault(sop.id, {})[lang] = sop
            else:
                handbook.by_id.setdefault(sop.id, sop)
    known = {sop_id for sop_id, lang in holders if lang == policy.source_lang}
    handbook.findings += cross_rules(handbook.sops, known, holders)
    sources = {s.docs_path: s for s in handbook.sops if not s.is_translation}
    handbook.findings += translation_rules((s for s in handbook.sops if s.is_translation), sources)
    handbook.findings.sort(key=Finding.sort_key)


def _read_one(rel: str, policy: Policy, glossary: Glossary, today: date, shown: str) -> tuple:
    """Read, parse and check one file on its own: (rel, shown, lang, is_translation, problem, sop, findings)."""
    lang, is_translation = language_of(rel, policy)
    src, problem = sop_source.read(os.path.join(policy.docs_dir, rel), shown)
    if problem:
        return rel, shown, lang, is_translation, problem, None, []
    sop, found = parse(src, lang, is_translation)
    if sop is not None:
        sop.docs_path = rel
        found += sop_rules(sop, policy, glossary, today)
    return rel, shown, lang, is_translation, None, sop, found


# What the rules across files read of an SOP, and nothing else, leaves a worker: cross_rules reads the id and
# the references of every SOP; translation_rules also reads the fields a translation shares with its source.
_LISTED_KEYS = ("related", "supersedes")
_CROSS_KEYS = ("id", *_LISTED_KEYS)
_PAIRED_KEYS = (*_CROSS_KEYS, "version", "translation_of_version", *SOURCE_OWNED)


def _check_chunk(chunk: list[tuple[str, bool]], job: tuple | None = None) -> list[tuple]:
    """`_read_one` for each (rel, paired) of a chunk, compacted: (shown, lang, is_translation, problem, findings, facts).

    `paired`: the file is a translation, or a source that has one (the translation rules read both).
    `facts` is None or plain data: what the rules across files read.
    """
    policy, glossary, today, shown_root = job or _job
    shown = _shown_paths([rel for rel, _paired in chunk], policy.docs_dir, shown_root)
    results = []
    for (rel, paired), path in zip(chunk, shown):
        _rel, _shown, lang, is_translation, problem, sop, found = _read_one(rel, policy, glossary, today, path)
        facts = None
        if sop is not None:
            meta, key_lines, item_lines = sop.meta, sop.key_lines, sop.item_lines
            keys = _PAIRED_KEYS if paired else _CROSS_KEYS
            facts = (
                {k: meta[k] for k in keys if k in meta},
                {k: key_lines[k] for k in keys if k in key_lines},
                {k: item_lines[k] for k in _LISTED_KEYS if k in item_lines},
                [(c.argument, c.line) for c in sop.body.sops_linked()],
            )
        results.append((path, lang, is_translation, problem, found, facts))
    return results


def _unpack(rel: str, checked: tuple) -> tuple:
    """A `_check_chunk` result in `_read_one`'s shape; its SOP holds only the facts the rules across files read."""
    shown, lang, is_translation, problem, found, facts = checked
    sop = None
    if facts is not None:
        meta, key_lines, item_lines, links = facts
        body = Body([], [MacroCall("sop", argument, line) for argument, line in links])
        sop = SOP(shown, lang, is_translation, meta, key_lines, item_lines, body, None, docs_path=rel)  # type: ignore[arg-type]
    return rel, shown, lang, is_translation, problem, sop, found


_job: tuple = ()  # what forked workers check with: (policy, glossary, today, shown_root)


def _worker_start() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the check once, in the main process


def _check_all(items: list[tuple[str, bool]], job: tuple, jobs: int) -> Iterator[tuple]:
    """Every file's `_check_chunk` result in order: from `jobs` forked processes, or here when there are none."""
    global _job
    size = max(16, min(256, len(items) // (jobs * 16) or 1))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    pool = None
    if jobs > 1:
        _job = job
        try:  # fork: the workers inherit policy and glossary instead of unpickling them
            pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_start)
        except (OSError, ValueError):  # no fork, or no semaphores in this sandbox: one process then
            _job = ()
    if pool is None:
        for chunk in chunks:
            yield from _check_chunk(chunk, job)
        return
    try:
        with pool:
            for checked in pool.imap(_check_chunk, chunks):
                yield from checked
    finally:
        _job = ()


def _jobs(files: int) -> int:
    """Processes for the check: HANDBOOK_JOBS when set, else one per usable CPU from PARALLEL_FROM files."""
    wanted = os.environ.get(JOBS_VAR, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    if files < PARALLEL_FROM or sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return min(cpus, 8)


@contextmanager
def _collector_paused():
    """Loading creates many lasting objects and no cycles worth collecting: the cyclic GC only re-scanned them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _shown_paths(rel_paths: list[str], docs_dir: Path, shown_root: Path | None) -> list[str]:
    """`_shown` for every file, resolving the folders once instead of once per file."""
    if shown_root is None or not _inside(docs_dir, shown_root):
        return [_shown(docs_dir / rel, shown_root) for rel in rel_paths]
    base = os.path.relpath(docs_dir, shown_root).replace(os.sep, "/")
    shown = []
    docs = str(docs_dir)
    for rel in rel_paths:
        # os.walk does not enter linked folders, so only a linked file can lead outside.
        linked = os.path.islink(os.path.join(docs, rel))
        shown.append(_shown(docs_dir / rel, shown_root) if linked else posixpath.normpath(f"{base}/{rel}"))
    return shown


def _lead_findings(policy: Policy, shown_root: Path | None) -> list[Finding]:
    """Department leads missing from the people registry (PPL001), reported at mkdocs.yml."""
    return lead_findings(policy, _shown(policy.config_path, shown_root)) if policy.config_path else []


def _shown(path: Path, shown_root: Path | None) -> str:
    """How a path is shown to the author: relative to `shown_root` (the working folder) when inside it."""
    if shown_root is not None:
        try:
            return os.path.relpath(path, shown_root).replace(os.sep, "/") if _inside(path, shown_root) else str(path)
        except ValueError:
            return str(path)
    return str(path)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False
