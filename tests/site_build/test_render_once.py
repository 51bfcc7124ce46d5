"""An untranslated page's Markdown converted once (handbook/mkdocs/render_once.py) gives the site converted per language, byte for byte.

The fixture is a small generated handbook (benchmarks/corpus.py: 8 SOPs, some translated,
five languages) built by `mkdocs build --strict` in a subprocess, once as it is and once
with `HANDBOOK_RENDER_ONCE=false`, both in one process so only the reuse differs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, mkdocs_build

pytestmark = pytest.mark.site


def _handbook(dest: Path) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "-n", "8", "--departments", "5", str(dest)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  handbook:\n", "  handbook:\n    parallel_build: false\n", 1), encoding="utf-8")
    return dest


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def both(tmp_path_factory, monkeypatch_module):
    base = tmp_path_factory.mktemp("render-once")
    reused = mkdocs_build(_handbook(base / "once"), base / "once-site")
    monkeypatch_module.setenv("HANDBOOK_RENDER_ONCE", "false")
    converted = mkdocs_build(_handbook(base / "each"), base / "each-site")
    return reused, converted


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_reusing_the_source_languages_conversion_writes_the_same_site(both):
    reused, converted = both
    assert reused.returncode == 0, reused.log
    assert converted.returncode == 0, converted.log
    counts = [int(n) for n in re.findall(r"the Markdown of (\d+) of \d+ page\(s\) converted once", reused.log)]
    assert len(counts) == 4 and sum(counts) > 10, reused.log  # pl, hu, lv, ar each reused pages: the test compares something
    assert "converted once" not in converted.log
    a, b = _files(reused.site), _files(converted.site)
    assert len(a) > 100 and sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []



def test_an_untranslated_page_linking_a_translated_sop_is_converted_once_and_shows_the_translated_title(both):
    """sop() puts only the id through Markdown; the title, in the reader's language, comes with the link."""
    reused, _ = both
    docs = reused.site.parent / "once" / "docs"
    translated = {p.name.split(".")[0] for p in docs.rglob("*.pl.md")}
    untranslated = [p for p in docs.rglob("*.md") if p.name.count(".") == 1 and p.stem not in translated and p.name != "index.md"]
    linking = [p for p in untranslated if any(f'sop("{t.upper()}")' in p.read_text(encoding="utf-8") for t in translated)]
    assert linking, "the fixture has no untranslated SOP linking a translated one: the test would compare nothing"
    polish = int(re.search(r"pl: the Markdown of (\d+) of \d+ page\(s\) converted once", reused.log).group(1))
    assert polish >= len(untranslated)  # every untranslated SOP's page reused the English conversion
    stem = next(t for t in sorted(translated) if f'sop("{t.upper()}")' in linking[0].read_text(encoding="utf-8"))
    title = next(line.split(":", 1)[1].strip().strip('"') for line in next(docs.rglob(f"{stem}.pl.md")).read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    page = reused.html(f"pl/{linking[0].parent.name}/{linking[0].stem}/")
    assert re.search(rf'<span class="hb-id">{stem.upper()}</span> {re.escape(title)}</a>', page), (stem, title)
