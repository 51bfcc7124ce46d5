"""The people registry (`extra.handbook.people`): everyone CODEOWNERS names must be in it.

`handbook codeowners` maps each department's lead and each SOP owner other than the
lead to a GitHub user or team; a name missing from the registry fails
`codeowners --check` in CI. The check reports the same names first (PPL001), so an
author learns it from `handbook check` and the build. A handbook with no registry
at all does not use CODEOWNERS: nothing is reported.
"""

from __future__ import annotations

from pathlib import Path

from .findings import Finding
from .policy import Policy
from .sop import SOP

CODE = "PPL001"


def owner_findings(sop: SOP, policy: Policy) -> list[Finding]:
    """The SOP's owner, when CODEOWNERS names them (a source SOP whose owner is not its department's lead)."""
    people, dept = policy.people, policy.departments.get(sop.department)
    if not people or sop.is_translation or dept is None or not sop.owner or sop.owner == dept.lead or sop.owner in people:
        return []
    if not isinstance(sop.owner, str) or "\n" in sop.owner or "\r" in sop.owner:
        return []  # not a name on one line: FM006 says so already
    return [Finding(sop.path, sop.line_of("owner"), CODE, f"owner {sop.owner} is not in the people registry (extra.handbook.people in {_config_name(policy)})")]


def lead_findings(policy: Policy, shown: str) -> list[Finding]:
    """Each department lead missing from the registry, at the lead's line of mkdocs.yml (`shown`)."""
    if not policy.people:
        return []
    lines = _lead_lines(policy.config_path)
    return [
        Finding(shown, lines.get(key, 0), CODE, f"extra.handbook.departments.{key}.lead: {dept.lead} is not in the people registry (extra.handbook.people)")
        for key, dept in policy.departments.items()
        if dept.lead and dept.lead not in policy.people
    ]


def _config_name(policy: Policy) -> str:
    return policy.config_path.name if policy.config_path else "mkdocs.yml"


def _lead_lines(config: Path | None) -> dict[str, int]:
    """The line of each department's `lead:` in mkdocs.yml: the first `lead:` after the line `<key>:`."""
    try:
        text = config.read_text(encoding="utf-8-sig") if config else ""
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, int] = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.endswith(":") and " " not in stripped[:-1]:
            current = stripped[:-1].strip("'\"")
        elif stripped.startswith("lead:") and current and current not in found:
            found[current] = number
    return found
