"""docs/problems.md is the registry's catalogue: regenerated, never edited by hand."""

from __future__ import annotations

from pathlib import Path

from app.api.problem_types import REGISTRY
from app.api.problem_types.catalogue import render_catalogue

CATALOGUE = Path(__file__).resolve().parents[2] / "docs" / "problems.md"


def test_the_committed_catalogue_is_the_registry_s() -> None:
    assert CATALOGUE.read_text() == render_catalogue(), "run `make openapi` and commit docs/problems.md"


def test_the_catalogue_gives_each_type_its_meaning_and_its_fix() -> None:
    text = render_catalogue()
    for kind in REGISTRY:
        section = text.split(f"\n## {kind.slug}\n", 1)[1].split("\n## ", 1)[0]
        assert kind.means in section
        assert kind.fix in section
        assert f'"type": "{kind.uri}"' in section
