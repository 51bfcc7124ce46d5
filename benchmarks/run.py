"""The benchmark: one table of check and build figures for handbooks of growing size.

    python benchmarks/run.py                 # N = 100, 500, 1,000, 5,000 (10,000 for the check)
    python benchmarks/run.py --quick         # a smoke run in about a minute
    python benchmarks/run.py --sizes 100,1000 --check-sizes 10000 --runs 5

Every measured command runs in a fresh subprocess; its wall time and peak memory
(of its whole process tree, benchmarks/memory.py) are the median of `--runs` runs. Our build
and the plain one alternate run by run (ours, plain, ours, plain...) and "ours/plain" is
the median of the per-pair ratios, so a change of load on a shared machine hits both.
The author's loop is measured too (benchmarks/preview.py): `handbook serve`'s first
page and the median time from a save to the served page showing it. The example
handbook (docs/) is the first row. The last table is written to benchmarks/RESULTS.md
with the machine and the date.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import TODAY, generate  # noqa: E402
from benchmarks.memory import PeakTreeMemory  # noqa: E402
from benchmarks.plain import make_plain  # noqa: E402
from benchmarks.preview import measure_preview  # noqa: E402

ENV = {**os.environ, "HANDBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONPATH": str(ROOT)}
COLUMNS = [
    ("N", "SOPs"), ("files", "SOP files (with translations)"), ("check s", "handbook check, wall"), ("check MB", "its peak memory (process tree)"),
    ("floor s", "read + parse front matter only"), ("check/floor", "check time over the floor"),
    ("build s", "our mkdocs build"), ("build MB", "its peak memory (process tree, all languages)"), ("plain s", "plain Material build"), ("plain MB", "its peak memory (process tree)"),
    ("ours/plain", "build time over plain"), ("pages", "HTML pages written"), ("ms/page", "our build per HTML page"),
    ("KB/page", "our site bytes per HTML page"), ("plain KB/page", "plain site bytes per HTML page"),
    ("search", "search our build chose"), ("1st query KB", "what a reader downloads before the first result"),
    ("preview 1st s", "`handbook serve`: from the command to the first SOP page served"),
    ("save→visible s", "`handbook serve`: from saving an SOP's text to the served page showing it (median of 5 edits)"),
    ("preview MB", "the serve process's peak RSS"),
]


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one command in a fresh subprocess; fails loudly on a non-zero exit.

    The memory is the largest of: the process tree's summed PSS, sampled (the parallel build
    forks), and the largest single process's peak RSS (`ru_maxrss`, which sampling can miss).
    """
    start = time.perf_counter()
    with open(cwd / "benchmark.log", "ab") as log:
        proc = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        with PeakTreeMemory(proc.pid) as memory:
            _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited {code} in {cwd}; see {cwd / 'benchmark.log'}")
    return wall, max(memory.peak_mb, usage.ru_maxrss / 1024)  # Linux reports ru_maxrss in KB


def median_of(runs: int, command: list[str], cwd: Path) -> tuple[float, float]:
    results = [measure(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def paired(runs: int, ours: tuple[list[str], Path], plain: tuple[list[str], Path]) -> dict:
    """Ours and plain alternately, `runs` pairs: medians of each, and the median of the per-pair ratios."""
    pairs = [(measure(*ours), measure(*plain)) for _ in range(runs)]
    return {
        "build s": statistics.median(o[0] for o, _ in pairs), "build MB": statistics.median(o[1] for o, _ in pairs),
        "plain s": statistics.median(p[0] for _, p in pairs), "plain MB": statistics.median(p[1] for _, p in pairs),
        "ours/plain": statistics.median(o[0] / p[0] for o, p in pairs),
    }


def site_figures(site: Path) -> tuple[int, int]:
    """(HTML pages, total bytes) of a built site."""
    pages = total = 0
    for folder, _dirs, files in os.walk(site):
        for name in files:
            total += os.path.getsize(os.path.join(folder, name))
            pages += name.endswith(".html")
    return pages, total


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


def first_query_bytes(site: Path, lang: str = "en") -> tuple[str, int]:
    """What a reader's browser downloads before the first result is shown (text files as served gzipped).

    Material: its worker and the whole search_index.json. Pagefind: our worker, the stub index,
    pagefind.js, the list of the language's bundles, the WebAssembly once, then per bundle its
    entry file, its metadata and its largest index chunk (a worst-case one-word query), and
    20 result fragments of median size.
    """
    material_worker = next(iter(sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))), None)
    stub = _gz(site / "search/search_index.json")
    if not (site / "pagefind").is_dir():
        return "material", stub + (_gz(material_worker) if material_worker else 0)
    def size(p: Path) -> int:
        return p.stat().st_size
    first = site / "pagefind" / lang
    listed = first / "handbook-bundles.json"
    bundles = [first] + ([(first / m).resolve() for m in json.loads(listed.read_text(encoding="utf-8"))["merge"]] if listed.is_file() else [])
    per_bundle = fragments = 0
    found: list[int] = []
    for bundle in bundles:
        chunks = [size(p) for p in (bundle / "index").glob(f"{lang}_*.pf_index")] or [0]
        per_bundle += _gz(bundle / "pagefind-entry.json") + sum(size(p) for p in bundle.glob(f"pagefind.{lang}_*.pf_meta")) + max(chunks)
        found += [size(p) for p in (bundle / "fragment").glob(f"{lang}_*.pf_fragment")]
    fragments = statistics.median(found) if found else 0
    wasm = first / f"wasm.{lang}.pagefind"
    fixed = _gz(site / "assets/javascripts/pagefind-worker.js") + stub + _gz(first / "pagefind.js") + (_gz(listed) if listed.is_file() else 0)
    return "pagefind", fixed + (size(wasm) if wasm.is_file() else 0) + per_bundle + 20 * fragments


def copy_example(dest: Path) -> dict[str, int]:
    """The example handbook (docs/, mkdocs.yml, glossary, hooks, macros) in `dest`; its SOP file counts."""
    for name in ("docs", "hooks", "macros"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "glossary.yml"):
        shutil.copy(ROOT / name, dest / name)
    from handbook.handbook import find_sop_files
    from handbook.policy import load_policy

    found = find_sop_files(load_policy(dest / "mkdocs.yml"))
    translations = sum(1 for rel in found if rel[:-3].rsplit("/", 1)[-1].count("."))
    return {"sops": len(found) - translations, "translations": translations}


def bench_size(n: int, work: Path, runs: int, build: bool, build_runs: int, example: bool = False) -> dict:
    ours = work / f"n{n}" / "handbook"
    if example:
        ours.mkdir(parents=True)
        counts = copy_example(ours)
    else:
        counts = generate(ours, n)
    row: dict = {"N": f"example ({counts['sops']})" if example else n, "files": counts["sops"] + counts["translations"]}
    print(f"[{datetime.now():%H:%M:%S}] N={n}: {row['files']} SOP files; check x{runs}", flush=True)
    row["check s"], row["check MB"] = median_of(runs, [sys.executable, "-m", "handbook", "check"], ours)
    row["floor s"], _ = median_of(runs, [sys.executable, str(ROOT / "benchmarks/floor.py"), "docs"], ours)
    row["check/floor"] = row["check s"] / row["floor s"]
    if not build:
        return row
    plain = make_plain(ours, work / f"n{n}" / "plain")
    site, plain_site = work / f"n{n}" / "site", work / f"n{n}" / "plain-site"
    print(f"[{datetime.now():%H:%M:%S}] N={n}: builds x{build_runs}, ours and plain alternately", flush=True)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d"]
    row.update(paired(build_runs, (mkdocs + [str(site)], ours), ([sys.executable, str(ROOT / "benchmarks/plain.py"), "build", str(plain_site)], plain)))
    row["pages"], total = site_figures(site)
    plain_pages, plain_total = site_figures(plain_site)
    row["ms/page"] = 1000 * row["build s"] / row["pages"]
    row["KB/page"] = total / row["pages"] / 1024
    row["plain KB/page"] = plain_total / plain_pages / 1024
    row["search"], payload = first_query_bytes(site)
    row["1st query KB"] = payload / 1024
    print(f"[{datetime.now():%H:%M:%S}] N={n}: handbook serve, 5 edits", flush=True)
    preview = measure_preview(ours, ENV, edits=5)
    row.update({k: preview[k] for k in ("preview 1st s", "save→visible s", "preview MB")})
    return row


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}" if value < 10 else f"{value:,.0f}" if value >= 100 else f"{value:.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(c for c, _ in COLUMNS) + " |", "|" + "--:|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cell(row.get(c)) for c, _ in COLUMNS) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPU(s) ({cpu}), {memory:.1f} GiB memory, Python {platform.python_version()}, {platform.system()} {platform.release()}"


NOTES = """How to read it:

- "plain" is the same pages built by plain Material for MkDocs with mkdocs-static-i18n: no
  `hooks:`, no macros plugin, `{{ ... }}` replaced by its text, and the same search as ours
  from 300 SOP files on, Pagefind run after the build (benchmarks/plain.py; Material's search
  plugin with i18n deduplicates languages pairwise, which is quadratic). It gets
  the same navigation shape as ours (a static index page per department, a department of
  more than 50 SOPs listed by its index page only), so "ours/plain" is what our hooks and
  macros cost, not a different navigation. Plain Material's default navigation lists every
  sibling SOP on every page and grows with the square of the handbook.
- "pages" counts HTML files: every SOP in each of the five languages (an untranslated SOP
  is shown in English under /pl/ and so on) plus the generated pages.
- "1st query KB": Material downloads its worker and its whole index (gzipped, as a web
  server sends JSON). Pagefind downloads our worker, pagefind.js, the list of the
  language's bundles (more than one past 1,500 pages), the WebAssembly once, and per bundle
  its entry file, metadata and largest index chunk, then 20 result fragments; Pagefind's
  own files are already compressed.
- Peak memory is that of the measured command's whole process tree (our build forks a
  process per group of languages): the summed PSS of its processes sampled every second,
  or the largest single process's `ru_maxrss` where that is more (benchmarks/memory.py).
- "ours/plain" is the median of per-pair ratios: each of our builds is followed by a plain
  one, so a load change on a shared machine hits both sides of a ratio.
- The preview columns: `handbook serve` (one language, English) started in a fresh process;
  an SOP's text is saved 5 times with a new sentence and the served page is polled every
  20 ms until it shows it (benchmarks/preview.py). Front-matter edits rebuild the
  language whole and are not what these figures measure."""


def write_results(path: Path, rows: list[dict], runs: int, large_runs: int, argv: list[str]) -> None:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    command = " ".join(["python", "benchmarks/run.py", *argv])
    path.write_text(
        f"# Benchmark results\n\nThe last run of `{command}`, {stamp}, median of {runs} run(s) per figure "
        f"({large_runs} per build from N = 2,000).\n\nMachine: {machine()}.\n\n{table(rows)}\n\n"
        + "\n".join(f"- **{c}**: {d}" for c, d in COLUMNS) + "\n\n" + NOTES + "\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the handbook check and build at growing sizes.")
    parser.add_argument("--sizes", default="100,500,1000,5000", help="SOP counts to check and build (comma-separated)")
    parser.add_argument("--check-sizes", default="10000", help="further SOP counts to check only")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is reported (default 3)")
    parser.add_argument("--runs-large", type=int, default=2, help="runs per build figure from N = 2,000 on (default 2: a 5,000-SOP build takes many minutes)")
    parser.add_argument("--quick", action="store_true", help="smoke run: N = 20 and 60, one run each")
    parser.add_argument("--no-example", action="store_true", help="leave out the example handbook's row")
    parser.add_argument("--work", type=Path, default=Path("/tmp/handbook-benchmark"), help="scratch folder (deleted and recreated)")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md", help="where the table goes ('-' for nowhere)")
    args = parser.parse_args(argv)
    sizes = [20, 60] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    check_only = [] if args.quick else [int(s) for s in args.check_sizes.split(",") if s]
    runs = 1 if args.quick else args.runs
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    rows = []
    if not args.no_example:
        rows.append(bench_size(0, args.work, runs, build=True, build_runs=runs, example=True))
        shutil.rmtree(args.work / "n0", ignore_errors=True)
    for n in sorted(set(sizes) | set(check_only)):
        rows.append(bench_size(n, args.work, runs, build=n in sizes, build_runs=runs if n < 2000 else min(runs, args.runs_large)))
        shutil.rmtree(args.work / f"n{n}", ignore_errors=True)  # a 5,000-SOP site takes gigabytes
        if str(args.results) != "-":  # after every size: a long run stopped half-way keeps what it measured
            write_results(args.results, rows, runs, min(runs, args.runs_large), argv if argv is not None else sys.argv[1:])
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
