"""handbook.changes: what changed and when, from the front matter alone (no build)."""

from __future__ import annotations

from datetime import date

import pytest

from handbook.changes import entry_id, for_language, handbook_changes, in_department
from handbook.handbook import open_handbook
from tests.news.fixture import EXPECTED_EN, EXPECTED_IDS_EN, SITE_URL, write_handbook


@pytest.fixture
def project(tmp_path):
    return write_handbook(tmp_path / "handbook")


def _changes(project, today: date, clean: bool = True):
    handbook = open_handbook(project / "mkdocs.yml", today)
    assert not clean or not [f for f in handbook.findings if f.is_error]
    return handbook_changes(handbook)


def test_changes_newest_first_with_their_ids(project):
    english = for_language(_changes(project, date(2026, 11, 23)), "en", "en")
    assert [(c.day.isoformat(), c.sop_id, c.note) for c in english] == [(d, s, n) for d, s, _, n in EXPECTED_EN]
    assert [entry_id(c, SITE_URL) for c in english] == EXPECTED_IDS_EN
    assert [c.sop_id for c in in_department(english, "billing")] == ["BR-001", "BR-001"]


def test_a_fixed_today_decides_what_is_listed(project):
    assert [c.key for c in _changes(project, date(2026, 6, 7), clean=False)]  # FM009: later reviews[:2] == ["CS-003/1.0", "CS-001/2.0"]  # 2.1 is in force from 06-08
    later = _changes(project, date(2026, 12, 20))
    assert later[0].key == "BR-002/1.0" and later[0].kind == "new"  # in force from 2026-12-20


def test_a_version_keeps_its_day_when_a_later_review_is_recorded(project):
    path = project / "docs" / "customer-service" / "cs-002.md"
    text = path.read_text(encoding="utf-8").replace(
        "effective: 2026-10-05\n", 'effective: 2026-10-05\nreview_log:\n  - {date: 2026-10-01, by: Ana Example, version: "1.0"}\n'
    )
    path.write_text(text, encoding="utf-8")
    before = {c.key: c.day for c in _changes(project, date(2026, 11, 23))}
    path.write_text(
        text.replace('version: "1.0"\nlast', 'version: "1.1"\nlast').replace(
            '"1.0"}\n', '"1.0"}\n  - {date: 2026-11-20, by: Ana Example, version: "1.1", note: "Chat closes at 20:00"}\n'
        ),
        encoding="utf-8",
    )
    after = {c.key: c.day for c in _changes(project, date(2026, 11, 23))}
    assert before["CS-002/1.0"] == after["CS-002/1.0"] == date(2026, 10, 5)
    assert after["CS-002/1.1"] == date(2026, 11, 20) and set(after) - set(before) == {"CS-002/1.1"}


def test_a_translation_is_news_in_its_own_language_only_while_current(project):
    changes = _changes(project, date(2026, 11, 23))
    assert [c.key for c in for_language(changes, "pl", "en") if c.kind == "translation"] == ["CS-001/2.1/pl"]
    assert not [c for c in for_language(changes, "en", "en") if c.kind == "translation"]
    source = project / "docs" / "customer-service" / "cs-001.md"
    source.write_text(source.read_text(encoding="utf-8").replace('version: "2.1"', 'version: "2.2"'), encoding="utf-8")
    assert not [c for c in _changes(project, date(2026, 11, 23)) if c.kind == "translation"]  # stale: not brought up to date
