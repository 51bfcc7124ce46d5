"""What the handbook's site shows, as Markdown and HTML text: no MkDocs here either.

The hooks and macros decide *when* these run; this package decides *what* a
reader sees: metadata cards, banners, glossary links, and the generated pages.
"""

#: The only names page content may use: the macros module defines them, hooks/sandbox.py enforces it.
PAGE_MACROS = ("term", "sop", "definitions")
