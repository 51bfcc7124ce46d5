"""Large-handbook features of the site: the navigation threshold and Pagefind search per language."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from perf_support import BUNDLE_PAGES, NAV_MAX, ROOT

from tests.sitebuild import mkdocs_build

pytestmark = pytest.mark.site


def _nav_links(build, page: str) -> set[str]:
    nav = build.soup(page).select_one("nav.md-nav--primary")
    return {a.get("href") for a in nav.select("a.md-nav__link")}


def test_large_department_lists_only_its_index_in_the_nav(big_site):
    project, build = big_site
    # the contact centre got 6 SOPs (more than NAV_MAX): its pages do not list their siblings
    centre = sorted(p.stem for p in (project / "docs" / "contact-centre").glob("*.md") if p.name.count(".") == 1)
    assert len(centre) > NAV_MAX
    links = _nav_links(build, f"contact-centre/{centre[0]}/")
    assert not any(f"{other}/" in (href or "") for href in links for other in centre[1:])
    index = build.html("contact-centre/")
    assert all(f"{sop}/" in index for sop in centre)  # the index page carries the list


def test_small_department_still_lists_its_sops(big_site):
    project, build = big_site
    quality = sorted(p.stem for p in (project / "docs" / "quality").glob("*.md") if p.name.count(".") == 1)
    assert len(quality) <= NAV_MAX
    links = _nav_links(build, f"quality/{quality[0]}/")
    assert all(any(f"{sop}/" in (href or "") for href in links) for sop in quality[1:])


def test_pagefind_index_per_language(big_site):
    project, build = big_site
    counts = {}
    for lang in ("en", "pl", "hu", "lv", "ar"):
        entry = json.loads((build.site / "pagefind" / lang / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(entry["languages"]) == {lang}  # a bundle per language: a reader loads only theirs
        counts[lang] = entry["languages"][lang]["page_count"]
    for lang in ("pl", "hu", "lv", "ar"):
        translated = len(list((project / "docs").rglob(f"*.{lang}.md")))
        assert translated <= counts[lang] <= counts["en"]  # its translations and the English fallbacks (found in English); no generated pages


def _bundle_pages(bundle: Path, lang: str) -> int:
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"][lang]["page_count"]


def test_a_large_language_is_indexed_in_bundles_of_whole_departments(big_site, bundled_site):
    """Pagefind's memory follows the pages of one run: a language past the bundle size is split, and nothing is lost."""
    _, whole = big_site
    _, build = bundled_site
    for lang in ("en", "pl", "hu", "lv", "ar"):
        listed = json.loads((build.site / "pagefind" / lang / "handbook-bundles.json").read_text(encoding="utf-8"))["merge"]
        bundles = [build.site / "pagefind" / lang] + [(build.site / "pagefind" / lang / m).resolve() for m in listed]
        assert len(bundles) >= 3 and listed == [f"../{lang}.{n}/" for n in range(2, len(bundles) + 1)]
        pages = [_bundle_pages(b, lang) for b in bundles]
        assert sum(pages) == _bundle_pages(whole.site / "pagefind" / lang, lang)  # every indexed page, in exactly one bundle
        assert max(pages) <= BUNDLE_PAGES + 6  # whole departments (6 SOPs at most) where the size falls inside one
        fragments = [{f.name for f in (b / "fragment").iterdir()} for b in bundles]
        assert not set.intersection(*fragments[:2])
    assert json.loads((whole.site / "pagefind" / "en" / "handbook-bundles.json").read_text(encoding="utf-8")) == {"merge": []}
    assert "data-pagefind-body" not in (build.site / "index.html").read_text(encoding="utf-8")
    assert not any(b'"url":"/"' in gzip.decompress(f.read_bytes()) for f in (build.site / "pagefind" / "en" / "fragment").iterdir())  # nor in search


def test_bundles_group_consecutive_folders_up_to_the_size(monkeypatch):
    from handbook.site import pagefind

    folders = [("*.html", 3), ("a/**/*.html", 4), ("b/**/*.html", 9), ("c/**/*.html", 2), ("d/**/*.html", 2)]  # pages marked for search
    assert pagefind._bundles(folders, 8) == [["*.html", "a/**/*.html"], ["b/**/*.html"], ["c/**/*.html", "d/**/*.html"]]
    assert pagefind._bundles(folders, 100) == [[p for p, _ in folders]]
    assert pagefind._bundles([], 8) == [["*.html"]]
    monkeypatch.setenv("HANDBOOK_PAGEFIND_BUNDLE_PAGES", "0")
    with pytest.raises(pagefind.PagefindError, match=r"HANDBOOK_PAGEFIND_BUNDLE_PAGES is '0': give a whole number of pages, at least 1 \(default 1500\)"):
        pagefind.bundle_size()
    monkeypatch.setenv("HANDBOOK_PAGEFIND_BUNDLE_PAGES", "200")
    assert pagefind.bundle_size() == 200


def test_pages_use_the_pagefind_worker_in_their_language(big_site):
    project, build = big_site
    assert (build.site / "assets" / "javascripts" / "pagefind-worker.js").is_file()
    polish = next((project / "docs").rglob("*.pl.md"))
    dept, stem = polish.parent.name, polish.name.split(".")[0]
    html = build.html(f"pl/{dept}/{stem}/")
    assert "assets/javascripts/pagefind-worker.js?lang=pl" in html and "data-pagefind-body" in html
    untranslated = next(p for p in (project / "docs" / "billing").glob("*.md") if p.name.count(".") == 1 and not p.with_suffix(".pl.md").exists())
    fallback = build.html(f"pl/billing/{untranslated.stem}/")  # the English page shown under /pl/: found, in English, by a Polish reader
    assert "data-pagefind-body" in fallback and 'lang="en"' in fallback
    stub = json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == []  # Material's index no longer carries the handbook


def _search_hook():
    spec = importlib.util.find_spec("handbook.mkdocs.pagefind_search")  # a fresh copy: no state from another test
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("files", "requested", "expected"), [(35, "auto", "material"), (5000, "auto", "pagefind"), (35, "pagefind", "pagefind"), (5000, "material", "material")])
def test_auto_keeps_material_for_small_handbooks(monkeypatch, files, requested, expected):
    hook = _search_hook()
    fake = SimpleNamespace(by_path={f"d/{i}.md": None for i in range(files)})
    monkeypatch.setattr(hook.build, "current", lambda: fake)
    assert hook._decide(requested) == expected


def test_a_small_handbook_keeps_material_search(fixture_site):
    assert not (fixture_site.site / "pagefind").exists()
    assert "handbook-search.js?lang=en&worker=" in fixture_site.html("support/su-001/")  # Material's worker, wrapped (search_quality.py)


def test_pagefind_skips_a_language_the_site_does_not_build(fixture_copy, tmp_path):
    config = fixture_copy.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    arabic = "        - locale: ar\n          name: العربية\n          build: true\n"
    assert arabic in text and "    glossary: glossary.yml\n" in text, "the fixture's mkdocs.yml changed: update this test"
    text = text.replace(arabic, arabic.replace("build: true", "build: false")).replace("    glossary: glossary.yml\n", "    glossary: glossary.yml\n    search: pagefind\n")
    config.write_text(text, encoding="utf-8")
    build = mkdocs_build(fixture_copy.root, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert sorted(p.name for p in (build.site / "pagefind").iterdir()) == ["en", "pl"]
    assert "Pagefind indexed en, pl in" in build.log


def test_unknown_search_mode_is_a_clear_error(tmp_path):
    from handbook.policy import ConfigError, policy_from_mapping

    raw = {"departments": {"cs": {"name": "CS", "prefix": "CS", "lead": "A"}}, "search": "lunr"}
    with pytest.raises(ConfigError, match="extra.handbook.search: 'lunr' is not one of material, pagefind, auto"):
        policy_from_mapping(raw, tmp_path, tmp_path / "docs")


def test_macro_fast_path_renders_what_jinja_renders(big_site, tmp_path):
    """The same handbook built without hooks/macros_fastpath.py gives byte-identical pages."""
    from benchmarks.corpus import TODAY

    from tests.sitebuild import mkdocs_build

    project, build = big_site
    slow = tmp_path / "slow"
    shutil.copytree(project, slow)
    config = slow / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "hooks/macros_fastpath.py" in text
    config.write_text("\n".join(line for line in text.splitlines() if "macros_fastpath" not in line) + "\n", encoding="utf-8")
    other = mkdocs_build(slow, tmp_path / "site", today=TODAY)
    assert other.returncode == 0, other.log
    pages = sorted(p.relative_to(build.site) for p in build.site.rglob("*.html"))
    assert pages == sorted(p.relative_to(other.site) for p in other.site.rglob("*.html"))
    different = [str(p) for p in pages if (build.site / p).read_bytes() != (other.site / p).read_bytes()]
    assert not different, different[:5]


def test_pagefind_results_show_the_sops_own_words_not_its_card(big_site):
    _, build = big_site
    fragments = sorted((build.site / "pagefind" / "en" / "fragment").glob("en_*.pf_fragment"))
    assert fragments
    sop_texts = []
    for path in fragments:
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        if "/cc-" in fragment["url"] or "/br-" in fragment["url"]:
            sop_texts.append(fragment["content"])
    assert sop_texts
    for text in sop_texts:
        assert "Last reviewed" not in text and "Next review" not in text, text[:300]
        assert "Purpose" in text


def test_a_site_that_marks_no_page_is_bundled_by_all_its_pages(tmp_path):
    """Plain Material (benchmarks/plain.py) marks nothing: Pagefind then indexes every page, and bundles count them all."""
    from handbook.site import pagefind

    for folder, count in (("a", 3), ("b", 0), ("c", 2)):
        (tmp_path / folder).mkdir()
        for i in range(count):
            (tmp_path / folder / f"{i}.html").write_text("<html><body><p>words</p></body></html>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    folders = pagefind._folders(tmp_path, "en", set())
    assert folders == [("*.html", 1), ("a/**/*.html", 3), ("c/**/*.html", 2)]
    assert pagefind._bundles(folders, 4) == [["*.html", "a/**/*.html"], ["c/**/*.html"]]
    (tmp_path / "c" / "0.html").write_text('<html><body><article data-pagefind-body><p>words</p></article></body></html>', encoding="utf-8")
    assert pagefind._folders(tmp_path, "en", set()) == [("c/**/*.html", 1)]  # once one page is marked, only marked pages count
