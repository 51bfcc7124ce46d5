"""The what's-new pages, their Atom feeds and catalogue.json, built with `mkdocs build --strict` from the news fixture."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import feedparser
import jsonschema
import pytest

from tests.news.fixture import EXPECTED_EN, EXPECTED_IDS_EN, SITE_URL, TODAY, write_handbook
from tests.sitebuild import mkdocs_build

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = write_handbook(tmp_path_factory.mktemp("news") / "handbook")
    build = mkdocs_build(project, project.parent / "site", today=TODAY)
    assert build.returncode == 0, build.log
    return project, build


def _items(soup) -> list[tuple[str, str, str, str]]:
    """(date, SOP id, what, note) of each change listed in the article."""
    found = []
    for li in soup.select("article li"):
        link = li.find("a")
        what = li.find("strong").get_text()
        bdis = [b for b in li.find_all("bdi") if not b.find("a") and not b.find_parent("small")]
        found.append((li.find("time")["datetime"], link.get_text().split()[0], what, bdis[0].get_text() if bdis else ""))
    return found


def test_the_page_lists_every_change_newest_first(built):
    _, build = built
    soup = build.soup("whats-new/")
    assert soup.h1.get_text(strip=True).rstrip("¶") == "What's new"
    assert _items(soup) == EXPECTED_EN
    first = soup.select("article li")[0].find("a")
    assert first["href"] == "../customer-service/cs-002/"  # the SOP link, relative to the page
    noted = soup.select("article li")[2]
    assert "<b>" not in str(noted.find_all("bdi")[1]) and noted.find("b") is None  # the note is text, never markup


def test_a_language_page_adds_its_own_translations_in_its_words(built):
    _, build = built
    items = _items(build.soup("pl/whats-new/"))
    assert items[2] == ("2026-07-01", "CS-001", "Tłumaczenie (pl) zaktualizowane do wersji 2.1", "")
    assert [i for n, i in enumerate(items) if n != 2] == [(d, s, _pl(w), note) for d, s, w, note in EXPECTED_EN]


def _pl(what: str) -> str:
    return {"Retired": "Wycofana", "New version 2.1": "Nowa wersja 2.1", "New version 2.0": "Nowa wersja 2.0"}.get(
        what, what.replace("New SOP (version 1.0)", "Nowa procedura (wersja 1.0)")
    )


def test_the_language_switcher_stays_on_the_page(built):
    _, build = built
    for page, links in (("whats-new/billing/", {"en": "./", "pl": "../../pl/whats-new/billing/"}), ("pl/whats-new/", {"en": "../../whats-new/", "pl": "./"})):
        switcher = {a["hreflang"]: a["href"] for a in build.soup(page).select("a.md-select__link[hreflang]")}
        assert switcher == links, page


def test_a_department_page_filters_with_plain_links(built):
    _, build = built
    soup = build.soup("whats-new/billing/")
    assert _items(soup) == [item for item in EXPECTED_EN if item[1].startswith("BR-")]
    nav = soup.select_one("nav.hb-filter")
    assert nav.find("strong")["aria-current"] == "page" and nav.find("strong").get_text() == "Billing"
    assert [(a.get_text(), a["href"]) for a in nav.find_all("a")] == [("All departments", "../"), ("Customer Service", "../customer-service/")]
    everything = build.soup("whats-new/").select_one("nav.hb-filter")
    assert [a["href"] for a in everything.find_all("a")] == ["customer-service/", "billing/"]


def test_each_page_names_its_feed_in_the_head_and_links_it(built):
    _, build = built
    for page, feed in (("whats-new/", "feed.xml"), ("whats-new/billing/", "../billing.xml"), ("pl/whats-new/", "feed.xml"), ("", "whats-new/feed.xml")):
        soup = build.soup(page)
        (link,) = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert link["href"] == feed, page
        assert (build.site / page / feed).is_file()
    body_links = [a["href"] for a in build.soup("whats-new/billing/").select("article a") if a["href"].endswith(".xml")]
    assert body_links == ["../billing.xml"]


def test_the_feeds_parse_with_an_independent_parser(built):
    _, build = built
    feed = feedparser.parse((build.site / "whats-new" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "News test handbook: what's new"
    assert feed.feed.updated == "2026-10-05T00:00:00+00:00"  # the newest change, not the build's clock
    assert [e.id for e in feed.entries] == EXPECTED_IDS_EN
    retired = feed.entries[1]
    assert retired.title == "BR-001 Refunds by cheque: Retired"
    assert retired.summary == "Retired: Retired: refunds go back to the card"
    assert retired.link == SITE_URL + "billing/br-001/"
    assert retired.author == "Omar Example" and retired.tags[0].term == "billing"
    noted = feed.entries[2]
    assert noted.summary == "New version 2.1: Hold limit <b>2</b> minutes & *no* music"  # text, escaped by the feed writer

    billing = feedparser.parse((build.site / "whats-new" / "billing.xml").read_bytes())
    assert not billing.bozo and [e.id for e in billing.entries] == [i for i in EXPECTED_IDS_EN if ":BR-" in i]

    polish = feedparser.parse((build.site / "pl" / "whats-new" / "feed.xml").read_bytes())
    assert not polish.bozo and polish.feed.language == "pl"
    assert polish.entries[2].id == "tag:sops.example.test,2026-07-01:CS-001/2.1/pl"
    assert polish.entries[2].link == SITE_URL + "pl/customer-service/cs-001/"
    assert [e.id for n, e in enumerate(polish.entries) if n != 2] == [i + "/pl" for i in EXPECTED_IDS_EN]


def test_a_new_review_adds_one_entry_and_keeps_every_id(built, tmp_path):
    project = tmp_path / "handbook"
    shutil.copytree(built[0], project)
    env_today = ["--today", TODAY]
    done = subprocess.run([sys.executable, "-m", "handbook", "review", "CS-001", "--note", "Chat closes at 20:00", *env_today], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    again = mkdocs_build(project, tmp_path / "site", today=TODAY)  # the last test to use the module's fixture as built
    assert again.returncode == 0, again.log
    feed = feedparser.parse((again.site / "whats-new" / "feed.xml").read_bytes())
    assert [e.id for e in feed.entries] == ["tag:sops.example.test,2026-11-23:CS-001/2.2", *EXPECTED_IDS_EN]
    assert feed.entries[0].summary == "New version 2.2: Chat closes at 20:00"
    for unchanged in ("billing.xml", "../catalogue-1.schema.json"):  # no clock, no build path: the same bytes
        assert (again.site / "whats-new" / unchanged).read_bytes() == (built[1].site / "whats-new" / unchanged).read_bytes()
    latest = again.soup("").select("article .hb-latest li")
    assert latest[0].get_text(" ", strip=True).startswith("CS-001 Answering the phone — New version 2.2")
    assert len(latest) == 5  # the home page shows the latest few


def test_catalogue_validates_against_its_published_schema_and_agrees_with_the_report(built):
    project, build = built
    data = json.loads((build.site / "catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads((build.site / "catalogue-1.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"].endswith("/catalogue-1.schema.json") and data["$schema"] == schema["$id"]
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)

    report = subprocess.run([sys.executable, "-m", "handbook", "report", "--format", "json", "--today", TODAY], cwd=project, capture_output=True, text=True)
    rows = {r["id"]: r for r in json.loads(report.stdout)["sops"]}
    sops = {s["id"]: s for s in data["sops"]}
    assert list(sops) == list(rows)  # the same SOPs in the same order
    for sop_id, row in rows.items():
        sop = sops[sop_id]
        assert (sop["titles"]["en"], sop["department"], sop["owner"], sop["status"], sop["path"]) == (row["title"], row["department"], row["owner"], row["status"], row["path"])
        assert sop["review"] == {"state": row["state"], "next_review": row["next_review"], "days_left": row["days_left"]}
        for lang, url in sop["urls"].items():
            assert url.startswith(SITE_URL) and (build.site / url[len(SITE_URL):] / "index.html").is_file(), (sop_id, lang)
    cs001 = sops["CS-001"]
    assert cs001["titles"] == {"en": "Answering the phone", "pl": "Odbieranie telefonu"}
    assert cs001["translations"] == {"pl": {"state": "current", "version": "2.1"}}
    assert sops["CS-002"]["translations"] == {"pl": {"state": "missing", "version": None}}
    assert cs001["dates"] == {"last_reviewed": "2026-06-01", "effective": "2026-06-08"}
    assert sops["BR-001"]["review"]["state"] == "exempt"


def test_a_catalogue_that_breaks_the_format_fails_the_schema(built):
    _, build = built
    data = json.loads((build.site / "catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads((build.site / "catalogue-1.schema.json").read_text(encoding="utf-8"))
    data["sops"][0]["review"]["state"] = "late"
    with pytest.raises(jsonschema.ValidationError, match="'late' is not one of"):
        jsonschema.Draft202012Validator(schema).validate(data)
