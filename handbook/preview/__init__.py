"""`handbook serve`: a preview of one language that answers in about a second.

`cache` keeps the loaded handbook between rebuilds and re-reads only the SOP files that
changed; `changes` tells which files changed; `site` (the MkDocs adapter) rebuilds one
language, re-rendering only the pages a change touches, and serves it with live reload.
"""
