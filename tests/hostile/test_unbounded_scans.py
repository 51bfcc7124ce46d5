"""Hostile input (issue 16): the abbreviation marker is linear in the page it marks.

Each adversarial page is marked in a child process with a CPU and memory limit and a
timeout; a linear scan needs well under a second for these 400 KB pages, the old
lookahead needed minutes.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    "a paragraph of abbreviations": '"<p>" + "AHT IVR " * 50_000 + "</p>"',
    "abbreviations and stray < signs": '"<p>" + "AHT < " * 70_000 + "</p>"',
    "code elements never closed": '"<p>AHT " + "<code>" * 70_000 + "</p>"',
}


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (10, 10))
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("page", list(PAGES), ids=list(PAGES))
def test_marking_a_hostile_page_is_linear(page: str):
    program = textwrap.dedent(f"""
        import time
        from handbook.glossary import Glossary, GlossaryTerm
        from handbook.site.abbreviations import AbbreviationMarker
        terms = {{k: GlossaryTerm(k, k, "d") for k in ("AHT", "IVR")}}
        marker = AbbreviationMarker(Glossary(terms), "en", "en")
        html = {PAGES[page]}
        start = time.process_time()
        out = marker.mark(html)
        print(out.count("<abbr"), round(time.process_time() - start, 3))
    """)
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=30, preexec_fn=_limited)
    assert done.returncode == 0, done.stderr
    marked, seconds = done.stdout.split()
    assert int(marked) >= 1
    assert float(seconds) < 2.0  # linear: ~0.1 s here; the quadratic scan took minutes


def test_words_inside_tags_and_protected_elements_stay_as_they_are():
    from handbook.glossary import Glossary, GlossaryTerm
    from handbook.site.abbreviations import AbbreviationMarker

    marker = AbbreviationMarker(Glossary({"AHT": GlossaryTerm("AHT", "Average handle time", "d")}), "en", "en")
    html = '<p title="AHT">AHT <a href="/AHT">x</a> <pre><code>AHT</code></pre> <code>AHT'
    assert marker.mark(html) == (
        '<p title="AHT"><abbr title="Average handle time: d">AHT</abbr> <a href="/AHT">x</a> '
        '<pre><code>AHT</code></pre> <code><abbr title="Average handle time: d">AHT</abbr>'
    )


BODIES = {
    "a 120 KB heading of braces": '"## " + "{" * 120_000 + "\\n\\ntext\\n"',
    "20,000 comments never closed": '"## A\\n\\n" + "<!-- x\\n" * 20_000',
}


@pytest.mark.parametrize("body", list(BODIES), ids=list(BODIES))
def test_scanning_a_hostile_body_is_linear(body: str):
    """handbook/structure.py reads every SOP in the check and the build: its heading and comment regexes must not rescan."""
    program = textwrap.dedent(f"""
        import time
        from handbook.structure import scan
        body = {BODIES[body]}
        start = time.process_time()
        found = scan(body)
        print(len(found.sections), round(time.process_time() - start, 3))
    """)
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=30, preexec_fn=_limited)
    assert done.returncode == 0, done.stderr
    sections, seconds = done.stdout.split()
    assert int(sections) == 1
    assert float(seconds) < 2.0  # linear: ~0.01 s here; the old patterns took 1.2 s for 30 KB of braces and 20 s for the comments
