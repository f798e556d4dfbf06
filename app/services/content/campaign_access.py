"""Who may do what with campaigns, and loading one of them for a use case."""

from __future__ import annotations

from uuid import UUID

from app.domain.content.campaigns import Campaign
from app.domain.errors import NotFound
from app.domain.roster.identity import PROGRAMME_STAFF
from app.ports.unit_of_work import UnitOfWork
from app.services.content.content_access import CONTENT_READERS

CAMPAIGN_EDITORS = PROGRAMME_STAFF
CAMPAIGN_READERS = CONTENT_READERS


async def campaign_for_change(uow: UnitOfWork, campaign_id: UUID, expected_version: int | None) -> Campaign:
    campaign = await uow.campaigns.get(campaign_id, for_update=True)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    campaign.require_version(expected_version)
    return campaign
