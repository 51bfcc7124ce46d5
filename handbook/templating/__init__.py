"""Page templates: what Jinja may read of an SOP, and what it must leave as text.

The build (hooks/sandbox.py, hooks/macros_fastpath.py) and `handbook check` both use
this package, so a page's template code is judged once, the same way: code samples
and diagrams are text (`codetext`), literal macro calls need no Jinja (`literal`),
anything else runs in the sandbox (`sandbox`), and every problem is a finding with the
file's line (`check`). No MkDocs here.
"""
