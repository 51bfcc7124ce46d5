"""The loaded handbook kept between rebuilds: only SOP files that changed are read and checked again.

Each file's result of `handbook.load` (parsed SOP and its own findings) is kept with the
file's size and modification time. A rebuild reads the files whose stamp changed, then
runs the rules across files over all of them, as `load` does: the same findings, the same
SOPs, without parsing a thousand unchanged files again.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..glossary import Glossary
from ..handbook import Handbook, _assemble, _collector_paused, _read_one, _shown_paths, find_sop_files, name_findings, outside_findings
from ..containment import links_leaving
from ..policy import Policy


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class HandbookCache:
    """`load(policy, glossary, today, shown_root)` with every unchanged file's result reused."""

    def __init__(self) -> None:
        self._results: dict[str, tuple] = {}  # docs-relative path -> `_read_one` result
        self._stamps: dict[str, tuple[int, int] | None] = {}
        self._key: tuple | None = None  # what every result depends on besides its file
        self.reread: list[str] = []  # the files read by the last load (for the console and the tests)

    def load(self, policy: Policy, glossary: Glossary, today: date, shown_root: Path | None = None) -> Handbook:
        key = (policy, glossary.terms, today, shown_root)  # compared by value: each build reads mkdocs.yml afresh
        if key != self._key:  # a new policy, glossary or day: every file's own rules may judge otherwise
            self._results.clear()
            self._stamps.clear()
            self._key = key
        handbook = Handbook(policy, glossary, today)
        leaving = links_leaving(str(policy.docs_dir), str(policy.root))
        rejected: list[str] = []
        rel_paths = find_sop_files(policy, leaving, rejected)
        handbook.findings += outside_findings(policy, leaving, shown_root) + name_findings(policy, rejected, shown_root)
        shown = dict(zip(rel_paths, _shown_paths(rel_paths, policy.docs_dir, shown_root)))
        self.reread = []
        results = []
        with _collector_paused():
            for rel in rel_paths:
                stamp = _stamp(os.path.join(policy.docs_dir, rel))
                if rel not in self._results or self._stamps.get(rel) != stamp:
                    self._results[rel] = _read_one(rel, policy, glossary, today, shown[rel])
                    self._stamps[rel] = stamp
                    self.reread.append(rel)
                results.append(self._results[rel])
            for gone in set(self._results) - set(rel_paths):
                del self._results[gone], self._stamps[gone]
            _assemble(handbook, results)
        return handbook
