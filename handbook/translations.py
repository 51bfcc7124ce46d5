"""Translations: `cc-001.pl.md` translates `cc-001.md`; its rules and its freshness.

A translation owns its words only. Department, owner, status, version, format,
channels and review dates belong to the source, so a translation may not set
them differently; `translation_of_version` says which source version it follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from .findings import Finding
from .sop import SOP

#: Fields a translation takes from its source and may not change.
SOURCE_OWNED = (
    "department",
    "owner",
    "status",
    "version",
    "format",
    "channels",
    "last_reviewed",
    "next_review",
    "review_interval_months",
    "effective",
    "approved_by",
    "related",
    "supersedes",
)


class TranslationState(str, Enum):
    CURRENT = "current"
    STALE = "stale"
    MISSING = "missing"


def version_key(version: str) -> tuple[int, int] | None:
    major, _, minor = version.partition(".")
    return (int(major), int(minor)) if major.isdigit() and minor.isdigit() else None


def state_of(translation: SOP | None, source: SOP) -> TranslationState:
    if translation is None:
        return TranslationState.MISSING
    translated = version_key(str(translation.meta.get("translation_of_version", "")))
    current = version_key(source.version)
    if translated is not None and current is not None and translated < current:
        return TranslationState.STALE
    return TranslationState.CURRENT


def source_path_of(docs_path: str, lang: str) -> str:
    """`contact-centre/cc-001.pl.md` -> `contact-centre/cc-001.md`."""
    return docs_path[: -len(f".{lang}.md")] + ".md"


def translation_rules(translations: Iterable[SOP], sources_by_path: dict[str, SOP]) -> list[Finding]:
    findings = []
    for sop in translations:
        source = sources_by_path.get(source_path_of(sop.docs_path, sop.lang))
        if source is None:
            expected = source_path_of(sop.docs_path, sop.lang)
            findings.append(Finding(sop.path, 1, "TR001", f"no source SOP {expected} for this {sop.lang} translation"))
            continue
        if sop.id and source.id and sop.id != source.id:
            findings.append(Finding(sop.path, sop.line_of("id"), "TR003", f"id {sop.id} differs from the source's id {source.id}"))
        for key in SOURCE_OWNED:
            if key in sop.meta and sop.meta[key] != source.meta.get(key):
                findings.append(
                    Finding(sop.path, sop.line_of(key), "TR002", f"`{key}` is set by the source ({source.path}); a translation may not change it")
                )
        if state_of(sop, source) is TranslationState.STALE:
            findings.append(
                Finding(
                    sop.path,
                    sop.line_of("translation_of_version"),
                    "TR004",
                    f"translates version {sop.meta.get('translation_of_version')}, but {source.path} is at version {source.version}",
                )
            )
    return findings


@dataclass(frozen=True)
class TranslationCell:
    lang: str
    state: TranslationState
    translation: SOP | None
