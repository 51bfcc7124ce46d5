"""Which files changed since the last look: size and modification time of every watched file."""

from __future__ import annotations

import os
from pathlib import Path


class Snapshot:
    """Stamps of every file under the watched paths (folders are walked, dot-files skipped as MkDocs does)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.stamps = self._take()

    def _take(self) -> dict[str, tuple[int, int]]:
        stamps: dict[str, tuple[int, int]] = {}
        for root in self.paths:
            if root.is_file():
                self._add(stamps, str(root))
                continue
            for folder, dirs, files in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
                for name in files:
                    if not name.startswith("."):
                        self._add(stamps, os.path.join(folder, name))
        return stamps

    @staticmethod
    def _add(stamps: dict, path: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        stamps[os.path.abspath(path)] = (st.st_mtime_ns, st.st_size)

    def changed(self) -> set[str]:
        """Absolute paths added, removed or modified since the last call (or since the snapshot was made)."""
        now = self._take()
        before, self.stamps = self.stamps, now
        return {p for p in before.keys() | now.keys() if before.get(p) != now.get(p)}
