"""PATH arguments: check single files or folders, with the whole handbook still known."""

from __future__ import annotations

import json

from check_support import TempHandbook, findings_in

CS1 = "docs/cs/cs-001.md"
CS2 = "docs/cs/cs-002.md"
BR1 = "docs/billing/br-001.md"


def _three_sops(hb: TempHandbook) -> None:
    hb.write_sop(CS1, related="[CS-002, BR-001]", sections={"Scope": 'Callbacks follow {{ sop("BR-001") }}.'})
    hb.write_sop(CS2, status="published")  # FM006 on line 6
    hb.write_sop(BR1, sections={"Purpose": ""})  # SEC002 on line 12


def test_whole_handbook_by_default(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    code, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{BR1}:12: SEC002", f"{CS2}:6: FM006"]
    assert "3 SOP file(s) checked" in out
    assert code == 1


def test_one_file_reports_only_its_problems_but_knows_every_id(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    result = handbook_dir.run_check(CS1)
    assert (result.code, result.err) == (0, "")
    assert result.out == "passed: 1 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n"


def test_one_broken_file(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    code, out, _ = handbook_dir.check(CS2)
    assert findings_in(out) == [f"{CS2}:6: FM006"]
    assert out.splitlines()[-1].startswith("FAILED: 1 SOP file(s) checked, 1 error(s)")
    assert code == 1


def test_duplicate_id_in_a_file_not_checked_is_still_named(handbook_dir: TempHandbook):
    handbook_dir.write_sop(CS1)
    handbook_dir.write_sop(CS2, id="CS-001")
    code, out, _ = handbook_dir.check(CS2)
    assert findings_in(out) == [f"{CS2}:2: ID003"]
    assert f"id CS-001 is also used by {CS1}" in out
    assert code == 1


def test_folder_checks_the_files_under_it(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    code, out, _ = handbook_dir.check("docs/cs")
    assert findings_in(out) == [f"{CS2}:6: FM006"]
    assert "2 SOP file(s) checked" in out
    assert code == 1


def test_folder_with_a_trailing_slash(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    code, out, _ = handbook_dir.check("docs/billing/")
    assert findings_in(out) == [f"{BR1}:12: SEC002"]
    assert "1 SOP file(s) checked" in out


def test_folder_whose_name_prefixes_another_is_not_mixed_up(handbook_dir: TempHandbook):
    handbook_dir.write_sop(CS1)
    handbook_dir.write_sop("docs/cs-archive/cs-009.md", status="published")
    code, out, _ = handbook_dir.check("docs/cs")
    assert (code, findings_in(out)) == (0, [])
    assert "1 SOP file(s) checked" in out


def test_docs_folder_checks_everything(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    _, out, _ = handbook_dir.check("docs")
    assert findings_in(out) == [f"{BR1}:12: SEC002", f"{CS2}:6: FM006"]
    assert "3 SOP file(s) checked" in out


def test_several_paths(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    _, out, _ = handbook_dir.check(CS1, "docs/billing")
    assert findings_in(out) == [f"{BR1}:12: SEC002"]
    assert "2 SOP file(s) checked" in out


def test_the_same_file_twice_counts_once(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    _, out, _ = handbook_dir.check(CS2, "docs/cs/../cs/cs-002.md")
    assert findings_in(out) == [f"{CS2}:6: FM006"]
    assert "1 SOP file(s) checked" in out


def test_paths_with_the_json_format(handbook_dir: TempHandbook):
    _three_sops(handbook_dir)
    _, out, _ = handbook_dir.check("--format", "json", BR1)
    report = json.loads(out)
    assert (report["files_checked"], report["errors"], [p["file"] for p in report["problems"]]) == (1, 1, [BR1])


def test_index_pages_and_top_level_pages_are_not_sops(handbook_dir: TempHandbook):
    handbook_dir.write("docs/cs/index.md", "# Customer service\n")
    handbook_dir.write("docs/about.md", "# About\n")
    handbook_dir.write_sop(CS1)
    code, out, _ = handbook_dir.check()
    assert (code, out.splitlines()[-1]) == (0, "passed: 1 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)")
