"""The daily salts that visitor digests are computed with, shared by every replica."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from app.domain.visitors import VisitorSalts


class VisitorSaltStore(Protocol):
    async def salts(self, today: date) -> VisitorSalts:
        """Today's salt (created on first use; every replica gets the same) and yesterday's if kept."""
        ...
