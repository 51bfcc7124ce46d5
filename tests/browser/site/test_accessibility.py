"""axe-core over the fixture handbook's pages: no violation caused by the handbook's own markup or stylesheet.

axe-core (npm) is installed by `.ci/run` into a cache folder (AXE_CORE_JS points at axe.min.js) and
injected into each built page in Chromium. Violations of Material's own chrome are listed in
MATERIAL_KNOWN: reported by axe, not ours to fix here; any other violation fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(os.environ.get("AXE_CORE_JS", Path.home() / ".cache/sop-handbook/axe/node_modules/axe-core/axe.min.js"))

# (axe rule, CSS selector axe reports): Material's own markup and colours.
MATERIAL_KNOWN = {
    ("aria-dialog-name", ".md-search"),  # Material's search dialog has no accessible name
    ("color-contrast", ".md-tabs__link"),  # #c6cbe9 on indigo, 4.28:1
    ("color-contrast", ".md-copyright"),  # the footer's "Made with", 4.47:1
}

PAGES = ["", "phones/", "phones/ph-001/", "glossary/", "translations/", "reviews/", "pl/phones/ph-001/", "ar/", "ar/phones/ph-001/", "ar/phones/ph-002/"]


def _known(rule: str, target: str) -> bool:
    return any(rule == known_rule and target.startswith(selector) for known_rule, selector in MATERIAL_KNOWN)


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed at {AXE}: run `.ci/run`, or `npm install --prefix ~/.cache/sop-handbook/axe axe-core`")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_no_violation_of_the_handbooks_own(page, material_url, axe_source, path):
    page.goto(material_url + path)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => v.nodes.map(n => [v.id, n.target.join(' '), n.html.slice(0, 160)])).flat()"
    )
    ours = [v for v in violations if not _known(v[0], v[1])]
    assert ours == [], f"{path or 'home'}: " + "\n".join(" | ".join(v) for v in ours)
