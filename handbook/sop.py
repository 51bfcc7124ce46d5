"""The SOP: front matter validated against the published JSON Schema, plus its body's shape."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .fastschema import compile_schema
from .findings import Finding
from .source import SopSource
from .structure import Body, scan
from .yamlio import YamlStrictnessError, YamlSyntaxError, load_front_matter, shorten

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

DATE_FIELDS = ("last_reviewed", "effective", "next_review", "translated")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("handbook").joinpath("schema/sop.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def _validator(translation: bool = False) -> Draft202012Validator:
    """A translation carries only its own words: id, title and the source version it translates."""
    from jsonschema import Draft202012Validator  # imported when first needed: most checks never need it

    return Draft202012Validator(_schema_for(translation))


def _schema_for(translation: bool) -> dict[str, Any]:
    return {**schema(), "required": TRANSLATION_REQUIRED} if translation else schema()


TRANSLATION_REQUIRED = ["id", "title", "translation_of_version"]


@dataclass
class SOP:
    """One SOP file (a source page or a translation) as the rules and the site see it."""

    path: str
    lang: str
    is_translation: bool
    meta: dict[str, Any]
    key_lines: dict[str, int]
    item_lines: dict[str, list[int]]
    body: Body
    source: SopSource
    dates: dict[str, date] = field(default_factory=dict)  # only the valid ones
    docs_path: str = ""  # relative to docs/, with `/`: where the site finds the page

    @property
    def id(self) -> str:
        return self._text("id")

    @property
    def title(self) -> str:
        return self._text("title") or self.id

    @property
    def department(self) -> str:
        return self._text("department")

    @property
    def owner(self) -> str:
        return self._text("owner")

    @property
    def status(self) -> str:
        return self._text("status")

    @property
    def version(self) -> str:
        return self._text("version")

    @property
    def format(self) -> str:
        return self._text("format") or "simple"

    @property
    def channels(self) -> list[str]:
        value = self.meta.get("channels")
        return [c for c in value if isinstance(c, str)] if isinstance(value, list) else []

    def _text(self, key: str) -> str:
        """A front-matter value as text; empty when missing or not text (the schema reports that)."""
        value = self.meta.get(key)
        return value if isinstance(value, str) else ""

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, or of the opening fence when the key is absent."""
        return self.key_lines.get(key, 1)


def parse(source: SopSource, lang: str, is_translation: bool) -> tuple[SOP | None, list[Finding]]:
    """Validate the front matter; an SOP comes back whenever the front matter is a mapping."""
    path = source.path
    if source.front_matter is None:
        return None, [Finding(path, 1, "FM001", "no front matter: the file must start with a line `---`")]
    if source.body_line == 1:
        return None, [Finding(path, 1, "FM002", "front matter opened at line 1 is never closed with `---`")]
    try:
        loaded = load_front_matter(source.front_matter, source.front_matter_line)
    except YamlSyntaxError as exc:
        return None, [Finding(path, exc.line, "FM003", f"front matter is not valid YAML: {exc}")]
    except YamlStrictnessError as exc:
        return None, [Finding(path, exc.line, exc.code, str(exc))]
    if not isinstance(loaded.data, dict):
        return None, [Finding(path, 1, "FM004", "front matter must be `key: value` lines, not a list or a single value")]
    meta = {str(k): v for k, v in loaded.data.items()}
    sop = SOP(path, lang, is_translation, meta, loaded.key_lines, loaded.item_lines, scan(source.body, source.body_line), source)
    return sop, _schema_findings(sop) + _date_findings(sop)


@lru_cache(maxsize=2)
def _certainly_valid(translation: bool = False):
    return compile_schema(_schema_for(translation))


def _schema_findings(sop: SOP) -> list[Finding]:
    if _certainly_valid(sop.is_translation)(sop.meta):
        return []  # the common case, without jsonschema's cost; otherwise it names every error
    findings = []
    for error in _validator(sop.is_translation).iter_errors(sop.meta):
        findings.append(_explain(sop, error))
    return findings


def _explain(sop: SOP, error: Any) -> Finding:
    path = list(error.absolute_path)
    key = str(path[0]) if path else None
    line = sop.line_of(key) if key else 1
    if key and len(path) > 1 and isinstance(path[1], int):
        items = sop.item_lines.get(key, [])
        line = items[path[1]] if path[1] < len(items) else line
    value = error.instance
    if error.validator == "required" and not path:  # nested (review_log items) is FM006 below
        missing = error.message.split("'")[1]
        return Finding(sop.path, 1, "FM005", f"required field `{missing}` is missing from the front matter")
    if error.validator == "additionalProperties" and not path:
        known = list(schema()["properties"])
        unknown = [k for k in sop.meta if k not in known]
        notes = []
        for name in unknown:
            close = difflib.get_close_matches(name, known, n=1)
            notes.append(f"`{name}`" + (f" (did you mean `{close[0]}`?)" if close else ""))
        line = sop.line_of(unknown[0]) if unknown else 1
        return Finding(sop.path, line, "FM007", f"unknown front-matter key {', '.join(notes)}")
    where = key if key else "front matter"
    if key and len(path) > 1:
        where = f"{key}[{path[1]}]" + "".join(f".{p}" for p in path[2:])  # review_log[0].date
    return Finding(sop.path, line, "FM006", f"{where}: {_describe(str(path[-1]) if len(path) > 2 else key, error, value)}")


_EXPECTED = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping"}


def _describe(key: str | None, error: Any, value: Any) -> str:
    shown = shorten(json.dumps(value, ensure_ascii=False, default=str), 80)  # a huge value is never printed whole
    if error.validator == "type":
        wanted = error.validator_value
        wanted = " or ".join(_EXPECTED.get(w, w) for w in ([wanted] if isinstance(wanted, str) else wanted))
        if key == "version":
            return f"{shown} must be text MAJOR.MINOR in quotes, e.g. \"2.0\""
        return f"expected {wanted}, got {shown}"
    if error.validator == "enum":
        return f"{shown} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "pattern":
        if isinstance(value, str) and error.validator_value.startswith("^[^\\r\\n]"):
            return f"{shown} holds a line break: write it on one line (not `|` or `>`)"
        if key in DATE_FIELDS or key == "date":
            return f"{shown} is not a date in the form YYYY-MM-DD"
        if key == "version" or key == "translation_of_version":
            return f"{shown} is not MAJOR.MINOR, e.g. \"2.1\""
        if key == "lang":
            return f"{shown} is not a language code such as en, pl, hu, lv or ar"
        return f"{shown} is not an SOP id: the department prefix, a dash and three or more digits (CC-001)"
    if error.validator == "uniqueItems":
        return "lists the same value twice"
    if error.validator in ("minimum", "maximum"):
        return f"{shown} is out of range ({error.validator}: {error.validator_value})"
    if error.validator == "minLength":
        return "must not be empty"
    if error.validator == "maxLength":
        return f"has {len(value)} characters, at most {error.validator_value}: shorten it"
    if error.validator == "required":
        return f"`{error.message.split(chr(39))[1]}` is missing"
    return error.message


def _date_findings(sop: SOP) -> list[Finding]:
    findings = []
    for key in DATE_FIELDS:
        value = sop.meta.get(key)
        parsed = _real_date(value)
        if parsed:
            sop.dates[key] = parsed
        elif parsed is False:
            findings.append(Finding(sop.path, sop.line_of(key), "FM008", f"{key}: {value} is not a real calendar date"))
    log = sop.meta.get("review_log")
    lines = sop.item_lines.get("review_log", [])
    for index, entry in enumerate(log if isinstance(log, list) else []):
        value = entry.get("date") if isinstance(entry, dict) else None
        if _real_date(value) is False:
            line = lines[index] if index < len(lines) else sop.line_of("review_log")
            findings.append(Finding(sop.path, line, "FM008", f"review_log[{index}].date: {value} is not a real calendar date"))
    return findings


def _real_date(value: object) -> date | bool | None:
    """A date for YYYY-MM-DD that exists, False for one that does not (2026-02-30), None for anything else."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-" or not value.replace("-", "").isdigit():
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return False
