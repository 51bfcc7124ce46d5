"""The example handbook's what's new and catalogue, as content (skipped without the example): the newest notes of docs/ reach the page and the feed."""

from __future__ import annotations

import json
from datetime import date

import feedparser
import jsonschema
import pytest
import yaml

from tests.sitebuild import ROOT, TODAY

pytestmark = pytest.mark.site


def _newest_noted_change() -> tuple[str, str, str]:
    """(SOP id, version, note) of the newest review_log entry with a note, read from the files themselves."""
    found = []
    for path in ROOT.glob("docs/*/*-[0-9][0-9][0-9].md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        if meta["status"] != "approved":
            continue
        for entry in meta.get("review_log", []):
            if entry.get("note") and entry["date"] <= date.fromisoformat(TODAY):
                day = max(entry["date"], meta["effective"]) if entry["version"] == meta["version"] and "effective" in meta else entry["date"]
                found.append((day, meta["id"], entry["version"], entry["note"]))
    day, sop_id, version, note = max(found)
    return sop_id, version, note


def test_the_newest_note_leads_the_page_the_home_page_and_the_feed(example_site):
    sop_id, version, note = _newest_noted_change()
    first = example_site.soup("whats-new/").select("article li")[0].get_text(" ", strip=True)
    assert first.startswith(sop_id) and f"New version {version} : {note}" in first
    home = example_site.soup("").select("article .hb-latest li")[0].get_text(" ", strip=True)
    assert home == first
    feed = feedparser.parse((example_site.site / "whats-new" / "feed.xml").read_bytes())
    assert not feed.bozo and feed.entries[0].summary == f"New version {version}: {note}"
    assert feed.entries[0].id.endswith(f":{sop_id}/{version}")


def test_the_example_catalogue_validates(example_site):
    schema = json.loads((example_site.site / "catalogue-1.schema.json").read_text(encoding="utf-8"))
    data = json.loads((example_site.site / "catalogue.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert len(data["sops"]) == len(list(ROOT.glob("docs/*/*-[0-9][0-9][0-9].md")))
    assert {s["id"] for s in data["sops"] if s["translations"]["pl"]["state"] == "current"} == {"BR-001", "CC-001", "CC-004", "CE-001"}
