"""The handbook's own theme overrides (handbook/site/overrides/), ahead of Material's templates.

Kept in the package, not in each handbook's `custom_dir`: a handbook gets them by listing
this hook. Today: the repository link without its api.github.com call (partials/source.html),
and a title in the 404 page's header.
"""

from __future__ import annotations

from copy import deepcopy

from jinja2 import Template

from handbook.site import theme

# The site's one 404 page: every language's build writes 404.html at the site root; the
# source language's is kept, its language switcher offering each language's home page.
_NOT_FOUND = "404.html"


def on_pre_template(template, template_name, config):
    """The other languages' builds render their 404 page as nothing, which MkDocs does not write.

    A preview of one language (`handbook serve --lang pl`) builds only that one: it keeps its own.
    """
    kept = _kept_404_language(_i18n(config))
    if template_name == _NOT_FOUND and kept is not None and str(config.theme.get("language")) != kept:
        return Template("")
    return template


def on_template_context(context, template_name, config):
    """The 404 page is no page's translation: its switcher offers each language's home page.

    mkdocs-static-i18n sets the switcher's links per page and leaves them as the last page
    had them; its own links to the language homes are where it keeps them before any page.
    """
    homes = getattr(_i18n(config), "extra_alternate", None)
    if template_name == _NOT_FOUND and homes:
        config.extra["alternate"] = deepcopy(homes)
    return context


def _kept_404_language(i18n) -> str | None:
    built = list(getattr(i18n, "build_languages", None) or [])
    default = getattr(i18n, "default_language", None)
    if not built:
        return None
    return default if default in built else built[0]


def _i18n(config):
    return config.plugins.get("i18n") if config.plugins else None


def on_config(config):
    theme.install(config.theme.dirs)
    return config


def on_post_template(output: str, template_name: str, config) -> str:
    """The 404 page: its heading in the header too (MkDocs gives it no page title)."""
    return theme.titled_not_found(output) if template_name == "404.html" else output
