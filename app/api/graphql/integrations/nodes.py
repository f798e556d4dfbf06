"""How ``node(id:)`` reads integrations: through the same use case as ``integration``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader, each
from app.api.graphql.integrations.types import Integration, integration_node
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def integration_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def integration(integration_id: UUID) -> Integration:
        return integration_node(await services.integrations.get_integration(principal, integration_id))

    return {"Integration": DataLoader(each(integration))}
