"""Put contents in campaigns and take them out; a content may be in several campaigns."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.content.review_status import ContentStatus
from app.domain.errors import InvalidTransition, NotFound
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.campaign_access import CAMPAIGN_EDITORS, campaign_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignContentCommand:
    campaign_id: UUID
    content_id: UUID


class AddContentToCampaign(UseCase):
    """Staff only. Adding a content already in the campaign changes nothing (returns False);
    archived campaigns and archived contents take no part."""

    async def __call__(self, principal: Principal, command: CampaignContentCommand) -> bool:
        principal.require_any(CAMPAIGN_EDITORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            campaign = await campaign_for_change(uow, command.campaign_id, None)
            campaign.require_open()
            content = await uow.contents.get(command.content_id, for_update=True)
            if content is None:
                raise NotFound("content", command.content_id)
            if content.status in (ContentStatus.ARCHIVED, ContentStatus.RECALLED):
                raise InvalidTransition("content", content.status, "added to a campaign", [])
            added = await uow.campaigns.add_content(campaign.id, content.id, now)
            await uow.commit()
        return added


class RemoveContentFromCampaign(UseCase):
    """Staff only. Removing a content that is not in the campaign changes nothing (returns False)."""

    async def __call__(self, principal: Principal, command: CampaignContentCommand) -> bool:
        principal.require_any(CAMPAIGN_EDITORS)
        async with self._uow(principal.require_tenant()) as uow:
            campaign = await campaign_for_change(uow, command.campaign_id, None)
            campaign.require_open()
            if await uow.contents.get(command.content_id) is None:
                raise NotFound("content", command.content_id)
            removed = await uow.campaigns.remove_content(campaign.id, command.content_id)
            await uow.commit()
        return removed
