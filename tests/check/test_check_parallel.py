"""`handbook check` on a large handbook: worker processes, compact results, the same findings as the full load."""

from __future__ import annotations

import multiprocessing
import random
import sys
from datetime import date
from pathlib import Path

import pytest
from check_support import ROOT, TODAY

from handbook import handbook as hb
from handbook.glossary import load_glossary
from handbook.policy import load_policy

if str(ROOT) not in sys.path:  # benchmarks/ lives in the checkout
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402


def _break_some(docs: Path, rng: random.Random) -> None:
    """Spoil a share of the generated SOPs in every way the rules know, so every code shows up."""
    files = sorted(p for p in docs.rglob("*.md") if "assets" not in p.parts and p.name != "index.md")
    edits = [
        lambda t: t.replace("\nversion:", "\nversion: [\nold_version:", 1),  # FM003
        lambda t: t.replace("## Purpose", "## Porpoise", 1),  # SEC001
        lambda t: t.replace("related: [", "related: [XX-999, ", 1),  # ID004
        lambda t: t + '\nSee {{ sop("BR-9999") }} and {{ term("Nonexistent term") }}.\n',  # ID005, GL001
        lambda t: t.replace("last_reviewed: ", "last_reviewed: 2026-02-30\nx_last: ", 1),  # FM008, FM007
        lambda t: t.replace("status: ", "status: bogus\nx_status: ", 1),  # FM006, FM007
        lambda t: t.replace("\n## ", "\nTODO: write this\n\n## ", 1),  # TODO001
        lambda t: t.replace("department: ", "department: nowhere\nx_dept: ", 1),  # ID001
        lambda t: t.replace("format: simple", "format: flowchart", 1).replace("format: hierarchical", "format: simple", 1),  # FMT00x
        lambda t: t.replace("\ntitle: ", "\nowner: Someone Else\ntitle: ", 1),  # TR002 on translations
        lambda t: t.replace("last_reviewed: 20", "last_reviewed: 19", 1),  # REV001
        lambda t: t.replace("---\n", "", 1),  # FM001
        lambda t: t.rstrip().rsplit("\n---", 1)[0] if t.count("\n---") == 1 else t.replace("\n---\n", "\n", 1),  # FM002
    ]
    for path in files:
        if rng.random() < 0.25:
            text = path.read_text(encoding="utf-8")
            path.write_text(rng.choice(edits)(text), encoding="utf-8")
    first = files[0]
    (first.parent / "empty.md").write_text("", encoding="utf-8")  # F001
    (first.parent / "binary.md").write_bytes(b"---\x00\x01")  # F003
    (first.parent / "latin.md").write_bytes("---\nid: BR-950\ntitle: Caf\u00e9\n---\n".encode("latin-1"))  # F002
    (first.parent / "listed.md").write_text("---\n- a\n- b\n---\n\n## Purpose\n", encoding="utf-8")  # FM004
    (first.parent / "copy.md").write_text(files[1].read_text(encoding="utf-8"), encoding="utf-8")  # ID003
    (first.parent / "orphan.pl.md").write_text(files[2].read_text(encoding="utf-8"), encoding="utf-8")  # TR001


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("parallel") / "hb"
    generate(project, 300, departments=12)
    _break_some(project / "docs", random.Random(11))
    return project


def test_worker_processes_can_be_had_here():
    """Else `check` quietly uses one process, and the tests below compare it with itself."""
    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert pool.map(abs, [-1, -2]) == [1, 2]


def test_workers_and_one_process_give_the_full_loads_findings(spoiled: Path):
    policy = load_policy(spoiled / "mkdocs.yml")
    glossary = load_glossary(policy.glossary_path)
    today = date.fromisoformat(TODAY)
    full = hb.load(policy, glossary, today, shown_root=spoiled)
    one = hb.check(policy, glossary, today, shown_root=spoiled, jobs=1)
    two = hb.check(policy, glossary, today, shown_root=spoiled, jobs=2)
    three = hb.check(policy, glossary, today, shown_root=spoiled, jobs=3)
    assert len(full.files) > 400
    items = [(rel, True) for rel in list(full.files)[:40]]
    job = (policy, glossary, today, spoiled)
    assert list(hb._check_all(items, job, 2)) == hb._check_chunk(items, job)
    codes = {f.code for f in full.findings}
    assert {"F001", "F002", "F003", "FM001", "FM003", "FM004", "FM006", "FM007", "FM008", "ID001", "ID003", "ID004", "ID005",
            "SEC001", "TODO001", "GL001", "TR001", "TR002", "TR004", "REV001"} <= codes, codes
    assert one.findings == full.findings
    assert two.findings == full.findings
    assert three.findings == full.findings
    assert one.files == two.files == three.files == full.files
    assert list(two.files) == list(full.files)


def test_the_command_gives_the_same_report_with_and_without_workers(spoiled: Path):
    from check_support import run_handbook

    one = run_handbook("check", "--format", "json", env={hb.JOBS_VAR: "1"}, cwd=spoiled)
    two = run_handbook("check", "--format", "json", env={hb.JOBS_VAR: "2"}, cwd=spoiled)
    assert one.code == two.code == 1
    assert one.out == two.out and '"FM003"' in one.out
    assert one.err == two.err == ""


def test_small_handbooks_stay_in_one_process(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(hb.JOBS_VAR, raising=False)
    assert hb._jobs(hb.PARALLEL_FROM - 1) == 1
    monkeypatch.setenv(hb.JOBS_VAR, "3")
    assert hb._jobs(10) == 3
