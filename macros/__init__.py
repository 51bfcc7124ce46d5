"""mkdocs-macros module: the SOP handbook's page macros term(), sop(), definitions() (handbook/mkdocs/macros.py)."""

from handbook.mkdocs.macros import define_env  # noqa: F401
