"""The check's fast paths give the same findings as the plain ones."""

from __future__ import annotations

import copy
import random
from datetime import date

import pytest

from benchmarks.corpus import TODAY, generate
from perf_support import ROOT

from handbook import handbook as hb
from handbook.fastschema import compile_schema
from handbook.glossary import load_glossary
from handbook.policy import load_policy
from handbook.sop import _validator
from handbook.source import split
from handbook.yamlio import load_front_matter


def test_shown_paths_resolve_folders_once_with_the_same_answer(tmp_path):
    project = tmp_path / "hb"
    generate(project, 30)
    outside = tmp_path / "elsewhere.md"
    outside.write_text((project / "docs" / "billing" / "br-001.md").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs" / "billing" / "br-009.md").symlink_to(outside)  # leads outside: shown in full
    policy = load_policy(project / "mkdocs.yml")
    rels = hb.find_sop_files(policy)
    for root in (project, tmp_path, project / "docs", tmp_path / "other"):
        assert hb._shown_paths(rels, policy.docs_dir, root) == [hb._shown(policy.docs_dir / rel, root) for rel in rels]
    loaded = hb.load(policy, load_glossary(policy.glossary_path), date.fromisoformat(TODAY), shown_root=project)
    # A link leading outside the repository is not read (issue 16): F004, and only the files inside are loaded.
    assert "billing/br-009.md" not in loaded.files and loaded.files["billing/br-001.md"] == "docs/billing/br-001.md"
    assert [str(f) for f in loaded.findings if f.code == "F004"] == [
        "docs/billing/br-009.md:0: F004 is a link to a file or folder outside the repository: it is not read and not published"
    ]


@pytest.fixture(scope="module")
def example_metas(tmp_path_factory):
    """The front matter of every SOP of the fixture handbook (tests/fixture_handbook.py) and of docs/, whatever it holds."""
    from tests.fixture_handbook import make_handbook

    fixture = make_handbook(tmp_path_factory.mktemp("metas") / "handbook")
    return _metas(fixture.docs) + _metas(ROOT / "docs")


def _metas(docs):
    metas = []
    for path in sorted(docs.rglob("*.md")):
        if "assets" in path.parts:
            continue
        source = split(str(path), path.read_text(encoding="utf-8"))
        metas.append((load_front_matter(source.front_matter, 2).data, path.name.count(".") == 2))
    return metas


def test_fast_schema_accepts_every_example_sop(example_metas):
    metas = example_metas
    assert metas and all(compile_schema(_validator(tr).schema)(meta) for meta, tr in metas)


def test_fast_schema_never_accepts_what_jsonschema_rejects(example_metas):
    rng = random.Random(6)
    metas = example_metas
    values = [None, True, 1, 2.0, 0, 61, "", "x", "2026-02-30", "26-1-1", "1.0", 1.0, [], ["a"], ["a", "a"], [1], {}, {"a": 1},
              "CC-01", ["CC-001", "CC-001"], "draft", "bogus", [{"date": "2026-01-01", "by": "x"}], [{"date": "2026-01-01", "by": "", "version": "1.0"}]]
    keys = ["id", "title", "department", "owner", "status", "version", "last_reviewed", "effective", "review_interval_months",
            "next_review", "approved_by", "format", "channels", "lang", "translation_of_version", "tags", "related", "review_log", "other"]
    for _ in range(4000):
        meta, translation = rng.choice(metas)
        meta = copy.deepcopy(meta)
        for _ in range(rng.randint(1, 2)):
            key = rng.choice(keys)
            if rng.random() < 0.3:
                meta.pop(key, None)
            else:
                meta[key] = copy.deepcopy(rng.choice(values))
        if compile_schema(_validator(translation).schema)(meta):
            assert not list(_validator(translation).iter_errors(meta)), meta


def test_unknown_schema_keyword_falls_back_to_jsonschema():
    assert not compile_schema({"type": "string", "format": "email"})("x")
    assert compile_schema({"type": "string", "pattern": "^a"})("abc")
