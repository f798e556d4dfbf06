"""How ``node(id:)`` reads contents and campaigns: through the same use cases as ``content`` and
``campaign``, so the same readers see them."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.content.campaign_mappers import campaign_node
from app.api.graphql.content.campaign_types import Campaign
from app.api.graphql.content.mappers import content_node
from app.api.graphql.content.types import Content
from app.api.graphql.global_ids import NodeLoader, each
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def content_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def content(content_id: UUID) -> Content:
        return content_node(await services.content.get_content(principal, content_id), services.content.current_time())

    async def campaign(campaign_id: UUID) -> Campaign:
        return campaign_node(
            await services.content.get_campaign(principal, campaign_id), services.content.current_time()
        )

    return {"Content": DataLoader(each(content)), "Campaign": DataLoader(each(campaign))}
