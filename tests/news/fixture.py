"""A small handbook of the news tests' own: two departments, two languages, SOPs whose review logs carry notes.

Built with the repository's hooks and macros; "today" is fixed, so every date on the
what's-new page and in its feeds is known in advance.
"""

from __future__ import annotations

from pathlib import Path

from tests import handbook_maker

TODAY = "2026-11-23"
SITE_URL = "https://sops.example.test/"

POLICY = """\
    languages: [en, pl]
    glossary: glossary.yml
    review:
      default_interval_months: 12
      due_soon_days: 30
      exempt_statuses: [draft, retired]
    departments:
      customer-service:
        name: Customer Service
        names: {pl: Obsługa klienta}
        prefix: CS
        lead: Ana Example
      billing:
        name: Billing
        names: {pl: Rozliczenia}
        prefix: BR
        lead: Omar Example
    sections:
      purpose: {en: Purpose, pl: Cel}
      procedure: {en: Procedure, pl: Procedura}
"""

# Every hook of the repository's mkdocs.yml: the what's-new pages and feeds come with the rest of the site.
MKDOCS_YML = handbook_maker.mkdocs_yml("News test handbook", POLICY, {"en": "English", "pl": "Polski"}, site_url=SITE_URL)

GLOSSARY_YML = "AHT:\n  name: Average handle time\n  definition: The mean time an agent spends on one contact.\n"

BODY = "\n## Purpose\n\nWhat this is for.\n\n## Procedure\n\n1. Do the first thing.\n2. Do the next thing.\n"
BODY_PL = "\n## Cel\n\nPo co to jest.\n\n## Procedura\n\n1. Zrób pierwszą rzecz.\n2. Zrób następną.\n"


def _sop(sop_id: str, title: str, department: str, status: str, version: str, last_reviewed: str, extra: str = "") -> str:
    front = f'id: {sop_id}\ntitle: {title}\ndepartment: {department}\nowner: Ana Example\nstatus: {status}\nversion: "{version}"\nlast_reviewed: {last_reviewed}\n{extra}'
    return handbook_maker.sop_file(front, BODY)


SOPS = {
    "customer-service/cs-001.md": _sop(
        "CS-001", "Answering the phone", "customer-service", "approved", "2.1", "2026-06-01",
        "effective: 2026-06-08\nreview_log:\n"
        '  - {date: 2025-05-12, by: Ana Example, version: "1.0", note: "First version"}\n'
        '  - {date: 2025-11-03, by: Bea Owner, version: "2.0", note: "Callback promised within 1 working day"}\n'
        '  - {date: 2026-03-02, by: Bea Owner, version: "2.0"}\n'
        '  - {date: 2026-06-01, by: Ana Example, version: "2.1", note: "Hold limit <b>2</b> minutes & *no* music"}\n',
    ),
    "customer-service/cs-001.pl.md": handbook_maker.sop_file('id: CS-001\ntitle: Odbieranie telefonu\ntranslation_of_version: "2.1"\ntranslated: 2026-07-01', BODY_PL),
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
    return handbook_maker.write_handbook(root, MKDOCS_YML, GLOSSARY_YML, SOPS)
