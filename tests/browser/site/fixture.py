"""A small handbook of the site tests' own: two departments, four SOPs, Polish and Arabic translations.

Its words are chosen for the search-quality test (a word in one SOP only, an abbreviation one SOP
defines, a Polish word with diacritics, an Arabic title, a secret inside a collapsed answer);
its mkdocs.yml is the example's with the handbook policy replaced, so the site has the same
hooks, theme and plugins as a real one. Built with `mkdocs build --strict` in a subprocess.
"""

from __future__ import annotations

from tests.handbook_maker import repository_config, write_handbook
from tests.sitebuild import Build, mkdocs_build

SECRET = "zebracrossing"  # only inside a collapsed <details>: never in a search excerpt

POLICY = """    languages: [en, pl, hu, lv, ar]
    glossary: glossary.yml
    search: {search}
    review:
      default_interval_months: 12
      due_soon_days: 30
      exempt_statuses: [draft, retired]
    departments:
      phones:
        name: Phones
        prefix: PH
        names: {{pl: Telefony, hu: Telefonok, lv: Tālruņi, ar: الهواتف}}
        lead: Anna Kowalczyk
      letters:
        name: Letters
        prefix: LE
        names: {{pl: Listy, hu: Levelek, lv: Vēstules, ar: الرسائل}}
        lead: Omar Haddad
    sections:
      purpose: {{en: Purpose, pl: Cel, hu: Cél, lv: Mērķis, ar: الغرض}}
      procedure: {{en: Procedure, pl: Procedura, hu: Eljárás, lv: Procedūra, ar: الإجراء}}
"""

GLOSSARY = """AHT:
  name: Average handle time
  definition: The mean time an agent spends on one contact.
IVR:
  name: Interactive voice response
  definition: The automated menu callers hear first.
"""


def _sop(sop_id: str, title: str, department: str, purpose: str, procedure: str, extra: str = "") -> str:
    return f"""---
id: {sop_id}
title: {title}
department: {department}
owner: Anna Kowalczyk
status: approved
version: "1.0"
effective: 2026-06-01
last_reviewed: 2026-06-01
---

## Purpose

{purpose}

## Procedure

{procedure}
{extra}"""


def _translation(sop_id: str, title: str, purpose_heading: str, purpose: str, procedure_heading: str, procedure: str) -> str:
    return f"""---
id: {sop_id}
title: {title}
translation_of_version: "1.0"
---

## {purpose_heading}

{purpose}

## {procedure_heading}

{procedure}
"""


QUIZ = f"""
??? question "What do you never say?"
    Never say {SECRET} to a caller.
"""

SOPS = {
    "phones/ph-001.md": _sop("PH-001", "Answering the telephone", "phones",
                             "How every call is greeted. The {{ term(\"AHT\") }} target and the {{ term(\"IVR\") }} menu are defined below.",
                             "1. Greet the caller by the helpline name.\n2. Verify the caller.\n3. Keep the AHT low.", QUIZ),
    "phones/ph-001.pl.md": _translation("PH-001", "Odbieranie telefonu", "Cel", "Jak witamy każdego dzwoniącego.",
                                        "Procedura", "1. Przywitaj dzwoniącego.\n2. Zweryfikuj tożsamość przed zwrotem środków."),
    "phones/ph-001.ar.md": _translation("PH-001", "الرد على المكالمات الهاتفية", "الغرض", "كيف نرحب بكل متصل.",
                                        "الإجراء", "1. رحّب بالمتصل.\n2. تحقق من هوية المتصل."),
    "phones/ph-002.md": _sop("PH-002", "Calling customers back", "phones",
                             "When a call cannot be finished, the agent books a callback. Callers who mention PH-001 are greeted first.",
                             "1. Offer a callback slot.\n2. Call back within the slot."),
    "letters/le-001.md": _sop("LE-001", "Writing a complaint reply", "letters",
                              "Every written complaint gets a reply on headed paper.",
                              "1. Use the reply template.\n2. Quote the customer's words.\n3. Seal the envelope with the marmalade-coloured sticker."),
}


def build_site(tmp_path_factory, search: str) -> Build:
    """The fixture handbook built with `mkdocs build --strict` and the given search backend."""
    project = write_handbook(tmp_path_factory.mktemp(f"site-fixture-{search}"), repository_config(POLICY.format(search=search)), GLOSSARY, SOPS)
    build = mkdocs_build(project, tmp_path_factory.mktemp(f"site-fixture-{search}-out"))
    assert build.returncode == 0, build.log
    return build
