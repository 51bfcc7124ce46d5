"""The benchmark's corpus generator: N valid, realistic SOPs, the same for the same seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import TODAY, generate, strip_macros
from benchmarks.plain import make_plain

from handbook.policy import load_policy


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "docs").rglob("*.md"))}


def _check(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HANDBOOK_TODAY": TODAY}
    return subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=project, env=env, capture_output=True, text=True, timeout=300)


def test_corpus_of_n_sops_passes_the_check(tmp_path):
    counts = generate(tmp_path / "hb", 120)
    assert counts["sops"] == 120 and counts["translations"] > 30
    result = _check(tmp_path / "hb")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{120 + counts['translations']} SOP file(s) checked, 0 error(s)" in result.stdout


def test_twelve_departments_and_realistic_content(tmp_path):
    generate(tmp_path / "hb", 60)
    policy = load_policy(tmp_path / "hb" / "mkdocs.yml")
    assert len(policy.departments) == 12
    texts = {path: data.decode() for path, data in _files(tmp_path / "hb").items()}
    sources = {p: t for p, t in texts.items() if p.count(".") == 1}
    assert len(sources) == 60 and {p.split("/")[1] for p in sources} == set(policy.departments)
    body = "\n".join(sources.values())
    for needle in ('{{ term("', '{{ sop("', "{{ definitions() }}", "```mermaid\nflowchart TD", "| Role | Responsibility |", "\n1. ", "\n- ", "### "):
        assert needle in body, needle
    for lang in ("pl", "hu", "lv", "ar"):
        translated = [t for p, t in texts.items() if p.endswith(f".{lang}.md")]
        assert translated, lang
        heading = policy.section("purpose").label(lang, "en")
        assert all(f"\n## {heading}\n" in t and "translation_of_version:" in t for t in translated)


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path):
    generate(tmp_path / "a", 30)
    generate(tmp_path / "b", 30)
    generate(tmp_path / "c", 30, seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_strip_macros_leaves_plain_text():
    text = 'See {{ term("AHT") }}, {{ term("Callback", "callbacks") }} and {{ sop("CC-001") }}.\n\n{{ definitions() }}\n'
    assert strip_macros(text) == "See AHT, callbacks and CC-001.\n\n\n"


def test_plain_reference_has_no_hooks_macros_or_templates(tmp_path):
    generate(tmp_path / "hb", 20, departments=5)
    plain = make_plain(tmp_path / "hb", tmp_path / "plain")
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "- macros:" not in config and "- i18n:" in config and "\nnav:\n" in config
    assert "  - search\n" in config  # 30 SOP files: ours keeps Material's search, so the reference does too
    pages = [p.read_text(encoding="utf-8") for p in (plain / "docs").rglob("*.md")]
    assert not any("{{" in page for page in pages)
    assert (plain / "docs" / "billing" / "index.md").is_file()
