"""Launch a draft campaign: from then on its dates say whether it is scheduled, active or ended."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.content.campaigns import Campaign
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.campaign_access import CAMPAIGN_EDITORS, campaign_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignTransitionCommand:
    campaign_id: UUID
    expected_version: int | None = None


class LaunchCampaign(UseCase):
    """Staff only; a campaign needs its start to be launched, and is launched once."""

    async def __call__(self, principal: Principal, command: CampaignTransitionCommand) -> Campaign:
        principal.require_any(CAMPAIGN_EDITORS)
        async with self._uow(principal.require_tenant()) as uow:
            campaign = await campaign_for_change(uow, command.campaign_id, command.expected_version)
            campaign.launch(self._clock.now())
            await uow.campaigns.save(campaign)
            await uow.commit()
        return campaign
