"""Peak memory of a command's whole process tree, sampled while it runs.

The build forks a child per group of languages (handbook/mkdocs/parallel_languages.py), so
the largest process (`ru_maxrss`) is no longer the build's memory. This sums the
proportional set size (PSS) of every process in the tree: a page the fork shares with
its parent counts once, split between them, as the kernel accounts it. Where PSS cannot
be read (no /proc/PID/smaps_rollup), the resident size is summed instead, which counts
shared pages twice: an upper bound.
"""

from __future__ import annotations

import threading
from pathlib import Path

_PROC = Path("/proc")


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process now running."""
    found = {}
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended while we looked
        found[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])  # the name may hold spaces and ")"
    return found


def tree(root: int) -> list[int]:
    """`root` and all its descendants."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _kb(path: Path, field: str) -> int | None:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def process_kb(pid: int) -> int:
    """One process's PSS in KB, else its RSS, else 0 (it has ended)."""
    pss = _kb(_PROC / str(pid) / "smaps_rollup", "Pss:")
    return pss if pss is not None else (_kb(_PROC / str(pid) / "status", "VmRSS:") or 0)


class PeakTreeMemory:
    """Samples the tree under `pid` every `interval` seconds until stopped; `peak_mb` is the largest sum seen."""

    def __init__(self, pid: int, interval: float = 1.0):
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "PeakTreeMemory":
        if _PROC.is_dir():
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(process_kb(p) for p in tree(self.pid)))
            self._stop.wait(self.interval)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

