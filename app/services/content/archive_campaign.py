"""Archive a campaign, draft or launched; it can no longer change."""

from __future__ import annotations

from app.domain.content.campaigns import Campaign
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.campaign_access import CAMPAIGN_EDITORS, campaign_for_change
from app.services.content.launch_campaign import CampaignTransitionCommand


class ArchiveCampaign(UseCase):
    async def __call__(self, principal: Principal, command: CampaignTransitionCommand) -> Campaign:
        principal.require_any(CAMPAIGN_EDITORS)
        async with self._uow(principal.require_tenant()) as uow:
            campaign = await campaign_for_change(uow, command.campaign_id, command.expected_version)
            campaign.archive(self._clock.now())
            await uow.campaigns.save(campaign)
            await uow.commit()
        return campaign
