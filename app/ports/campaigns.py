"""Ports of the content capability's campaigns: their repository and how lists of them are filtered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.content.campaigns import Campaign, CampaignPhase
from app.domain.content.content_fields import Objective
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignFilter:
    """``status`` is the phase clients read at ``at`` (the use case sets it to now); ``active_at``
    keeps the campaigns running at that instant."""

    at: datetime | None = None
    status: CampaignPhase | None = None
    objective: Objective | None = None
    active_at: datetime | None = None


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
