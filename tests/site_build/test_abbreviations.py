"""Glossary abbreviations get `<abbr>` tooltips in a rendered page's text, and nowhere else."""

from __future__ import annotations

from handbook.glossary import Definition, Glossary, GlossaryTerm
from handbook.site.abbreviations import AbbreviationMarker

GLOSSARY = Glossary({
    "AHT": GlossaryTerm("AHT", "Average handle time", "Talk plus hold plus wrap-up."),
    "T&C": GlossaryTerm("T&C", "Terms and conditions", 'The "small print".'),
    "Callback": GlossaryTerm("Callback", "Callback", "A call we return."),
})
MARK = AbbreviationMarker(GLOSSARY, "en", "en").mark
AHT = '<abbr title="Average handle time: Talk plus hold plus wrap-up.">AHT</abbr>'


def test_text_gets_abbr_with_the_definition():
    assert MARK("<p>Keep AHT low.</p>") == f"<p>Keep {AHT} low.</p>"


def test_whole_words_only_and_not_other_terms():
    assert MARK("<p>AHTS, xAHT, Callback</p>") == "<p>AHTS, xAHT, Callback</p>"


def test_tags_attributes_code_pre_and_existing_abbr_are_left_alone():
    untouched = '<a href="#AHT" title="AHT">x</a><code>AHT</code><pre class="mermaid"><code>A[AHT]</code></pre><abbr title="t">AHT</abbr>'
    assert MARK(untouched) == untouched


def test_inside_links_and_after_code_the_text_is_marked():
    assert MARK('<a href="#g">AHT</a> <code>x</code> AHT') == f'<a href="#g">{AHT}</a> <code>x</code> {AHT}'


def test_escaped_ampersand_and_quotes_in_definitions():
    assert MARK("<p>Read the T&amp;C.</p>") == '<p>Read the <abbr title="Terms and conditions: The &quot;small print&quot;.">T&amp;C</abbr>.</p>'


def test_translated_definition_is_used():
    glossary = Glossary({"AHT": GlossaryTerm("AHT", "Average handle time", "Talk.", {"pl": Definition("Średni czas obsługi", "Rozmowa.")})})
    assert AbbreviationMarker(glossary, "pl", "en").mark("AHT") == '<abbr title="Średni czas obsługi: Rozmowa.">AHT</abbr>'
