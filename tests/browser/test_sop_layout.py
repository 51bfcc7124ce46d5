"""The SOP page as a phone and a desktop show it, in Chromium, on the SOP tests' own handbook.

The way to the steps is on a phone's first screen, the card's words pass WCAG contrast
(4.5:1) in the light and the dark scheme, and an id does not wrap at its hyphen.
"""

from __future__ import annotations

import pytest

from tests.browser.test_print import fixture_url  # noqa: F401  (the fixture handbook, built and served)

PHONE = {"width": 390, "height": 844}

# WCAG 2 contrast of an element's text against the first opaque background behind it.
CONTRAST = """(el) => {
  const rgb = s => { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  let node = el, bg = null;
  while (node && !bg) { const c = rgb(getComputedStyle(node).backgroundColor); if (c.a > 0) bg = c; node = node.parentElement; }
  bg = bg || {r: 255, g: 255, b: 255};
  const f = rgb(getComputedStyle(el).color);
  const fg = {r: f.r * f.a + bg.r * (1 - f.a), g: f.g * f.a + bg.g * (1 - f.a), b: f.b * f.a + bg.b * (1 - f.a)};
  const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.parametrize("path", ["desk/dk-001/", "desk/dk-003/", "ar/desk/dk-002/"])
def test_the_way_to_the_procedure_is_on_a_phones_first_screen(browser, fixture_url, path):  # noqa: F811
    page = browser.new_page(viewport=PHONE)
    page.goto(fixture_url + path)
    link = page.locator(".hb-goto a")
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    link.click()
    page.wait_for_function("() => location.hash.length > 1")
    heading = page.locator(page.evaluate("() => location.hash")).bounding_box()
    page.close()
    assert heading is not None and 0 <= heading["y"] < PHONE["height"]  # the Procedure heading is on screen


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_cards_words_pass_contrast(browser, fixture_url, scheme):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(fixture_url + "desk/dk-001/")
    page.locator(".hb-card__more > summary").click()
    ratios = {}
    for selector in (".hb-card dt", ".hb-card dd", ".hb-card__more > summary", ".hb-review", ".hb-status", ".admonition.say > p:not(.admonition-title)"):
        for index, element in enumerate(page.locator(selector).element_handles()):
            ratios[f"{selector}[{index}]"] = element.evaluate(CONTRAST)
    context.close()
    assert len(ratios) > 20
    assert {where: round(ratio, 2) for where, ratio in ratios.items() if ratio < 4.5} == {}


def test_an_id_does_not_wrap_at_its_hyphen(browser, fixture_url):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(fixture_url + "desk/dk-001/")
    # Squeeze each shown id's line to 70% of the id's width: "DK-" would fit, "DK-001" does not.
    lines = page.evaluate("""() => [...document.querySelectorAll('article .hb-id')]
        .filter(el => el.getClientRects().length)
        .map(el => { const width = el.getBoundingClientRect().width;
                     el.parentElement.style.width = (width * 0.7) + 'px';
                     el.parentElement.style.display = 'block';
                     return [el.textContent, el.getClientRects().length]; })""")
    page.close()
    assert len(lines) >= 4 and all(count == 1 for _, count in lines), lines
