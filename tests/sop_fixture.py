"""A small handbook of its own for the SOP page tests: two departments, English and Arabic.

Built with the repository's hooks, macros and stylesheets, so what is tested is the tool,
not the example handbook's content.
"""

from __future__ import annotations

from pathlib import Path

from tests import handbook_maker

TODAY = "2026-12-02"

HOOKS = [
    "hooks/contained_files.py", "hooks/tool_assets.py", "hooks/handbook_site.py", "hooks/sandbox.py",
    "hooks/macros_fastpath.py", "hooks/mermaid_local.py", "hooks/sop_print.py", "hooks/pagefind_search.py",
]

POLICY = """\
    languages: [en, ar]
    glossary: glossary.yml
    search: material
    review: {default_interval_months: 12, due_soon_days: 30, exempt_statuses: [draft, retired]}
    departments:
      desk:
        name: Service Desk
        prefix: DK
        names: {ar: مكتب الخدمة}
        lead: Dana Lee
      ops:
        name: Operations
        prefix: OP
        names: {ar: العمليات}
        lead: Omar Ali
    sections:
      purpose: {en: Purpose, ar: الغرض}
      procedure: {en: Procedure, ar: الإجراء}
"""

MKDOCS_YML = handbook_maker.mkdocs_yml(
    "Fixture handbook", POLICY, {"en": "English", "ar": "العربية"}, HOOKS, "https://fixture.example.org/",
    ["navigation.tabs", "navigation.sections", "navigation.indexes", "navigation.prune", "content.tooltips"],
    more="extra_css: [assets/handbook.css, assets/sop-page.css, assets/print.css]\nextra_javascript: [assets/print.js]\n",
)

GLOSSARY = """\
AHT:
  name: Average handle time
  definition: The mean time spent on one contact.
"""


WIDE_TABLE = "| " + " | ".join(f"Column {i} heading" for i in range(1, 10)) + " |\n|" + "---|" * 9 + "\n| " + " | ".join(f"value-{i}-with-long-text" for i in range(1, 10)) + " |"

SOPS = {
    "desk/dk-001.md": handbook_maker.sop_file('''
id: DK-001
title: Greeting a visitor
department: desk
owner: Dana Lee
status: approved
version: "2.1"
last_reviewed: 2026-06-01
approved_by: [Dana Lee, Omar Ali]
tags: [greeting, visitors]
channels: [phone, face-to-face]
related: [DK-002, OP-001]
review_log:
  - {date: 2025-06-02, by: Dana Lee, version: "2.0", note: "First version for both channels."}
  - {date: 2026-01-10, by: Omar Ali, version: "2.0"}
  - {date: 2026-06-01, by: Dana Lee, version: "2.1", note: "Greeting shortened <for> visitors & callers."}
''', '''
## Purpose

Every visitor hears the same greeting ({{ term("AHT") }} matters).

## Procedure

1. Greet the visitor:

    === "Phone"

        !!! say
            "Good morning, this is the desk."

    === "Face-to-face"

        !!! say
            "Welcome to the desk."

2. Write it down.

''' + WIDE_TABLE),
    "desk/dk-001.ar.md": handbook_maker.sop_file('''
id: DK-001
title: استقبال الزائر
translation_of_version: "2.1"
tags: [ترحيب]
''', '''
## الغرض

يسمع كل زائر الترحيب نفسه.

## الإجراء

1. رحّب بالزائر:

    !!! say
        «صباح الخير، هنا مكتب الخدمة.»
'''),
    "desk/dk-002.md": handbook_maker.sop_file('''
id: DK-002
title: Booking a callback
department: desk
owner: Dana Lee
status: approved
version: "1.0"
last_reviewed: 2026-05-01
supersedes: [DK-003]
related: [DK-001]
''', '''
## Purpose

Callbacks are booked the same way.

## Procedure

1. Book it in the diary.
'''),
    "desk/dk-003.md": handbook_maker.sop_file('''
id: DK-003
title: Old callback diary
department: desk
owner: Dana Lee
status: retired
version: "3.0"
last_reviewed: 2025-01-01
''', '''
## Purpose

Kept for audit.

## Procedure

1. Nothing to do.
'''),
    "ops/op-001.md": handbook_maker.sop_file('''
id: OP-001
title: Closing the office
department: ops
owner: Omar Ali
status: approved
version: "1.2"
last_reviewed: 2026-03-01
format: flowchart
''', '''
## Purpose

The office is closed safely.

## Procedure

```mermaid
flowchart TD
    A[Lights off] --> B{Doors locked?}
    B -->|Yes| C[Alarm on]
    B -->|No| D[Lock the doors]
    D --> C
```
'''),
}


def make_handbook(project: Path, sops: dict[str, str] | None = None) -> Path:
    """Write the fixture handbook into `project` (with the repository's hooks and macros)."""
    return handbook_maker.write_handbook(project, MKDOCS_YML, GLOSSARY, SOPS if sops is None else sops)
