"""Change a campaign, optionally guarded by the version the client last read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.content.campaigns import Campaign
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.campaign_access import CAMPAIGN_EDITORS, campaign_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCampaignCommand:
    campaign_id: UUID
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


class UpdateCampaign(UseCase):
    """Staff only; an archived campaign is frozen, a launched one keeps its slug and its start."""

    async def __call__(self, principal: Principal, command: UpdateCampaignCommand) -> Campaign:
        principal.require_any(CAMPAIGN_EDITORS)
        async with self._uow(principal.require_tenant()) as uow:
            campaign = await campaign_for_change(uow, command.campaign_id, command.expected_version)
            campaign.edit(command.changes, self._clock.now())
            await uow.campaigns.save(campaign)
            await uow.commit()
        return campaign
