"""The author's loop, measured: `handbook serve`'s first page and the time from a save to the served page showing it.

    python benchmarks/preview.py HANDBOOK_DIR [--edits 5]

Starts `handbook serve` in a fresh process, times until the first SOP page answers, then
saves an edit of that SOP's text `--edits` times and times each until the served page shows
it (polling every 20 ms, as a browser's live reload would fetch it). Peak memory is the
serve process's `ru_maxrss`.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POLL = 0.02


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _until(url: str, text: str, proc: subprocess.Popen, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        body = _get(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        if proc.poll() is not None:
            raise SystemExit(f"handbook serve exited {proc.returncode} while waiting for {url}")
        time.sleep(POLL)
    raise SystemExit(f"{url} did not show {text!r} within {limit:.0f} s")


def an_sop(handbook: Path) -> Path:
    """The middle source-language SOP of the handbook (its first department with SOPs)."""
    docs = handbook / "docs"
    sops = sorted(p for p in docs.glob("*/*.md") if p.name.count(".") == 1 and not p.name.startswith("index."))
    return sops[len(sops) // 2]


def measure_preview(handbook: Path, env: dict, edits: int = 5, lang: str = "en", limit: float = 900) -> dict:
    """{'preview 1st s', 'save→visible s' (median of `edits`), 'preview MB'} of `handbook serve` in `handbook`."""
    sop = an_sop(handbook)
    port = _free_port()
    from handbook.policy import load_policy

    source_lang = load_policy(handbook / "mkdocs.yml").source_lang
    prefix = "" if lang == source_lang else f"{lang}/"
    url = f"http://127.0.0.1:{port}/{prefix}{sop.parent.name}/{sop.stem}/"
    translation = sop.with_name(f"{sop.stem}.{lang}.md")
    edited = translation if translation.is_file() else sop  # what the page under /<lang>/ is made of
    with open(handbook / "benchmark.log", "ab") as log:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "handbook", "serve", "-a", f"127.0.0.1:{port}", "--lang", lang], cwd=handbook, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _until(url, "<h1", proc, limit)
            first = time.perf_counter() - start
            original = edited.read_text(encoding="utf-8")
            latencies = []
            for i in range(edits):
                marker = f"Benchmark edit {i} at {time.time_ns()}."
                text = original.replace("\n## ", f"\n{marker}\n\n## ", 1)
                time.sleep(0.6)  # let the previous rebuild settle, as between an author's saves
                saved = time.perf_counter()
                edited.write_text(text, encoding="utf-8")
                _until(url, marker, proc, limit)
                latencies.append(time.perf_counter() - saved)
            edited.write_text(original, encoding="utf-8")
        finally:
            proc.send_signal(signal.SIGTERM)  # not SIGINT: a background job's children ignore it
            try:
                _, _, usage = os.wait4(proc.pid, 0)
            except ChildProcessError:
                usage = None
    return {"preview 1st s": first, "save→visible s": statistics.median(latencies), "preview MB": usage.ru_maxrss / 1024 if usage else None, "edits": latencies}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("handbook", type=Path)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = measure_preview(args.handbook.resolve(), env, args.edits, args.lang)
    print(", ".join(f"{k}: {v:.2f}" if isinstance(v, float) else f"{k}: {[round(x, 2) for x in v]}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
