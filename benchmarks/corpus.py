"""A deterministic corpus of realistic SOPs for the benchmark, in a throw-away copy of the handbook.

`python benchmarks/corpus.py DEST -n 1000` writes the corpus's own mkdocs.yml and glossary
(benchmarks/base/: the example's settings, with this repository's wiring), copies hooks/,
macros/ (and docs/assets, if any) into DEST, adds seven departments to the five of the
base (twelve, like a large operator), and writes N SOPs with every required
section, tables, lists, some Mermaid flowcharts, glossary terms, SOP links and a
share of translations. The same seed gives the same bytes; it passes
`handbook check` with no error for HANDBOOK_TODAY = TODAY.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import phrases  # noqa: E402
from handbook.policy import load_policy  # noqa: E402

# The corpus's handbook settings and glossary: a copy of the example's (five departments, five
# languages), so the corpus is the same whatever docs/ and mkdocs.yml hold.
BASE = Path(__file__).resolve().parent / "base"
WIRING = ("theme", "hooks", "markdown_extensions", "validation", "extra_css")
TODAY = "2026-11-23"
SEED = 2026
# Share of SOPs translated into each language (about 0.6 translations per SOP).
TRANSLATED = {"pl": 0.25, "hu": 0.15, "lv": 0.10, "ar": 0.10}
FORMATS = (("simple", 0.6), ("hierarchical", 0.25), ("flowchart", 0.15))
STATUSES = (("approved", 0.82), ("in-review", 0.08), ("draft", 0.07), ("retired", 0.03))
CHANNELS = ["phone", "face-to-face", "chat", "email", "print"]

# Seven more departments in the copy: twelve in all, like the reference operator.
EXTRA_DEPARTMENTS = {
    "technical-support": ("Technical Support", "TS", "Tomasz Nowak", {"pl": "Wsparcie techniczne", "hu": "Műszaki támogatás", "lv": "Tehniskais atbalsts", "ar": "الدعم الفني"}),
    "retail-stores": ("Retail Stores", "RS", "Eszter Kiss", {"pl": "Salony sprzedaży", "hu": "Üzletek", "lv": "Veikali", "ar": "متاجر البيع"}),
    "collections": ("Collections", "CO", "Omar Haddad", {"pl": "Windykacja", "hu": "Követeléskezelés", "lv": "Parādu piedziņa", "ar": "التحصيل"}),
    "social-media": ("Social Media Care", "SM", "Marta Wiśniewska", {"pl": "Obsługa w mediach społecznościowych", "hu": "Közösségi média ügyfélszolgálat", "lv": "Sociālo tīklu atbalsts", "ar": "خدمة وسائل التواصل"}),
    "field-service": ("Field Service", "FS", "Jānis Bērziņš", {"pl": "Serwis terenowy", "hu": "Helyszíni szerviz", "lv": "Izbraukuma serviss", "ar": "الخدمة الميدانية"}),
    "back-office": ("Back Office", "BO", "Daniel Moore", {"pl": "Zaplecze administracyjne", "hu": "Háttériroda", "lv": "Aizmugures birojs", "ar": "المكتب الخلفي"}),
    "accessibility": ("Accessibility Services", "AX", "Fatima Al-Sayed", {"pl": "Dostępność usług", "hu": "Akadálymentes szolgáltatások", "lv": "Piekļūstamības pakalpojumi", "ar": "خدمات إمكانية الوصول"}),
}


def copy_handbook(dest: Path, departments: int = 12) -> Path:
    """The handbook's configuration, hooks, macros and assets in `dest`, with no SOPs yet."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "docs").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(base_config(), encoding="utf-8")
    shutil.copy(BASE / "glossary.yml", dest / "glossary.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("hooks", "macros"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    if (ROOT / "docs" / "assets").is_dir():  # the tool's own assets come from the package
        shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets", ignore=ignore)
    extra = list(EXTRA_DEPARTMENTS.items())[: max(0, departments - 5)]
    if extra:
        _add_departments(dest / "mkdocs.yml", extra)
    return dest


def base_config() -> str:
    """The corpus's own settings (BASE: its site, languages, departments, people, policy) with this repository's wiring.

    The corpus does not read the handbook in docs/ (an adopter replaces it); its theme, hooks,
    Markdown extensions, validation and stylesheets are this repository's, so it builds as
    the repository's handbook does.
    """
    config = (BASE / "mkdocs.yml").read_text(encoding="utf-8")
    repo = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key in WIRING:
        ours = _block(repo, key)
        if ours:
            config = config.replace(_block(config, key), ours, 1)
    return config


def _block(config: str, key: str) -> str:
    """A top-level block of a mkdocs.yml as written (tags such as !!python/name kept); empty when absent."""
    match = re.search(rf"(?ms)^{key}:.*?(?=^[^\s#]|\Z)", config)
    return match.group(0) if match else ""


def _add_departments(config: Path, extra: list) -> None:
    """Insert departments after `departments:` as text: mkdocs.yml holds tags a YAML round trip would lose."""
    lines = []
    for key, (name, prefix, lead, names) in extra:
        localised = ", ".join(f"{lang}: {value}" for lang, value in names.items())
        lines += [f"      {key}:", f"        name: {name}", f"        prefix: {prefix}", f"        names: {{{localised}}}", f"        lead: {lead}"]
    text = config.read_text(encoding="utf-8")
    marker = "    departments:\n"
    if marker not in text:
        raise SystemExit(f"{config}: no `    departments:` line to extend")
    config.write_text(text.replace(marker, marker + "\n".join(lines) + "\n", 1), encoding="utf-8")


def _pick(rng: random.Random, weighted) -> str:
    roll, total = rng.random(), 0.0
    for value, weight in weighted:
        total += weight
        if roll < total:
            return value
    return weighted[-1][0]


def plan(policy, n: int, rng: random.Random) -> list[dict]:
    """Who is who: the id, department and front matter of each of the N SOPs (round-robin over departments)."""
    depts = list(policy.departments.values())
    counts = {d.key: 0 for d in depts}
    width = max(3, len(str(n // len(depts) + 1)))
    today = date.fromisoformat(TODAY)
    people = sorted({d.lead for d in depts if d.lead}) or ["Anna Kowalczyk"]
    sops = []
    for index in range(n):
        dept = depts[index % len(depts)]
        counts[dept.key] += 1
        sop_id = f"{dept.prefix}-{counts[dept.key]:0{width}d}"
        interval = policy.interval_months(dept.key)
        reviewed = today - timedelta(days=rng.randint(1, interval * 28))  # inside the interval: no REV001
        major, minor = rng.randint(1, 5), rng.randint(0, 9)
        sops.append(
            {
                "id": sop_id,
                "dept": dept,
                "owner": rng.choice(people),
                "status": _pick(rng, STATUSES),
                "version": f"{major}.{minor}",
                "format": _pick(rng, FORMATS),
                "reviewed": reviewed,
                "effective": reviewed + timedelta(days=rng.randint(0, 14)),
                "channels": sorted(rng.sample(CHANNELS, rng.randint(1, 3)), key=CHANNELS.index),
                "subject": rng.randrange(len(phrases.SUBJECTS)),
                "action": rng.randrange(len(phrases.ACTIONS)),
            }
        )
    return sops


def _front_matter(sop: dict, title: str, tags: list[str], related: list[str]) -> str:
    fields = [
        "---",
        f"id: {sop['id']}",
        f"title: {json.dumps(title, ensure_ascii=False)}",  # quoted: titles may hold a colon
        f"department: {sop['dept'].key}",
        f"owner: {sop['owner']}",
        f"status: {sop['status']}",
        f'version: "{sop["version"]}"',
        f"effective: {sop['effective'].isoformat()}",
        f"last_reviewed: {sop['reviewed'].isoformat()}",
        f"approved_by: [{sop['owner']}]",
        f"format: {sop['format']}",
        f"channels: [{', '.join(sop['channels'])}]",
        f"tags: [{', '.join(tags)}]",
    ]
    if related:
        fields.append(f"related: [{', '.join(related)}]")
    return "\n".join(fields + ["---", ""])


def _headings(policy, lang: str) -> dict[str, str]:
    return {s.key: s.label(lang, policy.source_lang) for s in policy.sections}


def sop_text(policy, sop: dict, lang: str, rng: random.Random, terms: list[str], ids: list[str]) -> str:
    """The Markdown of one SOP (lang = the source language) or of its translation."""
    words = phrases.language(lang)
    heads = _headings(policy, lang)
    title = phrases.title(lang, sop["action"], sop["subject"])
    term = lambda: f'{{{{ term("{rng.choice(terms)}") }}}}'  # noqa: E731
    link = lambda: f'{{{{ sop("{rng.choice(ids)}") }}}}'  # noqa: E731
    para = lambda k: " ".join(phrases.sentence(words, rng, term, link) for _ in range(k))  # noqa: E731
    if lang == policy.source_lang:
        tags = rng.sample(phrases.TAGS, 3)
        related = sorted({rng.choice(ids) for _ in range(rng.randint(0, 3))} - {sop["id"]})
        head = _front_matter(sop, title, tags, related)
    else:
        stale = rng.random() < 0.05 and sop["version"] != "1.0"  # a few translations lag behind (TR004 warning)
        version = f"{sop['version'].split('.')[0]}.0" if stale and not sop["version"].endswith(".0") else sop["version"]
        head = f'---\nid: {sop["id"]}\ntitle: {json.dumps(title, ensure_ascii=False)}\ntranslation_of_version: "{version}"\n---\n'
    out = [head]
    out += [f"## {heads['purpose']}", "", para(3), ""]
    out += [f"## {heads['scope']}", "", para(2), "", _table(words["scope_table"], [[c, rng.choice(words["hours"])] for c in words["channel_rows"][:3]]), ""]
    roles = rng.sample(words["roles"], 4)
    out += [f"## {heads['responsibilities']}", "", _table(words["role_table"], [[r, phrases.sentence(words, rng, term, link)] for r in roles]), ""]
    out += [f"## {heads['definitions']}", "", "{{ definitions() }}", ""]
    out += [f"## {heads['procedure']}", "", *_procedure(sop["format"], words, rng, term, link), ""]
    measures = [[m, rng.choice(words["targets"]), rng.choice(words["sources"])] for m in rng.sample(words["measures"], 3)]
    out += [f"## {heads['performance']}", "", _table(words["measure_table"], measures), ""]
    out += [f"## {heads['documentation']}", "", *[f"- {phrases.sentence(words, rng, term, link)}" for _ in range(3)], ""]
    out += [f"## {heads['training']}", "", para(2), ""]
    out += [f"## {heads['review']}", "", para(2) + f" {link()}", ""]
    out += _self_assessment(policy, lang, words, rng, term, link)
    return "\n".join(out)


def _self_assessment(policy, lang: str, words: dict, rng: random.Random, term, link) -> list[str]:
    """Two questions in the handbook's quiz form (handbook/quiz.py): a policy may require them."""
    out = [f"## {policy.self_assessment.section.label(lang, policy.source_lang)}", ""]
    for number in (1, 2):
        options = [phrases.sentence(words, rng, term, link).rstrip(".") for _ in range(3)]
        right = rng.randrange(3)
        out += [f"### {number}. {phrases.sentence(words, rng, term, link)}", ""]
        out += [f"- [{'x' if i == right else ' '}] {option} ({i + 1})" for i, option in enumerate(options)] + [""]
    return out


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _procedure(fmt: str, words: dict, rng: random.Random, term, link) -> list[str]:
    steps = lambda k: [f"{i}. {phrases.sentence(words, rng, term, link)}" for i in range(1, k + 1)]  # noqa: E731
    if fmt == "hierarchical":
        out: list[str] = []
        for stage in rng.sample(words["stages"], 3):
            out += [f"### {stage}", "", *steps(rng.randint(2, 4)), ""]
        return out
    if fmt == "flowchart":
        a, b, c, d = rng.sample(words["nodes"], 4)
        chart = ["```mermaid", "flowchart TD", f"    A[{a}] --> B{{{words['question']}}}", f"    B -- {words['yes']} --> C[{b}]",
                 f"    B -- {words['no']} --> D[{c}]", f"    D --> E[{d}]", "    C --> E", "```"]
        return chart + [""] + steps(3)
    return steps(rng.randint(5, 9))


def generate(dest: Path, n: int, seed: int = SEED, departments: int = 12) -> dict[str, int]:
    """Write the copy and N SOPs (plus their translations); returns the counts written."""
    copy_handbook(dest, departments)
    policy = load_policy(dest / "mkdocs.yml")
    terms = list(yaml.safe_load((dest / "glossary.yml").read_text(encoding="utf-8")))
    rng = random.Random(seed)
    sops = plan(policy, n, rng)
    ids = [s["id"] for s in sops]
    written = {"sops": 0, "translations": 0}
    for sop in sops:
        folder = dest / "docs" / sop["dept"].key
        folder.mkdir(exist_ok=True)
        name = sop["id"].lower()
        text = sop_text(policy, sop, policy.source_lang, rng, terms, ids)
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
        written["sops"] += 1
        for lang, share in TRANSLATED.items():
            if lang in policy.languages and rng.random() < share:
                text = sop_text(policy, sop, lang, rng, terms, ids)
                (folder / f"{name}.{lang}.md").write_text(text, encoding="utf-8")
                written["translations"] += 1
    return written


_MACRO = re.compile(r"""\{\{\s*(term|sop)\(\s*"([^"]*)"(?:\s*,\s*"([^"]*)")?\s*\)\s*\}\}|\{\{\s*definitions\(\)\s*\}\}""")


def strip_macros(text: str) -> str:
    """`{{ term("AHT") }}` -> `AHT`, `{{ sop("CC-001") }}` -> `CC-001`, `{{ definitions() }}` -> nothing."""
    return _MACRO.sub(lambda m: (m.group(3) or m.group(2) or "") if m.group(1) else "", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to (re)create; its contents are deleted")
    parser.add_argument("-n", type=int, default=100, help="number of SOPs (default 100)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--departments", type=int, default=12, help="5 (the example's) to 12")
    args = parser.parse_args(argv)
    counts = generate(args.dest, args.n, args.seed, args.departments)
    print(f"{args.dest}: {counts['sops']} SOPs and {counts['translations']} translations; check with HANDBOOK_TODAY={TODAY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
