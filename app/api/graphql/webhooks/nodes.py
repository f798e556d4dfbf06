"""How ``node(id:)`` reads webhook endpoints: through the same use case as ``webhookEndpoint``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader, each
from app.api.graphql.webhooks.types import WebhookEndpoint, endpoint_node
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def webhook_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def endpoint(endpoint_id: UUID) -> WebhookEndpoint:
        return endpoint_node(await services.webhooks.get_endpoint(principal, endpoint_id))

    return {"WebhookEndpoint": DataLoader(each(endpoint))}
