"""A small generated handbook of the tool's own (not the example's content) for the preview tests."""

from __future__ import annotations

import os
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # benchmarks/ is not an installed package

from benchmarks.corpus import TODAY, generate  # noqa: E402

# `handbook serve` must silence Material's end-of-life banner itself; plain `mkdocs` is told to.
ENV = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
ENV.update(HANDBOOK_TODAY=TODAY, PYTHONPATH=str(ROOT))
MKDOCS_ENV = {**ENV, "NO_MKDOCS_2_WARNING": "1"}


def small_handbook(dest: Path, n: int = 6) -> Path:
    generate(dest, n, departments=5)
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, limit: float = 180) -> str:
    """The page once it contains `text` (a generous limit: this waits for a rebuild, it does not time one)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        body = fetch(url)
        if body is not None and text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}; last answer: {(fetch(url) or '')[:300]}")
