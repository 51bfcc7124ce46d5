"""The handbook's own theme overrides (handbook/site/overrides/), ahead of Material's templates.

Kept in the package, not in each handbook's `custom_dir`: a handbook gets them by listing
this hook. Today: the repository link without its api.github.com call (partials/source.html),
and a title in the 404 page's header.
"""

from __future__ import annotations

from handbook.site import theme


def on_config(config):
    theme.install(config.theme.dirs)
    return config


def on_post_template(output: str, template_name: str, config) -> str:
    """The 404 page: its heading in the header too (MkDocs gives it no page title)."""
    return theme.titled_not_found(output) if template_name == "404.html" else output
