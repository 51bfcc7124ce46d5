"""`handbook serve` end to end on a small generated handbook: it serves, reloads an edit, refuses a wrong language."""

from __future__ import annotations

import subprocess
import sys

from tests.preview.preview_support import ENV, free_port, small_handbook, wait_for


def test_handbook_serve_shows_an_edit_and_prints_a_quiet_console(tmp_path):
    project = small_handbook(tmp_path / "hb", n=3)
    sop = sorted(p for p in (project / "docs").glob("*/*.md") if p.name.count(".") == 1 and p.name != "index.md")[0]
    url = f"http://127.0.0.1:{(port := free_port())}/{sop.parent.name}/{sop.stem}/"
    command = [sys.executable, "-m", "handbook", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(url, "<h1")
        text = sop.read_text(encoding="utf-8")
        sop.write_text(text.replace("\n## ", "\nA line typed in the editor.\n\n## ", 1), encoding="utf-8")
        page = wait_for(url, "A line typed in the editor.")
        assert "livereload" in page  # the served page reloads itself
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=60)
    assert f"preview of en: http://127.0.0.1:{port}/" in out
    assert f"preview: {sop.parent.name}/{sop.name} rebuilt in" in out, out
    assert "end of life" not in out and "[macros]" not in out and "mkdocs_static_i18n" not in out, out


def test_handbook_serve_refuses_a_language_the_handbook_does_not_have(tmp_path):
    project = small_handbook(tmp_path / "hb", n=1)
    result = subprocess.run([sys.executable, "-m", "handbook", "serve", "--lang", "de"], cwd=project, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr.strip() == "handbook: error: --lang de: not a language of this handbook (the languages in mkdocs.yml: en, pl, hu, lv, ar)"
