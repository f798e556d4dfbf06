"""The core's texts name resources and actions, never HTTP: GraphQL clients read the same messages,
and use case docstrings become the API's descriptions."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import TypeGuard

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
CORE = ("domain", "ports", "services")
# A status code, a REST path or a request line, or HTTP's own headers for versions.
HTTP_TEXT = re.compile(r"\b[45]\d\d\b|/v1\b|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD) /|\bIf-Match\b|\bETag\b")


def core_texts() -> list[tuple[str, int, str]]:
    """Every string written in the core's source (messages, docstrings, comments aside)."""
    found = []
    for layer in CORE:
        for path in sorted((APP / layer).rglob("*.py")):
            where = str(path.relative_to(APP.parent))
            nodes = ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            found += [(where, node.lineno, str(node.value)) for node in nodes if _is_text(node)]
    return found


def _is_text(node: ast.AST) -> TypeGuard[ast.Constant]:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_the_scan_reads_the_core_messages() -> None:
    texts = [text for _, _, text in core_texts()]
    assert any("opt in first" in text for text in texts)
    assert len(texts) > 500


@pytest.mark.parametrize("text", ["409 ``conflict``", "opt in with POST /v1/me/opt-in", "(404)", "the new ETag"])
def test_http_wording_is_recognised(text: str) -> None:
    assert HTTP_TEXT.search(text)


def test_no_core_text_names_a_status_code_or_a_rest_path() -> None:
    offending = [f"{path}:{line}: {text!r}" for path, line, text in core_texts() if HTTP_TEXT.search(text)]
    assert offending == [], "Name the resource or the action instead:\n" + "\n".join(offending)
