"""Repositories of what the programme shares: contents (with their history) and campaigns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.cadence import Scheduled
from app.domain.campaigns import Campaign, CampaignPhase
from app.domain.content import Content
from app.domain.content_fields import ContentFormat, Objective
from app.domain.content_status import ContentTransition, PublicStatus
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentFilter:
    """``status`` is the status clients read, so ``published`` and ``expired`` are judged at ``at``
    (the use case sets it to now)."""

    at: datetime | None = None
    status: PublicStatus | None = None
    format: ContentFormat | None = None
    topic: str | None = None
    campaign_id: UUID | None = None
    language: str | None = None
    objective: Objective | None = None
    created_by: str | None = None


def judged_at(at: datetime | None) -> datetime:
    if at is None:
        raise ValueError("A filter on a derived status needs the instant it is judged at.")
    return at


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignFilter:
    """``status`` is the phase clients read at ``at`` (the use case sets it to now); ``active_at``
    keeps the campaigns running at that instant."""

    at: datetime | None = None
    status: CampaignPhase | None = None
    objective: Objective | None = None
    active_at: datetime | None = None


class ContentRepository(Protocol):
    async def add(self, content: Content) -> None:
        """Store a new content and the first lines of its history."""
        ...

    async def save(self, content: Content) -> None:
        """Store the content's changes and append its new history lines."""
        ...

    async def get(self, content_id: UUID, *, for_update: bool = False) -> Content | None: ...
    async def get_many(self, content_ids: Sequence[UUID]) -> list[Content]: ...
    async def pages_by_campaign(self, campaign_ids: Sequence[UUID], page: PageRequest) -> dict[UUID, Page[Content]]:
        """The same page of each campaign's contents, in one read; a campaign with none maps to an empty page."""
        ...

    async def history(self, content_id: UUID) -> list[ContentTransition]:
        """Every transition, oldest first."""
        ...

    async def histories(self, content_ids: Sequence[UUID]) -> dict[UUID, list[ContentTransition]]:
        """Each content's transitions, oldest first, in one read."""
        ...

    async def lock_schedule(self) -> None:
        """Serialise approvals in this tenant until the transaction ends: the cadence reads, then writes."""
        ...

    async def scheduled_between(self, start: datetime, end: datetime) -> list[Scheduled]:
        """Approved shareable contents going live in ``[start, end)``."""
        ...

    async def list(self, criteria: ContentFilter, page: PageRequest) -> Page[Content]: ...


class CampaignRepository(Protocol):
    async def add(self, campaign: Campaign) -> None:
        """Raises ``DuplicateValue`` on ``slug`` when another campaign of the tenant has it."""
        ...

    async def save(self, campaign: Campaign) -> None: ...
    async def get(self, campaign_id: UUID, *, for_update: bool = False) -> Campaign | None: ...
    async def get_many(self, campaign_ids: Sequence[UUID]) -> list[Campaign]: ...
    async def add_content(self, campaign_id: UUID, content_id: UUID, now: datetime) -> bool:
        """Put a content in a campaign; False when it was there already."""
        ...

    async def remove_content(self, campaign_id: UUID, content_id: UUID) -> bool:
        """Take a content out of a campaign; False when it was not in it."""
        ...

    async def campaigns_of(self, content_ids: Sequence[UUID]) -> dict[UUID, list[Campaign]]:
        """The campaigns each content belongs to, in one read."""
        ...

    async def list(self, criteria: CampaignFilter, page: PageRequest) -> Page[Campaign]: ...
