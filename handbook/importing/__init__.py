"""`handbook import`: procedures from Word documents and other Markdown handbooks, as draft SOPs.

One module per job: `markdown_source` and `docx_source` read a source into an
`ImportedText`; `shortcodes` turns other tools' shortcodes into Material's and escapes
template markers; `links` rewrites links and images; `sections` maps headings to the
required sections and composes the SOP; `report` says per file what happened;
`importer` ties them together and writes the files (never over an existing one).
"""

from .importer import CannotImport, import_sources
from .report import FileReport, ImportReport

__all__ = ["FileReport", "CannotImport", "ImportReport", "import_sources"]
