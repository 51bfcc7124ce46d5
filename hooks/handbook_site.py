"""MkDocs hooks: run the handbook's rules during the build, generate its pages, decorate SOP pages.

A thin adapter: the rules, the review arithmetic and the page content all come
from the `handbook` package. Every event here may run once per language
(mkdocs-static-i18n rebuilds the site per language), so each is idempotent.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from handbook.glossary import load_glossary
from handbook.handbook import Handbook, load
from handbook.policy import ConfigError, Policy, policy_from_mapping
from handbook.site import build, markup, pages
from handbook.site.labels import label
from handbook.today import TodayError, today

# A child of the `mkdocs` logger: its warnings make `mkdocs build --strict` fail.
log = logging.getLogger("mkdocs.hooks.handbook")

_policy: Policy | None = None


def on_config(config):
    """Read the handbook policy from `extra.handbook`: a bad policy stops the build with a clear message."""
    global _policy
    raw = (config.extra or {}).get("handbook")
    if not isinstance(raw, dict):
        raise PluginError("mkdocs.yml: no `extra: handbook:` section; the handbook policy (departments, sections, review) lives there")
    root = Path(config.config_file_path).parent
    try:
        _policy = policy_from_mapping(raw, root, Path(config.docs_dir), "mkdocs.yml", Path(config.config_file_path), config.site_url or "")
    except ConfigError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_files(files: Files, config) -> Files:
    """Load every SOP once, report what the rules find, add the generated pages and the navigation."""
    handbook = _load_handbook()
    build.set_current(handbook)
    _report(handbook)
    lang = _language(config)
    for path, content in pages.generated_pages(handbook, lang).items():
        if files.get_file_from_path(path) is None:  # an authored page wins over a generated one
            files.append(File.generated(config, path, content=content))
    if not config.nav:
        config.nav = _navigation(handbook, files, lang)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Open each SOP with its banners and metadata card; give abbreviations their tooltips."""
    handbook = build.current()
    lang = _language(config, page)
    sop = handbook.by_path.get(page.file.src_path)
    if sop is not None:
        header = markup.banners(handbook, sop, lang) + markup.metadata_card(handbook, sop, page.file.src_path, lang)
        markdown = header + markdown
        status = handbook.by_id.get(sop.id, sop).status
        # Material reads `status` as its page-status icon: show it for drafts and retired SOPs only.
        page.meta.pop("status", None)
        if status in ("draft", "retired"):
            page.meta["status"] = status
        if status == "retired":
            page.meta["search"] = {"exclude": True}  # readable for audit, never a search hit
    return markdown + _abbreviations(handbook, markdown, lang)


def _load_handbook() -> Handbook:
    if _policy is None:
        raise PluginError("the handbook hook was not configured (on_config did not run)")
    try:
        glossary = load_glossary(_policy.glossary_path, _shown(_policy.glossary_path))
        return load(_policy, glossary, today(), shown_root=_policy.root)
    except (ConfigError, TodayError) as exc:
        raise PluginError(str(exc)) from None


def _report(handbook: Handbook) -> None:
    """The check's findings, logged: errors as warnings (so --strict fails), warnings as info."""
    for finding in handbook.findings:
        message = f"{finding.path}:{finding.line}: {finding.code} {finding.message}"
        if finding.is_error:
            log.warning(message)
        else:
            log.info(message)


def _language(config, page=None) -> str:
    locale = getattr(getattr(page, "file", None), "locale", None) if page is not None else None
    return str(locale or config.theme.get("language") or "en")


def _navigation(handbook: Handbook, files: Files, lang: str) -> list:
    """Home, one section per department (its index, then its SOPs by id), the dashboard, the glossary."""
    source_lang = handbook.policy.source_lang
    nav: list = [{label(lang, "nav.home"): markup.page_path("index.md", lang, source_lang)}]
    for dept in handbook.policy.departments.values():
        entries = [markup.page_path(f"{dept.key}/index.md", lang, source_lang)]
        entries += [sop.docs_path for sop in handbook.in_department(dept.key)]
        nav.append({dept.name: entries})
    nav.append({label(lang, "reviews_title"): markup.page_path("reviews.md", lang, source_lang)})
    nav.append({label(lang, "glossary_title"): markup.page_path("glossary.md", lang, source_lang)})
    listed = {p for item in nav for v in item.values() for p in ([v] if isinstance(v, str) else v)}
    for file in files.documentation_pages():
        if file.src_uri not in listed and file.src_uri not in handbook.by_path:
            nav.append(file.src_uri)  # an authored page outside the departments: keep it reachable
    return nav


def _abbreviations(handbook: Handbook, markdown: str, lang: str) -> str:
    """Python-Markdown `abbr` definitions for the glossary abbreviations this page contains."""
    used = [t for t in handbook.glossary.used_in(markdown) if t.is_abbreviation]
    if not used:
        return ""
    lines = []
    for term in used:
        definition, _ = term.in_language(lang, handbook.policy.source_lang)
        lines.append(f"*[{term.key}]: {definition.name}: {definition.definition}")
    return "\n\n" + "\n".join(lines) + "\n"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(_policy.root)) if _policy else str(path)
    except ValueError:
        return str(path)
