"""The files adopters and authors rely on: CI workflows, the pre-commit hook, the PR template, CONTRIBUTING.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from workflow_support import ROOT, WorkflowHandbook, run_handbook

from handbook.findings import RULES
from tests.sitebuild import docs_today

WORKFLOWS = ROOT / ".github" / "workflows"
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(data: dict, job: str) -> tuple[list[str], list[str]]:
    steps = data["jobs"][job]["steps"]
    return [s.get("run", "") for s in steps], [s.get("uses", "") for s in steps]


def test_pull_request_workflow():
    data = _workflow("pull-request.yml")
    assert "pull_request" in data["on"]
    runs, _ = _steps(data, "check")
    assert runs[-3:] == ["handbook check --format github", "handbook codeowners --check", "mkdocs build --strict"]
    assert "pip install -e ." in runs


def test_publish_workflow():
    data = _workflow("publish.yml")
    assert data["on"]["push"] == {"branches": ["main"]}
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    runs, uses = _steps(data, "build")
    assert "mkdocs build" in runs
    assert "actions/upload-pages-artifact@v3" in uses
    assert data["jobs"]["deploy"]["needs"] == "build"
    assert _steps(data, "deploy")[1] == ["actions/deploy-pages@v4"]


def test_weekly_report_workflow():
    data = _workflow("weekly-reviews.yml")
    assert [s["cron"] for s in data["on"]["schedule"]] == ["0 6 * * 1"]
    runs, _ = _steps(data, "report")
    # pipefail: the report's exit code 1 (something overdue) fails the run despite the tee.
    assert runs[-1] == 'set -o pipefail\nhandbook report --format md | tee -a "$GITHUB_STEP_SUMMARY"\n'


def test_pre_commit_hook_checks_changed_sops_only():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    check = hooks["handbook-check"]
    assert check["entry"] == "handbook check" and check["language"] == "system"

    def selected(path: str) -> bool:
        return bool(re.search(check["files"], path)) and not re.search(check["exclude"], path)

    assert [p for p in ("docs/billing/br-001.md", "docs/billing/br-001.pl.md") if selected(p)] == ["docs/billing/br-001.md", "docs/billing/br-001.pl.md"]
    assert not any(selected(p) for p in ("docs/index.md", "docs/billing/index.md", "docs/billing/index.pl.md", "mkdocs.yml", "README.md"))
    # What pre-commit would pass for the SOPs in docs/ (the example's or an adopter's, maybe none) is accepted by the command.
    sops = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("docs/*/*-[0-9][0-9][0-9].md"))
    assert all(selected(p) for p in sops)
    result = run_handbook(*check["entry"].split()[1:], *sops, cwd=ROOT, today=docs_today())
    assert result.code == 0, result.out
    assert hooks["handbook-codeowners"]["entry"] == "handbook codeowners --check"
    assert hooks["handbook-codeowners"]["pass_filenames"] is False


def test_pull_request_template_has_the_authors_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(items) >= 6
    for command in ("handbook check", "mkdocs serve", "handbook review ID", "handbook codeowners"):
        assert any(command in item for item in items), command


def test_contributing_explains_every_rule_code():
    rows = set(re.findall(r"^\| ([A-Z]+\d{3}) \|", CONTRIBUTING, re.M))
    assert rows == set(RULES)


@pytest.mark.parametrize("command", ["handbook new", "mkdocs serve", "handbook check", "handbook review", "handbook report", "handbook codeowners", "git push"])
def test_contributing_walks_through_the_commands(command: str):
    assert command in CONTRIBUTING


def test_contributing_names_the_macros_and_the_anchor_pitfall():
    for text in ('{{ term("AHT") }}', '{{ sop("CE-002") }}', "{{ definitions() }}", "{#"):
        assert text in CONTRIBUTING


@pytest.mark.parametrize("fmt", ["simple", "hierarchical", "flowchart"])
def test_contributing_format_examples_pass_the_check(hb: WorkflowHandbook, fmt: str):
    """Each format's example in CONTRIBUTING.md, as an SOP's Procedure, passes the check."""
    section = CONTRIBUTING.split(f"**{fmt}**", 1)[1]
    fence = re.search(r"^(`{3,4})markdown\n## Procedure\n\n(.*?)^\1$", section, re.M | re.S)
    assert fence is not None
    hb.write_sop("docs/customer-service/cs-001.md", format=fmt, sections={"Procedure": fence.group(2)})
    result = hb.run_check()
    assert result.code == 0, result.out


def test_readme_points_authors_to_contributing():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[CONTRIBUTING.md](CONTRIBUTING.md)" in readme
    assert "| TODO001 |" in readme
    assert Path(ROOT / "CONTRIBUTING.md").is_file()
