"""The README's configuration table is the ops team's reference: it must list every setting."""

from __future__ import annotations

from pathlib import Path

from app.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_every_setting_with_its_default() -> None:
    text = README.read_text()
    missing = [f"RELAIS_{name.upper()}" for name in Settings.model_fields if f"`RELAIS_{name.upper()}`" not in text]
    assert missing == [], f"document these variables in README.md: {missing}"
