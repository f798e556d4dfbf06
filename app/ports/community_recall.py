"""Ports of recall: the take-downs of a recalled content's posts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from app.domain.community.recall import TakeDown, TakeDownProgress, TakeDownStatus
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class TakeDownFilter:
    """Every criterion given must hold."""

    ambassador_id: UUID | None = None
    content_id: UUID | None = None
    status: TakeDownStatus | None = None


class TakeDownRepository(Protocol):
    async def add(self, take_down: TakeDown) -> None:
        """A second take-down of the same share is refused by the store (one per posted share)."""
        ...

    async def save(self, take_down: TakeDown) -> None: ...
    async def get(self, take_down_id: UUID, *, for_update: bool = False) -> TakeDown | None: ...
    async def list(self, criteria: TakeDownFilter, page: PageRequest) -> Page[TakeDown]:
        """In the order they were requested (by id)."""
        ...

    async def shares_taken_down(self, content_id: UUID) -> set[UUID]:
        """The shares of the content that already have their take-down."""
        ...

    async def progress(self, content_id: UUID) -> TakeDownProgress:
        """How many of the content's take-downs are pending and confirmed."""
        ...
