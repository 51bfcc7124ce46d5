"""The handbook policy: `extra.handbook` in mkdocs.yml, read without MkDocs (each value checked in handbook/settings.py).

The command-line check and the site build read the same policy object, so a
department, a required section or a review interval is defined once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import acknowledgement, settings
from .language_list import i18n_languages, language_mismatch, plugin_options
from .settings import DEPARTMENT_KEY, ID_PREFIX, ConfigError
from .yamlio import load_config_text


@dataclass(frozen=True)
class Department:
    key: str
    name: str
    prefix: str
    lead: str
    review_interval_months: int | None = None
    names: dict[str, str] = field(default_factory=dict)  # language -> translated name

    self_assessment: bool | None = None  # required here (True), not (False), or as the handbook says (None)

    def name_in(self, lang: str) -> str:
        return self.names.get(lang, self.name)


@dataclass(frozen=True)
class RequiredSection:
    """A section every SOP must have, with the headings accepted per language."""

    key: str
    headings: dict[str, tuple[str, ...]]  # language -> accepted headings

    def accepted(self, lang: str, source_lang: str) -> tuple[str, ...]:
        """Headings accepted on a page in `lang`; the source language's always count."""
        names = list(self.headings.get(lang, ()))
        for name in self.headings.get(source_lang, ()):
            if name not in names:
                names.append(name)
        return tuple(names)

    def label(self, lang: str, source_lang: str) -> str:
        return self.accepted(lang, source_lang)[0]


@dataclass(frozen=True)
class ReviewPolicy:
    default_interval_months: int = 12
    due_soon_days: int = 30
    exempt_statuses: tuple[str, ...] = ("draft", "retired")


@dataclass(frozen=True)
class SelfAssessmentPolicy:
    """Where an SOP's quiz is (its heading per language), whether SOPs must have one, and the share of right answers that passes."""

    section: RequiredSection = RequiredSection("self_assessment", {"en": ("Self-assessment",)})
    required: bool = False
    pass_mark: int = 100  # percent of the questions answered right

    def accepted(self, lang: str, source_lang: str) -> tuple[str, ...]:
        """The section's headings on a page in `lang`; any configured heading when neither language has one."""
        return self.section.accepted(lang, source_lang) or tuple(n for names in self.section.headings.values() for n in names)


DEFAULT_SECTIONS: dict[str, dict[str, list[str]]] = {
    "purpose": {"en": ["Purpose"], "hu": ["Cél"]},
    "scope": {"en": ["Scope"], "hu": ["Hatály"]},
    "responsibilities": {"en": ["Responsibilities"], "hu": ["Felelősség"]},
    "definitions": {"en": ["Definitions"], "hu": ["Fogalmak", "Fogalommeghatározások"]},
    "procedure": {"en": ["Procedure"], "hu": ["Eljárások", "Eljárás"]},
    "performance": {"en": ["Performance measures"], "hu": ["Teljesítménymérések"]},
    "documentation": {"en": ["Documentation"], "hu": ["Dokumentáció"]},
    "training": {"en": ["Training"], "hu": ["Képzés"]},
    "review": {"en": ["Review and approval"], "hu": ["Felülvizsgálat és jóváhagyás"]},
}

@dataclass
class Policy:
    root: Path  # folder of mkdocs.yml
    docs_dir: Path
    departments: dict[str, Department]
    sections: tuple[RequiredSection, ...]
    review: ReviewPolicy
    glossary_path: Path
    languages: tuple[str, ...] = ("en",)
    not_sops: tuple[str, ...] = ()
    config_path: Path | None = None
    site_url: str = ""
    people: dict[str, str] = field(default_factory=dict)  # owner or lead name -> GitHub user/team
    tooling_owners: tuple[str, ...] = ()  # who reviews the code CI runs (mkdocs.yml, hooks/, handbook/, .github/ ...)
    nav_max_sops: int = 50  # above it a department appears in the navigation as its index page only
    search: str = "auto"  # material, pagefind, or auto (by handbook size)
    parallel_build: str = "auto"  # auto, true or false: mkdocs build's languages in parallel processes (hooks/parallel_languages.py)
    repository_facts: bool = False  # the header's repository widget asks api.github.com for stars and forks
    on_undefined: str = "keep"  # the macros plugin's `on_undefined`: how page templates treat an unknown name
    synonyms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # section key -> language -> other names (handbook import)
    title: dict[str, str] = field(default_factory=dict)  # the home page's title per language (the interface's words when empty)
    introduction: dict[str, str] = field(default_factory=dict)  # the home page's opening paragraph per language
    self_assessment: SelfAssessmentPolicy = field(default_factory=SelfAssessmentPolicy)
    acknowledgement: str = ""  # the address template of "I have read version X" (handbook/acknowledgement.py); "" for none
    words_dir: Path | None = None  # the handbook's own interface words (<lang>.yml), over the package's
    _by_prefix: dict[str, Department] = field(default_factory=dict, repr=False)
    _accepted: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_prefix = {d.prefix: d for d in self.departments.values()}

    @property
    def source_lang(self) -> str:
        return self.languages[0]

    def accepted_headings(self, lang: str) -> tuple[tuple[str, ...], ...]:
        """`RequiredSection.accepted` for every required section, in order, for a page in `lang` (worked out once)."""
        found = self._accepted.get(lang)
        if found is None:
            found = self._accepted[lang] = tuple(s.accepted(lang, self.source_lang) for s in self.sections)
        return found

    def accepted_for(self, key: str, lang: str) -> tuple[str, ...] | None:
        """The headings accepted for the required section `key` on a page in `lang`; None when it is not required."""
        for section, accepted in zip(self.sections, self.accepted_headings(lang)):
            if section.key == key:
                return accepted
        return None

    def section(self, key: str) -> RequiredSection | None:
        return next((s for s in self.sections if s.key == key), None)

    def department_for_prefix(self, prefix: str) -> Department | None:
        return self._by_prefix.get(prefix)

    def home_text(self, setting: str, lang: str) -> str | None:
        """The home page's `title` or `introduction` in `lang`: its own, else the source language's, else None."""
        texts: dict[str, str] = getattr(self, setting)
        return texts.get(lang) or texts.get(self.source_lang)

    def requires_self_assessment(self, department: str) -> bool:
        dept = self.departments.get(department)
        if dept is not None and dept.self_assessment is not None:
            return dept.self_assessment
        return self.self_assessment.required

    def interval_months(self, department: str) -> int:
        dept = self.departments.get(department)
        if dept and dept.review_interval_months:
            return dept.review_interval_months
        return self.review.default_interval_months


def load_policy(config_path: Path) -> Policy:
    """Read `extra.handbook` from mkdocs.yml at `config_path`."""
    shown = config_path.name
    try:
        text = config_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(
            f"{config_path}: no such file. Run the command in the handbook's folder (where mkdocs.yml is) or pass --config."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{config_path}: cannot be read: {exc}") from None
    try:
        config = load_config_text(text) or {}
    except Exception as exc:  # yaml.YAMLError and friends: report, never trace
        raise ConfigError(f"{shown}: not valid YAML: {exc}") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{shown}: expected a mapping of settings at the top level")
    root = config_path.parent
    extra = config.get("extra") or {}
    raw = extra.get("handbook") if isinstance(extra, dict) else None
    if not isinstance(raw, dict):
        raise ConfigError(f"{shown}: no `extra: handbook:` section; the handbook policy (departments, sections, review) lives there")
    docs_dir = root / str(config.get("docs_dir") or "docs")
    if not docs_dir.is_dir():  # else every check would pass with "0 SOP file(s) checked"
        raise ConfigError(f"{shown}: docs_dir {docs_dir.name!r} is not a folder; create it or correct `docs_dir:` in {shown}")
    plugins = config.get("plugins")
    return policy_from_mapping(raw, root, docs_dir, shown, config_path, config.get("site_url") or "", _on_undefined(plugins), i18n_languages(plugin_options(plugins, "i18n")))


def _on_undefined(plugins: Any) -> str:
    """`on_undefined` of the macros plugin in mkdocs.yml's `plugins` (a list or a mapping); mkdocs-macros' default otherwise."""
    if isinstance(plugins, dict):
        options = plugins.get("macros")
    else:
        entries = plugins if isinstance(plugins, list) else []
        options = next((p["macros"] for p in entries if isinstance(p, dict) and "macros" in p), None)
    value = options.get("on_undefined") if isinstance(options, dict) else None
    return str(value) if value else "keep"


def policy_from_mapping(
    raw: dict[str, Any],
    root: Path,
    docs_dir: Path,
    shown: str = "mkdocs.yml",
    config_path: Path | None = None,
    site_url: str = "",
    on_undefined: str = "keep",
    i18n: tuple[str, ...] | None = None,
) -> Policy:
    """The policy from `extra.handbook`; `i18n` is the languages mkdocs-static-i18n builds (`i18n_languages`), if it is used."""
    where = f"{shown}: extra.handbook"
    settings.refuse_unknown(raw, "", where)
    if "languages" in raw:
        languages = settings.str_list(raw["languages"], f"{where}.languages") or ["en"]
        if problem := language_mismatch(languages, i18n):
            raise ConfigError(f"{shown}: {problem}")
    else:  # one list: the languages the i18n plugin builds
        languages = list(i18n or ["en"])
    sections = _sections(raw.get("sections", DEFAULT_SECTIONS), where, languages[0])
    return Policy(
        root=root,
        docs_dir=docs_dir,
        departments=_departments(raw.get("departments"), where),
        sections=sections,
        review=_review(raw.get("review") or {}, where),
        glossary_path=root / str(raw.get("glossary", "glossary.yml")),
        languages=tuple(languages),
        not_sops=tuple(settings.str_list(raw.get("not_sops", []), f"{where}.not_sops")),
        nav_max_sops=settings.whole(raw.get("nav_max_sops", 50), f"{where}.nav_max_sops"),
        search=settings.choice(raw.get("search", "auto"), SEARCH_MODES, f"{where}.search"),
        parallel_build=settings.auto_flag(raw.get("parallel_build", "auto"), f"{where}.parallel_build"),
        repository_facts=settings.flag(raw.get("repository_facts", False), f"{where}.repository_facts"),
        config_path=config_path,
        site_url=str(site_url),
        people=settings.people(raw.get("people", {}), where),
        tooling_owners=settings.tooling_owners(raw.get("tooling_owners"), where),
        on_undefined=on_undefined,
        synonyms=_synonyms(raw.get("synonyms", {}), where, {s.key for s in sections}),
        title=settings.texts(raw.get("title"), f"{where}.title", languages[0]),
        introduction=settings.texts(raw.get("introduction"), f"{where}.introduction", languages[0]),
        self_assessment=_self_assessment(raw.get("self_assessment", {}), where, languages[0]),
        acknowledgement=_acknowledgement(raw.get("acknowledgement"), f"{where}.acknowledgement"),
        words_dir=root / str(raw.get("words", "words")),
    )


def _self_assessment(raw: Any, where: str, source_lang: str) -> SelfAssessmentPolicy:
    at = f"{where}.self_assessment"
    if not isinstance(raw, dict):
        raise ConfigError(f"{at}: expected headings, required, pass_mark")
    settings.refuse_unknown(raw, "self_assessment", at)
    defaults = SelfAssessmentPolicy()
    section = _sections({"self_assessment": raw["headings"]}, where, source_lang)[0] if "headings" in raw else defaults.section
    required = raw.get("required", defaults.required)
    if not isinstance(required, bool):
        raise ConfigError(f"{at}.required: true or false, got {required!r}")
    mark = raw.get("pass_mark", defaults.pass_mark)
    if not isinstance(mark, int) or isinstance(mark, bool) or not 1 <= mark <= 100:
        raise ConfigError(f"{at}.pass_mark: the percentage of right answers that passes, 1 to 100, got {mark!r}")
    return SelfAssessmentPolicy(section, required, mark)


def _acknowledgement(raw: Any, where: str) -> str:
    if raw is None or raw == "":
        return ""
    try:
        return acknowledgement.validated(raw)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _synonyms(raw: Any, where: str, keys: set[str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Other names of the required sections, per language, that `handbook import` maps to them."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}.synonyms: map section keys to other headings per language, e.g. responsibilities: {{en: [Roles and Responsibilities]}}")
    synonyms = {}
    for key, per_lang in raw.items():
        at = f"{where}.synonyms.{key}"
        if key not in keys:
            raise ConfigError(f"{at}: not a section key of extra.handbook.sections ({', '.join(sorted(keys))})")
        if not isinstance(per_lang, dict):
            raise ConfigError(f"{at}: map languages to headings, e.g. {{en: [Roles and Responsibilities]}}")
        synonyms[key] = {str(lang): tuple(settings.str_list([names] if isinstance(names, str) else names, f"{at}.{lang}")) for lang, names in per_lang.items()}
    return synonyms


def _departments(raw: Any, where: str) -> dict[str, Department]:
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{where}.departments: list at least one department as `key: {{name, prefix, lead}}`")
    departments: dict[str, Department] = {}
    prefixes: dict[str, str] = {}
    for key, entry in raw.items():
        at = f"{where}.departments.{key}"
        if not isinstance(key, str) or not DEPARTMENT_KEY.fullmatch(key):
            raise ConfigError(f"{at}: a department key is lower-case letters, digits and dashes")
        if not isinstance(entry, dict):
            raise ConfigError(f"{at}: expected `name`, `prefix` and `lead`")
        settings.refuse_unknown(entry, "departments", at)
        prefix = entry.get("prefix")
        if not isinstance(prefix, str) or not ID_PREFIX.match(prefix):
            raise ConfigError(f"{at}.prefix: an id prefix is upper-case letters and digits, e.g. CC")
        if prefix in prefixes:
            raise ConfigError(f"{at}.prefix: {prefix} is already the prefix of {prefixes[prefix]}")
        prefixes[prefix] = key
        interval = entry.get("review_interval_months")
        if interval is not None and (not isinstance(interval, int) or isinstance(interval, bool) or interval < 1):
            raise ConfigError(f"{at}.review_interval_months: a whole number of months, 1 or more")
        required = entry.get("self_assessment")
        if required not in (None, "required", "optional"):
            raise ConfigError(f"{at}.self_assessment: `required` or `optional`, got {required!r}")
        departments[key] = Department(
            key=key,
            name=str(entry.get("name") or key),
            prefix=prefix,
            lead=str(entry.get("lead") or ""),
            review_interval_months=interval,
            names=settings.names(entry.get("names"), f"{at}.names"),
            self_assessment=None if required is None else required == "required",
        )
    return departments


def _sections(raw: Any, where: str, source_lang: str) -> tuple[RequiredSection, ...]:
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{where}.sections: map each section key to its headings per language, e.g. purpose: {{en: Purpose}}")
    sections = []
    for key, per_lang in raw.items():
        at = f"{where}.sections.{key}"
        if not isinstance(per_lang, dict) or not per_lang:
            raise ConfigError(f"{at}: map languages to headings, e.g. {{en: Purpose, hu: Cél}}")
        headings = {}
        for lang, names in per_lang.items():
            names = [names] if isinstance(names, str) else names
            headings[str(lang)] = tuple(settings.str_list(names, f"{at}.{lang}"))
        if not headings.get(source_lang):  # every page falls back to these: without them no heading is accepted
            raise ConfigError(f"{at}: no heading in {source_lang}, the handbook's source language (the first of languages)")
        sections.append(RequiredSection(str(key), headings))
    return tuple(sections)


def _review(raw: Any, where: str) -> ReviewPolicy:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}.review: expected default_interval_months, due_soon_days, exempt_statuses")
    settings.refuse_unknown(raw, "review", f"{where}.review")
    defaults = ReviewPolicy()
    interval = raw.get("default_interval_months", defaults.default_interval_months)
    window = raw.get("due_soon_days", defaults.due_soon_days)
    for name, value in (("default_interval_months", interval), ("due_soon_days", window)):
        if not isinstance(value, int) or isinstance(value, bool) or value < (1 if name.startswith("default") else 0):
            raise ConfigError(f"{where}.review.{name}: a whole number, got {value!r}")
    exempt = settings.str_list(raw.get("exempt_statuses", list(defaults.exempt_statuses)), f"{where}.review.exempt_statuses")
    return ReviewPolicy(interval, window, tuple(exempt))


SEARCH_MODES = ("material", "pagefind", "auto")


