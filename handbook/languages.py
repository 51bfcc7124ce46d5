"""Is every built language complete? Interface words, section headings, department names.

A language the site is built in but the handbook has no words for shows English where
the reader expects their language. `handbook check` and the build report it with the
fix: which file or setting, which keys. English stays the fallback meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from .findings import Finding
from .policy import Policy
from .site.interface_words import SOURCE, WORDS_DIR, WordsError, gap, load_words

_SHOWN_KEYS = 8  # a message names this many keys, then says how many more


def language_findings(policy: Policy, shown_root: Path | None = None, folder: Path = WORDS_DIR) -> list[Finding]:
    """LANG001-LANG004 for every language of the handbook but its source language."""
    config = _shown(policy.config_path or policy.root / "mkdocs.yml", shown_root)
    try:
        words = load_words(folder, policy.words_dir)
    except WordsError as exc:
        path, _, message = str(exc).partition(": ")
        return [Finding(path, 0, "LANG005", message)]
    findings = []
    for lang in policy.languages:
        findings += _word_findings(lang, words, folder, policy.words_dir, shown_root)
        if lang == policy.source_lang:
            continue
        no_heading = sections_without_heading(policy, lang)
        if no_heading:
            findings.append(
                Finding(config, 0, "LANG003", f"extra.handbook.sections has no {lang} heading for {_keys(no_heading)}: {lang} pages and `handbook new --language {lang}` fall back to {policy.source_lang}")
            )
        unnamed = [d.key for d in policy.departments.values() if lang not in d.names]
        if unnamed:
            findings.append(
                Finding(config, 0, "LANG004", f"no {lang} name for department {_keys(unnamed)}: add `names: {{{lang}: ...}}` to each in extra.handbook.departments; the {lang} site shows the {policy.source_lang} name")
            )
    return findings


def sections_without_heading(policy: Policy, lang: str) -> list[str]:
    """The required sections with no heading in `lang` (pages in it would fall back to the source language's)."""
    return [s.key for s in policy.sections if not s.headings.get(lang)]


def headings_fix(policy: Policy, lang: str, keys: list[str]) -> str:
    """How to add the headings: an example line for mkdocs.yml."""
    first = policy.section(keys[0])
    source = first.label(policy.source_lang, policy.source_lang) if first else keys[0]
    return f"add a {lang} heading to each in extra.handbook.sections in mkdocs.yml, e.g. {keys[0]}: {{{policy.source_lang}: {source}, {lang}: ...}}"


def _word_findings(lang: str, words: dict, folder: Path, own: Path | None, shown_root: Path | None) -> list[Finding]:
    found = gap(lang, words, folder, own)
    shown = _shown(found.path, shown_root)
    if lang != SOURCE and lang not in words:
        source = _shown(folder / f"{SOURCE}.yml", shown_root)
        target = _shown((own or folder) / f"{lang}.yml", shown_root)
        return [Finding(target, 0, "LANG001", f"the site is built in {lang}, but there are no {lang} interface words: copy {source} to {target} and translate it (the {lang} site shows English meanwhile)")]
    findings = []
    if found.missing and lang != SOURCE:
        findings.append(Finding(shown, 0, "LANG002", f"{len(found.missing)} interface word(s) missing in {lang}, shown in English: {_keys(found.missing)}"))
    if found.placeholders:
        findings.append(Finding(shown, 0, "LANG005", f"the {{placeholders}} of {_keys(found.placeholders)} differ from {SOURCE}.yml: keep each {{name}} as English has it"))
    return findings


def _keys(keys) -> str:
    keys = list(keys)
    shown = ", ".join(keys[:_SHOWN_KEYS])
    return shown + (f" and {len(keys) - _SHOWN_KEYS} more" if len(keys) > _SHOWN_KEYS else "")


def _shown(path: Path, shown_root: Path | None) -> str:
    """The path relative to where the command runs when it is inside it, else in full."""
    for base in (shown_root, Path.cwd()):
        if base is not None:
            try:
                return path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                pass
    return path.as_posix()
