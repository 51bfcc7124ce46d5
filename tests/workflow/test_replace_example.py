"""`handbook init . --replace-example`: in a clone of the tool's repository, the example moves aside and the adopter's handbook takes its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from init_support import ACME, ROOT, run

from tests.fixture_handbook import make_handbook


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A stand-in for a clone: a handbook (the fixture's, as the example) beside the repository's own guides and package file."""
    assert ROOT not in tmp_path.parents
    folder = tmp_path / "clone"
    make_handbook(folder)
    (folder / ".github").mkdir()
    (folder / ".github" / "CODEOWNERS").write_text("* @fixture-owners\n", encoding="utf-8")
    for name in ("README.md", "CONTRIBUTING.md", "pyproject.toml"):
        (folder / name).write_text(f"the tool's {name}\n", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def test_the_example_moves_aside_whole_and_the_new_handbook_is_green(clone: Path):
    before = _files(clone)
    made = run(["handbook", "init", ".", *ACME, "--replace-example"], clone)
    assert made.code == 0, made.err
    lines = made.out.splitlines()
    assert lines[0] == (
        "Moved 'Fixture Co Handbook' aside, nothing deleted: mkdocs.yml, glossary.yml, docs/, .github/CODEOWNERS -> examples/fixture/ "
        "(still built with: mkdocs serve -f examples/fixture/mkdocs.yml)"
    )
    assert lines[1].startswith("Kept this repository's own README.md, CONTRIBUTING.md, ") and "hooks/ (" in lines[1]
    # mkdocs.yml, glossary.yml, two department folders, CODEOWNERS, and the CI files this stand-in lacks (3 workflows,
    # the pull-request template, .gitignore, .pre-commit-config.yaml): a missing file of the tool's is written.
    assert lines[2] == "Wrote the handbook of Acme Telecom in .: 11 files, 2 department(s), languages en, pl."
    assert "  1. git add -A && git commit" in made.out  # a clone is a repository already

    after = _files(clone)
    # Nothing lost: every file of the example is in examples/fixture/, byte for byte; the tool's files are untouched.
    moved = ("mkdocs.yml", "glossary.yml", "docs/", ".github/CODEOWNERS")
    for path, text in before.items():
        if path.startswith(moved) or path in moved:
            assert after[f"examples/fixture/{path}"] == text, path
        else:
            assert after[path] == text, path
    assert (clone / ".github" / "workflows" / "pull-request.yml").is_file()
    assert after["examples/fixture/hooks/handbook_site.py"] == after["hooks/handbook_site.py"]  # the example still builds on its own
    assert not (clone / "requirements.txt").exists()  # the tool's repository installs itself
    assert "Acme Telecom" in after["mkdocs.yml"] and "Fixture Co" not in after["mkdocs.yml"]
    assert sorted(p for p in after if p.startswith("docs/")) == ["docs/billing/.gitkeep", "docs/customer-care/.gitkeep"]
    assert after[".github/CODEOWNERS"] != before[".github/CODEOWNERS"] and "@jane-doe" in after[".github/CODEOWNERS"]

    check = run(["handbook", "check"], clone)
    assert check.code == 0, check.out + check.err
    assert check.out.splitlines()[-1] == "passed: 0 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-12-02)"
    owners = run(["handbook", "codeowners", "--check"], clone)
    assert (owners.code, owners.out) == (0, ".github/CODEOWNERS is up to date.\n")


def test_a_second_replace_refuses_to_move_the_adopters_handbook(clone: Path):
    assert run(["handbook", "init", ".", *ACME, "--replace-example"], clone).code == 0
    (clone / "docs" / "billing" / "bl-001.md").write_text("the adopter's work\n", encoding="utf-8")
    again = run(["handbook", "init", ".", *ACME, "--replace-example"], clone)
    assert again.code == 2
    assert again.err == (
        "handbook: error: --replace-example: the example was replaced already (examples/fixture/), so the handbook in . is yours: "
        "handbook init does not move it; to start again, move mkdocs.yml, glossary.yml and docs/ away yourself\n"
    )
    assert (clone / "docs" / "billing" / "bl-001.md").read_text(encoding="utf-8") == "the adopter's work\n"
    assert "Acme Telecom" in (clone / "mkdocs.yml").read_text(encoding="utf-8")


def test_without_the_flag_a_clone_is_told_about_it(clone: Path):
    result = run(["handbook", "init", ".", *ACME], clone)
    assert result.code == 2
    assert result.err.startswith("handbook: error: . already holds mkdocs.yml, glossary.yml, README.md, CONTRIBUTING.md, ")
    assert result.err.endswith("; in a clone of the tool's repository, `handbook init . --replace-example` moves the example aside\n")
    assert not (clone / "examples").exists()


def test_nothing_to_replace_in_a_folder_without_a_handbook(tmp_path: Path):
    result = run(["handbook", "init", ".", *ACME, "--replace-example"], tmp_path)
    assert result.code == 2
    assert result.err == (
        "handbook: error: --replace-example: . holds no mkdocs.yml, so there is no example to replace: "
        "run handbook init without --replace-example\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.site
def test_the_example_moved_aside_still_builds_on_its_own(clone: Path, tmp_path: Path):
    from tests.sitebuild import mkdocs_build

    assert run(["handbook", "init", ".", *ACME, "--replace-example"], clone).code == 0
    build = mkdocs_build(clone / "examples" / "fixture", tmp_path / "site")
    assert build.returncode == 0, build.log
    assert "Fixture Co Handbook" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "site" / "support" / "su-001" / "index.html").is_file()
