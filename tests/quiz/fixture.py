"""A small handbook of its own for the self-assessment tests: one department, English and Arabic.

The hooks and macros are the project's (copied); the pages, glossary and mkdocs.yml are written here.
"""

from __future__ import annotations

from pathlib import Path

from tests import handbook_maker

ACK = "https://forms.example/ack?entry.1={id}&entry.2={version}&entry.3={title}&entry.4={lang}"

HOOKS = ["hooks/tool_assets.py", "hooks/handbook_site.py", "hooks/sandbox.py", "hooks/macros_fastpath.py", "hooks/self_assessment.py", "hooks/pagefind_search.py"]

POLICY = """\
    languages: [en, ar]
    search: {search}
{extra}    self_assessment:
      headings: {{en: Self-assessment, ar: التقييم الذاتي}}
      required: {required}
{self_assessment}    departments:
      desk:
        name: Desk
        names: {{ar: المكتب}}
        prefix: DK
        lead: Lena Lead
{department}    sections:
      purpose: {{en: Purpose, ar: الغرض}}
      procedure: {{en: Procedure, ar: الإجراء}}
"""

FRONT = """\
id: {id}
title: "{title}"
department: desk
owner: Olga Owner
status: {status}
version: "{version}"
effective: 2026-01-05
last_reviewed: 2026-06-01
format: simple
"""

QUIZ_EN = """\
## Self-assessment

### May you skip verification when the number matches?

- [ ] Yes, the number proves who calls.
- [x] No, always verify the caller.
- [ ] Only for callers in a hurry.

> The number is a hint, never proof: ZEBRA-EXPLAINED.

### Which belong in every call note?

- [x] The reason for the call
- [x] The next step
- [ ] The caller's password

> Never write down a password.
"""

QUIZ_AR = """\
## التقييم الذاتي

### هل يمكنك تخطي التحقق عندما يطابق الرقم؟

- [ ] نعم، الرقم يثبت هوية المتصل.
- [x] لا، تحقّق دائمًا من هوية المتصل.
- [ ] فقط للمتصلين المستعجلين.

> الرقم مجرد مؤشر وليس دليلًا.

### ما الذي يجب أن تتضمنه كل ملاحظة مكالمة؟

- [x] سبب الاتصال
- [x] الخطوة التالية
- [ ] كلمة مرور المتصل
"""


def body(lang: str = "en", quiz: str | None = None) -> str:
    if lang == "ar":
        text = "## الغرض\n\nنص الغرض.\n\n## الإجراء\n\n1. أجب عن المكالمة.\n2. تحقّق من المتصل.\n\n"
        return text + (QUIZ_AR if quiz is None else quiz)
    text = "## Purpose\n\nWhy we verify callers.\n\n## Procedure\n\n1. Answer the call.\n2. Verify the caller.\n\n"
    return text + (QUIZ_EN if quiz is None else quiz)


def sop(sop_id: str = "DK-001", title: str = "Verify & greet callers", version: str = "2.1", status: str = "approved", quiz: str | None = None) -> str:
    return handbook_maker.sop_file(FRONT.format(id=sop_id, title=title, version=version, status=status), body("en", quiz))


def translation(sop_id: str = "DK-001", version: str = "2.1", quiz: str | None = None) -> str:
    return handbook_maker.sop_file(f'id: {sop_id}\ntitle: "التحقق من المتصلين"\ntranslation_of_version: "{version}"', body("ar", quiz))


def make_handbook(
    root: Path,
    pages: dict[str, str],
    acknowledgement: str | None = ACK,
    required: bool = False,
    search: str = "material",
    department: str = "",
    features: str = "",
    self_assessment: str = "",
    site_url: str = "https://handbook.example.org/",
) -> Path:
    """Write the handbook into `root`: `pages` maps paths under docs/ (desk/dk-001.md) to their text.

    `department` and `self_assessment` are more YAML lines for the department and the self_assessment settings.
    """
    extra = f'    acknowledgement: "{acknowledgement}"\n' if acknowledgement else ""
    policy = POLICY.format(
        extra=extra,
        required=str(required).lower(),
        search=search,
        department=f"        {department}\n" if department else "",
        self_assessment=f"      {self_assessment}\n" if self_assessment else "",
    )
    config = handbook_maker.mkdocs_yml("Quiz test handbook", policy, {"en": "English", "ar": "العربية"}, HOOKS, site_url, [features] if features else [])
    glossary = "SOP:\n  name: Standard operating procedure\n  definition: A written procedure.\n"
    return handbook_maker.write_handbook(root, config, glossary, pages) / "mkdocs.yml"
