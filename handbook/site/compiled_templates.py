"""Theme templates compiled once per process, not once per language.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n runs one
build per language: Material's ~50 templates were compiled five times (about 9% of a
build's time in a profile at 200 SOPs). Jinja's bytecode cache, kept in memory, hands
each later environment the code compiled from the same source (keyed by template name
and a checksum of its source), so every page is rendered by the same code as before.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class InMemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # refused (recompiled) if the source checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


CACHE = InMemoryBytecodeCache()
