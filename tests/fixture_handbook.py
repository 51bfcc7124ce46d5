"""A small handbook written by the test, in its own folder: what the tool's tests check and build.

Two departments (Support `SU`, Billing `BI`), three languages by default (en, pl and
Arabic, right to left), an SOP in each format, translations (one current, one stale),
a draft, one SOP due for review soon (SU-002, 2026-12-10), a glossary with
translations (Refund has none in Arabic) and a people registry. None of it is the example
handbook in docs/: the tool's tests pass whatever content an adopter keeps there.

The tool's wiring (theme, hooks, Markdown extensions, link validation) is the mkdocs.yml
`handbook init` writes (tests/handbook_maker.py `tool_config`), and the thin hooks and
macros module are copied as init writes them, so a fixture is built as any handbook is.

    hb = make_handbook(tmp_path / "hb")          # writes it; hb.root holds mkdocs.yml
    hb.edit(hb.SU1, "## Training", "## Coaching")
    build = mkdocs_build(hb.root, tmp_path / "site")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.handbook_maker import copy_tool_wiring, tool_config

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"  # the fixture's review dates are current on this day

HEADINGS = {  # section key -> language -> heading
    "purpose": {"en": "Purpose", "pl": "Cel", "ar": "الغرض", "hu": "Cél", "lv": "Mērķis"},
    "scope": {"en": "Scope", "pl": "Zakres", "ar": "النطاق", "hu": "Hatály", "lv": "Darbības joma"},
    "responsibilities": {"en": "Responsibilities", "pl": "Odpowiedzialność", "ar": "المسؤوليات", "hu": "Felelősség", "lv": "Atbildība"},
    "definitions": {"en": "Definitions", "pl": "Definicje", "ar": "التعريفات", "hu": "Fogalmak", "lv": "Definīcijas"},
    "procedure": {"en": "Procedure", "pl": "Procedura", "ar": "الإجراء", "hu": "Eljárás", "lv": "Procedūra"},
    "performance": {"en": "Performance measures", "pl": "Mierniki wydajności", "ar": "مقاييس الأداء", "hu": "Teljesítménymérések", "lv": "Snieguma rādītāji"},
    "documentation": {"en": "Documentation", "pl": "Dokumentacja", "ar": "التوثيق", "hu": "Dokumentáció", "lv": "Dokumentācija"},
    "training": {"en": "Training", "pl": "Szkolenie", "ar": "التدريب", "hu": "Képzés", "lv": "Apmācība"},
    "review": {"en": "Review and approval", "pl": "Przegląd i zatwierdzenie", "ar": "المراجعة والاعتماد", "hu": "Felülvizsgálat és jóváhagyás", "lv": "Pārskatīšana un apstiprināšana"},
}
LANGUAGE_NAMES = {"en": "English", "pl": "Polski", "ar": "العربية", "hu": "Magyar", "lv": "Latviešu"}
DEPARTMENTS = {  # key -> (prefix, names per language, lead)
    "support": ("SU", {"en": "Support Desk", "pl": "Dział wsparcia", "ar": "مكتب الدعم", "hu": "Ügyfélszolgálat", "lv": "Atbalsta dienests"}, "Ana Lead"),
    "billing": ("BI", {"en": "Billing Office", "pl": "Dział rozliczeń", "ar": "مكتب الفواتير", "hu": "Számlázás", "lv": "Norēķinu nodaļa"}, "Ben Lead"),
}
PEOPLE = {"Ana Lead": "@ana-lead", "Ben Lead": "@ben-lead", "Cara Owner": "@cara-owner"}

GLOSSARY = """\
AHT:
  name: Average handle time
  definition: The mean time spent on one contact, including the notes written after it.
  translations:
    pl: {name: "Średni czas obsługi", definition: "Średni czas jednego kontaktu razem z notatkami po nim."}
    ar: {name: "متوسط وقت المعالجة", definition: "متوسط الوقت الذي يستغرقه تواصل واحد بما في ذلك الملاحظات بعده."}
Refund:
  name: Refund
  definition: Money paid back to a customer who paid more than they owed.
  translations:
    pl: {name: "Zwrot", definition: "Pieniądze oddane klientowi, który zapłacił więcej, niż był winien."}
"""

# Body text per section (English); translations use the same text under their own headings.
TEXT = {
    "purpose": "Every customer who contacts the desk gets the same welcome and leaves knowing what happens next.",
    "scope": 'All contacts that reach an agent, on every channel the SOP lists; a {{ term("Refund") }} request goes to billing.',
    "responsibilities": "Agents follow this SOP; the department lead coaches on it.",
    "definitions": "{{ definitions() }}",
    "performance": 'Keep {{ term("AHT") }} under six minutes.',
    "documentation": "Every contact is logged in the case system; the weekly AHT report is drawn from it.",
    "training": "New agents shadow a senior agent for one week; coaching looks at the AHT of each new agent.",
    "review": "The owner reviews this SOP every year.",
}
TITLES = {  # (id, language) -> a translation's title
    ("SU-001", "pl"): "Obsługa zgłoszenia klienta",
    ("SU-001", "ar"): "الرد على طلب استرداد",  # a word Material's Arabic search is known to find
    ("BI-001", "pl"): "Wypłata zwrotu",
}
TRANSLATED = {  # a translation's own words (the other sections keep the English text, as a translator starts)
    "pl": {"purpose": "Każdy klient, który kontaktuje się z działem, słyszy to samo powitanie i wie, co wydarzy się dalej."},
    "ar": {"purpose": "يحصل كل عميل يتواصل مع المكتب على الترحيب نفسه ويعرف ما سيحدث بعد ذلك."},
}
PROCEDURES = {
    "simple": '1. Greet the customer.\n2. Confirm who they are.\n3. Close the contact and log it; see {{ sop("BI-001") }} for refunds.',
    "hierarchical": "### Stage 1: Listen\n\n1. Let the customer explain.\n2. Repeat the problem back.\n\n"
    "### Stage 2: Resolve\n\n1. Fix the problem or agree the next step.\n2. Confirm the outcome in writing.",
    "flowchart": "```mermaid\nflowchart TD\n  A[Request] --> B{Paid twice?}\n  B -->|yes| C[Refund]\n  B -->|no| D[Explain the bill]\n```\n\n"
    '1. Check the account.\n2. Pay the {{ term("Refund") }} within five days.\n3. Tell the customer, as {{ sop("SU-001") }} says.',
}


@dataclass(frozen=True)
class SopSpec:
    path: str  # docs-relative
    id: str
    title: str
    department: str
    fmt: str
    status: str = "approved"
    version: str = "1.0"
    owner: str = "Cara Owner"
    last_reviewed: str = "2026-06-01"
    translated: tuple[tuple[str, str], ...] = ()  # (language, version it follows)


SOPS = (
    SopSpec("support/su-001.md", "SU-001", "Answering a customer", "support", "simple", version="1.2", translated=(("pl", "1.2"), ("ar", "1.2"))),
    SopSpec("support/su-002.md", "SU-002", "Handling a complaint", "support", "hierarchical", owner="Ana Lead", last_reviewed="2025-12-10"),  # due soon
    SopSpec("billing/bi-001.md", "BI-001", "Paying a refund", "billing", "flowchart", version="2.1", translated=(("pl", "2.0"),)),
    SopSpec("billing/bi-002.md", "BI-002", "Correcting an address", "billing", "simple", status="draft", owner="Ben Lead"),
)


@dataclass
class FixtureHandbook:
    root: Path
    languages: tuple[str, ...]

    SU1 = "docs/support/su-001.md"
    SU2 = "docs/support/su-002.md"
    BI1 = "docs/billing/bi-001.md"
    BI2 = "docs/billing/bi-002.md"
    SOPS = SOPS

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> Path:
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.read(rel)
        assert old in text, f"{rel} does not contain {old!r}"
        self.write(rel, text.replace(old, new, count))

    def line_of(self, rel: str, needle: str) -> int:
        for number, line in enumerate(self.read(rel).splitlines(), 1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {rel}")

    def sop_files(self) -> list[str]:
        """Every SOP file written, sources and translations, docs-relative."""
        return sorted(p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*.md") if p.parent != self.docs)


def make_handbook(
    root: Path,
    languages: tuple[str, ...] = ("en", "pl", "ar"),
    departments: dict[str, tuple[str, dict[str, str], str]] | None = None,
    sops: tuple[SopSpec, ...] = SOPS,
    policy: str = "",
) -> FixtureHandbook:
    """Write the fixture handbook into `root` (created) and return it; `sops=()` gives one with no SOP yet.

    `policy` is more of `extra.handbook` as YAML text indented by four spaces (e.g. `synonyms:`).
    """
    (root / "docs").mkdir(parents=True, exist_ok=True)  # a handbook with no SOP yet still has its docs_dir
    hb = FixtureHandbook(root, tuple(languages))
    copy_tool_wiring(root)  # the thin hooks and macros module, as `handbook init` writes them
    hb.write("mkdocs.yml", mkdocs_yml(languages, departments or DEPARTMENTS) + policy)
    hb.write("glossary.yml", GLOSSARY)
    hb.docs.mkdir(exist_ok=True)  # a handbook with no SOP yet still has its docs folder
    for spec in sops:
        hb.write(f"docs/{spec.path}", sop_text(spec, "en"))
        for lang, follows in spec.translated:
            if lang in languages:
                hb.write(f"docs/{spec.path[:-3]}.{lang}.md", sop_text(spec, lang, follows))
    return hb


def sop_text(spec: SopSpec, lang: str, follows: str = "") -> str:
    if lang == "en":
        front = [
            f"id: {spec.id}",
            f"title: {spec.title}",
            f"department: {spec.department}",
            f"owner: {spec.owner}",
            f"status: {spec.status}",
            f'version: "{spec.version}"',
            f"last_reviewed: {spec.last_reviewed}",
            f"format: {spec.fmt}",
            "channels: [phone, chat]",
        ]
    else:
        front = [f"id: {spec.id}", f"title: {TITLES.get((spec.id, lang), f'{spec.title} ({lang})')}", f'translation_of_version: "{follows}"']
    body = []
    for key, names in HEADINGS.items():
        text = PROCEDURES[spec.fmt] if key == "procedure" else TRANSLATED.get(lang, {}).get(key, TEXT[key])
        body.append(f"## {names[lang]}\n\n{text}\n")
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n".join(body)


def mkdocs_yml(languages: tuple[str, ...], departments: dict[str, tuple[str, dict[str, str], str]] = DEPARTMENTS) -> str:
    """The fixture's mkdocs.yml: its own site, policy and languages; the tool's wiring."""
    tool = tool_config()
    i18n = "\n".join(
        f"        - locale: {lang}\n          name: {LANGUAGE_NAMES.get(lang, lang)}\n          build: true" + ("\n          default: true" if i == 0 else "")
        for i, lang in enumerate(languages)
    )
    departments = "\n".join(
        f"      {key}:\n        name: {names['en']}\n        prefix: {prefix}\n        lead: {lead}\n"
        f"        names: {{{', '.join(f'{lang}: {names[lang]}' for lang in languages[1:] if lang in names)}}}"
        for key, (prefix, names, lead) in departments.items()
    )
    sections = "\n".join(f"      {key}: {{{', '.join(f'{lang}: {names[lang]}' for lang in languages if lang in names)}}}" for key, names in HEADINGS.items())
    people = "\n".join(f'      {name}: "{handle}"' for name, handle in PEOPLE.items())
    wiring = "\n".join(_block(tool, key) for key in ("theme", "hooks", "markdown_extensions", "validation", "extra_css"))
    return f"""\
site_name: Fixture Co Handbook
site_url: https://handbook.fixture.test/
repo_url: https://github.com/fixture-co/handbook
edit_uri: edit/main/docs/
docs_dir: docs

{wiring}

plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
{i18n}
  - macros:
      module_name: macros
      on_undefined: strict
      on_error_fail: false

extra:
  handbook:
    glossary: glossary.yml
    review:
      default_interval_months: 12
      due_soon_days: 30
      exempt_statuses: [draft, retired]
    departments:
{departments}
    sections:
{sections}
    people:
{people}
"""


def _block(config: str, key: str) -> str:
    """A top-level block of mkdocs.yml as written (tags such as !!python/name kept); empty when absent."""
    match = re.search(rf"(?ms)^{key}:.*?(?=^[^\s#]|\Z)", config)
    return match.group(0).rstrip() + "\n" if match else ""


def run_handbook(root: Path, *argv: str, today: str = TODAY, stdin: str | None = None):
    """`python -m handbook ARGV --today TODAY` in `root`, in a subprocess, with this checkout importable."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_TODAY"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-m", "handbook", *argv, "--today", today]
    return subprocess.run(command, cwd=root, env=env, input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=300)
