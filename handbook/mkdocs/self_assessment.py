"""MkDocs hook: an SOP's self-assessment becomes a quiz, and the page offers "I have read version X".

A thin adapter over handbook/site/quiz.py. It runs after mkdocs-macros has rendered the
page's Markdown, so the quiz's texts carry the same term()/sop() output as the page.
"""

from __future__ import annotations

import logging
import zlib

from mkdocs.plugins import event_priority

from handbook.site import build, quiz

log = logging.getLogger("mkdocs.hooks.handbook.self_assessment")

_SCRIPT = "quiz.js"  # assets/quiz.js (from the package): without it a quiz cannot be answered


# source SOP path -> ((length, hash) of its Markdown, the result's Markdown compressed, whether it has a quiz):
# compressed, as every source SOP's page waits here until the last language (130 MB for 5,000 SOPs as text)
_made: dict = {"handbook": None, "pages": {}}


def _with_quiz(handbook, sop, markdown: str) -> tuple[str, bool]:
    """The quiz of a source SOP's page, made once per build: untranslated, it is the same Markdown in every language."""
    if sop.is_translation:  # one language's page only
        return quiz.with_quiz(markdown, sop, handbook.by_id.get(sop.id, sop), handbook.policy)
    if _made["handbook"] is not handbook:
        _made["handbook"], _made["pages"] = handbook, {}
    key = (len(markdown), hash(markdown))
    known = _made["pages"].get(sop.path)
    if known is None or known[0] != key:
        made, has_quiz = quiz.with_quiz(markdown, sop, handbook.by_id.get(sop.id, sop), handbook.policy)
        _made["pages"][sop.path] = (key, zlib.compress(made.encode("utf-8", "surrogatepass"), 1), has_quiz)
        return made, has_quiz
    return zlib.decompress(known[1]).decode("utf-8", "surrogatepass"), known[2]


@event_priority(-50)  # after the macros plugin (priority 0) rendered the page
def on_page_markdown(markdown: str, page, config, files) -> str:
    handbook = build.current()
    sop = handbook.by_path.get(page.file.src_uri)
    if sop is None:
        return markdown
    markdown, has_quiz = _with_quiz(handbook, sop, markdown)
    if has_quiz and not any(str(s).endswith(_SCRIPT) for s in config.extra_javascript):
        log.warning(f"{page.file.src_uri}: a self-assessment, but assets/{_SCRIPT} is not linked (mkdocs.yml's hooks: must list hooks/tool_assets.py): readers cannot answer it")
    return markdown
