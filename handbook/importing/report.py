"""What an import did, per file: what was mapped, what needs an author, what could not be kept as it was."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class FileReport:
    source: str  # the source file, as given
    target: str = ""  # the SOP written, relative to the working folder
    sop_id: str = ""
    title: str = ""
    outcome: str = "imported"  # imported | skipped | failed
    reason: str = ""  # why it was skipped or failed
    mapped: list[str] = field(default_factory=list)
    needs_author: list[str] = field(default_factory=list)
    not_kept: list[str] = field(default_factory=list)  # changed on the way in: shortcodes, links, images; the text is in the SOP, marked

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "outcome": self.outcome,
            "reason": self.reason,
            "target": self.target,
            "id": self.sop_id,
            "title": self.title,
            "mapped": self.mapped,
            "needs_author": self.needs_author,
            "not_kept": self.not_kept,
        }


@dataclass
class ImportReport:
    department: str
    folder: str  # where the SOPs went, e.g. docs/billing
    files: list[FileReport] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    def as_json(self) -> str:
        summary = {o: self.count(o) for o in ("imported", "skipped", "failed")}
        data = {"department": self.department, "folder": self.folder, "summary": summary, "files": [f.as_dict() for f in self.files]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def as_text(self) -> str:
        lines = []
        for f in self.files:
            if f.outcome != "imported":
                lines += [f"{f.source}: {f.outcome}: {f.reason}", ""]
                continue
            lines.append(f"{f.source} -> {f.target} ({f.sop_id} {f.title}, draft)")
            for heading, items in (("mapped", f.mapped), ("needs an author", f.needs_author), ("not kept as it was", f.not_kept)):
                if items:
                    lines.append(f"  {heading}:")
                    lines += [f"    - {item}" for item in items]
            lines.append("")
        lines.append(
            f"{self.count('imported')} imported into {self.folder}/ as drafts, {self.count('skipped')} skipped, {self.count('failed')} failed. "
            "Next: work through `needs an author` (each TODO is a TODO001 finding), run `handbook check`, "
            "then review each SOP and set `status: approved`."
        )
        return "\n".join(lines) + "\n"
