"""The check's fast paths (one-pass body scan, direct YAML construction) give exactly what the plain ways give."""

from __future__ import annotations

import random
import re

import yaml

from handbook import structure, yamlio
from handbook.templating import codetext
from handbook.structure import Body, Heading, MacroCall, Section

# The reference scan reads heading lines with the plain per-line pattern the fast scan replaced.
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)  # the plain comment pattern the fast scan made linear

# -- the body scan, against the plain line-by-line scan it replaced ----------------------------

_TERM_CALL = re.compile(r"""\{\{-?\s*term\(\s*(["'])(.*?)\1""")
_SOP_CALL = re.compile(r"""\{\{-?\s*sop\(\s*(["'])(.*?)\1""")


def _reference_scan(body: str, first_line: int = 1) -> Body:
    """Every line in turn: the definition of what `structure.scan` finds.

    Macro calls in code (fences, Mermaid, code spans) are text; so is TODO in code samples, not in Mermaid.
    """
    sections: list[Section] = []
    calls: list[MacroCall] = []
    placeholders: list[tuple[int, str]] = []
    current: Section | None = None
    stage: Heading | None = None
    fence: str | None = None
    fence_is_mermaid = False
    fence_first_line: int | None = None
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body) if "<!--" in body else body
    spans = [(start, end) for start, end, kind in codetext.code_regions(text) if kind == codetext.SPAN]
    line_start = 0
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        at, line_start = line_start, line_start + len(line) + 1
        stripped = line.strip()
        opens = fence is None and stripped[:1] in ("`", "~") and structure._FENCE.match(line)
        in_code = fence is not None or bool(opens)
        in_mermaid = (fence is not None and fence_is_mermaid) or bool(opens and opens.group(2) == "mermaid")

        def text_at(column: int) -> bool:
            return any(start <= at + column < end for start, end in spans)

        calls.extend(MacroCall("term", m.group(2), number) for m in _TERM_CALL.finditer(line) if not in_code and not text_at(m.start()))
        calls.extend(MacroCall("sop", m.group(2), number) for m in _SOP_CALL.finditer(line) if not in_code and not text_at(m.start()))
        todo = [m for m in structure._PLACEHOLDER.finditer(line) if in_mermaid or (not in_code and not text_at(m.start()))]
        if todo:
            placeholders.append((number, line.strip()))
        if fence is not None:
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = None
            elif fence_is_mermaid and fence_first_line is None and stripped and not stripped.startswith("%%"):
                fence_first_line = number
                if current and (stripped.startswith("flowchart") or stripped.startswith("graph")):
                    current.flowchart_lines.append(number)
            if current and stripped:
                current.has_content = True
            continue
        if not stripped:
            continue
        match = structure._FENCE.match(line) if stripped[0] in "`~" else None
        if match:
            fence, fence_is_mermaid, fence_first_line = match.group(1), match.group(2) == "mermaid", None
            if current:
                current.has_content = True
            continue
        if line[0] == "#":
            heading = _HEADING.match(line)
            if heading:
                level = len(heading.group(1))
                found = Heading(level, structure._ATTRS.sub("", heading.group(2)).strip(), number)
                if level <= 2:
                    current = Section(found) if level == 2 else None
                    stage = None
                    if current:
                        sections.append(current)
                elif current:
                    current.subheadings.append(found)
                    stage = found if level == 3 else stage
                continue
        if current:
            current.has_content = True
            if structure._ORDERED_ITEM.match(line):
                current.has_ordered_list = True
                if stage is not None:
                    stage.has_steps = True
    return Body(sections, calls, placeholders)


_LINES = [
    "## Purpose", "## Procedure {#proc}", "# Title", "### Stage one", "#### x", "#nope", "##", "## ", "## Scope ##", "## 2. Scope", "##\tTabbed #  ", "## # ", "## ###", "####### seven", "## a {#id} ##", "###### six #a",
    "1. step", "  2) step", "1.step", "10. x", "\u0661. arabic digit", "- item", "| a | b |", "text", "",
    " ", "\t", "\u00a0", "\u2003", "\x1c", "\x85x",
    "```", "```mermaid", "~~~", "````", "``` mermaid", "  ```", "\t~~~~ python", "```` ", " ``` ", "\u2003```", "\x0c```", "```x```", "a ```",
    "flowchart TD", "graph LR", "%%{init}%%", "  flowchart", "%% c",
    "TODO: fix", "xTODO", "a TODO b TODO", '{{ term("AHT") }}', "{{- sop('CC-001') }} {{ term(\"X\") }}", '{{ sop("A") }}{{ term("B") }}',
    '{{term( "a {{ sop("B") ")}}', "{{ sop(\"x\n\")}}", "<!-- c -->", "<!--", "-->", "<!-- a\nb -->",
]


def test_scan_finds_what_the_line_by_line_scan_finds():
    rng = random.Random(2026)
    for _ in range(20000):
        text = "\n".join(rng.choice(_LINES) for _ in range(rng.randint(0, 24)))
        text = rng.choice(["", "\n"]) + text + rng.choice(["", "\n", "\n\n"])
        first = rng.randint(1, 30)
        assert structure.scan(text, first) == _reference_scan(text, first), repr(text)


# -- front matter: direct construction and the resolver, against PyYAML's own ----------------


class _PlainLoader(yamlio.FrontMatterLoader):
    """FrontMatterLoader with PyYAML's own resolver and constructor."""

    resolve = yaml.resolver.BaseResolver.resolve


def _reference(text: str):
    loader = _PlainLoader(text)
    try:
        node = loader.get_single_node()
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _shape(value, seen=frozenset()):
    """Types and values, recursion included, for an exact comparison."""
    if isinstance(value, (list, dict)):
        if id(value) in seen:
            return "..."
        items = value if isinstance(value, list) else [v for kv in value.items() for v in kv]
        return (type(value).__name__, tuple(_shape(i, seen | {id(value)}) for i in items))
    return (type(value).__name__, repr(value))


_VALUES = [
    "1", "0", "012", "0x1F", "0b11", "1_000", "-5", "+5", "1:30", "1.5", "1.10", "2026-01-01", "2026-02-30", "yes", "No", "on", "OFF", "~", "null",
    "", "''", '"x"', "!!str 5", "!!int '7'", "!!bool maybe", "!!null x", "&a [1, 2]", "*a", "[a, b]", "{a: 1}", "{1: a}", "{yes: 1}", "{? [a]: b}",
    "{<<: {x: 1}, y: 2}", "2.0e3", ".inf", "TRUE", "\uff58", "\uff11\uff12", "\u0663", "|\n  block\n", ">\n  folded\n", "!custom x", "[*a, *a]",
    "&b [*b]", "[", "{a: }", "- x", "'unclosed",
]


def test_front_matter_data_is_what_pyyaml_constructs():
    rng = random.Random(7)
    base = 'id: CS-001\ntitle: "A title: quoted"\ndepartment: customer-service\nstatus: approved\nversion: "1.0"\nchannels: [phone, email]\nreview_log:\n  - date: 2026-01-01\n    by: Ana\n'
    for _ in range(4000):
        lines = base.split("\n")
        for _ in range(rng.randint(1, 3)):
            key = f"k{rng.randint(0, 3)}"
            lines.insert(rng.randrange(len(lines)), f"{key}: {rng.choice(_VALUES)}")
        text = "\n".join(lines)
        try:
            expected, problem = _reference(text), None
        except (yaml.YAMLError, KeyError, ValueError, TypeError) as exc:
            expected, problem = None, type(exc)
        try:
            got, failed = yamlio.load_front_matter(text, 2).data, None
        except yamlio.YamlSyntaxError:
            got, failed = None, yaml.YAMLError
        except yamlio.YamlStrictnessError as exc:  # a key twice (FM010, PyYAML keeps the last) or an alias (FM011): refused
            keys = [k.split(":")[0] for k in lines if k.startswith("k")]
            assert (exc.code == "FM010" and len(set(keys)) < len(keys)) or (exc.code == "FM011" and "*" in text), text
            continue
        except (KeyError, ValueError, TypeError) as exc:
            got, failed = None, type(exc)
        if problem is not None:
            # Whatever PyYAML raises (a syntax error, or KeyError for `!!bool maybe`) is one clean finding here.
            assert failed is yaml.YAMLError, text
            continue
        assert failed is None and _shape(got) == _shape(expected), text


def test_resolver_tags_plain_scalars_as_pyyaml_does():
    loader = yamlio.FrontMatterLoader("")
    rng = random.Random(3)
    values = ["", "~", "null", "Null", "yes", "No", "on", "y", "true", "1", "-1", "0x1f", "0o7", "1:30", "1.5", "2026-01-01", "<<", "=", "!", "abc", "\u0663"]
    values += ["".join(rng.choice("yYnN01-+.:_~<=!abcxo ") for _ in range(rng.randint(0, 6))) for _ in range(5000)]
    for value in values:
        for implicit in ((True, False), (False, True), (False, False)):
            for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
                arg = value if kind is yaml.ScalarNode else None
                assert loader.resolve(kind, arg, implicit) == yaml.resolver.BaseResolver.resolve(loader, kind, arg, implicit)
