"""The languages built in parallel processes (hooks/parallel_languages.py) give the one-process site, byte for byte.

The fixture is a small generated handbook (benchmarks/corpus.py: 8 SOPs, some translated,
five languages) in tmp_path, built by `mkdocs build --strict` in a subprocess, once with
`extra.handbook.parallel_build: false` and once with `true`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, TODAY, mkdocs_build

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel language builds need os.fork")


def _handbook(dest: Path, parallel: bool) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "-n", "8", "--departments", "5", str(dest)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "  handbook:\n"
    assert marker in text
    config.write_text(text.replace(marker, marker + f"    parallel_build: {'true' if parallel else 'false'}\n", 1), encoding="utf-8")
    return dest


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    base = tmp_path_factory.mktemp("parallel")
    one = mkdocs_build(_handbook(base / "one", parallel=False), base / "one-site")
    two = mkdocs_build(_handbook(base / "two", parallel=True), base / "two-site")
    return one, two


def test_the_parallel_build_writes_the_one_process_site_byte_for_byte(both):
    one, two = both
    assert one.returncode == 0, one.log
    assert two.returncode == 0, two.log
    a, b = _files(one.site), _files(two.site)
    assert len(a) > 100
    assert sorted(a) == sorted(b)
    different = [path for path in a if a[path] != b[path]]
    assert different == []
    for lang in ("pl", "hu", "lv", "ar"):  # every language is there, sitemap and search index included
        assert f"{lang}/index.html" in b
    assert b"/pl/" in b["sitemap.xml"] and b"/ar/" in b["sitemap.xml"]
    assert b'"location":"pl/' in b["search/search_index.json"]


def test_the_parallel_build_ran_in_more_than_one_process_and_left_no_staging_folder(tmp_path):
    project = _handbook(tmp_path / "hb", parallel=True)
    env = {**os.environ, "HANDBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-v", "-d", str(tmp_path / "site")], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "built in 2 processes" in result.stdout + result.stderr or "built in 3 processes" in result.stdout + result.stderr or "built in 4 processes" in result.stdout + result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hb", "site"]


@pytest.mark.parametrize("parallel", [False, True])
def test_a_warning_in_a_language_built_by_another_process_fails_the_strict_build(tmp_path, parallel):
    """Polish is built by a child process in a parallel build: its warning still reaches --strict."""
    project = _handbook(tmp_path / "hb", parallel=parallel)
    translation = project / "docs" / "contact-centre" / "cc-002.pl.md"
    translation.write_text(translation.read_text(encoding="utf-8") + "\nZobacz [brak](#no-such-anchor).\n", encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "Doc file 'contact-centre/cc-002.pl.md' contains a link '#no-such-anchor', but there is no such anchor on this page." in build.log
    assert "Aborted with 1 warnings in strict mode!" in build.log
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_misspelt_setting_is_refused_with_the_values_it_takes(tmp_path):
    project = _handbook(tmp_path / "hb", parallel=True)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("parallel_build: true", "parallel_build: sometimes"), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "extra.handbook.parallel_build: 'sometimes' is not one of auto, true, false" in build.log
    assert "Traceback" not in build.log
