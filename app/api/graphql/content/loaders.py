"""Per-request DataLoaders of contents and campaigns: one service call per relation and page size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.content.campaign_mappers import campaign_node
from app.api.graphql.content.campaign_types import Campaign
from app.api.graphql.content.mappers import content_node, transition_node
from app.api.graphql.content.types import Content, ContentTransition
from app.api.runtime import Services
from app.domain.roster.identity import Principal

# A campaign, and the page of its contents asked for: (campaign id, first, after).
PageKey = tuple[UUID, int, str | None]


@dataclass(frozen=True, slots=True)
class ContentLoaders:
    campaign_contents: DataLoader[PageKey, Connection[Content]]
    campaigns_of_content: DataLoader[UUID, list[Campaign]]
    histories: DataLoader[UUID, list[ContentTransition]]


def build_content_loaders(services: Services, principal: Principal) -> ContentLoaders:
    async def load_pages(keys: list[PageKey]) -> list[Connection[Content]]:
        """Campaigns asked for with the same page arguments are read together, in one statement."""
        groups: dict[tuple[int, str | None], list[UUID]] = defaultdict(list)
        for campaign_id, first, after in keys:
            groups[(first, after)].append(campaign_id)
        found: dict[PageKey, Connection[Content]] = {}
        now = services.content.current_time()
        for (first, after), campaign_ids in groups.items():
            request = page_request(first, after)
            pages = await services.content.load_campaign_contents(principal, campaign_ids, request)
            for campaign_id, page in zip(campaign_ids, pages, strict=True):
                found[(campaign_id, first, after)] = connection(page, lambda item: content_node(item, now), request)
        return [found[key] for key in keys]

    async def load_campaigns(content_ids: list[UUID]) -> list[list[Campaign]]:
        now = services.content.current_time()
        found = await services.content.load_campaigns_of_contents(principal, content_ids)
        return [[campaign_node(campaign, now) for campaign in campaigns] for campaigns in found]

    async def load_histories(content_ids: list[UUID]) -> list[list[ContentTransition]]:
        found = await services.content.load_content_histories(principal, content_ids)
        return [[transition_node(line) for line in lines] for lines in found]

    return ContentLoaders(
        campaign_contents=DataLoader(load_pages),
        campaigns_of_content=DataLoader(load_campaigns),
        histories=DataLoader(load_histories),
    )
