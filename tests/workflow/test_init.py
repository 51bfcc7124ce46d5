"""`handbook init`: an organisation's own handbook, outside this repository, valid from the first second."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest
from init_support import ACME, ROOT, fill_in, leftovers, northwind_words, run

from handbook.mkdocs import HOOKS, THIN_MACROS, thin_hook


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    assert ROOT not in tmp_path.parents, "the adopter's folder must not be inside this repository"
    return tmp_path


@pytest.mark.site
def test_acme_from_init_to_a_green_site_with_no_northwind_left(outside: Path):
    made = run(["handbook", "init", "acme", *ACME], outside)
    assert made.code == 0, made.err
    files = 15 + len(HOOKS)  # the adopter's files and one thin file per hook
    assert made.out.startswith(f"Wrote the handbook of Acme Telecom in acme: {files} files, 2 department(s), languages en, pl.\n")
    acme = outside / "acme"
    for department, title in (("CA", "Answering a call"), ("Billing", "Refunding a duplicate payment")):
        new = run(["handbook", "new", "--department", department, "--title", title], acme)
        assert new.code == 0, new.err
    translation = run(["handbook", "new", "--translation-of", "CA-001", "--language", "pl", "--title", "Odbieranie połączenia"], acme)
    assert translation.code == 0, translation.err
    for sop in ("customer-care/ca-001.md", "billing/bl-001.md", "customer-care/ca-001.pl.md"):
        fill_in(acme / "docs" / sop)

    check = run(["handbook", "check"], acme)
    assert (check.code, check.out.splitlines()[-1]) == (0, "passed: 3 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-12-02)"), check.out
    owners = run(["handbook", "codeowners", "--check"], acme)
    assert (owners.code, owners.out) == (0, ".github/CODEOWNERS is up to date.\n")
    build = run(["mkdocs", "build", "--strict", "-d", str(outside / "site")], acme)
    assert build.code == 0, build.err

    site = outside / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Acme Telecom — SOP handbook" in home and "Customer Care" in home and "Billing" in home
    assert "Obsługa klienta" in (site / "pl" / "index.html").read_text(encoding="utf-8")
    assert "Odbieranie połączenia" in (site / "pl" / "customer-care" / "ca-001" / "index.html").read_text(encoding="utf-8")
    assert (site / "assets" / "handbook.css").is_file()  # the tool's stylesheet, from the package
    words = northwind_words()
    assert "Omar Haddad" in words and "Contact Centre" in words and "BR-0" in words  # the list really names Northwind
    assert leftovers(site, words) == []
    assert leftovers(acme, words) == []


@pytest.mark.site
def test_a_handbook_with_no_sop_yet_reads_right_and_counts_its_sops_in_words(outside: Path):
    """Day one of an adopter: no SOP yet, every page whole in both languages; then one SOP is "1 SOP", not "1 SOPs"."""
    from bs4 import BeautifulSoup

    from handbook.site.labels import label
    from tests.reader_view import site_problems

    acme = _acme(outside)
    site = outside / "site"

    def cards() -> list[str]:
        build = run(["mkdocs", "build", "--strict", "-d", str(site)], acme)
        assert build.code == 0, build.err
        assert site_problems(site, acme / "docs", ["en", "pl"], {lang: label(lang, "nav.home") for lang in ("en", "pl")}) == []
        home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
        return [" ".join(card.get_text(" ", strip=True).split()) for card in home.select(".hb-departments li")]

    assert cards() == ["Customer Care 0 SOPs · Lead: Jane Doe", "Billing 0 SOPs · Lead: Piotr Nowak"]
    assert run(["handbook", "new", "--department", "CA", "--title", "Answering a call"], acme).code == 0
    fill_in(acme / "docs" / "customer-care" / "ca-001.md")
    assert cards() == ["Customer Care 1 SOP · Lead: Jane Doe", "Billing 0 SOPs · Lead: Piotr Nowak"]


def test_init_never_overwrites_and_says_which_files_are_in_the_way(outside: Path):
    (outside / "mkdocs.yml").write_text("site_name: ours\n", encoding="utf-8")
    (outside / "README.md").write_text("ours\n", encoding="utf-8")
    result = run(["handbook", "init", ".", *ACME], outside)
    assert result.code == 2
    assert result.err == (
        "handbook: error: . already holds mkdocs.yml, README.md; handbook init never overwrites a file: "
        "run it in an empty folder, or move these away first; in a clone of the tool's repository, `handbook init . --replace-example` moves the example aside\n"
    )
    assert sorted(p.name for p in outside.iterdir()) == ["README.md", "mkdocs.yml"]
    assert (outside / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: ours\n"


def test_without_a_terminal_every_missing_and_wrong_flag_is_reported_at_once(outside: Path):
    result = run(["handbook", "init", "new", "--languages", "en,xx", "--department", "Billing:bad prefix:Jo"], outside)
    assert result.code == 2
    assert result.err.splitlines() == [
        "handbook: error: --languages: xx: no interface words for this language yet; choose from en, pl, hu, lv, ar",
        "--department: 'Billing:bad prefix:Jo': the id prefix 'bad prefix' must be 1-6 capital letters or digits starting with a letter, e.g. BR",
        '--name is needed when handbook init does not run in a terminal, e.g. handbook init acme-handbook --name "Acme Telecom" '
        '--languages en,pl --department "Customer Care:CC:Jane Doe" --person "Jane Doe=@jane-doe"',
    ]
    assert not (outside / "new").exists()
    leads = run(["handbook", "init", "new", "--name", "Acme", "--department", "Billing:BL:Jo Bloggs"], outside)
    assert leads.code == 2
    assert leads.err == 'handbook: error: --person: Jo Bloggs leads a department and needs a GitHub user for CODEOWNERS, e.g. --person "Jo Bloggs=@user"\n'


def test_in_a_terminal_a_wrong_answer_is_asked_again(outside: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    from handbook import cli

    answers = iter([
        "", "Acme Telecom",  # a name is needed
        "handbook.example.com", "https://handbook.example.com",  # a web address starts with https://
        "en,de", "en,pl",  # no interface words in de
        "Customer Care", "C C", "CA", "Jane Doe", "Obsługa klienta",
        "Billing", "CA", "BL", "Piotr Nowak", "",  # CA is taken; the Polish name defaults to the English one
        "",  # no third department
        "@jane-doe", "not a handle!", "pnowak",
    ])  # fmt: skip
    prompts: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt="": prompts.append(prompt) or next(answers))
    monkeypatch.chdir(outside)
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-02")
    assert cli.main(["init", "acme"]) == 0
    err = capsys.readouterr().err
    assert err.count("try again") == 6, err
    config = (outside / "acme" / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: "https://handbook.example.com/"' in config
    assert "        - locale: en\n          default: true\n" in config and "        - locale: pl\n" in config
    assert "\n    languages: [" not in config  # one list of languages: the i18n plugin's
    assert 'names: {pl: "Obsługa klienta"}' in config and 'names: {pl: "Billing"}  # translate the names' in config
    assert '"Piotr Nowak": "@pnowak"' in config
    assert len(prompts) == len([p for p in prompts if p.endswith(": ")]) == 20


def test_the_repository_hooks_are_the_thin_files_init_writes():
    """The example handbook uses the same thin hooks and macros module as every adopter: the logic is in the package."""
    listed = [line.split("#")[0].strip()[2:] for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.strip().startswith("- hooks/")]
    assert listed == [f"hooks/{name}.py" for name, _ in HOOKS]
    for name, _ in HOOKS:
        assert (ROOT / "hooks" / f"{name}.py").read_text(encoding="utf-8") == thin_hook(name)
    assert (ROOT / "macros" / "__init__.py").read_text(encoding="utf-8") == THIN_MACROS
    assert sorted(p.name for p in (ROOT / "hooks").glob("*.py")) == sorted(f"{name}.py" for name, _ in HOOKS)


def test_the_core_imports_no_mkdocs():
    """Only the adapters may import MkDocs (handbook/mkdocs/, and the preview behind `handbook serve`): the check and the other commands run without it."""
    offenders = []
    for path in (ROOT / "handbook").rglob("*.py"):
        inside = path.relative_to(ROOT / "handbook")
        if inside.parts[0] in ("mkdocs", "preview") or inside.as_posix() == "commands/serve.py":
            continue
        text = path.read_text(encoding="utf-8")
        if any(line.lstrip().startswith(("import mkdocs", "from mkdocs")) for line in text.splitlines()):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _acme(outside: Path) -> Path:
    made = run(["handbook", "init", "acme", *ACME], outside)
    assert made.code == 0, made.err
    return outside / "acme"


def _set(config: Path, old: str, new: str) -> None:
    text = config.read_text(encoding="utf-8")
    assert old in text, f"{config.name} changed: update this test"
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.site
def test_authored_pages_win_over_generated_ones_under_strict(outside: Path):
    acme = _acme(outside)
    (acme / "docs" / "index.md").write_text("# Welcome to Acme\n\nOur own home page.\n", encoding="utf-8")
    (acme / "docs" / "billing" / "index.md").write_text("# Billing at Acme\n\nWritten by the billing team.\n", encoding="utf-8")
    (acme / "docs" / "assets").mkdir()
    (acme / "docs" / "assets" / "handbook.css").write_text(".md-header { background: #c00; }\n", encoding="utf-8")  # their own stylesheet
    build = run(["mkdocs", "build", "--strict", "-d", str(outside / "site")], acme)
    assert build.code == 0, build.err
    site = outside / "site"
    for lang in ("", "pl/"):  # the Polish site shows the authored pages too (no index.pl.md was written)
        assert "Our own home page." in (site / lang / "index.html").read_text(encoding="utf-8")
        billing = (site / lang / "billing" / "index.html").read_text(encoding="utf-8")
        assert "Written by the billing team." in billing and "<th>Next review" not in billing  # not the generated SOP table
    assert "<th>Next review" in (site / "customer-care" / "index.html").read_text(encoding="utf-8")  # still generated
    assert (site / "assets" / "handbook.css").read_text(encoding="utf-8") == ".md-header { background: #c00; }\n"
    assert (site / "assets" / "vendor" / "mermaid.min.js").is_file()  # the tool's other assets still come from the package


@pytest.mark.site
def test_the_home_pages_title_and_introduction_are_settings(outside: Path):
    acme = _acme(outside)
    _set(
        acme / "mkdocs.yml",
        "    search: auto\n",
        '    title: {en: "Acme <Care> handbook", pl: "Podręcznik Acme"}\n    introduction: "Everything *we* do, by team."\n    search: auto\n',
    )
    build = run(["mkdocs", "build", "--strict", "-d", str(outside / "site")], acme)
    assert build.code == 0, build.err
    english = (outside / "site" / "index.html").read_text(encoding="utf-8")
    assert '>Acme &lt;Care&gt; handbook<a class="headerlink"' in english
    assert "Everything &#42;we&#42; do, by team.</p>" in english  # text, not Markdown (no <em>)
    polish = (outside / "site" / "pl" / "index.html").read_text(encoding="utf-8")
    assert "Podręcznik Acme" in polish and "Everything &#42;we&#42; do, by team." in polish  # no Polish introduction: the source's
    _set(acme / "mkdocs.yml", '    introduction: "Everything *we* do, by team."\n', "    introduction: 5\n")
    check = run(["handbook", "check"], acme)
    assert (check.code, check.err) == (
        2,
        "handbook: error: mkdocs.yml: extra.handbook.introduction: a text, or a text per language, e.g. {en: Our handbook, pl: Nasz podręcznik}\n",
    )


def _config(path: Path) -> dict:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def test_a_new_handbook_is_configured_like_the_example(outside: Path):
    """What makes the site work (extensions, validation, theme features, plugins, hooks) is the same in init's mkdocs.yml
    as in the example's: a setting added to one and not the other fails here."""
    acme, example = _config(_acme(outside) / "mkdocs.yml"), _config(ROOT / "mkdocs.yml")
    for key in ("markdown_extensions", "validation", "extra_css", "hooks"):
        assert acme[key] == example[key], key
    assert acme["theme"]["features"] == example["theme"]["features"]
    assert acme["theme"]["font"] is example["theme"]["font"] is False

    def plugins(config: dict) -> list:
        return [p if isinstance(p, str) else {k: {o: v for o, v in opts.items() if o != "languages"} for k, opts in p.items()} for p in config["plugins"]]

    assert plugins(acme) == plugins(example)
    assert set(acme["extra"]["handbook"]) - set(example["extra"]["handbook"]) == set()
