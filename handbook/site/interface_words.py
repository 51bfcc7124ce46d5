"""Interface words as data: one YAML file per language in `handbook/site/words/`.

A file maps a key (`owner`, `banner.overdue`) to the text readers see; `{name}` is a
placeholder filled in by the page. English (`en.yml`) is the source: every key exists
there, and a language without a key shows the English text. A text with a number can have
plural forms beside it, `key.one`, `key.few` ... (the CLDR categories of that language):
`home.sop_count: '{count} SOPs'` and `home.sop_count.one: '{count} SOP'`. YAML because the handbook
already reads YAML everywhere and translation platforms (Weblate, Crowdin, Lokalise,
Transifex) read flat key/value YAML files as they are, with no compile step.

Run `python -m handbook.site.interface_words import OTHER_labels.py` to append the words of
a `LABELS = {...}` dictionary (the old labels.py, e.g. from another branch) that the
files do not have yet; existing words and comments are kept.
"""

from __future__ import annotations

import ast
import string
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

WORDS_DIR = Path(__file__).parent / "words"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: five files on every check
SOURCE = "en"
# The CLDR plural categories: `key.<category>` is the form of `key` for such a number.
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


class WordsError(ValueError):
    """A words file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Gap:
    """What a language's words file lacks or gets wrong, measured against English."""

    lang: str
    path: Path
    missing: tuple[str, ...] = ()  # keys English has and this file does not
    placeholders: tuple[str, ...] = ()  # keys whose {placeholders} differ from English
    unknown: tuple[str, ...] = ()  # keys English does not have (misspelt or removed)

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def words_file(lang: str, folder: Path = WORDS_DIR) -> Path:
    return folder / f"{lang}.yml"


def read_words(path: Path) -> dict[str, str]:
    """One language's words; a file that is not `key: text` lines is a WordsError naming it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise WordsError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WordsError(f"{path}: cannot be read: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise WordsError(f"{path}: expected `key: text` lines, e.g. `owner: Owner`")
    for key, text in data.items():
        if not isinstance(key, str) or not isinstance(text, str):
            raise WordsError(f"{path}: {key!r}: the text must be a string (quote it), e.g. {key}: \"...\"")
    return data


def load_words(folder: Path = WORDS_DIR, own: Path | None = None) -> dict[str, dict[str, str]]:
    """Every language's words in `folder`, by language code (the file name).

    `own` is the handbook's words folder (`extra.handbook.words`): its files add
    languages and override the package's words key by key.
    """
    words = {path.stem: read_words(path) for path in sorted(folder.glob("*.yml"))}
    if own is not None and own.is_dir():
        for path in sorted(own.glob("*.yml")):
            words[path.stem] = {**words.get(path.stem, {}), **read_words(path)}
    return words


def base_key(key: str) -> str:
    """`home.sop_count.one` -> `home.sop_count`: the text a plural form belongs to."""
    head, dot, form = key.rpartition(".")
    return head if dot and form in PLURAL_FORMS else key


def placeholders(text: str) -> frozenset[str]:
    try:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)
    except ValueError:  # an unmatched brace: never equal to a well-formed English text
        return frozenset({"<unmatched brace>"})


def gap(lang: str, words: dict[str, dict[str, str]], folder: Path = WORDS_DIR, own: Path | None = None) -> Gap:
    """What `lang`'s words lack against English; an absent file lacks every key.

    The file named is the handbook's own when it has one for `lang`, else the package's.
    """
    source = words.get(SOURCE, {})
    have = words.get(lang, {})
    texts = {base_key(k) for k in source}
    covered = {base_key(k) for k, text in have.items() if text}  # a language may give only plural forms
    missing = tuple(k for k in source if k in texts and k not in covered)
    differ = tuple(k for k, text in have.items() if text and base_key(k) in source and placeholders(text) != placeholders(source[base_key(k)]))
    unknown = tuple(k for k in have if base_key(k) not in texts)
    path = words_file(lang, own) if own is not None and words_file(lang, own).is_file() else words_file(lang, folder)
    return Gap(lang, path, missing, differ, unknown)


def scalar_line(key: str, text: str) -> str:
    """`key: text` as one YAML line, quoted only where YAML needs it."""
    return yaml.safe_dump({key: text}, allow_unicode=True, width=10**9, sort_keys=False).rstrip("\n")


def labels_from_python(path: Path) -> dict[str, dict[str, str]]:
    """The `LABELS = {...}` literal of an old labels.py, read without running the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "LABELS" and node.value is not None:
            return ast.literal_eval(node.value)
    raise WordsError(f"{path}: no `LABELS = {{...}}` dictionary")


def append_words(labels: dict[str, dict[str, str]], folder: Path = WORDS_DIR, note: str = "") -> dict[str, list[str]]:
    """Append to each language's file the keys it does not have yet; returns the keys added per language."""
    added: dict[str, list[str]] = {}
    for lang, entries in labels.items():
        path = words_file(lang, folder)
        have = read_words(path) if path.is_file() else {}
        new = [k for k in entries if k not in have and entries[k]]
        if not new:
            continue
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        lines = [f"# --- {note} ---"] if note else []
        lines += [scalar_line(k, entries[k]) for k in new]
        path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
        added[lang] = new
    return added


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "import":
        print("usage: python -m handbook.site.interface_words import PATH/TO/labels.py", file=sys.stderr)
        return 2
    source = Path(argv[1])
    try:
        added = append_words(labels_from_python(source), note=f"from {source.name}")
    except (OSError, SyntaxError, ValueError) as exc:
        print(f"{source}: {exc}", file=sys.stderr)
        return 2
    for lang, keys in added.items():
        print(f"{words_file(lang)}: added {', '.join(keys)}")
    if not added:
        print("nothing to add: every key is in the words files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
