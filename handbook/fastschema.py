"""A fast yes for front matter that is valid: checked before the full JSON Schema validator runs.

`jsonschema` costs about 0.15 ms per SOP, most of a large handbook's check. Nearly every
SOP is valid, so `compile_schema` turns the published schema into a plain function that
answers True only when the data certainly passes it. Anything else, including a keyword
this module does not know, answers False, and the caller asks `jsonschema` for the exact
errors: findings stay exactly those of the full validator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_NOTES = {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: type(v) is str,
    "integer": lambda v: type(v) is int,  # jsonschema also takes 2.0; the slow path decides those
    "number": lambda v: type(v) in (int, float),
    "boolean": lambda v: type(v) is bool,
    "array": lambda v: type(v) is list,
    "object": lambda v: type(v) is dict,
    "null": lambda v: v is None,
}


def _never(value: Any) -> bool:
    return False


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function of one instance: True only if it certainly validates against `schema`."""
    return _compile(schema, schema)


def _compile(node: Any, root: dict[str, Any]) -> Check:
    if not isinstance(node, dict):
        return _never
    unknown = set(node) - _NOTES - {
        "$ref", "type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "required", "properties", "additionalProperties", "items", "uniqueItems",
    }
    if unknown:
        return _never  # a keyword this module does not implement: let jsonschema judge
    checks: list[Check] = []
    if "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/$defs/") or ref[8:] not in root.get("$defs", {}):
            return _never
        checks.append(_compile(root["$defs"][ref[8:]], root))
    if "type" in node:
        names = [node["type"]] if isinstance(node["type"], str) else node["type"]
        if not all(n in _TYPES for n in names):
            return _never
        tests = [_TYPES[n] for n in names]
        checks.append(tests[0] if len(tests) == 1 else (lambda v: any(t(v) for t in tests)))
    if "enum" in node:
        options = list(node["enum"])
        if all(type(o) is str for o in options):
            strings = frozenset(options)
            checks.append(lambda v: type(v) is str and v in strings)
        else:
            checks.append(lambda v: any(type(v) is type(o) and v == o for o in options))
    if "pattern" in node:
        search = re.compile(node["pattern"]).search
        checks.append(lambda v: type(v) is not str or search(v) is not None)
    if "minLength" in node:
        least = node["minLength"]
        checks.append(lambda v: type(v) is not str or len(v) >= least)
    if "maxLength" in node:
        most = node["maxLength"]
        checks.append(lambda v: type(v) is not str or len(v) <= most)
    if "minimum" in node:
        low = node["minimum"]
        checks.append(lambda v: type(v) not in (int, float) or v >= low)
    if "maximum" in node:
        high = node["maximum"]
        checks.append(lambda v: type(v) not in (int, float) or v <= high)
    if "uniqueItems" in node and node["uniqueItems"]:
        checks.append(lambda v: type(v) is not list or (all(type(i) is str for i in v) and len(set(v)) == len(v)))
    if "items" in node:
        item = _compile(node["items"], root)
        checks.append(lambda v: type(v) is not list or all(map(item, v)))
    checks.extend(_object_checks(node, root))
    return _all_of(checks)


def _all_of(checks: list[Check]) -> Check:
    """One function for several checks, without a loop for the usual one or two."""
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)
    return lambda value: all(check(value) for check in checks)


def _object_checks(node: dict[str, Any], root: dict[str, Any]) -> list[Check]:
    properties = {key: _compile(sub, root) for key, sub in (node.get("properties") or {}).items()}
    required = list(node.get("required", []))
    extra = node.get("additionalProperties", True)
    if extra is not True and extra != {} and extra is not False:
        return [_never]
    closed = extra is False
    if not (required or closed or properties):
        return []

    def check(value: Any) -> bool:
        if type(value) is not dict:
            return True
        for key in required:
            if key not in value:
                return False
        for key, item in value.items():
            test = properties.get(key)
            if test is None:
                if closed:
                    return False
            elif not test(item):
                return False
        return True

    return [check]
