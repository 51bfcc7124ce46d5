"""handbook.site.escaping and templates: a value renders as exactly its text, wherever a template puts it."""

from __future__ import annotations

import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from handbook.site import templates
from handbook.site.escaping import Markdown, html_label, markdown, markdown_label, markdown_text, plain_text, theme_text, yaml_text
from handbook.site.placeholders import SOP, placeholder

VALUES = [
    "<script>alert(1)</script>",
    '" onmouseover="x',
    "Refunds < €50 & fees",
    "*stars* and _under_ and `code`",
    "|pipe|",
    "1. not a list",
    "- not a list either",
    ": not a definition",
    "# not a heading",
    "C# {#anchor} [link](x) ![img](y) \\ ~ &amp;",
    "2.6",
]
# The Markdown extensions of mkdocs.yml that read syntax in text.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def _rendered(source: str) -> BeautifulSoup:
    return BeautifulSoup(python_markdown.markdown(source, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize("value", VALUES)
def test_a_value_is_its_own_text_in_every_markdown_context(value):
    text = markdown_text(value)
    paragraph = _rendered(f"{text}\n")
    assert [e.name for e in paragraph.find_all(True)] == ["p"] and paragraph.get_text() == value
    heading = _rendered(f"## {text}\n").find("h2")
    assert heading.get_text() == value and heading.get("id") != "anchor"
    table = _rendered(f"| a | b |\n|---|---|\n| {text} | end |\n")
    assert [td.get_text() for td in table.find_all("td")] == [value, "end"]
    admonition = _rendered(f'!!! note "{text}"\n\n    body\n').select_one(".admonition-title")
    assert admonition.get_text() == value
    assert not _rendered(f"{text}\n").find(["script", "em", "strong", "code", "a", "img", "ol", "ul", "dl", "h1"])


def test_whitespace_and_placeholders_cannot_break_out_of_the_line():
    forged = placeholder(SOP, "CC-001", "forged")
    assert markdown_text(f"two\n\n# lines {forged}") == "two &#35; lines forged"


def test_markdown_keeps_the_handbooks_own_markdown_and_escapes_the_rest():
    link = Markdown("[a](b.md)")
    assert markdown(link) is link
    assert markdown("[a](b.md)") == "&#91;a&#93;(b.md)"
    assert markdown(None) == ""
    assert markdown_label("Due: {owner} – see {link}.", owner="*x*", link=link) == "Due: &#42;x&#42; – see [a](b.md)."


def test_html_label_escapes_values_but_not_markup():
    assert html_label("{owner} & {link}", owner='<b>"x"</b>', link=Markup("<a>y</a>")) == "&lt;b&gt;&#34;x&#34;&lt;/b&gt; &amp; <a>y</a>"


def test_theme_text_prints_as_text_raw_or_through_the_e_filter_and_comes_back():
    from jinja2 import Environment

    value = theme_text('A < B & "C"')
    rendered = Environment(autoescape=False).from_string("{{ v }}|{{ v | e }}|{{ v ~ '' }}").render(v=value)
    assert rendered == "A &lt; B &amp; &#34;C&#34;|A &lt; B &amp; &#34;C&#34;|A &lt; B &amp; &#34;C&#34;"
    assert theme_text(value) == value  # idempotent
    assert plain_text(value) == 'A < B & "C"' and plain_text("plain") == "plain"


def test_yaml_text_is_one_quoted_scalar():
    import yaml

    for value in VALUES + ["key: value # comment", "[a, b]", "multi\nline"]:
        assert yaml.safe_load(f"title: {yaml_text(value)}")["title"] == " ".join(value.split())


def test_html_templates_autoescape_every_value():
    link = templates.html("link.html", href='x" onclick="y', shown="<script>alert(1)</script>")
    assert link == '<a href="x&#34; onclick=&#34;y">&lt;script&gt;alert(1)&lt;/script&gt;</a>'
    assert templates.html("link.html", href="x", shown=Markup("<em>kept</em>")) == '<a href="x"><em>kept</em></a>'
