"""Search without diacritics: a reader typing `zwrot` or `darbiba` must find `zwrót` and `darbība`.

Material's search (lunr) has no Polish or Latvian stemmer and no accent folding.
After the build, each indexed section's text gets the accent-free spelling of its
words that have accents, so both spellings match; exact words still match as before.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

# Letters that Unicode does not decompose into a base letter and an accent.
_NOT_DECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})
_WORD = re.compile(r"\w+")
_MARK = "\u2063"  # invisible separator before the folded words: also makes folding idempotent


def fold(word: str) -> str:
    """`Zwrót` -> `Zwrot`, `darbība` -> `darbiba`; Arabic loses its optional vowel marks."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_NOT_DECOMPOSED))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def folded_words(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        plain = fold(word)
        if plain != word:
            seen.setdefault(plain, None)
    return list(seen)


def fold_search_index(path: Path) -> int:
    """Add accent-free spellings to a Material search index in place; returns the entries changed."""
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for doc in index.get("docs", []):
        text = doc.get("text", "")
        if _MARK in text:
            continue
        extra = folded_words(doc.get("title", "") + " " + text)
        if extra:
            doc["text"] = f"{text} {_MARK}{' '.join(extra)}"
            changed += 1
    if changed:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    return changed
