"""The handbook's own theme overrides (handbook/site/overrides/), ahead of Material's templates.

Kept in the package, not in each handbook's `custom_dir`: a handbook gets them by listing
this hook. Today: the repository link without its api.github.com call (partials/source.html).
"""

from __future__ import annotations

from handbook.site import theme


def on_config(config):
    theme.install(config.theme.dirs)
    return config
