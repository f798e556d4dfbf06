"""Start a campaign as a draft."""

from __future__ import annotations

from app.domain.content.campaigns import Campaign, CampaignFields
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.campaign_access import CAMPAIGN_EDITORS


class CreateCampaign(UseCase):
    """Staff (admin, manager) only. The slug is unique in the organisation (409) and becomes the
    ``utm_campaign`` of shared links; the points multiplier is at least 1."""

    async def __call__(self, principal: Principal, fields: CampaignFields) -> Campaign:
        principal.require_any(CAMPAIGN_EDITORS)
        tenant_id = principal.require_tenant()
        campaign = Campaign.create(
            id=self._ids.new_id(), tenant_id=tenant_id, fields=fields, author=principal.subject, now=self._clock.now()
        )
        async with self._uow(tenant_id) as uow:
            await uow.campaigns.add(campaign)
            await uow.commit()
        return campaign
