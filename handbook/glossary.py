"""The glossary: terms, their definitions per language, and where they are used."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .policy import ConfigError
from .yamlio import FrontMatterLoader, YamlStrictnessError, expanded_size, refuse_surprises, shorten

# Values the glossary may stand for with its aliases written out: far above any real glossary, far below a "billion laughs".
MAX_EXPANDED_VALUES = 200_000

_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9&/]*[A-Z0-9]$")


@dataclass(frozen=True)
class Definition:
    name: str
    definition: str


@dataclass(frozen=True)
class GlossaryTerm:
    key: str  # what authors write in term("...")
    name: str
    definition: str
    translations: dict[str, Definition] = field(default_factory=dict)

    @property
    def is_abbreviation(self) -> bool:
        """Abbreviations (AHT, CSAT) get a tooltip wherever they appear in plain text."""
        return bool(_ABBREVIATION.match(self.key))

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.key.lower()).strip("-")

    def in_language(self, lang: str, source_lang: str = "en") -> tuple[Definition, bool]:
        """The definition in `lang`, and whether it fell back to the source language."""
        if lang in self.translations:
            return self.translations[lang], False
        return Definition(self.name, self.definition), lang != source_lang


class Glossary:
    def __init__(self, terms: dict[str, GlossaryTerm], path: Path | None = None):
        self.terms = terms
        self.path = path
        self._abbreviation_pattern: re.Pattern[str] | None | bool = None

    def __contains__(self, key: str) -> bool:
        return key in self.terms

    def __getitem__(self, key: str) -> GlossaryTerm:
        return self.terms[key]

    def __len__(self) -> int:
        return len(self.terms)

    def sorted(self) -> list[GlossaryTerm]:
        return sorted(self.terms.values(), key=lambda t: t.key.casefold())

    def abbreviations(self) -> list[GlossaryTerm]:
        return [t for t in self.sorted() if t.is_abbreviation]

    def used_in(self, text: str, called: list[str] = ()) -> list[GlossaryTerm]:
        """Terms a page uses: every term() call, and every abbreviation written as a word."""
        keys = {key for key in called if key in self.terms}
        if self._abbreviation_pattern is None:
            names = sorted((t.key for t in self.abbreviations()), key=len, reverse=True)
            self._abbreviation_pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else False
        if self._abbreviation_pattern:
            keys.update(self._abbreviation_pattern.findall(text))
        return sorted((self.terms[k] for k in keys), key=lambda t: t.key.casefold())


def load_glossary(path: Path, shown: str | None = None) -> Glossary:
    """Read the glossary file; a missing or malformed one is a configuration error."""
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{shown}: glossary file not found; create it or correct extra.handbook.glossary in mkdocs.yml") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot be read as UTF-8 text: {exc}") from None
    try:
        loader = FrontMatterLoader(text)
        try:
            node = loader.get_single_node()
            refuse_surprises(node, 1, allow_aliases=True)
            if expanded_size(node) > MAX_EXPANDED_VALUES:
                raise ConfigError(f"{shown}: its YAML aliases (`*name`) stand for over {MAX_EXPANDED_VALUES} values; write the entries out")
            raw = (loader.construct_document(node) if node is not None else None) or {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 1) if exc.problem_mark else 0
        raise ConfigError(f"{shown}:{line}: not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{shown}: not valid YAML: {shorten(exc, 200)}") from None
    except YamlStrictnessError as exc:
        raise ConfigError(f"{shown}:{exc.line}: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{shown}: expected a mapping of term -> {{name, definition}}")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    terms = {}
    for key, entry in raw.items():
        at = f"{shown}:{lines.get(key, 0)}: term {shorten(repr(key))}"
        if not isinstance(entry, dict) or not isinstance(entry.get("definition"), str) or not entry["definition"].strip():
            raise ConfigError(f"{at}: needs a `definition:` (and optionally `name:` and `translations:`)")
        unknown = set(entry) - {"name", "definition", "translations"}
        if unknown:
            raise ConfigError(f"{at}: unknown setting(s) {', '.join(sorted(map(str, unknown)))}; use name, definition, translations")
        translations = {}
        if not isinstance(entry.get("translations") or {}, dict):
            raise ConfigError(f"{at}: `translations:` maps languages to {{name, definition}}, e.g. pl: {{definition: ...}}, not a list")
        for lang, tr in (entry.get("translations") or {}).items():
            if not isinstance(tr, dict) or not isinstance(tr.get("definition"), str):
                raise ConfigError(f"{at}: translation {lang!r} needs a `definition:`")
            translations[str(lang)] = Definition(str(tr.get("name") or entry.get("name") or key), tr["definition"].strip())
        terms[str(key)] = GlossaryTerm(str(key), str(entry.get("name") or key), entry["definition"].strip(), translations)
    return Glossary(terms, path)
