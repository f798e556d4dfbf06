"""Read one campaign, or page through them."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from app.domain.content.campaigns import Campaign
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.campaigns import CampaignFilter
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.content.campaign_access import CAMPAIGN_READERS


class GetCampaign(UseCase):
    """Staff and analysts."""

    async def __call__(self, principal: Principal, campaign_id: UUID) -> Campaign:
        principal.require_any(CAMPAIGN_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            campaign = await uow.campaigns.get(campaign_id)
        if campaign is None:
            raise NotFound("campaign", campaign_id)
        return campaign


class ListCampaigns(UseCase):
    """Staff and analysts. The status filter is the phase clients read now; ``active_at`` keeps
    the campaigns running at that instant."""

    async def __call__(self, principal: Principal, criteria: CampaignFilter, page: PageRequest) -> Page[Campaign]:
        principal.require_any(CAMPAIGN_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.campaigns.list(replace(criteria, at=self._clock.now()), page)
