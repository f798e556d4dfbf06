"""Batch reads behind GraphQL DataLoaders for campaigns: each campaign's contents, each content's
campaigns; one query for many keys."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.content.campaigns import Campaign
from app.domain.content.contents import Content
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.content.campaign_access import CAMPAIGN_READERS


class LoadCampaignContents(UseCase):
    """The same page of each campaign's contents (staff and analysts)."""

    async def __call__(
        self, principal: Principal, campaign_ids: Sequence[UUID], page: PageRequest
    ) -> list[Page[Content]]:
        principal.require_any(CAMPAIGN_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            pages = await uow.contents.pages_by_campaign(campaign_ids, page)
        return [pages[campaign_id] for campaign_id in campaign_ids]


class LoadCampaignsOfContents(UseCase):
    """The campaigns each content belongs to (staff and analysts)."""

    async def __call__(self, principal: Principal, content_ids: Sequence[UUID]) -> list[list[Campaign]]:
        principal.require_any(CAMPAIGN_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            found = await uow.campaigns.campaigns_of(content_ids)
        return [found[content_id] for content_id in content_ids]
