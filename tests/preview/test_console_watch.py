"""`mkdocs build` / `mkdocs serve` on a small generated handbook: a quiet console, every input watched, --dirty refused."""

from __future__ import annotations

import subprocess
import sys

from tests.preview.preview_support import MKDOCS_ENV, free_port, small_handbook, wait_for


def _drop_scope(project) -> str:
    """Break one SOP (no Scope section): an SEC001 error the build must report once, with its hint."""
    sop = sorted(p for p in (project / "docs").glob("*/*.md") if p.name.count(".") == 1 and p.name != "index.md")[0]
    sop.write_text(sop.read_text(encoding="utf-8").replace("## Scope\n", "## Scoop\n"), encoding="utf-8")
    return sop.relative_to(project).as_posix()


def _build(project, *extra: str) -> str:
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site"), *extra]
    result = subprocess.run(command, cwd=project, env=MKDOCS_ENV, capture_output=True, text=True, timeout=600)
    return result.stdout + result.stderr


def test_build_console_shows_each_finding_once_with_its_hint_and_no_plugin_chatter(tmp_path):
    project = small_handbook(tmp_path / "hb")
    broken = _drop_scope(project)
    log = _build(project)
    findings = [line for line in log.splitlines() if f"{broken}:" in line and "SEC001" in line]
    assert len(findings) == 1, log  # five languages are built, the finding is reported once
    after = log.splitlines()[log.splitlines().index(findings[0]) + 1]
    assert after.strip().startswith("hint:"), log
    assert "[macros]" not in log and "mkdocs_static_i18n" not in log and "lunr" not in log, log
    assert "end of life" not in log  # NO_MKDOCS_2_WARNING=1, as the project's commands set it


def test_verbose_build_still_shows_the_plugins_lines(tmp_path):
    """The filter drops routine INFO only: `mkdocs build -v` shows it all (so the quiet test above is the filter's doing)."""
    project = small_handbook(tmp_path / "hb", n=2)
    log = _build(project, "-v")
    assert "[macros] - Found local Python module" in log and "mkdocs_static_i18n: Building 'pl'" in log, log[-2000:]


def test_serve_dirty_is_refused_with_a_clear_message(tmp_path):
    project = small_handbook(tmp_path / "hb", n=2)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{free_port()}"]
    result = subprocess.run(command, cwd=project, env=MKDOCS_ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "mkdocs serve --dirty is not supported by this handbook" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_serve_rebuilds_when_the_glossary_changes(tmp_path):
    """MkDocs watches docs/ and mkdocs.yml only; the hook adds the glossary (and the package's data files)."""
    project = small_handbook(tmp_path / "hb", n=2)
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=MKDOCS_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/glossary/"
        wait_for(url, "<h1")
        glossary = project / "glossary.yml"
        text = glossary.read_text(encoding="utf-8")
        first_definition = text.index("definition: ") + len("definition: ")
        glossary.write_text(text[:first_definition] + "Zyxwvut marker. " + text[first_definition:], encoding="utf-8")
        wait_for(url, "Zyxwvut marker.")
    finally:
        server.terminate()
        server.wait(timeout=60)
