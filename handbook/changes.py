"""What changed in the handbook, and when: new SOPs, new versions, retirements, translations brought up to date.

Read from the front matter alone (`review_log`, `effective`, `last_reviewed`, a
translation's `translated`), so the list is the same on every machine for a given
"today"; nothing after today is listed. The what's-new page, its Atom feeds and the
home page all show this list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from .handbook import Handbook
from .sop import SOP, _real_date
from .translations import TranslationState, version_key

NEW, VERSION, RETIRED, TRANSLATION = "new", "version", "retired", "translation"
KINDS = (NEW, VERSION, RETIRED, TRANSLATION)


@dataclass(frozen=True)
class Change:
    day: date
    kind: str  # one of KINDS
    sop_id: str
    version: str  # the version that came in force (for a translation: the source version it now follows)
    department: str
    note: str = ""  # the review_log note: what changed
    by: str = ""
    lang: str = ""  # a translation's language; "" for the SOP itself

    @property
    def key(self) -> str:
        """Stable for the same change in every build: the SOP, the version, and what happened to it."""
        tail = f"/{self.lang}" if self.kind == TRANSLATION else ("/retired" if self.kind == RETIRED else "")
        return f"{self.sop_id}/{self.version}{tail}"


def entry_id(change: Change, site_url: str) -> str:
    """An Atom entry id (RFC 4151 tag URI): the site's host, the day of the change, the change's key."""
    host = (urlsplit(site_url).hostname or "").lower() or "sop-handbook.invalid"
    return f"tag:{host},{change.day.isoformat()}:{change.key}"


def handbook_changes(handbook: Handbook) -> list[Change]:
    """Every change up to today, newest first (then by SOP id), drafts left out: they are not in force."""
    found: list[Change] = []
    for sop in handbook.by_id.values():
        if sop.status == "draft" or sop.is_translation:
            continue
        found += _sop_changes(sop)
        for lang, translation in sorted(handbook.translations.get(sop.id, {}).items()):
            day = translation.dates.get("translated")
            if day and handbook.translation_state(sop, lang) is TranslationState.CURRENT:
                version = str(translation.meta.get("translation_of_version") or sop.version)
                found.append(Change(day, TRANSLATION, sop.id, version, sop.department, lang=lang))
    kept = [c for c in found if c.day <= handbook.today]
    return sorted(kept, key=_order)


def _order(change: Change) -> tuple:
    version = version_key(change.version) or (0, 0)
    return (-change.day.toordinal(), change.sop_id, KINDS.index(change.kind), -version[0], -version[1], change.lang)


def _sop_changes(sop: SOP) -> list[Change]:
    """A change per version the review log records (its first entry, when 1.0, the new SOP); the current version at the latest."""
    changes: list[Change] = []
    seen: set[str] = set()
    log = _log(sop)
    for day, version, by, note in log:
        if version in seen:
            continue  # a review that changed nothing: not news
        seen.add(version)
        kind = NEW if not changes and version_key(version) == (1, 0) else VERSION
        changes.append(Change(day, kind, sop.id, version, sop.department, note, by))
    effective = sop.dates.get("effective")
    if sop.version and sop.version not in seen:  # the log is missing or behind the front matter
        day = _latest(effective, sop.dates.get("last_reviewed"))
        if day and (not changes or day >= changes[-1].day):
            kind = NEW if not changes and version_key(sop.version) == (1, 0) else VERSION
            changes.append(Change(day, kind, sop.id, sop.version, sop.department))
    elif effective:  # reviewed first, in force from `effective`: the version of that day is news on that day
        before = [n for n, c in enumerate(changes) if c.day <= effective]
        if before:
            changes[before[-1]] = replace(changes[before[-1]], day=effective)
    if sop.status == "in-review":
        changes = [c for c in changes if c.version != sop.version]  # the version under review is not in force yet
    if sop.status == "retired" and changes:
        last = log[-1] if log else None
        day = _latest(last[0] if last else None, sop.dates.get("last_reviewed")) or changes[-1].day
        note, by = (last[3], last[2]) if last and last[0] == day else ("", "")
        if changes[-1].day == day:  # the version that retired it: one change, the retirement
            previous = changes.pop()
            note, by = note or previous.note, by or previous.by
        changes.append(Change(day, RETIRED, sop.id, sop.version, sop.department, note, by))
    return changes


def _log(sop: SOP) -> list[tuple[date, str, str, str]]:
    """The review log's valid entries (date, version, by, note), oldest first; the check reports the others."""
    entries = []
    raw = sop.meta.get("review_log")
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        day, version = _real_date(item.get("date")), item.get("version")
        if isinstance(day, date) and isinstance(version, str) and version_key(version):
            entries.append((day, version, _text(item.get("by")), _text(item.get("note"))))
    return sorted(entries, key=lambda e: e[0])  # stable: same-day entries keep their order


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _latest(*days: date | None) -> date | None:
    known = [d for d in days if d]
    return max(known) if known else None


def for_language(changes: list[Change], lang: str, source_lang: str) -> list[Change]:
    """A language's list: the SOPs' changes, and the translations into that language (its readers get the new words then)."""
    return [c for c in changes if c.kind != TRANSLATION or c.lang == lang]


def in_department(changes: list[Change], key: str | None) -> list[Change]:
    return list(changes) if key is None else [c for c in changes if c.department == key]
