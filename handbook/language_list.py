"""The handbook's languages from one list: the languages mkdocs-static-i18n builds.

`extra.handbook.languages` may be left out: the handbook then reads the i18n plugin's
list. Where both are written they must agree, or the site is built in a language the
check never looked at (a configuration error naming both places).
"""

from __future__ import annotations

from typing import Any


def plugin_options(plugins: Any, name: str) -> Any:
    """A plugin's options in mkdocs.yml's `plugins` (a list or a mapping); {} when listed bare, None when absent."""
    if isinstance(plugins, dict):
        return (plugins[name] or {}) if name in plugins else None
    for entry in plugins if isinstance(plugins, list) else []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return None


def i18n_languages(options: Any) -> tuple[str, ...] | None:
    """The locales mkdocs-static-i18n lists, its default first; None without the plugin or with `build_only_locale`.

    A locale listed with `build: false` counts too: its translation files (`x.ar.md`) are
    still translations, never SOPs of their own. `options` is the plugin's options as
    written in mkdocs.yml or its validated config (both map `languages` to items with
    `locale` and `default`); `build_only_locale` rewrites `default`, so it gives None.
    """
    if options is None or not hasattr(options, "get") or options.get("build_only_locale"):
        return None
    built, default = [], None
    for item in options.get("languages") or []:
        if not hasattr(item, "get") or not isinstance(item.get("locale"), str) or item.get("locale") == "null":
            continue
        built.append(item["locale"])
        if item.get("default") and default is None:
            default = item["locale"]
    if not built:
        return None
    if default is not None:
        built.remove(default)
        built.insert(0, default)
    return tuple(built)


def language_mismatch(listed: list[str], i18n: tuple[str, ...] | None) -> str | None:
    """What differs between `extra.handbook.languages` and the plugin's built languages, with the fix; None when they agree."""
    if i18n is None or (listed[0] == i18n[0] and set(listed) == set(i18n)):
        return None
    differences = []
    if listed[0] != i18n[0]:
        differences.append(f"the source language is {listed[0]} in extra.handbook.languages but {i18n[0]} (default: true) in the plugin")
    only_handbook = [lang for lang in listed if lang not in i18n]
    only_plugin = [lang for lang in i18n if lang not in listed]
    if only_handbook:
        differences.append(f"only extra.handbook.languages has {', '.join(only_handbook)}")
    if only_plugin:
        differences.append(f"only plugins.i18n.languages has {', '.join(only_plugin)}")
    return (
        f"extra.handbook.languages [{', '.join(listed)}] and plugins.i18n.languages [{', '.join(i18n)}] differ: "
        f"{'; '.join(differences)}. Remove extra.handbook.languages (the handbook then uses the i18n plugin's list), "
        "or list the same languages in both, the source language first and marked `default: true` in the plugin"
    )


def handbook_languages(extra: Any, i18n_options: Any) -> tuple[str, ...]:
    """The languages as the policy reads them, before it is loaded: the plugin's, else `extra.handbook.languages`, else English."""
    if built := i18n_languages(i18n_options):
        return built
    raw = (extra or {}).get("handbook") if hasattr(extra, "get") else None
    listed = raw.get("languages") if hasattr(raw, "get") else None
    return tuple(str(x) for x in listed) if isinstance(listed, list) and listed else ("en",)
