"""The catalogue: every SOP as data (`catalogue.json`) for other systems, in a versioned, published format.

Each SOP's review fields are the review report's row (`report.build_report`), so
`handbook report --format json` and the catalogue cannot disagree; the catalogue adds
what a consumer needs to show and link the SOP: titles and addresses per language,
translation states, dates, related SOPs. The format is described by
schema/catalogue-1.schema.json, published beside it; a change that breaks readers
gets a new number.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .handbook import Handbook
from .report import Row, build_report
from .sop import DATE_FIELDS, SOP

FORMAT_VERSION = 1
FILE = "catalogue.json"
SCHEMA_FILE = f"catalogue-{FORMAT_VERSION}.schema.json"


@lru_cache(maxsize=1)
def schema_text() -> str:
    return resources.files("handbook").joinpath(f"schema/{SCHEMA_FILE}").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    return json.loads(schema_text())


def page_url(docs_path: str, lang: str, source_lang: str, use_directory_urls: bool) -> str:
    """Where MkDocs (with mkdocs-static-i18n's suffix layout) publishes an SOP file in `lang`, site-relative."""
    stem = docs_path[: -len(".md")]
    prefix = "" if lang == source_lang else f"{lang}/"
    return prefix + (f"{stem}/" if use_directory_urls else f"{stem}.html")


def catalogue(handbook: Handbook, use_directory_urls: bool = True) -> dict[str, Any]:
    policy = handbook.policy
    base = policy.site_url.rstrip("/") + "/" if policy.site_url else ""
    rows = build_report(handbook).rows
    return {
        "$schema": schema()["$id"],
        "format_version": FORMAT_VERSION,
        "today": handbook.today.isoformat(),
        "site_url": policy.site_url or None,
        "source_language": policy.source_lang,
        "languages": list(policy.languages),
        "departments": [
            {"key": d.key, "names": {lang: d.name_in(lang) for lang in policy.languages}, "prefix": d.prefix, "lead": d.lead or None}
            for d in policy.departments.values()
        ],
        "sops": [_entry(handbook, handbook.by_id.get(row.id), row, base, use_directory_urls) for row in rows if row.id in handbook.by_id],
    }


def _entry(handbook: Handbook, sop: SOP, row: Row, base: str, use_directory_urls: bool) -> dict[str, Any]:
    policy = handbook.policy
    titles = {policy.source_lang: sop.title}
    translations = {}
    for lang in policy.languages[1:]:
        translation = handbook.translations.get(sop.id, {}).get(lang)
        if translation is not None:
            titles[lang] = translation.title
        translations[lang] = {
            "state": handbook.translation_state(sop, lang).value,
            "version": str(translation.meta.get("translation_of_version")) if translation is not None and translation.meta.get("translation_of_version") else None,
        }
    report = row.as_dict()
    return {
        "id": sop.id,
        "titles": titles,
        "department": sop.department,
        "owner": sop.owner,
        "status": sop.status,
        "version": sop.version,
        "format": sop.format,
        "channels": sop.channels,
        "dates": {key: sop.dates[key].isoformat() for key in DATE_FIELDS if key in sop.dates and key != "translated"},
        "review": {"state": report["state"], "next_review": report["next_review"], "days_left": report["days_left"]},
        "urls": {lang: base + page_url(sop.docs_path, lang, policy.source_lang, use_directory_urls) for lang in policy.languages},
        "translations": translations,
        "related": _ids(sop.meta.get("related")),
        "supersedes": _ids(sop.meta.get("supersedes")),
        "path": sop.path,
    }


def _ids(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def as_json(handbook: Handbook, use_directory_urls: bool = True) -> str:
    return json.dumps(catalogue(handbook, use_directory_urls), indent=2, ensure_ascii=False) + "\n"


def published(handbook: Handbook, use_directory_urls: bool = True) -> dict[str, str]:
    """Site-root path -> content: the catalogue and the schema it follows."""
    return {FILE: as_json(handbook, use_directory_urls), SCHEMA_FILE: schema_text()}
