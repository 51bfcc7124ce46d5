"""Findings: what a rule says about an SOP, and the catalogue of rule codes.

Every rule has a stable code, a severity and a one-line hint on how to fix it.
The codes are a user-facing contract: CI logs, editor integrations and the
CONTRIBUTING guide refer to them, so never renumber one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    hint: str


_E, _W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = {
    r.code: r
    for r in [
        # The file itself
        Rule("F001", _E, "file is empty", "Start the file with front matter; `handbook new` writes a complete skeleton."),
        Rule("F002", _E, "file is not UTF-8 text", "Save the file as UTF-8 (with or without BOM) in your editor."),
        Rule("F003", _E, "file is binary", "Only Markdown text belongs here; move images to an assets folder."),
        Rule("F004", _E, "a link leading outside the repository", "Copy the file or folder into the repository instead of linking to it."),
        Rule("F005", _E, "a file name that cannot be reported", "Rename the file: UTF-8 letters, digits and dashes, no line breaks (`handbook new` picks the name)."),
        # Front matter
        Rule("FM001", _E, "front matter missing", "Start the file with a line `---`, the SOP's fields, then a closing `---`."),
        Rule("FM002", _E, "front matter not closed", "Add a line `---` after the last front-matter field."),
        Rule("FM003", _E, "front matter is not valid YAML", "Fix the YAML syntax at the line given (indentation, a missing colon, quotes)."),
        Rule("FM004", _E, "front matter is not a mapping", "Write the front matter as `key: value` lines."),
        Rule("FM005", _E, "required field missing", "Add the field to the front matter; see handbook/schema/sop.schema.json."),
        Rule("FM006", _E, "field has the wrong type or value", "Correct the value as the message says; see handbook/schema/sop.schema.json."),
        Rule("FM007", _E, "unknown front-matter key", "Remove the key or correct its spelling; only the schema's keys are allowed."),
        Rule("FM008", _E, "not a real date", "Write an existing calendar date as YYYY-MM-DD."),
        Rule("FM009", _E, "last_reviewed is in the future", "Set last_reviewed to the date the review actually happened."),
        Rule("FM010", _E, "a front-matter key is written twice", "Keep one of the two lines: YAML would silently use the last, a reviewer reads the first."),
        Rule("FM011", _E, "a YAML alias in the front matter", "Write the value out instead of `*name`: an SOP's front matter never needs anchors or aliases."),
        # Identity and cross-references
        Rule("ID001", _E, "unknown department", "Use a department key from extra.handbook.departments in mkdocs.yml."),
        Rule("ID002", _E, "id prefix does not match the department", "Renumber the SOP with its department's prefix (`handbook new` picks the next free id)."),
        Rule("ID003", _E, "duplicate id", "Give one of the SOPs the next free id of its department."),
        Rule("ID004", _E, "reference to an SOP id that does not exist", "Correct the id or remove it from the list."),
        Rule("ID005", _E, "sop() links to an SOP id that does not exist", "Correct the id in the sop() call."),
        # Sections and formats
        Rule("SEC001", _E, "required section missing", "Add a level-2 heading with one of the accepted names."),
        Rule("SEC002", _E, "required section is empty", "Write the section's content below its heading."),
        Rule("TODO001", _E, "placeholder text left in the SOP", "Replace the TODO placeholder `handbook new` wrote with the real content."),
        Rule("FMT001", _E, "simple SOP without numbered steps", "Write the Procedure as a numbered list (`1. ...`)."),
        Rule("FMT002", _E, "hierarchical SOP with fewer than two stages", "Split the Procedure into at least two `###` stages."),
        Rule("FMT003", _E, "flowchart SOP without a Mermaid flowchart", "Add a ```mermaid block starting with `flowchart TD` to the Procedure."),
        Rule("FMT004", _E, "hierarchical SOP with a stage without numbered steps", "Write the stage's steps as a numbered list (`1. ...`) under its `###` heading."),
        # Page templates (handbook/templating)
        Rule("TPL001", _E, "template code cannot be read", "Close the `{{ }}` or `{% %}` at the line given; to show braces as text, put them in backticks: `{{ticket.title}}`."),
        Rule("TPL002", _E, "not a handbook macro or page field", "Use term(), sop(), definitions() or a front-matter field; to show braces as text, write them in backticks or as {{ '{{' }}."),
        Rule("TPL003", _E, "template code the sandbox refuses", "Pages may only call term(), sop(), definitions() and read their front matter: remove the expression."),
        Rule("TPL004", _E, "another tool's shortcode", "MkDocs has no shortcodes: write a Material admonition (`!!! note`), a Markdown link or image, or the text itself."),
        Rule("TPL005", _E, "macro called with the wrong arguments", 'Call term("KEY") or term("KEY", "shown text"), sop("ID") and definitions() as written in CONTRIBUTING.md.'),
        Rule("TPL006", _E, "template code over the limits of a page", "Template code may only fill in macros and front-matter fields: remove the repetition, large number or loop at the line given."),
        # Lists that GitHub's preview shows differently (handbook/lists.py)
        Rule("MD001", _W, "list item directly after a paragraph line", "Put a blank line before the item: without one, only GitHub starts a list there."),
        Rule("MD002", _W, "bulleted and numbered items in one list", "To nest the item, indent it to the text of the item above (3 spaces under `1.`, 4 under `10.`); for a separate list, put a sentence between the two."),
        Rule("MD003", _W, "list numbered `1)`", "Number the items `1.`, `2.`, ...: only GitHub reads `1)` as a list."),
        # Self-assessment (handbook/quiz.py)
        Rule("QZ001", _E, "a self-assessment question without a right answer", "Tick the right option(s) as `- [x] ...`; the others stay `- [ ] ...`."),
        Rule("QZ002", _E, "the same option twice in a question", "Remove the repeated option or reword one of the two."),
        Rule("QZ003", _E, "a self-assessment question with one option", "Add at least one wrong answer as `- [ ] ...`: with one option there is nothing to choose."),
        Rule("QZ004", _E, "a self-assessment question without options", "Below the `### ` question, list the options as `- [x] right` and `- [ ] wrong` (CONTRIBUTING.md, Self-assessment)."),
        Rule("QZ005", _E, "self-assessment missing or without questions", "Add the self-assessment section with at least one `### ` question; `handbook new` writes a skeleton."),
        Rule("QZ006", _E, "an option without a box or without text", "Write every option as `- [ ] text` (wrong) or `- [x] text` (right)."),
        # Glossary
        Rule("GL001", _E, "glossary term not defined", "Add the term to the glossary file or correct its spelling (keys are case-sensitive)."),
        # People (handbook/people.py): everyone CODEOWNERS names
        Rule("PPL001", _E, "owner or lead missing from the people registry", 'Add `Name: "@github-user"` under extra.handbook.people in mkdocs.yml, then run `handbook codeowners`.'),
        # Translations
        Rule("TR001", _E, "translation without a source SOP", "Name the file after its source (cc-001.pl.md beside cc-001.md) or add the source SOP."),
        Rule("TR002", _E, "translation changes a field its source owns", "Remove the field from the translation: department, owner, status, version, format, channels and review dates come from the source."),
        Rule("TR003", _E, "translation id differs from its source", "Give the translation the same id as the source SOP."),
        Rule("TR004", _W, "translation is stale", "Update the translation to the source's current version, then set translation_of_version to it."),
        # Languages: every language the site is built in has its words (handbook/languages.py)
        Rule("LANG001", _E, "a built language without interface words", "Copy handbook/site/words/en.yml to the language's file (e.g. de.yml) and translate every text."),
        Rule("LANG002", _W, "interface words missing in a language", "Add the keys named to the language's words file, translated; until then readers see the English text."),
        Rule("LANG003", _W, "section headings missing in a language", "Add the language's heading to each section named in extra.handbook.sections, e.g. purpose: {en: Purpose, de: Zweck}."),
        Rule("LANG004", _W, "department names missing in a language", "Add the language to each department's `names:` in extra.handbook.departments, e.g. names: {de: Kundenservice}."),
        Rule("LANG005", _E, "a words file that cannot be used", "Write `key: text` lines, quote texts with a colon, and keep every {placeholder} of the English text."),
        # Review
        Rule("REV001", _E, "review overdue", "Review the SOP, then run `handbook review ID` or update last_reviewed."),
        Rule("REV002", _W, "review due soon", "Plan the review with the owner before the due date."),
    ]
}


@dataclass(frozen=True)
class Finding:
    """One problem in one file, at a 1-based line (0 when the whole file is meant)."""

    path: str
    line: int
    code: str
    message: str

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def hint(self) -> str:
        return self.rule.hint

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "file": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"
