"""`handbook review` never loses work (issue 16): runs at once are serialised by a lock, and a
run that finds its SOP changed since it read it refuses with exit code 3 instead of overwriting."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from hostile_support import CHECK_MEMORY, limits
from workflow_support import ROOT, TODAY, WorkflowHandbook

SOP = "docs/customer-service/cs-001.md"
CHANGED = 3


def _review(hb: WorkflowHandbook, by: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": TODAY, "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "handbook", "review", "CS-001", "--by", by],
        cwd=hb.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=limits(CHECK_MEMORY),
    )


def _waiting_for_a_lock(pid: int) -> bool:
    try:
        return "lock" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


def test_simultaneous_reviews_all_land_or_say_they_did_not(hb: WorkflowHandbook):
    hb.write_sop(SOP)
    runs = [_review(hb, f"Reviewer {n}") for n in range(6)]
    outcomes = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    landed = [n for n, (code, out, _err) in enumerate(outcomes) if code == 0 and out.startswith("Recorded the review of CS-001")]
    refused = [n for n, (code, _out, err) in enumerate(outcomes) if code == CHANGED and "nothing was recorded" in err]
    assert sorted(landed + refused) == list(range(6)), outcomes  # every run either recorded or said it did not
    assert landed, outcomes
    text = hb.read(SOP).decode()
    assert sorted(n for n in range(6) if f"by: Reviewer {n}," in text) == landed  # every recorded entry survived
    assert f'version: "1.{len(landed)}"' in text
    assert hb.run("check").code == 0


def test_an_edit_saved_while_a_review_waits_is_never_overwritten(hb: WorkflowHandbook):
    path = hb.write_sop(SOP)
    lock = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as another review holding the SOP
        run = _review(hb, "Late Reviewer")
        while run.poll() is None and not _waiting_for_a_lock(run.pid):  # until it has read the SOP and waits
            pass
        edited = path.read_text(encoding="utf-8").replace("Greet the caller.", "Greet the caller warmly.")
        path.write_text(edited, encoding="utf-8")
    finally:
        os.close(lock)
    code, out, err = run.wait(timeout=60), *run.communicate()
    assert (code, out) == (CHANGED, "")
    assert err == (
        f"handbook: error: {SOP} changed while the review was being prepared (another review or an edit); "
        "nothing was recorded: run `handbook review CS-001` again\n"
    )
    assert path.read_text(encoding="utf-8") == edited
