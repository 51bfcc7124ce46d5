"""An adopter's handbook made with `handbook init` outside this repository, and what must not be in it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-02"

ACME = [
    "--name", "Acme Telecom",
    "--languages", "en,pl",
    "--department", "Customer Care:CA:Jane Doe:pl=Obsługa klienta",
    "--department", "Billing:BL:Piotr Nowak:pl=Rozliczenia",
    "--person", "Jane Doe=@jane-doe",
    "--person", "Piotr Nowak=pnowak",
]  # fmt: skip


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(command: list[str], cwd: Path, python: str = sys.executable, checkout: bool = True) -> Run:
    """`python -m COMMAND...` in `cwd`; with `checkout`, this tree is the package (else only what `python` has installed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("HANDBOOK_TODAY", "PYTHONPATH")}
    env.update(HANDBOOK_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    if checkout:
        env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([python, "-m", *command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def fill_in(path: Path) -> None:
    """What an author does to a skeleton: every TODO placeholder replaced by real text."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"TODO:? ?", "", text)
    path.write_text(text, encoding="utf-8")


# The example handbook's name, people, departments (in every language) and id prefixes: written
# out, not read from mkdocs.yml, so the test still knows them after `--replace-example` moved it.
NORTHWIND_WORDS = (
    "Northwind", "northwind",
    "Anna Kowalczyk", "Daniel Moore", "Eszter Kiss", "Fatima Al-Sayed", "Gábor Szabó", "Jānis Bērziņš",
    "Laura Ozola", "Marta Wiśniewska", "Omar Haddad", "Priya Natarajan", "Tomasz Nowak",
    "Contact Centre", "CC-0", "Centrum kontaktowe", "Ügyfélszolgálati központ", "Kontaktu centrs", "مركز الاتصال",
    "Front Desk", "FD-0", "Recepcja", "Recepció", "Reģistratūra", "مكتب الاستقبال",
    "Complaints and Escalations", "CE-0", "Reklamacje i eskalacje", "Panaszok és eszkalációk", "Sūdzības un eskalācijas", "الشكاوى والتصعيد",
    "Billing and Refunds", "BR-0", "Rozliczenia i zwroty", "Számlázás és visszatérítések", "Rēķini un atmaksas", "الفواتير والمبالغ المستردة",
    "Quality and Training", "QT-0", "Jakość i szkolenia", "Minőség és képzés", "Kvalitāte un apmācība", "الجودة والتدريب",
)  # fmt: skip


def northwind_words() -> list[str]:
    return list(NORTHWIND_WORDS)


def leftovers(folder: Path, words: list[str]) -> list[str]:
    """`file: word` for each Northwind word in any text file under `folder`."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix in (".png", ".ico", ".gz", ".woff", ".woff2", ".svg") or "vendor" in path.parts:
            continue
        if path.name == "requirements.txt":
            continue  # where the tool is installed from: its repository's address, not the example's text
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(folder)}: {w}" for w in words if w in text]
    return found
