"""One test per rule code in handbook.findings.RULES, asserting the exact `file:line: CODE`.

Each case breaks an otherwise valid handbook in one way and states every finding the
check must report (no more, no fewer) and the message parts that matter. The cases run
in-process for speed, and once more through the real command in a subprocess for the
exit code and the absence of a traceback.
"""

from __future__ import annotations

import os

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from check_support import TempHandbook, findings_in, messages_in, with_polish

from handbook.findings import RULES, Severity

SOP = "docs/cs/cs-001.md"


@dataclass
class Expect:
    findings: list[str]  # every `file:line: CODE` the check reports, in output order
    messages: dict[str, list[str]] = field(default_factory=dict)  # prefix -> substrings of its message


CASES: dict[str, Callable[[TempHandbook], Expect]] = {}


def case(code: str):
    def register(build: Callable[[TempHandbook], Expect]) -> Callable[[TempHandbook], Expect]:
        assert code not in CASES, code
        CASES[code] = build
        return build

    return register


# -- the file itself -------------------------------------------------------------


@case("F001")
def _f001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, raw=b"")
    return Expect([f"{SOP}:0: F001"], {f"{SOP}:0: F001": ["empty"]})


@case("F002")
def _f002(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, owner="José Example", encoding="latin-1")  # é is byte 0xe9 on line 5
    return Expect([f"{SOP}:5: F002"], {f"{SOP}:5: F002": ["0xe9", "line 5", "not UTF-8"]})


@case("F003")
def _f003(hb: TempHandbook) -> Expect:
    text = hb.sop_text(SOP)
    hb.write_sop(SOP, raw=text.encode("utf-8").replace(b"## Scope", b"## Sc\x00ope"))
    return Expect([f"{SOP}:16: F003"], {f"{SOP}:16: F003": ["NUL byte at line 16"]})  # ## Scope is line 16


@case("F004")
def _f004(hb: TempHandbook) -> Expect:
    outside = hb.root.parent / "outside.md"
    outside.write_text(hb.sop_text(SOP), encoding="utf-8")
    (hb.root / "docs" / "cs").mkdir(parents=True, exist_ok=True)
    os.symlink(outside, hb.root / SOP)
    return Expect([f"{SOP}:0: F004"], {f"{SOP}:0: F004": ["a link to a file or folder outside the repository"]})


@case("F005")
def _f005(hb: TempHandbook) -> Expect:
    (hb.root / "docs" / "cs").mkdir(parents=True, exist_ok=True)
    (hb.root / "docs" / "cs").joinpath(os.fsdecode(b"cs-\xe9.md")).write_text(hb.sop_text(SOP), encoding="utf-8")
    shown = "docs/cs/cs-\\xe9.md"
    return Expect([f"{shown}:0: F005"], {f"{shown}:0: F005": ["its name is not UTF-8: the file is not checked"]})


# -- front matter ------------------------------------------------------------------


@case("FM001")
def _fm001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, text=hb.sop_text(SOP).split("---\n", 2)[2])  # the body alone
    return Expect([f"{SOP}:1: FM001"], {f"{SOP}:1: FM001": ["no front matter", "`---`"]})


@case("FM002")
def _fm002(hb: TempHandbook) -> Expect:
    text = hb.sop_text(SOP)
    hb.write_sop(SOP, text=text.replace("format: simple\n---\n", "format: simple\n"))
    return Expect([f"{SOP}:1: FM002"], {f"{SOP}:1: FM002": ["never closed"]})


@case("FM003")
def _fm003(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, title="Answering: the phone")  # line 3: a second `: ` in a plain scalar
    return Expect([f"{SOP}:3: FM003"], {f"{SOP}:3: FM003": ["not valid YAML", "mapping values"]})


@case("FM004")
def _fm004(hb: TempHandbook) -> Expect:
    body = hb.sop_text(SOP).split("---\n", 2)[2]
    hb.write_sop(SOP, text="---\n- id: CS-001\n- title: A list, not a mapping\n---\n" + body)
    return Expect([f"{SOP}:1: FM004"], {f"{SOP}:1: FM004": ["key: value"]})


@case("FM005")
def _fm005(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, owner=None)
    return Expect([f"{SOP}:1: FM005"], {f"{SOP}:1: FM005": ["`owner`", "missing"]})


@case("FM006")
def _fm006(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, status="published")  # line 6
    return Expect(
        [f"{SOP}:6: FM006"],
        {f"{SOP}:6: FM006": ['status: "published" is not one of draft, in-review, approved, retired']},
    )


@case("FM007")
def _fm007(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, last_reviewd="2026-09-01")  # appended after format: line 10
    return Expect(
        [f"{SOP}:10: FM007"],
        {f"{SOP}:10: FM007": ["unknown front-matter key `last_reviewd` (did you mean `last_reviewed`?)"]},
    )


@case("FM008")
def _fm008(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, last_reviewed="2026-02-30")  # line 8; no review finding from a non-date
    return Expect([f"{SOP}:8: FM008"], {f"{SOP}:8: FM008": ["last_reviewed: 2026-02-30 is not a real calendar date"]})


@case("FM010")
def _fm010(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, format="simple\ntitle: Another title")  # title on line 3, again on line 10
    return Expect([f"{SOP}:10: FM010"], {f"{SOP}:10: FM010": ["key `title` is written twice: first at line 3"]})


@case("FM011")
def _fm011(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, owner="&who Ana Example", approved_by="[*who]")  # anchored on line 5
    return Expect([f"{SOP}:5: FM011"], {f"{SOP}:5: FM011": ["value anchored at line 5", "YAML alias"]})


@case("FM009")
def _fm009(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, last_reviewed="2026-12-01")  # after --today 2026-11-23
    return Expect([f"{SOP}:8: FM009"], {f"{SOP}:8: FM009": ["last_reviewed 2026-12-01 is after today (2026-11-23)"]})


# -- identity and cross-references ---------------------------------------------------


@case("ID001")
def _id001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, department="sales")  # line 4
    return Expect(
        [f"{SOP}:4: ID001"],
        {f"{SOP}:4: ID001": ["unknown department `sales`", "customer-service", "billing"]},
    )


@case("ID002")
def _id002(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, id="BR-001")  # line 2; department stays customer-service
    return Expect(
        [f"{SOP}:2: ID002"],
        {f"{SOP}:2: ID002": ["id BR-001 has prefix BR, but department `customer-service` uses CS"]},
    )


@case("ID003")
def _id003(hb: TempHandbook) -> Expect:
    other = "docs/cs/cs-002.md"
    hb.write_sop(SOP)
    hb.write_sop(other, id="CS-001")
    return Expect(
        [f"{SOP}:2: ID003", f"{other}:2: ID003"],
        {
            f"{SOP}:2: ID003": [f"id CS-001 is also used by {other}"],
            f"{other}:2: ID003": [f"id CS-001 is also used by {SOP}"],
        },
    )


@case("ID004")
def _id004(hb: TempHandbook) -> Expect:
    hb.write_sop("docs/cs/cs-002.md")
    hb.write_sop(SOP, related="\n  - CS-002\n  - CS-099")  # related: line 10, items on 11 and 12
    return Expect([f"{SOP}:12: ID004"], {f"{SOP}:12: ID004": ["related lists CS-099, but no SOP has that id"]})


@case("ID005")
def _id005(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Scope": 'All inbound calls; callbacks follow {{ sop("CS-404") }}.'})
    line = hb.line_of(SOP, 'sop("CS-404")')
    assert line == 18  # the layout check_support documents: ## Scope on 16, its text on 18
    return Expect([f"{SOP}:{line}: ID005"], {f"{SOP}:{line}: ID005": ['sop("CS-404") links to an id no SOP has']})


# -- sections and formats ------------------------------------------------------------


@case("SEC001")
def _sec001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Scope": None})
    # No heading to point at: the finding is on the first line of the body (after the fence on 10).
    return Expect(
        [f"{SOP}:11: SEC001"],
        {f"{SOP}:11: SEC001": ["required section Scope is missing: add a heading `## Scope`"]},
    )


@case("SEC002")
def _sec002(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Purpose": ""})
    return Expect([f"{SOP}:12: SEC002"], {f"{SOP}:12: SEC002": ["required section Purpose is empty"]})


@case("FMT001")
def _fmt001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Procedure": "- Greet the caller.\n- Close the call."})
    line = hb.line_of(SOP, "## Procedure")
    return Expect([f"{SOP}:{line}: FMT001"], {f"{SOP}:{line}: FMT001": ["format is simple", "numbered list"]})


@case("FMT002")
def _fmt002(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, format="hierarchical", sections={"Procedure": "### Answer\n\n1. Greet the caller."})
    line = hb.line_of(SOP, "## Procedure")
    return Expect([f"{SOP}:{line}: FMT002"], {f"{SOP}:{line}: FMT002": ["1 stage heading(s)", "at least two `###` stages"]})


@case("FMT004")
def _fmt004(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, format="hierarchical", sections={"Procedure": "### Answer\n\nGreet the caller.\n\n### Close\n\n1. Say goodbye."})
    line = hb.line_of(SOP, "### Answer")
    return Expect([f"{SOP}:{line}: FMT004"], {f"{SOP}:{line}: FMT004": ["stage `Answer`", "no numbered steps"]})


@case("FMT003")
def _fmt003(hb: TempHandbook) -> Expect:
    hb.write_sop(
        SOP,
        format="flowchart",
        sections={"Procedure": "```mermaid\nsequenceDiagram\n    Agent->>Caller: Greeting\n```"},
    )
    line = hb.line_of(SOP, "## Procedure")
    return Expect([f"{SOP}:{line}: FMT003"], {f"{SOP}:{line}: FMT003": ["format is flowchart", "mermaid"]})


@case("TODO001")
def _todo001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": "TODO: How staff learn this procedure."})
    line = hb.line_of(SOP, "TODO: How staff")
    return Expect([f"{SOP}:{line}: TODO001"], {f"{SOP}:{line}: TODO001": ["placeholder left in the text: TODO: How staff learn this procedure."]})


# -- page templates (the same sandbox as the build) -------------------------------------


@case("TPL001")
def _tpl001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": 'Agents practise the {{ term("AHT" }} target.'})
    line = hb.line_of(SOP, 'term("AHT" }}')
    return Expect([f"{SOP}:{line}: TPL001"], {f"{SOP}:{line}: TPL001": ["the template code cannot be read: unexpected '}', expected ')'"]})


@case("TPL002")
def _tpl002(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": "Reply with the title {{ticket.title}} filled in."})
    line = hb.line_of(SOP, "{{ticket.title}}")
    return Expect([f"{SOP}:{line}: TPL002"], {f"{SOP}:{line}: TPL002": ["`ticket` is not a handbook macro or a field of this page"]})


@case("TPL003")
def _tpl003(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": "Agents learn {{ ''.__class__ }} by heart."})
    line = hb.line_of(SOP, "__class__")
    return Expect([f"{SOP}:{line}: TPL003"], {f"{SOP}:{line}: TPL003": ["tried something pages may not do (`__class__` is an internal attribute)"]})


@case("TPL004")
def _tpl004(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": "{{< alert >}}\nShadow a senior agent first.\n{{< /alert >}}"})
    line = hb.line_of(SOP, "{{< alert >}}")
    return Expect([f"{SOP}:{line}: TPL004"], {f"{SOP}:{line}: TPL004": ["`{{< alert >}}` is another tool's shortcode", "`!!! warning"]})


@case("TPL005")
def _tpl005(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": "See {{ sop() }} first."})
    line = hb.line_of(SOP, "{{ sop() }}")
    return Expect([f"{SOP}:{line}: TPL005"], {f"{SOP}:{line}: TPL005": ["sop() is called wrongly: missing a required argument: 'sop_id'"]})


@case("TPL006")
def _tpl006(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": 'Repeat {{ "x" * 10**10 }} times.'})
    line = hb.line_of(SOP, "10**10")
    return Expect([f"{SOP}:{line}: TPL006"], {f"{SOP}:{line}: TPL006": ["this page's template was stopped: `'x' * 10000000000` would make about 10,000,000,000 characters"]})


# -- lists GitHub shows otherwise (more cases: test_check_lists.py) ---------------------


@case("MD001")
def _md001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Responsibilities": "Agents:\n- answer the phone;\n- log the call."})
    line = hb.line_of(SOP, "- answer the phone")
    return Expect([f"{SOP}:{line}: MD001"], {f"{SOP}:{line}: MD001": ["`-` starts a list item on GitHub", "no blank line before it"]})


@case("MD002")
def _md002(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Procedure": "1. Greet the caller.\n2. Verify the caller.\n- Close the call."})
    line = hb.line_of(SOP, "- Close the call")
    return Expect([f"{SOP}:{line}: MD002"], {f"{SOP}:{line}: MD002": ["`-` starts a bulleted item after a numbered list", "adds the item to the list above"]})


@case("MD003")
def _md003(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Procedure": "1. Greet the caller.\n\nThen:\n\n1) Verify the caller.\n2) Close the call."})
    line = hb.line_of(SOP, "1) Verify")
    return Expect([f"{SOP}:{line}: MD003"], {f"{SOP}:{line}: MD003": ["`1)` numbers a list on GitHub", "shows the line as text"]})


# -- glossary and review ---------------------------------------------------------------


# -- self-assessment (handbook/quiz.py; more cases in tests/quiz/test_quiz_check.py) ------


def _quiz(hb: TempHandbook, options: str) -> int:
    hb.write_sop(SOP, sections={"Self-assessment": "### Can you skip verification?\n\n" + options})
    return hb.line_of(SOP, "### Can you skip verification?")


@case("QZ001")
def _qz001(hb: TempHandbook) -> Expect:
    line = _quiz(hb, "- [ ] Yes\n- [ ] No\n")
    return Expect([f"{SOP}:{line}: QZ001"], {f"{SOP}:{line}: QZ001": ["has no right answer"]})


@case("QZ002")
def _qz002(hb: TempHandbook) -> Expect:
    line = _quiz(hb, "- [x] No\n- [ ] Yes\n- [ ] no\n")
    return Expect([f"{SOP}:{line + 4}: QZ002"], {f"{SOP}:{line + 4}: QZ002": [f"option `no` is also on line {line + 2}"]})


@case("QZ003")
def _qz003(hb: TempHandbook) -> Expect:
    line = _quiz(hb, "- [x] No\n")
    return Expect([f"{SOP}:{line}: QZ003"], {f"{SOP}:{line}: QZ003": ["has one option"]})


@case("QZ004")
def _qz004(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Self-assessment": '??? question "Can you skip verification?"\n    No.\n'})
    line = hb.line_of(SOP, "??? question")
    return Expect([f"{SOP}:{line}: QZ004"], {f"{SOP}:{line}: QZ004": ["a free-text question"]})


@case("QZ005")
def _qz005(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Self-assessment": "Think about what you read."})
    line = hb.line_of(SOP, "## Self-assessment")
    return Expect([f"{SOP}:{line}: QZ005"], {f"{SOP}:{line}: QZ005": ["has no questions"]})


@case("QZ006")
def _qz006(hb: TempHandbook) -> Expect:
    line = _quiz(hb, "- [x] No\n- Yes\n- [ ] Maybe\n")
    return Expect([f"{SOP}:{line + 3}: QZ006"], {f"{SOP}:{line + 3}: QZ006": ["a list item without a box"]})


@case("GL001")
def _gl001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, sections={"Training": 'New agents practise a {{ term("Kallback") }} with a senior agent.'})
    line = hb.line_of(SOP, 'term("Kallback")')
    return Expect(
        [f"{SOP}:{line}: GL001"],
        {f"{SOP}:{line}: GL001": ['term("Kallback") is not in the glossary (did you mean Callback?)']},
    )


@case("PPL001")
def _ppl001(hb: TempHandbook) -> Expect:
    config = hb.root / "mkdocs.yml"  # a people registry: CODEOWNERS is in use, so every owner must be in it
    config.write_text(config.read_text(encoding="utf-8").replace("    departments:\n", '    people: {Ana Example: "@ana", Omar Example: "@omar"}\n    departments:\n', 1), encoding="utf-8")
    hb.write_sop(SOP, owner="Zoe Unknown")
    return Expect([f"{SOP}:5: PPL001"], {f"{SOP}:5: PPL001": ["owner Zoe Unknown is not in the people registry"]})


# -- languages (the handbook's own words folder, `words/`, over the package's) -----------


def _with_language(hb: TempHandbook, lang: str) -> None:
    config = hb.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [en]", f"languages: [en, {lang}]"), encoding="utf-8")


def _own_words(hb: TempHandbook, lang: str, drop: tuple[str, ...] = (), target: str = "", **replace: str) -> None:
    """The package's words for `lang` copied into the handbook's words/ folder (as `target`), minus `drop`."""
    from handbook.site.interface_words import WORDS_DIR, read_words, scalar_line

    entries = {k: replace.get(k.replace(".", "_").replace("-", "_"), v) for k, v in read_words(WORDS_DIR / f"{lang}.yml").items() if k not in drop}
    hb.write(f"words/{target or lang}.yml", "".join(scalar_line(k, v) + "\n" for k, v in entries.items()))


@case("LANG001")
def _lang001(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    _with_language(hb, "de")
    hb.root.joinpath("mkdocs.yml").write_text(hb.root.joinpath("mkdocs.yml").read_text(encoding="utf-8").replace("[en, pl]", "[en, pl, de]"), encoding="utf-8")
    hb.write_sop(SOP)
    return Expect(
        ["mkdocs.yml:0: LANG003", "mkdocs.yml:0: LANG004", "words/de.yml:0: LANG001"],
        {"words/de.yml:0: LANG001": ["built in de", "no de interface words", "to words/de.yml and translate it"], "mkdocs.yml:0: LANG003": ["no de heading for purpose"]},
    )


@case("LANG002")
def _lang002(hb: TempHandbook) -> Expect:
    """A language the package has no words for, added in the handbook's words/ folder with two keys left out."""
    _with_language(hb, "de")
    _own_words(hb, "en", drop=("owner", "state.overdue"), target="de")
    hb.write_sop(SOP)
    return Expect(
        ["mkdocs.yml:0: LANG003", "mkdocs.yml:0: LANG004", "words/de.yml:0: LANG002"],
        {"words/de.yml:0: LANG002": ["2 interface word(s) missing in de, shown in English: owner, state.overdue"]},
    )


@case("LANG003")
def _lang003(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    config = hb.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("{en: Training, pl: Szkolenie}", "{en: Training}"), encoding="utf-8")
    hb.write_sop(SOP)
    return Expect(["mkdocs.yml:0: LANG003"], {"mkdocs.yml:0: LANG003": ["no pl heading for training:", "handbook new --language pl"]})


@case("LANG004")
def _lang004(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    config = hb.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("        names: {pl: Dział BR}\n", ""), encoding="utf-8")
    hb.write_sop(SOP)
    return Expect(["mkdocs.yml:0: LANG004"], {"mkdocs.yml:0: LANG004": ["no pl name for department billing:", "names: {pl: ...}"]})


@case("LANG005")
def _lang005(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    _own_words(hb, "pl", banner_superseded="Zastąpiona przez {odnośnik}.")
    hb.write_sop(SOP)
    return Expect(["words/pl.yml:0: LANG005"], {"words/pl.yml:0: LANG005": ["{placeholders} of banner.superseded differ from en.yml"]})


@case("REV001")
def _rev001(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, last_reviewed="2025-06-01")  # 12 months: due 2026-06-01
    days = (date(2026, 11, 23) - date(2026, 6, 1)).days
    return Expect(
        [f"{SOP}:8: REV001"],
        {f"{SOP}:8: REV001": [f"review overdue: due 2026-06-01, {days} day(s) ago (owner: Ana Example)"]},
    )


@case("REV002")
def _rev002(hb: TempHandbook) -> Expect:
    hb.write_sop(SOP, last_reviewed="2025-12-10")  # due 2026-12-10: 17 days after 2026-11-23
    return Expect(
        [f"{SOP}:8: REV002"],
        {f"{SOP}:8: REV002": ["review due soon: due 2026-12-10, in 17 day(s) (owner: Ana Example)"]},
    )


# -- the tests ---------------------------------------------------------------------------


# -- translations ---------------------------------------------------------------------

TRANSLATION = "docs/cs/cs-001.pl.md"


def _with_polish(hb: TempHandbook) -> None:
    with_polish(hb.root)


def _translation(hb: TempHandbook, path: str = TRANSLATION, **fields: str) -> None:
    """A translation with only its own fields: id, title and the source version it follows."""
    front = {"id": "CS-001", "title": "Odbieranie połączeń", "translation_of_version": '"1.0"', **fields}
    text = hb.sop_text(SOP)
    body = text.split("---\n", 2)[2]
    hb.write_sop(path, text="---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n" + body)


@case("TR001")
def _tr001(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    _translation(hb)  # no docs/cs/cs-001.md beside it
    return Expect([f"{TRANSLATION}:1: TR001"], {f"{TRANSLATION}:1: TR001": ["no source SOP cs/cs-001.md", "pl translation"]})


@case("TR002")
def _tr002(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    hb.write_sop(SOP)
    _translation(hb, owner="Someone Else")
    return Expect([f"{TRANSLATION}:5: TR002"], {f"{TRANSLATION}:5: TR002": ["`owner` is set by the source"]})


@case("TR003")
def _tr003(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    hb.write_sop(SOP)
    _translation(hb, id="CS-002")
    return Expect([f"{TRANSLATION}:2: TR003"], {f"{TRANSLATION}:2: TR003": ["CS-002 differs from the source's id CS-001"]})


@case("TR004")
def _tr004(hb: TempHandbook) -> Expect:
    _with_polish(hb)
    hb.write_sop(SOP, version='"1.2"')
    _translation(hb)
    return Expect([f"{TRANSLATION}:4: TR004"], {f"{TRANSLATION}:4: TR004": ["translates version 1.0", "at version 1.2"]})


def test_translation_with_headings_in_its_language_passes(handbook_dir: TempHandbook):
    _with_polish(handbook_dir)
    handbook_dir.write_sop(SOP)
    _translation(handbook_dir)
    text = (handbook_dir.root / TRANSLATION).read_text(encoding="utf-8").replace("## Scope", "## Zakres")
    (handbook_dir.root / TRANSLATION).write_text(text, encoding="utf-8")
    code, out, _ = handbook_dir.check()
    assert code == 0, out
    assert findings_in(out) == []


def test_every_rule_code_has_a_case():
    assert sorted(CASES) == sorted(RULES)


def test_a_valid_sop_passes(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP)
    handbook_dir.write_sop("docs/billing/br-001.md")
    code, out, err = handbook_dir.check()
    assert (code, err) == (0, "")
    assert out == "passed: 2 SOP file(s) checked, 0 error(s), 0 warning(s) (reviews as of 2026-11-23)\n"


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule(handbook_dir: TempHandbook, code: str):
    expect = CASES[code](handbook_dir)
    exit_code, out, err = handbook_dir.check()
    assert findings_in(out) == expect.findings, out
    reported = messages_in(out)
    for prefix, parts in expect.messages.items():
        (message,) = reported[prefix]
        for part in parts:
            assert part in message, f"{prefix}: {part!r} not in {message!r}"
    severity = RULES[code].severity
    if severity is Severity.WARNING:
        assert f"{expect.findings[0]} warning " in out
    assert exit_code == (1 if severity is Severity.ERROR else 0)
    assert err == ""


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_through_the_command(handbook_dir: TempHandbook, code: str):
    expect = CASES[code](handbook_dir)
    result = handbook_dir.run_check()
    assert "Traceback" not in result.err
    assert result.err == ""
    assert findings_in(result.out) == expect.findings, result.out
    assert result.code == (1 if RULES[code].severity is Severity.ERROR else 0)


# -- more about single rules -----------------------------------------------------------


def test_fm005_names_every_missing_field(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, owner=None, version=None)
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:1: FM005", f"{SOP}:1: FM005"]
    assert sorted(messages_in(out)[f"{SOP}:1: FM005"]) == [
        "required field `owner` is missing from the front matter",
        "required field `version` is missing from the front matter",
    ]


def test_fm006_points_at_the_offending_list_item(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, channels="\n  - phone\n  - fax")  # channels: 10, phone: 11, fax: 12
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:12: FM006"]
    assert messages_in(out)[f"{SOP}:12: FM006"] == ['channels[1]: "fax" is not one of phone, face-to-face, chat, email, print']


def test_fm006_unquoted_whole_number_version(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, version="2")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:7: FM006"]
    assert "must be text MAJOR.MINOR in quotes" in out


def test_fm006_bad_id_pattern(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, id="CS-1")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:2: FM006"]
    assert "is not an SOP id" in out


def test_fm007_reports_several_unknown_keys_once_at_the_first(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, ownr="Ana", reviewer="Bob")  # lines 10 and 11
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: FM007"]
    (message,) = messages_in(out)[f"{SOP}:10: FM007"]
    assert "`ownr` (did you mean `owner`?)" in message
    assert "`reviewer`" in message


def test_fm008_on_next_review_points_at_next_review(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, next_review="2027-13-01")  # line 10
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: FM008"]


def test_fm003_line_of_a_broken_flow_list(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, tags="[greeting, inbound", format=None)  # tags on line 9, never closed
    _, out, _ = handbook_dir.check()
    (finding,) = findings_in(out)
    assert finding.endswith(": FM003")
    line = int(finding.split(":")[1])
    assert 9 <= line <= 10, out  # the unclosed list, or the fence where YAML noticed it


def test_id004_in_a_flow_list_and_supersedes(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/cs/cs-002.md")
    handbook_dir.write_sop(SOP, related="[CS-002, CS-077]", supersedes="[CS-404]")  # lines 10 and 11
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: ID004", f"{SOP}:11: ID004"]
    assert "supersedes lists CS-404, but no SOP has that id" in out


def test_id004_suggests_a_close_id(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/cs/cs-002.md")
    handbook_dir.write_sop(SOP, related="[CS-003]")
    _, out, _ = handbook_dir.check()
    assert "related lists CS-003, but no SOP has that id (did you mean CS-002?)" in out


def test_id003_ignores_translations_of_the_same_id(handbook_dir: TempHandbook):
    """Same id in another language is a translation, not a duplicate."""
    _with_polish(handbook_dir)
    handbook_dir.write_sop(SOP)
    handbook_dir.write_sop("docs/cs/cs-001.pl.md", lang="pl", translation_of_version='"1.0"')
    code, out, _ = handbook_dir.check()
    assert "ID003" not in out
    assert code == 0, out


def test_id005_accepts_a_known_id_and_single_quotes(handbook_dir: TempHandbook):
    handbook_dir.write_sop("docs/cs/cs-002.md")
    handbook_dir.write_sop(SOP, sections={"Scope": "See {{ sop('CS-002') }} and {{ sop('CS-003') }}."})
    line = handbook_dir.line_of(SOP, "sop('CS-003')")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: ID005"]
    assert 'sop("CS-003") links to an id no SOP has (did you mean CS-002?)' in out


def test_sec001_accepts_numbered_and_attributed_headings(handbook_dir: TempHandbook):
    text = handbook_dir.sop_text(SOP).replace("## Scope\n", "## 2. scope {#scope}\n")
    handbook_dir.write_sop(SOP, text=text)
    code, out, _ = handbook_dir.check()
    assert code == 0, out


def test_sec001_lists_every_missing_section(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Training": None, "Documentation": None})
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:11: SEC001", f"{SOP}:11: SEC001"]
    assert sorted(messages_in(out)[f"{SOP}:11: SEC001"]) == [
        "required section Documentation is missing: add a heading `## Documentation`",
        "required section Training is missing: add a heading `## Training`",
    ]


def test_sec001_message_lists_every_accepted_heading(handbook_dir: TempHandbook):
    config = handbook_dir.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("training: {en: Training}", "training: {en: [Training, Induction]}"),
        encoding="utf-8",
    )
    handbook_dir.write_sop(SOP, sections={"Training": None})
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:11: SEC001"]
    assert "required section Training is missing: add a heading `## Training` or `## Induction`" in out


def test_sec002_a_section_with_only_blank_lines_and_a_comment_is_empty(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Training": "\n<!-- to be written -->\n"})
    line = handbook_dir.line_of(SOP, "## Training")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: SEC002"]


def test_sec002_and_format_rules_do_not_pile_up_on_an_empty_procedure(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, format="hierarchical", sections={"Procedure": ""})
    line = handbook_dir.line_of(SOP, "## Procedure")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: SEC002"]


def test_gl001_without_a_close_match(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Training": 'Learn {{ term("Escalation matrix") }}.'})
    line = handbook_dir.line_of(SOP, "Escalation matrix")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:{line}: GL001"]
    assert messages_in(out)[f"{SOP}:{line}: GL001"] == ['term("Escalation matrix") is not in the glossary']


def test_gl001_keys_are_case_sensitive(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, sections={"Training": 'Practise {{ term("kba") }} questions.'})
    _, out, _ = handbook_dir.check()
    assert [f.split(": ")[1] for f in findings_in(out)] == ["GL001"]


def test_rev001_on_next_review_points_at_next_review(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, next_review="2026-11-01")  # line 10
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:10: REV001"]
    assert "review overdue: due 2026-11-01, 22 day(s) ago" in out


def test_fm009_stops_the_review_rule(handbook_dir: TempHandbook):
    handbook_dir.write_sop(SOP, last_reviewed="2027-01-01", next_review="2026-01-01")
    _, out, _ = handbook_dir.check()
    assert findings_in(out) == [f"{SOP}:8: FM009"]
