"""Instants read back from JSON built by PostgreSQL (``json_build_object`` writes timestamptz as text)."""

from __future__ import annotations

from datetime import datetime


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)
