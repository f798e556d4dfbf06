"""The operations page's settings table is the ops team's reference: it must list every setting."""

from __future__ import annotations

import re
from pathlib import Path

from app.settings import Settings

OPERATIONS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def test_operations_page_lists_every_setting() -> None:
    text = OPERATIONS.read_text()
    missing = [f"RELAIS_{name.upper()}" for name in Settings.model_fields if f"`RELAIS_{name.upper()}`" not in text]
    assert missing == [], f"document these variables in docs/operations.md: {missing}"


ROOT = OPERATIONS.parents[1]
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#+\s+(.*)$", re.MULTILINE)


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_pages_lead_somewhere() -> None:
    broken = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in LINK.findall(page.read_text()):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            if not linked.exists():
                broken.append(f"{page.name}: {target}")
            elif anchor and anchor not in {_anchor(h) for h in HEADING.findall(linked.read_text())}:
                broken.append(f"{page.name}: {target} (no such heading)")
    assert broken == [], f"fix these links: {broken}"
