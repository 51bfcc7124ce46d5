"""Running the tool on hostile input in a child process with a memory and CPU limit and a timeout.

A regression that makes one line of input cost minutes or gigabytes then fails its test
(killed by the limit, or timed out) instead of hanging CI. `BoundedHandbook` is the check
tests' small handbook (tests/check/check_support.py) whose `check()` and `run()` run the real
command under these limits, and which can be made buildable: the repository's hooks/ and
macros/ (the tool, not the example's content) and a minimal mkdocs.yml around them.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workflow"))

from check_support import ROOT, TODAY, Result  # noqa: E402
from workflow_support import WorkflowHandbook  # noqa: E402

CHECK_MEMORY = 1 << 30  # a check of a small handbook needs a few tens of MB
BUILD_MEMORY = 3 << 30  # a build a few hundred MB; any unbounded expansion far more
CPU_SECONDS = 60
TIMEOUT = 120

BUILD_YML = """\
theme:
  name: material
  font: false
plugins:
  - search
  - macros:
      module_name: macros
      on_undefined: strict
      on_error_fail: false
hooks:
{hooks}
"""
EXTENSIONS = ["handbook.list_nesting", "abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables"]


def limits(memory: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))

    return apply


def bounded(command: list[str], cwd: Path, memory: int = CHECK_MEMORY, env: dict[str, str] | None = None) -> Result:
    environment = {k: v for k, v in os.environ.items() if k != "HANDBOOK_TODAY"}
    environment.update({"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "NO_MKDOCS_2_WARNING": "1"}, **(env or {}))
    proc = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, timeout=TIMEOUT, preexec_fn=limits(memory))
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


class BoundedHandbook(WorkflowHandbook):
    def run(self, *argv: str, today: str | None = TODAY) -> Result:
        return bounded([sys.executable, "-m", "handbook", *argv, *(["--today", today] if today else [])], self.root)

    def check(self, *args: str, today: str | None = TODAY) -> Result:
        return self.run("check", *args, today=today)

    def run_check(self, *args: str, today: str | None = TODAY, env=None, cwd: Path | None = None) -> Result:
        command = [sys.executable, "-m", "handbook", "check", *args, *(["--today", today] if today else [])]
        return bounded(command, cwd or self.root, env=dict(env or {}))

    def make_buildable(self) -> None:
        """The repository's hooks and macros, and the settings a build needs, around this handbook."""
        for name in ("hooks", "macros"):
            shutil.copytree(ROOT / name, self.root / name, ignore=shutil.ignore_patterns("__pycache__"))
        listed = re.search(r"^hooks:\n((?:  - .*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
        hooks = [h for h in listed.group(1).splitlines() if "pagefind" not in h]  # no search index: faster, not under test
        config = self.root / "mkdocs.yml"
        extensions = "".join(f"  - {name}\n" for name in EXTENSIONS)
        text = config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n" + extensions, 1)
        config.write_text(BUILD_YML.format(hooks="\n".join(hooks)) + text, encoding="utf-8")

    def build(self, strict: bool = True) -> Result:
        command = [sys.executable, "-m", "mkdocs", "build", "-d", str(self.site), *(["--strict"] if strict else [])]
        return bounded(command, self.root, BUILD_MEMORY, env={"HANDBOOK_TODAY": TODAY})

    @property
    def site(self) -> Path:
        return self.root.parent / "site"

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def logged(build_output: str, code: str) -> list[str]:
    """`file:line: CODE` of each finding with this code in a build's log (ERROR/WARNING lines)."""
    return [m.group(1) for m in re.finditer(rf"^(?:ERROR|WARNING) +- +(\S+:\d+: {code})\b", build_output, re.M)]
