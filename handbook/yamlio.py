"""YAML loading for front matter and for mkdocs.yml, without MkDocs.

Front matter is loaded with dates and floats left as strings: PyYAML would turn
`version: 1.10` into 1.1 and raise on `2026-02-30` before any rule could name
the field. Dates are then checked by the rules, versions stay as written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates and decimal numbers as the author wrote them."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# The resolvers to try for a plain scalar, by its first character (what BaseResolver.resolve looks up each time).
_WILDCARD = FrontMatterLoader.yaml_implicit_resolvers.get(None, [])
_BY_FIRST = {first: resolvers + _WILDCARD for first, resolvers in FrontMatterLoader.yaml_implicit_resolvers.items() if first is not None}


def _resolve(self: FrontMatterLoader, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
    """BaseResolver.resolve without path resolvers (this loader has none), called for every node."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in _BY_FIRST.get(value[:1], _WILDCARD):
                if regexp.match(value):
                    return tag
        return self.DEFAULT_SCALAR_TAG
    return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


MAX_NUMBER_DIGITS = 30  # no handbook field holds a longer number; Python refuses over 4,300 digits with a traceback


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """A whole number, refused (at its line) when it is longer than any field needs."""
    digits = len(node.value.replace("_", ""))
    if digits > MAX_NUMBER_DIGITS:
        problem = f"a number of {digits} digits; no field holds one (put it in quotes if it is text)"
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)

if not FrontMatterLoader.yaml_path_resolvers:
    FrontMatterLoader.resolve = _resolve  # type: ignore[method-assign]


@dataclass
class LoadedMapping:
    """A YAML mapping with the 1-based line of each top-level key and list item."""

    data: Any
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


class YamlStrictnessError(ValueError):
    """Valid YAML the handbook refuses: a key written twice (FM010), an alias (FM011)."""

    def __init__(self, code: str, message: str, line: int):
        super().__init__(message)
        self.code = code
        self.line = line


def refuse_surprises(node: yaml.Node | None, first_line: int, allow_aliases: bool = False) -> None:
    """Raise YamlStrictnessError for the first duplicate key or (unless allowed) alias under `node`.

    PyYAML keeps the last of two equal keys, where a reviewer reads the first; an alias
    (`*a`) can stand for a document many times its size ("billion laughs"). Each node is
    visited once, so a tree of aliases costs no more than its text.
    """
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            if allow_aliases:
                continue
            line = first_line + current.start_mark.line  # where the anchor is: a composed alias is its anchor's node
            raise YamlStrictnessError("FM011", f"the value anchored at line {line} (`&name`) is repeated by a YAML alias (`*name`): write it out", line)
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: dict[str, int] = {}
            children = []
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    line = first_line + key.start_mark.line
                    if key.value in keys:
                        raise YamlStrictnessError("FM010", f"key `{shorten(key.value)}` is written twice: first at line {keys[key.value]}; keep one", line)
                    keys[key.value] = line
                children += [key, value]
            stack += reversed(children)  # popped in document order: the first alias written is reported
        elif isinstance(current, yaml.SequenceNode):
            stack += reversed(current.value)


def expanded_size(node: yaml.Node | None) -> int:
    """How many values `node` stands for once every alias is written out (each node counted once per use)."""
    sizes: dict[int, int] = {}
    order, stack = [], [node] if node is not None else []
    while stack:  # children before parents, without recursion
        current = stack.pop()
        if id(current) in sizes:
            continue
        sizes[id(current)] = 0
        order.append(current)
        if isinstance(current, yaml.MappingNode):
            stack += [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    for current in reversed(order):
        children = [n for pair in current.value for n in pair] if isinstance(current, yaml.MappingNode) else current.value if isinstance(current, yaml.SequenceNode) else []
        sizes[id(current)] = 1 + sum(sizes[id(c)] for c in children)
    return sizes[id(node)] if node is not None else 0


def shorten(text: object, limit: int = 60) -> str:
    """A value as shown in a message: never more than `limit` characters, however long it is."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_front_matter(text: str, first_line: int) -> LoadedMapping:
    """Parse front-matter text whose first line is `first_line` (1-based) in the file."""
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        refuse_surprises(node, first_line)
        data = None
        if node is not None:
            try:
                data = _plain_data(node, set())
            except _NotPlain:  # tags, anchors, merges, unusual numbers: PyYAML's constructor decides
                try:
                    data = loader.construct_document(node)
                except (KeyError, ValueError, TypeError, OverflowError) as exc:  # `!!bool maybe`, `!!int x`
                    raise YamlSyntaxError(f"a value does not fit its explicit YAML tag (!!bool, !!int, ...): {exc}; remove the tag or correct the value", first_line) from None
    except yaml.MarkedYAMLError as exc:
        raise _diagnosis(text, first_line) or _located(exc, None, first_line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), first_line) from None
    finally:
        loader.dispose()
    loaded = LoadedMapping(data)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            loaded.key_lines[key_node.value] = first_line + key_node.start_mark.line
            if isinstance(value_node, yaml.SequenceNode):
                loaded.item_lines[key_node.value] = [first_line + n.start_mark.line for n in value_node.value]
    return loaded


def _diagnosis(text: str, first_line: int) -> YamlSyntaxError | None:
    """Where the author must look, by the pure-Python parser (libyaml names only the whole mapping)."""
    loader = yaml.SafeLoader(text)
    quoted = None  # the last quoted value that ran over more than one line
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and token.end_mark.line > token.start_mark.line:
                quoted = token
        loader.dispose()
        loader = yaml.SafeLoader(text)  # the tokens were fine: the error is in how they fit together
        loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return _located(exc, quoted, first_line)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def _located(exc: yaml.MarkedYAMLError, quoted: yaml.ScalarToken | None, first_line: int) -> YamlSyntaxError:
    """The start of the broken value, not where the parser gave up.

    An unclosed quote or `[` is only noticed later: at the end of the front matter, where
    PyYAML's context names the value and where it starts, or at the next quote, which
    closes it and leaves the rest of that line out of place. A context that is a whole
    block mapping starts at line 1 and says nothing: the problem's line does.
    """
    problem = exc.problem or exc.context or "invalid YAML"
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    seen = first_line + (mark.line if mark else 0)
    if exc.context_mark is not None and ("scalar" in context or "flow" in context):
        return YamlSyntaxError(f"{context.removeprefix('while ')} that starts here: {problem} (line {seen})", first_line + exc.context_mark.line)
    if quoted is not None and mark is not None and quoted.end_mark.line == mark.line:  # the rest of its closing line is out of place
        end = first_line + quoted.end_mark.line
        return YamlSyntaxError(f"a quoted value starts here and runs on to line {end}: is its closing quote missing? ({problem}, line {seen})", first_line + quoted.start_mark.line)
    return YamlSyntaxError(problem, seen)


_STR, _INT, _BOOL, _NULL = (f"tag:yaml.org,2002:{name}" for name in ("str", "int", "bool", "null"))
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_BOOLS = yaml.constructor.SafeConstructor.bool_values


class _NotPlain(Exception):
    pass


def _plain_data(node: yaml.Node, seen: set[int]) -> Any:
    """What FrontMatterLoader constructs from `node`, built directly for plain front matter.

    Text, decimal whole numbers, booleans, nulls, lists and text-keyed mappings only, each
    node once (no aliases): anything else raises _NotPlain, and PyYAML's own (slower,
    general) constructor builds the document instead, so the data is always the same.
    """
    tag = node.tag
    kind = type(node)
    if kind is yaml.ScalarNode:
        value = node.value
        if tag == _STR:
            return value
        if tag == _INT and value.isascii() and value.isdigit() and (value[0] != "0" or value == "0") and len(value) <= MAX_NUMBER_DIGITS:
            return int(value)
        if tag == _BOOL and value.lower() in _BOOLS:
            return _BOOLS[value.lower()]
        if tag == _NULL:
            return None
        raise _NotPlain
    if id(node) in seen:
        raise _NotPlain
    seen.add(id(node))
    if kind is yaml.SequenceNode and tag == _SEQ:
        return [_plain_data(item, seen) for item in node.value]
    if kind is yaml.MappingNode and tag == _MAP:
        mapping = {}
        for key, value in node.value:
            if type(key) is not yaml.ScalarNode or key.tag != _STR:
                raise _NotPlain
            mapping[key.value] = _plain_data(value, seen)
        return mapping
    raise _NotPlain


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: MkDocs' own tags (`!ENV`, `!!python/name:`) become None."""


ConfigLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _ignore_tag(loader: ConfigLoader, suffix: str, node: yaml.Node) -> None:
    return None


ConfigLoader.add_multi_constructor("!", _ignore_tag)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def load_config_text(text: str) -> Any:
    return yaml.load(text, Loader=ConfigLoader)  # noqa: S506 - ConfigLoader is a SafeLoader


def yaml_text(value: str) -> str:
    """`value` as a YAML scalar for a file we write: plain when the check and MkDocs both read it back as the same text."""
    try:
        plain = all(yaml.load(f"k: {value}", Loader=loader) == {"k": value} for loader in (FrontMatterLoader, yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
