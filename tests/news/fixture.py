"""A small handbook of the news tests' own: two departments, two languages, SOPs whose review logs carry notes.

Built with the repository's hooks and macros; "today" is fixed, so every date on the
what's-new page and in its feeds is known in advance.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.sitebuild import ROOT

TODAY = "2026-11-23"
SITE_URL = "https://sops.example.test/"

_HOOKS = [line.strip()[2:].split("#")[0].strip() for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:\n")[1].split("\n\n")[0].splitlines()]

MKDOCS_YML = f"""\
site_name: News test handbook
site_url: {SITE_URL}
docs_dir: docs
theme:
  name: material
  language: en
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - {{locale: en, default: true, name: English, build: true}}
        - {{locale: pl, name: Polski, build: true}}
  - macros:
      module_name: macros
      on_undefined: strict
      on_error_fail: false
hooks:
{chr(10).join(f"  - {hook}" for hook in _HOOKS)}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - toc:
      permalink: true
validation:
  nav: {{omitted_files: warn, not_found: warn, absolute_links: warn}}
  links: {{not_found: warn, anchors: warn, absolute_links: warn, unrecognized_links: warn}}
extra:
  handbook:
    languages: [en, pl]
    glossary: glossary.yml
    review:
      default_interval_months: 12
      due_soon_days: 30
      exempt_statuses: [draft, retired]
    departments:
      customer-service:
        name: Customer Service
        names: {{pl: Obsługa klienta}}
        prefix: CS
        lead: Ana Example
      billing:
        name: Billing
        names: {{pl: Rozliczenia}}
        prefix: BR
        lead: Omar Example
    sections:
      purpose: {{en: Purpose, pl: Cel}}
      procedure: {{en: Procedure, pl: Procedura}}
"""

GLOSSARY_YML = "AHT:\n  name: Average handle time\n  definition: The mean time an agent spends on one contact.\n"

BODY = "\n## Purpose\n\nWhat this is for.\n\n## Procedure\n\n1. Do the first thing.\n2. Do the next thing.\n"
BODY_PL = "\n## Cel\n\nPo co to jest.\n\n## Procedura\n\n1. Zrób pierwszą rzecz.\n2. Zrób następną.\n"


def _sop(sop_id: str, title: str, department: str, status: str, version: str, last_reviewed: str, extra: str = "") -> str:
    return (
        f"---\nid: {sop_id}\ntitle: {title}\ndepartment: {department}\nowner: Ana Example\nstatus: {status}\n"
        f'version: "{version}"\nlast_reviewed: {last_reviewed}\n{extra}---\n{BODY}'
    )


SOPS = {
    "customer-service/cs-001.md": _sop(
        "CS-001", "Answering the phone", "customer-service", "approved", "2.1", "2026-06-01",
        "effective: 2026-06-08\nreview_log:\n"
        '  - {date: 2025-05-12, by: Ana Example, version: "1.0", note: "First version"}\n'
        '  - {date: 2025-11-03, by: Bea Owner, version: "2.0", note: "Callback promised within 1 working day"}\n'
        '  - {date: 2026-03-02, by: Bea Owner, version: "2.0"}\n'
        '  - {date: 2026-06-01, by: Ana Example, version: "2.1", note: "Hold limit <b>2</b> minutes & *no* music"}\n',
    ),
    "customer-service/cs-001.pl.md": '---\nid: CS-001\ntitle: Odbieranie telefonu\ntranslation_of_version: "2.1"\ntranslated: 2026-07-01\n---\n' + BODY_PL,
    "customer-service/cs-002.md": _sop("CS-002", "Web chat", "customer-service", "approved", "1.0", "2026-10-01", "effective: 2026-10-05\n"),
    "customer-service/cs-003.md": _sop(
        "CS-003", "Emails", "customer-service", "in-review", "1.1", "2026-11-02",
        'review_log:\n  - {date: 2026-02-02, by: Ana Example, version: "1.0"}\n  - {date: 2026-11-02, by: Ana Example, version: "1.1", note: "Not approved yet"}\n',
    ),
    "billing/br-001.md": _sop(
        "BR-001", "Refunds by cheque", "billing", "retired", "3.0", "2026-09-14",
        'review_log:\n  - {date: 2024-01-10, by: Omar Example, version: "2.0"}\n'
        '  - {date: 2026-09-14, by: Omar Example, version: "3.0", note: "Retired: refunds go back to the card"}\n',
    ),
    "billing/br-002.md": _sop("BR-002", "Refunds to the card", "billing", "approved", "1.0", "2026-11-20", "effective: 2026-12-20\n"),
    "billing/br-003.md": _sop("BR-003", "Draft dunning", "billing", "draft", "0.1", "2026-11-01"),
}

# What the English what's-new page lists, newest first: (date, SOP, what, note). Not listed: the draft
# BR-003, BR-002 (in force from 2026-12-20, after today), CS-003 1.1 (in review), the unchanged review of CS-001.
EXPECTED_EN = [
    ("2026-10-05", "CS-002", "New SOP (version 1.0)", ""),
    ("2026-09-14", "BR-001", "Retired", "Retired: refunds go back to the card"),
    ("2026-06-08", "CS-001", "New version 2.1", "Hold limit <b>2</b> minutes & *no* music"),
    ("2026-02-02", "CS-003", "New SOP (version 1.0)", ""),
    ("2025-11-03", "CS-001", "New version 2.0", "Callback promised within 1 working day"),
    ("2025-05-12", "CS-001", "New SOP (version 1.0)", "First version"),
    ("2024-01-10", "BR-001", "New version 2.0", ""),
]
EXPECTED_IDS_EN = [
    "tag:sops.example.test,2026-10-05:CS-002/1.0",
    "tag:sops.example.test,2026-09-14:BR-001/3.0/retired",
    "tag:sops.example.test,2026-06-08:CS-001/2.1",
    "tag:sops.example.test,2026-02-02:CS-003/1.0",
    "tag:sops.example.test,2025-11-03:CS-001/2.0",
    "tag:sops.example.test,2025-05-12:CS-001/1.0",
    "tag:sops.example.test,2024-01-10:BR-001/2.0",
]


def write_handbook(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "glossary.yml").write_text(GLOSSARY_YML, encoding="utf-8")
    docs = root / "docs"
    for rel, text in SOPS.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    for name in ("hooks", "macros"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root
