"""Round trip: import a Word SOP and a Markdown handbook, fill in the TODOs as an author would, build with --strict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.importing.conftest import fresh_handbook, handbook_cmd
from tests.sitebuild import Build, mkdocs_build

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, sources: Path) -> Build:
    root = fresh_handbook(tmp_path_factory.mktemp("roundtrip") / "handbook")
    assert handbook_cmd(root, "import", str(sources / "refund-duplicate-card-payment.docx"), "-d", "billing").code == 0
    assert handbook_cmd(root, "import", str(sources / "old-handbook"), "-d", "contact-centre", "--old-site", "https://old.example.com").code == 0
    todo = handbook_cmd(root, "check")
    assert todo.code == 1 and set(re.findall(r": ([A-Z]+\d+) ", todo.out)) == {"TODO001"}
    for sop in (root / "docs").glob("*/*-*.md"):  # the author's work: every TODO replaced with text
        sop.write_text(sop.read_text(encoding="utf-8").replace("TODO: ", "Written by the author: "), encoding="utf-8")
    check = handbook_cmd(root, "check")
    assert check.code == 0, check.out
    build = mkdocs_build(root, root.parent / "site")
    assert build.returncode == 0, build.log
    return build


def test_word_lists_nested_and_tables_intact(built: Build) -> None:
    page = built.soup("billing/br-001/")
    procedure = page.find(id="procedure")
    steps = procedure.find_next("ol")
    top = steps.find_all("li", recursive=False)
    assert [li.p.get_text(strip=True) for li in top] == [
        "Find the order in the billing system.", "Issue the refund of the second capture.", "Tell the customer when the money arrives (3 to 5 working days).",
    ]
    second = top[0].find("ol").find_all("li", recursive=False)
    assert [li.p.get_text(" ", strip=True) for li in second] == ["Search by the customer's order number , not by name.", "Open the payments tab."]
    assert [li.get_text(strip=True) for li in second[1].find("ol").find_all("li")] == ["Check that both captures succeeded.", "Check that neither was refunded already."]
    roles = page.find(id="responsibilities").find_next("table")
    assert [th.get_text(strip=True) for th in roles.find_all("th")] == ["Role", "Responsibility"]
    assert [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in roles.find_all("tr")[1:]] == [
        ["Billing agent", "Checks the payments, issues the refund | records it"], ["Team lead", "Approves refunds over 500 EUR"],
    ]
    records = page.find(id="documentation").find_next("table")  # a cell of two paragraphs: kept as an HTML table
    assert [p.get_text() for p in records.find_all("tr")[2].find_all("td")[1].find_all("p")] == ["The approval mail", "Kept for seven years."]
    image = page.find("img", src=re.compile("image1.png"))
    assert image is not None and (built.site / "billing/br-001-media/image1.png").read_bytes().startswith(b"\x89PNG")
    assert "Use {{ placeholders }} only in templates." in page.get_text()


def test_markdown_pages_link_and_show_admonitions(built: Build) -> None:
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (built.site / "contact-centre").glob("cc-*/index.html")}
    # The h1 reads "<id> <title>": the id is part of the SOP.
    by_title = {re.search(r'<h1[^>]*><span class="hb-id">[^<]*</span> (.*?)<', html).group(1): name for name, html in pages.items()}
    duplicate = built.soup(f"contact-centre/{by_title['Refund a duplicate payment']}/")
    chargebacks = by_title["Handle a chargeback"]
    assert duplicate.find("a", string="chargeback rules")["href"] == f"../{chargebacks}/"
    warning = duplicate.select_one("div.admonition.warning")
    assert "Never refund the first payment" in warning.get_text(" ", strip=True)
    assert duplicate.find("img", alt="The payments tab") is not None
    nested = duplicate.find(id="procedure").find_next("ol").find("li").find("ol")  # 4-space nesting kept
    assert [li.get_text(strip=True) for li in nested.find_all("li")] == ["Open the payments tab.", "Compare the two captures."]
    callback = built.soup(f"contact-centre/{by_title['Arrange a callback']}/")
    assert callback.select_one("details.note summary").get_text() == "If nobody answers"
    invoice = built.soup(f"contact-centre/{by_title['Send a copy of an invoice']}/")
    assert "{{< youtube dQw4w9WgXcQ >}}" in invoice.get_text()
    assert "Dear {{ customer_name }}," in invoice.find("pre").get_text()
    address = built.soup(f"contact-centre/{by_title['Change a billing address']}/")
    assert address.find("a", string="evidence rules")["href"] == f"../{chargebacks}/#evidence"


def test_review_dashboard_lists_imported_drafts_waiting_for_their_first_review(built: Build) -> None:
    page = built.soup("reviews/")
    heading = next(h for h in page.find_all("h2") if h.get_text(strip=True).startswith("Imported, waiting for their first review"))
    rows = heading.find_next("table").find_all("tr")[1:]
    assert len(rows) == 13  # the Word SOP and the twelve Markdown procedures
    first = [td.get_text(strip=True) for td in rows[0].find_all("td")]
    assert first == ["Omar Example", "BR-001", "Refunding a duplicate card payment", "2026-11-23"]
    polish = built.soup("pl/reviews/")
    assert any(h.get_text(strip=True).startswith("Zaimportowane, czekają na pierwszy przegląd") for h in polish.find_all("h2"))


def test_imported_pages_read_right_in_every_language(built: Build) -> None:
    """The reader's-eye test over the whole imported site: titles in the navigation, no template code left, links that lead somewhere."""
    from handbook.site.labels import label
    from tests.reader_view import site_problems

    languages = ["en", "pl", "hu", "lv", "ar"]
    problems = site_problems(built.site, built.site.parent / "handbook" / "docs", languages, {lang: label(lang, "nav.home") for lang in languages})
    assert problems == [], "\n".join(problems[:30])
