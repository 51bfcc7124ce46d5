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


def load_front_matter(text: str, first_line: int) -> LoadedMapping:
    """Parse front-matter text whose first line is `first_line` (1-based) in the file."""
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(problem, line) from None
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


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: MkDocs' own tags (`!ENV`, `!!python/name:`) become None."""


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
